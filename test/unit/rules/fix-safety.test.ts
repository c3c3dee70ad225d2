// Every fix the engine offers, on every fixture, applied to a copy of the workbook and checked again
// from scratch (fresh detection): its finding is gone and no new error or warning appears. 全部修正
// (all fixes at once, one per cell as the task pane applies them) passes the same test.
import { join } from 'node:path';
import type { Finding, SuggestedFix } from '../../../src/core/findings';
import { runChecks } from '../../../src/core/rules/engine';
import { applyFixes } from '../../../src/core/diagnosis/prove';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { LAYOUTS, allFaults, generateWorkbook } from '../../fixtures/generator';
import type { GenerateOptions, LayoutId } from '../../fixtures/generator';
import { plant, plantSites, rng, slip } from '../../fixtures/generator/planting';
import { SHARED_DIR, loadSample, loadXlsx } from '../../helpers';

const analyze = (wb: WorkbookSnapshot) => runChecks(wb, detectTables(wb));
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');
const place = (f: Finding) => (f.sheet && f.cell ? `${f.sheet}|${f.cell}` : `${f.rule}|${f.message}`);

/** Problems after the fixes that were not there before, and fixed findings still standing. */
function verdict(before: Finding[], fixed: Finding[], wb: WorkbookSnapshot): string[] {
  const after = serious(analyze(applyFixes(wb, fixed.map((f) => f.fix as SuggestedFix))));
  const was = new Set(serious(before).map(place));
  const now = new Set(after.map(place));
  return [
    ...after.filter((f) => !was.has(place(f))).map((f) => `new: ${f.rule} ${f.sheet}!${f.cell} ${f.message}`),
    ...fixed.filter((f) => now.has(place(f))).map((f) => `still: ${f.rule} ${f.sheet}!${f.cell}`),
  ];
}

function checkFixes(wb: WorkbookSnapshot): number {
  const before = analyze(wb);
  const offered = before.filter((f) => f.fix);
  for (const f of offered) expect([`${f.rule} ${f.sheet}!${f.cell}`, verdict(before, [f], wb)]).toEqual([`${f.rule} ${f.sheet}!${f.cell}`, []]);
  // 全部修正: one fix per cell, in reporting order.
  const cells = new Set<string>();
  const all = offered.filter((f) => {
    const k = `${f.fix!.ref.sheet}!${f.fix!.ref.row},${f.fix!.ref.col}`;
    if (cells.has(k)) return false;
    cells.add(k);
    return true;
  });
  if (all.length > 1) expect(verdict(before, all, wb)).toEqual([]);
  return offered.length;
}

const layouts = Object.keys(LAYOUTS) as LayoutId[];
const generated: [string, GenerateOptions][] = layouts.flatMap((layout) => [
  [`${layout}, every fault category at once`, { layout, faults: allFaults() }],
  [`${layout} stacked, merged scores, every fault category`, { layout, stackTables: true, stackScorecards: true, mergedScores: true, faults: allFaults() }],
]);

describe('every offered fix is safe, alone and all together', () => {
  it.each(generated)('%s', async (_n, opts) => {
    const wb = await readXlsx((await generateWorkbook(opts)).bytes, 'generated.xlsx');
    const n = checkFixes(wb);
    expect(n).toBeGreaterThan(0);
  });

  it.each([['sh-putuo-yichuan-2025.xlsx'], ['sh-putuo-shengtai-2025.xlsx']])('real report %s', async (file) => {
    checkFixes(await loadXlsx(join(SHARED_DIR, 'fixtures', 'real', file)));
  });

  it('the sample, clean and with single slips planted in any figure a relation reads', async () => {
    const sample = await loadSample();
    expect(checkFixes(sample)).toBe(0);
    const sites = plantSites(sample, detectTables(sample));
    const random = rng(7);
    let offered = 0;
    for (let i = 0; i < 12; i++) {
      const site = sites[Math.floor(random() * sites.length)];
      offered += checkFixes(plant(sample, [{ site, value: slip(site, random) }]));
    }
    expect(offered).toBeGreaterThan(6);
  });

  it('a generated 元 workbook with slips in two places at once', async () => {
    const wb = await readXlsx((await generateWorkbook({ layout: 'central', unit: 'bigunit' })).bytes, 'central.xlsx');
    const sites = plantSites(wb, detectTables(wb)).filter((s) => s.pinned);
    const random = rng(11);
    for (let i = 0; i < 4; i++) {
      const a = sites[Math.floor(random() * sites.length)];
      const b = sites[Math.floor(random() * sites.length)];
      if (a === b) continue;
      checkFixes(plant(wb, [{ site: a, value: slip(a, random) }, { site: b, value: slip(b, random) }]));
    }
  });
});
