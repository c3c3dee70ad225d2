// Garbage never makes detection throw, and detection stays roughly linear in cells.
import fc from 'fast-check';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import type { ScorecardTable, CodedTable } from '../../../src/core/tables/types';
import { codedBlock, EXP_HEADERS, scorecardBlock, stack } from './build';
import { loadSample } from '../../helpers';
import type { CodedLine } from './build';

// Words that steer the readers deep into their paths, mixed with noise.
const VOCAB = [
  '收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表', '一般公共预算财政拨款基本支出决算明细表',
  '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表', '财政拨款“三公”经费支出决算表', '部门整体支出绩效评价基础数据表', '部门整体支出绩效自评表', '项目支出绩效自评表',
  '科目编码', '科目名称', '类', '款', '项', '合计', '小计', '总计', '本年支出', '基本支出', '项目支出', '本年收入合计', '财政拨款收入', '项目', '行次', '栏次', '金额', '决算数', '预算数',
  '收入', '支出', '人员经费', '公用经费', '人员经费合计', '公用经费合计', '因公出国（境）费', '公务接待费', '公务用车购置费', '项目名称', '年初预算数', '全年预算数', '全年执行数', '分值', '得分',
  '一级指标', '二级指标', '三级指标', '总分', '预期目标', '实际完成情况', '经费控制情况', '编制数', '项目支出：', '公用经费', '注：本表为空表', '单位：万元', '单位：元', '208', '20801', '2080106', '01', '1,234.56', '(12.30)', '—', '-',
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
  { weight: 3, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 3000000 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, true, false) },
  { weight: 4, arbitrary: fc.constant(null) },
);

const merge: fc.Arbitrary<CellRange> = fc.oneof(
  fc.record({ r1: fc.nat(40), c1: fc.nat(12), r2: fc.nat(45), c2: fc.nat(14) }),
  // huge and degenerate merges
  fc.record({ r1: fc.nat(5), c1: fc.nat(5), r2: fc.integer({ min: 0, max: 1048575 }), c2: fc.integer({ min: 0, max: 16383 }) }),
  fc.record({ r1: fc.integer({ min: -3, max: 50 }), c1: fc.integer({ min: -3, max: 20 }), r2: fc.integer({ min: -3, max: 50 }), c2: fc.integer({ min: -3, max: 20 }) }),
);

const sheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.string({ maxLength: 8 }),
    rows: fc.array(fc.array(value, { maxLength: 14 }), { maxLength: 45 }),
    merges: fc.array(merge, { maxLength: 12 }),
  })
  .map(({ name, rows, merges }) => sheetFromValues(name, rows, { merges }));

describe('robustness', () => {
  it('never throws on random sheets with random merges (fixed seed)', () => {
    const t0 = Date.now();
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
        const d = detectTables({ name: 'fuzz.xlsx', sheets });
        for (const t of d.tables) {
          expect(t.range.r1).toBeLessThanOrEqual(t.range.r2);
          expect(t.range.c1).toBeLessThanOrEqual(t.range.c2);
          expect(t.id.startsWith(`${t.sheet}!`)).toBe(true);
        }
        // Internal errors are reported as unknown sheets; none may happen.
        expect(d.unknown.filter((u) => u.reason.startsWith('读取本工作表时出错'))).toEqual([]);
      }),
      { seed: 20231231, numRuns: 400 },
    );
    // eslint-disable-next-line no-console
    console.log(`fuzz: 400 random workbooks in ${Date.now() - t0} ms`);
  });

  it('never throws when the sample is mutated cell by cell (fixed seed)', async () => {
    const sample = await loadSample();
    const edit = fc.record({ sheet: fc.nat(sample.sheets.length - 1), r: fc.nat(30), c: fc.nat(12), v: value });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), fc.array(fc.record({ sheet: fc.nat(sample.sheets.length - 1), m: merge }), { maxLength: 4 }), (edits, merges) => {
        const sheets = sample.sheets.map((sh) => ({ ...sh, cells: sh.cells.map((row) => (row ? [...row] : row)), merges: [...sh.merges] }));
        for (const e of edits) {
          const sh = sheets[e.sheet];
          const row = (sh.cells[e.r] ??= []);
          row[e.c] = e.v === null ? undefined : { v: e.v };
        }
        for (const { sheet: i, m } of merges) sheets[i].merges.push(m);
        const d = detectTables({ name: 'mutated.xlsx', sheets });
        expect(d.unknown.filter((u) => u.reason.startsWith('读取本工作表时出错'))).toEqual([]);
        // Untouched sheets read exactly as before.
        const touched = new Set([...edits.map((e) => e.sheet), ...merges.map((m) => m.sheet)]);
        const names = sheets.filter((_, i) => !touched.has(i)).map((x) => x.name);
        for (const n of names) expect(d.tables.filter((t) => t.sheet === n).length).toBe(baseline.get(n) ?? 0);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  let baseline: Map<string, number>;
  beforeAll(async () => {
    const d = detectTables(await loadSample());
    baseline = new Map();
    for (const t of d.tables) baseline.set(t.sheet, (baseline.get(t.sheet) ?? 0) + 1);
  });

  it('accepts empty and malformed snapshots', () => {
    const weird = [
      { name: 'w', sheets: [] },
      { name: 'w', sheets: [{ name: 'e', cells: [], merges: [] }] },
      { name: 'w', sheets: [{ name: 'holes', cells: [undefined, [undefined, { v: null }]] as unknown as SheetSnapshot['cells'], merges: [] }] },
      { name: 'w', sheets: [{ name: 'nomerges', cells: [[{ v: '收入决算表' }]] } as unknown as SheetSnapshot] },
      { name: 'w', sheets: [null] } as unknown as WorkbookSnapshot,
      {} as WorkbookSnapshot,
    ];
    for (const wb of weird) expect(() => detectTables(wb as WorkbookSnapshot)).not.toThrow();
  });

  it('scans a 50,000-row sheet of text quickly', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 50000; i++) rows.push([`第${i}行说明文字`, `备注${i % 7}`, i % 3 === 0 ? '某某统计表' : 'x', i]);
    const big = sheetFromValues('big', rows, { merges: [{ r1: 0, c1: 0, r2: 1048575, c2: 16383 }] });
    const t0 = Date.now();
    const d = detectTables({ name: 'big.xlsx', sheets: [big] });
    const ms = Date.now() - t0;
    // eslint-disable-next-line no-console
    console.log(`50,000-row text sheet: ${ms} ms`);
    expect(d.tables).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });

  it('stays linear when every row of a long sheet is a title', () => {
    const titles = ['收入决算表', '项目支出绩效自评表', '部门整体支出绩效评价基础数据表', '某某情况表'];
    const rows: CellValue[][] = [];
    for (let i = 0; i < 20000; i++) rows.push([titles[i % 4], i % 5 === 0 ? '科目编码' : null, '项目', '金额']);
    const t0 = Date.now();
    const d = detectTables({ name: 'titles.xlsx', sheets: [sheetFromValues('t', rows)] });
    const ms = Date.now() - t0;
    // eslint-disable-next-line no-console
    console.log(`20,000 title rows: ${ms} ms`);
    expect(d.tables).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });

  it('detects and reads 2,000 item rows and 60 scorecards well under a second', () => {
    const lines: CodedLine[] = [];
    for (let c = 0; c < 40; c++) {
      const cls = String(201 + c);
      lines.push({ code: cls, name: `类${cls}`, values: [1, 1, 0, 0, 0, 0] });
      for (let k = 1; k <= 7; k++) {
        const sec = cls + String(k).padStart(2, '0');
        lines.push({ code: sec, name: `款${sec}`, values: [1, 1, 0, 0, 0, 0] });
        for (let x = 1; x <= 6 && lines.length < 2000; x++) lines.push({ code: sec + String(x).padStart(2, '0'), name: `项${sec}${x}`, values: [1, 1, 0, 0, 0, 0] });
      }
    }
    while (lines.length < 2000) lines.push({ code: '2089999', name: '其他', values: [1, 1, 0, 0, 0, 0] });
    const coded = stack('支出', [codedBlock({ lines, headers: EXP_HEADERS })]);
    const cards = stack(
      '项目自评',
      Array.from({ length: 60 }, (_, i) => scorecardBlock({ name: `项目${i + 1}`, mergedScores: i % 2 === 0 })),
      1,
    );
    const wb: WorkbookSnapshot = { name: 'large.xlsx', sheets: [coded, cards] };
    detectTables(wb); // warm-up (JIT), as a long-running task pane would be
    const t0 = Date.now();
    const d = detectTables(wb);
    const ms = Date.now() - t0;
    // eslint-disable-next-line no-console
    console.log(`2,000 item rows + 60 scorecards: ${ms} ms`);
    expect((d.tables[0] as CodedTable).items).toHaveLength(2000);
    const sc = d.tables.filter((t) => t.kind === 'perf-project-scorecard') as ScorecardTable[];
    expect(sc).toHaveLength(60);
    expect(sc[59].name).toBe('项目60');
    expect(ms).toBeLessThan(1000);
  });
});
