// Detection against generated workbooks in every layout: exactly the truth tables are found
// (kind, sheet, range, unit; decoys never), and every truth figure is read at the same cell with
// the same value.
import { rangeA1 } from '../../../src/core/address';
import { detectTables } from '../../../src/core/tables/detect';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { LAYOUTS, allFaults, generateLarge, generateWorkbook, resolveFigure, type GenerateOptions, type LayoutId, type UnitId } from '../../fixtures/generator/index';

const cases: [string, GenerateOptions][] = [];
// Every layout × unit (putuo: the published Shanghai 2025 shape of ../shared/fixtures/real).
for (const unit of ['jiuye', 'bigunit', 'rounding'] as UnitId[]) for (const layout of Object.keys(LAYOUTS) as LayoutId[]) cases.push([`${unit}/${layout}`, { unit, layout }]);
cases.push(['jiuye/hunan stacked tables + stacked scorecards', { unit: 'jiuye', layout: 'hunan', stackTables: true, stackScorecards: true }]);
cases.push(['bigunit/shanghai stacked + merged scores', { unit: 'bigunit', layout: 'shanghai', stackTables: true, stackScorecards: true, mergedScores: true }]);
cases.push(['bigunit/central stacked + merged scores', { unit: 'bigunit', layout: 'central', stackTables: true, stackScorecards: true, mergedScores: true }]);
cases.push(['jiuye/hunan decoys', { unit: 'jiuye', layout: 'hunan', decoys: true }]);
cases.push(['bigunit/shanghai decoys', { unit: 'bigunit', layout: 'shanghai', decoys: true }]);
cases.push(['bigunit/central decoys + stacked', { unit: 'bigunit', layout: 'central', decoys: true, stackTables: true }]);
cases.push(['jiuye/shanghai dashes for zeros, numbers as text', { unit: 'jiuye', layout: 'shanghai', dashZeros: true, textNumbers: ['income', 'expenditure', 'general-budget'] }]);
cases.push(['bigunit/central numbered titles 一、…', { unit: 'bigunit', layout: 'central', numberTitles: 'chinese' }]);
cases.push(['jiuye/hunan numbered titles 表1 …', { unit: 'jiuye', layout: 'hunan', numberTitles: 'table' }]);
cases.push(['bigunit/shanghai numbered titles 表1 …', { unit: 'bigunit', layout: 'shanghai', numberTitles: 'table', stackTables: true }]);
cases.push(['bigunit/hunan with every fault planted', { unit: 'bigunit', layout: 'hunan', faults: allFaults() }]);
cases.push(['jiuye/central with every fault planted', { unit: 'jiuye', layout: 'central', faults: allFaults() }]);
// Families of real layouts beyond the four styles' defaults.
cases.push(['bigunit/putuo stacked tables, thousands separators as text', { unit: 'bigunit', layout: 'putuo', stackTables: true, textNumbers: ['summary', 'income', 'expenditure', 'fiscal-summary', 'general-budget', 'basic-detail', 'gov-fund', 'state-capital', 'three-public'] }]);
cases.push(['jiuye/putuo decoys, dashes for zeros', { unit: 'jiuye', layout: 'putuo', decoys: true, dashZeros: true }]);
cases.push(['bigunit/putuo with every fault planted', { unit: 'bigunit', layout: 'putuo', faults: allFaults() }]);
for (const [layout, blocks, codes] of [
  ['central', 3, 'split'],
  ['hunan', 3, 'split-repeat'],
  ['shanghai', 2, 'split'],
  ['putuo', 3, 'joined'],
  ['putuo', 3, 'split'],
] as [LayoutId, 2 | 3, 'joined' | 'split' | 'split-repeat'][])
  for (const unit of ['jiuye', 'bigunit'] as UnitId[]) cases.push([`${unit}/${layout} basic-detail in ${blocks} blocks, codes ${codes}`, { unit, layout, basicDetail: { blocks, codes } }]);

const key = (t: { kind: string; sheet: string; range: string; unit: string | null }) => `${t.sheet}!${t.range} ${t.kind} ${t.unit}`;

describe.each(cases)('%s', (_name, opts) => {
  let gen: Awaited<ReturnType<typeof generateWorkbook>>;
  let detection: ReturnType<typeof detectTables>;
  beforeAll(async () => {
    gen = await generateWorkbook(opts);
    detection = detectTables(await readXlsx(gen.bytes, 'generated.xlsx'));
  });

  test('finds exactly the truth tables (kind, sheet, range, unit)', () => {
    const found = detection.tables.map((t) => key({ kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit })).sort();
    const expected = gen.truth.tables.map(key).sort();
    expect(found).toEqual(expected);
  });

  test('never detects a decoy as a table', () => {
    const truthSheets = new Set(gen.truth.tables.map((t) => t.sheet));
    const stray = detection.tables.filter((t) => !truthSheets.has(t.sheet) || /政府采购|部门收支总表/.test(t.title));
    expect(stray.map((t) => `${t.sheet}: ${t.title}`)).toEqual([]);
  });

  test('reads every truth figure at its cell with its value', () => {
    const wrong: string[] = [];
    for (const f of gen.truth.figures) {
      const r = resolveFigure(detection, f.path);
      const got = r ? `${r.sheet}!${r.cell}=${r.value}` : 'missing';
      const want = `${f.sheet}!${f.cell}=${f.value}`;
      if (got !== want) wrong.push(`${f.path}: want ${want}, got ${got}`);
    }
    // Show at most 25 so that a broken reader gives a readable failure.
    expect({ count: wrong.length, first: wrong.slice(0, 25) }).toEqual({ count: 0, first: [] });
  });

  test('reads the 补充信息 sheet', () => {
    expect(detection.supplement?.sheet).toBe('补充信息');
    expect(detection.supplement?.entries.length).toBe(gen.unit.supplement.length);
  });
});

describe('large workbook (2,000 项 rows, 60 scorecards on 3 sheets)', () => {
  test('finds every table and reads every figure at its cell', async () => {
    const gen = await generateLarge({ itemRows: 2000, scorecards: 60 });
    const detection = detectTables(await readXlsx(gen.bytes, 'large.xlsx'));
    expect(detection.tables.map((t) => key({ kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit })).sort()).toEqual(gen.truth.tables.map(key).sort());
    const wrong: string[] = [];
    for (const f of gen.truth.figures) {
      const r = resolveFigure(detection, f.path);
      if (!r || r.sheet !== f.sheet || r.cell !== f.cell || r.value !== f.value) wrong.push(f.path);
    }
    expect({ count: wrong.length, first: wrong.slice(0, 10) }).toEqual({ count: 0, first: [] });
  });
});
