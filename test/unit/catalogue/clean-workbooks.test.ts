// Clean workbooks know every code they print: the shared sample, every generated unit in every
// layout, and the real reports except for codes that no row of the catalogue holds.
import { rule as unknownCode } from '../../../src/core/rules/catalogue/unknown-code';
import { rule as nameMismatch } from '../../../src/core/rules/catalogue/name-mismatch';
import { runRule, makeContext } from '../../../src/core/rules/engine';
import { detectTables } from '../../../src/core/tables/detect';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { LAYOUTS, generateWorkbook, type LayoutId, type UnitId } from '../../fixtures/generator';
import { loadSample, loadXlsx, SHARED_DIR } from '../../helpers';

function catalogueFindings(wb: WorkbookSnapshot) {
  const ctx = makeContext(wb, detectTables(wb));
  return [...runRule(unknownCode, ctx), ...runRule(nameMismatch, ctx)].map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
}

it('the shared sample: no unknown code, no name mismatch', async () => {
  expect(catalogueFindings(await loadSample())).toEqual([]);
});

const cases = (['jiuye', 'bigunit', 'rounding'] as UnitId[]).flatMap((unit) => (Object.keys(LAYOUTS) as LayoutId[]).map((layout) => [unit, layout] as const));
it.each(cases)('generated %s / %s: no unknown code, no name mismatch', async (unit, layout) => {
  const g = await generateWorkbook({ unit, layout });
  expect(catalogueFindings(await readXlsx(g.bytes, 'g.xlsx'))).toEqual([]);
});

it('the real reports: unknown only 22198 and 2219899 (in no row of ../shared/codes/full)', async () => {
  const codes: string[] = [];
  for (const f of ['sh-putuo-shengtai-2025.xlsx', 'sh-putuo-yichuan-2025.xlsx']) {
    const wb = await loadXlsx(`${SHARED_DIR}/fixtures/real/${f}`);
    const ctx = makeContext(wb, detectTables(wb));
    for (const x of runRule(unknownCode, ctx)) codes.push(/科目编码 (\d+)/.exec(x.message)![1]);
  }
  expect(codes).toEqual(['22198', '2219899']);
});
