// The WPS host reads workbooks exactly, in a number of object-model calls that grows with sheets
// (and merges and format changes), never with cells — mirroring the Excel host's read tests.
import { loadSample } from '../../helpers';
import { bigSheet, manyMergesSheet, manySheets } from '../../fake-excel/workbooks';
import { comparableEt, sorted, wpsHostOn } from '../../fake-et/workbooks';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { analyzeWorkbook } from '../../../src/core/index';
import { generateLarge } from '../../fixtures/generator/index';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { findMerges } from '../../../src/hosts/wps/merges';
import type { EtApplication } from '../../../src/hosts/wps/et';
import { createFakeEt } from '../../fake-et/fake-et';

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

async function readCalls(wb: WorkbookSnapshot, options: Parameters<typeof wpsHostOn>[1] = {}) {
  const { fake, host } = wpsHostOn(wb, options);
  const { result, calls } = await fake.measure(() => host.readSnapshot());
  return { snap: result, calls, fake, host };
}

describe('WpsHost.readSnapshot', () => {
  it('reads the sample exactly (values, formulas, formats of numbers, merges) and finds the same as the file host', async () => {
    const { snap } = await readCalls(sample);
    expect(sorted(snap.sheets)).toEqual(comparableEt(sample));
    const viaWps = analyzeWorkbook(snap).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort();
    const viaFile = analyzeWorkbook(sample).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort();
    expect(viaWps).toEqual(viaFile);
  });

  it('reports progress to the end', async () => {
    const { host } = wpsHostOn(sample);
    const progress: number[] = [];
    await host.readSnapshot((p) => progress.push(p.fraction ?? -1));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it.each([1, 15, 60])('costs calls in proportion to sheets (%i sheets)', async (n) => {
    const wb = manySheets(sample, n);
    const { snap, calls } = await readCalls(wb);
    expect(sorted(snap.sheets)).toEqual(comparableEt(wb));
    // Per sheet: ~16 bulk calls plus a few per merge and per column of mixed formats.
    expect(calls / n).toBeLessThan(150);
  });

  it('a 240 000-cell sheet costs no more calls than a 20-row one of the same shape', async () => {
    const uniform = (rows: number): WorkbookSnapshot => {
      const sh = bigSheet('表', rows, 8);
      sh.cells.forEach((r) => r?.forEach((c) => c && typeof c.v === 'number' && (c.z = '0.00')));
      return { name: 'u', sheets: [sh] };
    };
    const small = await readCalls(uniform(20));
    const big = await readCalls(uniform(30000));
    // Compared as JSON text: deep equality on 240 000 cells is slow in Jest, and a failure must not print them all.
    expect(JSON.stringify(sorted(big.snap.sheets)) === JSON.stringify(comparableEt(uniform(30000)))).toBe(true);
    expect(big.calls).toBe(small.calls);
    expect(big.calls).toBeLessThan(40);
  });

  it('a sheet that changes format every 10th row stays within a call budget, reads every value, and says what it missed', async () => {
    const wb: WorkbookSnapshot = { name: 'b', sheets: [bigSheet('表', 30000, 8)] };
    const { snap, calls, host } = await readCalls(wb);
    const want = comparableEt(wb)[0];
    const got = snap.sheets[0];
    let mismatched = 0;
    let missingFormats = 0;
    want.cells.forEach((row, r) =>
      row?.forEach((c, j) => {
        const g = got.cells[r]?.[j];
        if (!c) return void (g && mismatched++);
        if (!g || g.v !== c.v || g.f !== c.f) return void mismatched++;
        if (g.z === undefined && c.z !== undefined) missingFormats++;
        else if (g.z !== c.z) mismatched++;
      }),
    );
    expect(mismatched).toBe(0);
    expect(missingFormats).toBeGreaterThan(0); // only column D mixes formats
    expect(got.cells[2]?.[8]?.z).toBe('0.00'); // the uniform columns were read
    expect(calls).toBeLessThanOrEqual(10000 + 40); // the per-sheet format budget, plus the bulk reads
    expect((await host.capabilities()).limits.join('')).toMatch(/数字格式种类过多/);
  });

  it('the large generated workbook (2,000 item rows, 60 scorecards stacked 20 to a sheet) reads exactly, rates keeping their percent formats', async () => {
    const large = await generateLarge({ itemRows: 2000, scorecards: 60 });
    const wb = await readXlsx(large.bytes, 'large.xlsx');
    const { snap, calls, host } = await readCalls(wb);
    expect(JSON.stringify(sorted(snap.sheets)) === JSON.stringify(comparableEt(wb))).toBe(true);
    expect((await host.capabilities()).limits).toEqual([]);
    const merges = wb.sheets.reduce((n, s) => n + s.merges.length, 0);
    // About 16 calls per sheet, ~11 per merge, and the format runs of the scorecards: not 57 000 cells.
    expect(calls).toBeLessThan(wb.sheets.length * 200 + merges * 12);
  }, 60000);

  it('keeps protected and hidden flags; leaves the offline page record sheet out', async () => {
    const wb = manySheets(sample, 3);
    wb.sheets[1].hidden = true;
    wb.sheets.push({ name: '_juesuan_marks', cells: [[{ v: '{"version":1,"marks":[]}' }]], merges: [] });
    const { snap } = await readCalls(wb, { protectedSheets: [wb.sheets[2].name], veryHiddenSheets: ['_juesuan_marks'] });
    expect(snap.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    expect(snap.sheets[1].hidden).toBe(true);
    expect(snap.sheets[2].protected).toBe(true);
    expect(snap.sheets[0].protected).toBeUndefined();
    expect(snap.sheets[0].hidden).toBeUndefined();
  });

  it.each(['hresult', 'text'] as const)('reads cell errors (%s form), dates, booleans and a text that looks like a formula', async (errorForm) => {
    const cells: (Cell | undefined)[][] = [
      [{ v: '项目' }, { v: '日期' }, { v: '比率' }, { v: '标志' }],
      [{ v: { error: '#DIV/0!' }, f: 'B9/0' }, { v: '2023-12-31', z: 'yyyy-mm-dd' }, { v: 0.9876, z: '0.00%' }, { v: true }],
      [{ v: { error: '#N/A' } }, { v: 45291, z: '0.00' }, { v: '=不是公式' }, { v: -2146826281.5 }],
    ];
    const wb: WorkbookSnapshot = { name: 'x', sheets: [{ name: '杂项', cells, merges: [] }] };
    const { snap } = await readCalls(wb, { errorForm });
    expect(snap.sheets[0].cells).toEqual(cells);
  });

  it.each(['null', 'true'] as const)('finds merges whether MergeCells of a mixed area is null or true (%s), including >512 of them', async (mixed) => {
    const wb: WorkbookSnapshot = { name: 'm', sheets: [sample.sheets[0], manyMergesSheet()] };
    const { snap, calls } = await readCalls(wb, { mergeCellsMixed: mixed });
    expect(sorted(snap.sheets)).toEqual(comparableEt(wb));
    // A handful of calls per merge, not one per cell (the sheet has 600 × 5 cells).
    expect(calls).toBeLessThan(601 * 12);
  });

  it('merge discovery within a call budget returns only real merges and says it is incomplete', () => {
    const merges = Array.from({ length: 50 }, (_, r) => ({ r1: r * 2, c1: 0, r2: r * 2, c2: 2 }));
    const cells: SheetSnapshot['cells'] = [];
    for (const m of merges) cells[m.r1] = [{ v: '标题' }];
    const fake = createFakeEt({ name: 'm', sheets: [{ name: 'S', cells, merges }] });
    const ws = (fake.Application as EtApplication).ActiveWorkbook!.Worksheets.Item(1);
    const box = { r1: 0, c1: 0, r2: 98, c2: 2 };
    const empty = (r: number, c: number) => !(c === 0 && r % 2 === 0 && r < 100);
    const full = findMerges(ws, box, null, empty, 100000);
    expect(full.complete).toBe(true);
    expect([...full.merges].sort((a, b) => a.r1 - b.r1)).toEqual(merges);
    const part = findMerges(ws, box, null, empty, 60);
    expect(part.complete).toBe(false);
    expect(part.calls).toBeLessThanOrEqual(60);
    for (const m of part.merges) expect(merges).toContainEqual(m);
  });

  it('mixed number formats in one column are told apart (percent rates under amounts)', async () => {
    const cells: SheetSnapshot['cells'] = [[{ v: '项目' }, { v: '金额' }]];
    for (let r = 1; r <= 40; r++) cells[r] = [{ v: `项${r}` }, r % 10 === 0 ? { v: r / 100, z: '0.00%' } : { v: r * 10.5, z: '#,##0.00' }];
    const wb: WorkbookSnapshot = { name: 'f', sheets: [{ name: '格式', cells, merges: [] }] };
    const { snap } = await readCalls(wb);
    expect(snap.sheets[0].cells).toEqual(cells);
  });

  it('reads General as no format however WPS spells it', async () => {
    const { snap } = await readCalls(sample, { generalName: 'G/通用格式' });
    expect(sorted(snap.sheets)).toEqual(comparableEt(sample));
  });

  it('an empty workbook (one blank sheet) reads as one empty sheet; no workbook open is a clear message', async () => {
    const { snap } = await readCalls({ name: 'empty', sheets: [{ name: 'Sheet1', cells: [], merges: [] }] });
    expect(snap.sheets).toEqual([{ name: 'Sheet1', cells: [], merges: [] }]);
    const { fake, host } = wpsHostOn(sample);
    fake.closeWorkbook(fake.wb.name);
    await expect(host.readSnapshot()).rejects.toThrow(/没有打开的工作簿/);
  });

  it('binds to the workbook active when read: a tab switch afterwards does not redirect writes', async () => {
    const { fake, host } = wpsHostOn(sample);
    await host.readSnapshot();
    fake.openWorkbook({ name: '另一个.xlsx', sheets: [{ name: '1收入支出决算总表', cells: [], merges: [] }] });
    await host.highlight([{ rule: 't', family: 'sum', severity: 'error', sheet: '1收入支出决算总表', cell: 'C15', related: [], line: null, message: '问题' }]);
    expect(fake.cell('1收入支出决算总表', 'C15')).toBeUndefined(); // the other workbook is untouched
    fake.activateWorkbook(sample.name);
    expect(fake.cell('1收入支出决算总表', 'C15')?.fill).toBeDefined();
  });
});
