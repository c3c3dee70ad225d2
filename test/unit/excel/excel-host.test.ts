import { loadSample } from '../../helpers';
import { annotatedSampleCopy } from '../../fixtures/annotated-copy';
import { comparable, hostOn, manySheets, manyMergesSheet, bigSheet } from '../../fake-excel/workbooks';
import { applyTint, createFakeExcel, FakeOfficeError } from '../../fake-excel/fake-excel';
import type { Finding, Severity } from '../../../src/core/findings';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { getCell } from '../../../src/core/snapshot';
import { MARKS_SETTING } from '../../../src/hosts/file/mark-style';
import { ExcelHost, envFrom, type ExcelEnv } from '../../../src/hosts/excel/excel-host';
import { saveRecord } from '../../../src/hosts/excel/marks-record';
import { writePreference } from '../../../src/hosts/excel/preferences';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';

function finding(sheet: string | null, cell: string | null, severity: Severity, message: string): Finding {
  return { rule: 'test.rule', family: 'sum', severity, sheet, cell, related: [], line: null, message };
}

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

describe('fake Excel', () => {
  it('throws PropertyNotLoaded when a property is read before load + sync, like Office.js', async () => {
    const fake = createFakeExcel(sample);
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(S1).getRange('C15');
      expect(() => r.values).toThrow(/PropertyNotLoaded|is not available/);
      r.load('values');
      expect(() => r.values).toThrow(FakeOfficeError); // loaded but not yet synced
      await ctx.sync();
      expect(r.values).toEqual([[877.77]]);
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有这张表');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(fake.totalSyncs).toBe(2);
  });

  it('rejects a sync whose response exceeds 5 MB and a call from a missing requirement set', async () => {
    const big: WorkbookSnapshot = { name: 'big', sheets: [bigSheet('大表', 30000, 8)] };
    const fake = createFakeExcel(big, { excelApi: '1.8' });
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('大表').getUsedRange(true);
      r.load('values,formulas,numberFormat');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      ctx.workbook.worksheets.getItem('大表').getRange('B3').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  it('models merged areas, settings that persist, and the request limit on writes', async () => {
    const fake = createFakeExcel(sample, { payloadLimit: 50_000 });
    await fake.Excel.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem(S1).getRange('A1:F18').getMergedAreasOrNullObject();
      areas.load('address,areaCount,areas/items/address');
      ctx.workbook.settings.add('k', { a: 1 });
      await ctx.sync();
      expect(areas.areaCount).toBe(3);
      expect(areas.areas.items.map((r) => r.address)).toEqual([`'${S1}'!A1:F1`, `'${S1}'!A4:C4`, `'${S1}'!D4:F4`]);
      const big = Array.from({ length: 2000 }, () => ['一二三四五六七八九十']);
      ctx.workbook.worksheets.getItem(S1).getRange('H1:H2000').values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      expect(fake.cell(S1, 'H1')).toBeUndefined(); // nothing of a rejected request is applied
    });
    const again = fake.reopen();
    await again.Excel.run(async (ctx) => {
      const setting = ctx.workbook.settings.getItemOrNullObject('k');
      setting.load('value');
      await ctx.sync();
      expect(setting.isNullObject).toBe(false);
      expect(setting.value).toEqual({ a: 1 });
    });
  });
});

describe('ExcelHost.readSnapshot', () => {
  it('reads the sample exactly (values, formulas, number formats, merges) in 2 syncs', async () => {
    const { fake, host } = hostOn(sample);
    const progress: number[] = [];
    const snap = await host.readSnapshot((p) => progress.push(p.fraction ?? -1));
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(snap.sheets).toEqual(comparable(sample));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it.each([1, 15, 60])('takes at most 2 syncs for %i sheets', async (n) => {
    const wb = manySheets(sample, n);
    const { fake, host } = hostOn(wb);
    const snap = await host.readSnapshot();
    expect(snap.sheets).toHaveLength(n);
    expect(snap.sheets).toEqual(comparable(wb));
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
  });

  it('keeps protected and hidden flags', async () => {
    const wb = manySheets(sample, 3);
    wb.sheets[1].hidden = true;
    const { host } = hostOn(wb, { protectedSheets: [wb.sheets[2].name] });
    const snap = await host.readSnapshot();
    expect(snap.sheets[1].hidden).toBe(true);
    expect(snap.sheets[2].protected).toBe(true);
    expect(snap.sheets[0].protected).toBeUndefined();
  });

  it('reads a sheet over 5 MB in chunks under the limit, equal to the source', async () => {
    const wb: WorkbookSnapshot = { name: 'big', sheets: [sample.sheets[0], bigSheet('大表', 30000, 8), sample.sheets[1]] };
    const { fake, host } = hostOn(wb);
    const snap = await host.readSnapshot();
    const ctx = fake.contexts[fake.contexts.length - 1];
    expect(ctx.maxResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    // The sheet really is big: more than 5 MB had to come back in total.
    // Deep equality on 240 000 cells is slow in Jest; JSON text equality is exact and fast.
    expect(JSON.stringify(snap.sheets)).toBe(JSON.stringify(comparable(wb)));
    const sourceBytes = ctx.totalResponseBytes;
    expect(sourceBytes).toBeGreaterThan(5 * 1024 * 1024); // the data really exceeds one response
    // One sync for the sheet list, then about one per 4 MB of data (never dozens).
    expect(ctx.syncCount).toBeGreaterThan(2);
    expect(ctx.syncCount).toBeLessThanOrEqual(2 + Math.ceil(sourceBytes / (4 * 1024 * 1024)) + 1);
  });

  it('falls back when the host rejects calls on null objects, and still reads everything', async () => {
    const wb = manySheets(sample, 4);
    const { fake, host } = hostOn(wb, { nullObjectCalls: 'throw' });
    const snap = await host.readSnapshot();
    expect(snap.sheets).toEqual(comparable(wb));
    // Second read skips the failed attempt.
    await host.readSnapshot();
    expect(fake.lastSyncCount).toBeLessThanOrEqual(3);
  });

  it('a sheet with more than 512 merged areas (Excel refuses them in one call) is read whole, merges in bands', async () => {
    const { cells, merges } = manyMergesSheet();
    const wb: WorkbookSnapshot = { name: 'many merges', sheets: [sample.sheets[0], manyMergesSheet()] };
    const { fake, host } = hostOn(wb);
    // The fake refuses, as Excel does, one call over 512 areas.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('多合并').getRange('A1:F600').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
    const snap = await host.readSnapshot();
    const byTopLeft = (a: { r1: number; c1: number }, b: { r1: number; c1: number }): number => a.r1 - b.r1 || a.c1 - b.c1;
    expect(snap.sheets[1].merges.slice().sort(byTopLeft)).toEqual(merges.slice().sort(byTopLeft));
    expect(snap.sheets[1].cells).toEqual(cells);
    expect(snap.sheets[0]).toEqual(comparable(wb)[0]);
    // 2 syncs tried, the cells again, the formatted range, then a few bands: not one per row.
    expect(fake.lastSyncCount).toBeLessThanOrEqual(6);
  });

  it('oldest Excel (ExcelApi 1.1): reads without the 1.2 valuesOnly parameter', async () => {
    const { fake, host } = hostOn(sample, { excelApi: '1.1' });
    // The fake refuses getUsedRange(valuesOnly) below 1.2, as the parameter's requirement set says.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(S1).getUsedRange(true).load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    const snap = await host.readSnapshot();
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(snap.sheets).toEqual(comparable(sample)); // merges from the workbook file (file-merges.ts)
  });

  it('older Excel (ExcelApi 1.3): reads in 2 syncs; without the file API, without merges', async () => {
    const { fake, host } = hostOn(sample, { excelApi: '1.3', compressedFile: false });
    const snap = await host.readSnapshot();
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(snap.sheets).toEqual(comparable(sample).map((s) => ({ ...s, merges: [] })));
  });
});

describe('ExcelHost marks', () => {
  const WHITE = { color: '#FFFFFF', pattern: 'Solid' };
  const YELLOW = { color: '#FFFF00', pattern: 'Solid' };
  const HATCH = { color: '#00B050', pattern: 'Gray25', patternColor: '#FF0000' };

  function setup(options: Parameters<typeof hostOn>[1] = {}) {
    const r = hostOn(sample, options);
    // Planted formatting: F15 explicit white, F18 yellow with red bold font, F17 a hatch
    // pattern, C18 a user's note, C15 untouched (No Fill, default font).
    r.fake.format(S1, 'F15', { fill: WHITE });
    r.fake.format(S1, 'F18', { fill: YELLOW, font: { color: '#FF0000', bold: true } });
    r.fake.format(S1, 'F17', { fill: HATCH });
    r.fake.doc.notes.push({ sheet: S1, address: 'C18', content: '用户原有的备注' });
    return r;
  }
  const targets = [
    finding(S1, 'C15', 'error', '本年收入合计应为 877.77，实为 878.77，相差 1.00'),
    finding(S1, 'C15', 'warning', '另一条'),
    finding(S1, 'F15', 'warning', '白色底纹'),
    finding(S1, 'F17', 'info', '图案底纹'),
    finding(S1, 'F18', 'info', '黄色底纹红字'),
    finding(S1, 'C18', 'error', '有用户备注'),
    finding(S1, 'D1', 'info', '合并区域内'), // A1:F1 is merged → marks A1
    finding(null, null, 'error', '叙述问题'),
  ];
  const cells = ['C15', 'F15', 'F17', 'F18', 'C18', 'A1'];
  const formats = (fake: ReturnType<typeof setup>['fake']) => Object.fromEntries(cells.map((a) => [a, { fill: fake.cell(S1, a)?.fill ?? null, font: fake.cell(S1, a)?.font ?? null }]));

  it('highlight then clear restores every fill, font and note exactly, in 2 syncs each', async () => {
    const { fake, host } = setup();
    await host.readSnapshot(); // learns the merges
    const before = formats(fake);
    const res = await host.highlight(targets);
    expect(res.marked).toBe(6);
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(fake.cell(S1, 'C15')?.fill).toMatchObject({ color: '#FFC7CE', pattern: 'Solid' });
    expect(fake.cell(S1, 'C15')?.font).toBeUndefined(); // text colour untouched (see excel-host.ts)
    expect(fake.cell(S1, 'F18')?.font).toEqual({ color: '#FF0000', bold: true });
    expect(fake.cell(S1, 'F15')?.fill?.color).toBe('#FFEB9C');
    expect(fake.cell(S1, 'A1')?.fill?.color).toBe('#DDEBF7');
    expect(fake.cell(S1, 'B1')?.fill).toBeUndefined();
    expect(fake.noteAt(S1, 'C15')).toContain('本年收入合计应为 877.77');
    expect(fake.noteAt(S1, 'C15')).toContain('另一条');
    expect(fake.noteAt(S1, 'C18')).toContain('有用户备注');
    expect(fake.doc.docSettingsSaved.has(MARKS_SETTING)).toBe(true);

    const cleared = await host.clearHighlights();
    expect(cleared.restored).toBe(6);
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(formats(fake)).toEqual(before);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined(); // No Fill stays No Fill
    expect(fake.cell(S1, 'F15')?.fill).toEqual(expect.objectContaining(WHITE)); // white stays white
    expect(fake.noteAt(S1, 'C15')).toBeUndefined();
    expect(fake.noteAt(S1, 'C18')).toBe('用户原有的备注');
    expect(fake.doc.notes).toHaveLength(1);
    expect(fake.doc.docSettingsSaved.has(MARKS_SETTING)).toBe(false);
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
  });

  it('marks survive save and reopen, and the reopened workbook can be cleaned', async () => {
    const { fake, host } = setup();
    const before = formats(fake);
    await host.highlight(targets);
    const reopened = fake.reopen();
    const host2 = new ExcelHost(envFrom({ Excel: reopened.Excel, Office: reopened.Office }));
    expect(reopened.cell(S1, 'C15')?.fill?.color).toBe('#FFC7CE');
    const { restored } = await host2.clearHighlights();
    expect(restored).toBeGreaterThanOrEqual(5);
    expect(reopened.lastSyncCount).toBeLessThanOrEqual(2);
    for (const a of cells) expect({ a, fill: reopened.cell(S1, a)?.fill ?? null, font: reopened.cell(S1, a)?.font ?? null }).toEqual({ a, ...before[a] });
    expect(reopened.noteAt(S1, 'C18')).toBe('用户原有的备注');
    expect(reopened.doc.notes).toHaveLength(1);
  });

  it('a second highlight restores cells no longer flagged and keeps the first originals', async () => {
    const { fake, host } = setup();
    const before = formats(fake);
    await host.highlight(targets.slice(0, 4));
    await host.highlight([finding(S1, 'F15', 'error', '仍有问题'), finding(S1, 'F18', 'warning', '新问题')]);
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.noteAt(S1, 'C15')).toBeUndefined();
    expect(fake.cell(S1, 'F15')?.fill?.color).toBe('#FFC7CE');
    expect(fake.noteAt(S1, 'F15')).toContain('仍有问题');
    await host.clearHighlights();
    expect(formats(fake)).toEqual(before);
  });

  it('splits a very long list of marks across syncs instead of exceeding the payload limit', async () => {
    const { fake, host } = hostOn(sample, { payloadLimit: 300_000 }, { payloadBudget: 250_000 });
    const many = Array.from({ length: 1500 }, (_, i) => finding(S1, `H${i + 1}`, 'warning', `第 ${i + 1} 个问题：${'说明'.repeat(20)}`));
    const r = await host.highlight(many);
    expect(r.marked).toBe(1500);
    const ctx = fake.contexts[fake.contexts.length - 1];
    expect(ctx.maxRequestBytes).toBeLessThanOrEqual(300_000);
    expect(ctx.syncCount).toBeGreaterThan(2);
    expect(fake.doc.notes).toHaveLength(1500);
    expect((await host.clearHighlights()).restored).toBe(1500);
    expect(fake.doc.notes).toHaveLength(0);
    expect(fake.cell(S1, 'H1500')?.fill).toBeUndefined();
  });

  it('skips cells on protected sheets when marking', async () => {
    const { fake, host } = setup({ protectedSheets: [S2] });
    const r = await host.highlight([finding(S2, 'C6', 'error', 'x'), finding(S1, 'C15', 'error', 'y')]);
    expect(r.marked).toBe(1);
    expect(fake.cell(S2, 'C6')?.fill).toBeUndefined();
  });

  it('older Excel (ExcelApi 1.3): says what is missing; highlight works without notes', async () => {
    const { fake, host } = setup({ excelApi: '1.3' });
    const caps = await host.capabilities();
    expect(caps.highlight).toBe(true);
    expect(caps.notes).toBe(false);
    const limits = caps.limits.join('\n');
    expect(limits).toMatch(/1\.10 或 1\.18/);
    expect(limits).toMatch(/无填充.*白色填充/);
    expect(limits).toMatch(/1\.13/);
    const r = await host.highlight(targets);
    expect(r.marked).toBeGreaterThanOrEqual(5);
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(fake.cell(S1, 'C15')?.fill?.color).toBe('#FFC7CE');
    expect(fake.doc.notes.map((n) => n.address)).toEqual(['C18']);
    await host.clearHighlights();
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'F18')?.fill).toMatchObject(YELLOW);
    expect(fake.cell(S1, 'F18')?.font).toEqual({ color: '#FF0000', bold: true });
    // The documented degradation: without fill.pattern, explicit white comes back as No Fill.
    expect(fake.cell(S1, 'F15')?.fill).toBeUndefined();
  });

  it('tells No Fill from white by tintAndShade where Excel reports a null pattern for both', async () => {
    const { fake, host } = setup({ noFillPattern: null });
    const before = formats(fake);
    await host.highlight(targets);
    await host.clearHighlights();
    expect(formats(fake)).toEqual(before);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'F15')?.fill).toMatchObject(WHITE);
  });

  it('a theme fill with a tint ("Lighter 80%") comes back as the colour shown, not lightened twice', async () => {
    const { fake, host } = setup();
    // Excel reports the tinted colour in fill.color and the tint beside it.
    fake.format(S1, 'C15', { fill: { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0.8 } });
    await host.highlight(targets);
    expect(fake.cell(S1, 'C15')?.fill?.color).not.toBe('#DDEBF7');
    await host.clearHighlights();
    expect(fake.cell(S1, 'C15')?.fill).toMatchObject({ color: '#DDEBF7', pattern: 'Solid' });
    // What the fake does when a tint is set on that colour again: far lighter than the original.
    expect(applyTint('#DDEBF7', 0.8)).not.toBe('#DDEBF7');
  });

  it('ExcelApi 1.10–1.17: messages go into comments, and only ours are removed', async () => {
    const { fake, host } = setup({ excelApi: '1.12' });
    fake.doc.comments.push({ id: '{user-1}', sheet: S1, address: 'B2', content: '用户的批注' });
    expect((await host.capabilities()).notes).toBe(true);
    await host.highlight(targets.slice(0, 3));
    expect(fake.commentAt(S1, 'C15')).toContain('本年收入合计');
    expect(fake.commentAt(S1, 'F15')).toContain('白色底纹');
    await host.clearHighlights();
    expect(fake.doc.comments.map((c) => c.content)).toEqual(['用户的批注']);
    expect(fake.cell(S1, 'F15')?.fill).toMatchObject(WHITE);

    // A cell that already has someone's comment thread: the fills still go on, nothing is lost.
    const before = formats(fake);
    const r = await host.highlight([finding(S1, 'B2', 'error', '用户批注所在单元格'), finding(S1, 'C15', 'error', '另一个')]);
    expect(r.marked).toBe(2);
    expect(fake.cell(S1, 'B2')?.fill?.color).toBe('#FFC7CE');
    expect(fake.cell(S1, 'C15')?.fill?.color).toBe('#FFC7CE');
    await host.clearHighlights();
    expect(fake.doc.comments.map((c) => c.content)).toEqual(['用户的批注']);
    expect(formats(fake)).toEqual(before);
    expect(fake.cell(S1, 'B2')?.fill).toBeUndefined();
  });
});

describe('marks made by the offline page', () => {
  it.each([
    ['', {}],
    [' under workbook structure protection (the record sheet is emptied, not deleted)', { workbookProtected: true }],
    [' under a structure protection Excel cannot report (ExcelApi 1.6)', { workbookProtected: true, excelApi: '1.6' }],
  ])('are cleared in Excel from the record the file host saved in the workbook%s', async (_, options: { workbookProtected?: boolean; excelApi?: string }) => {
    // A reviewer marks the sample offline and saves it; the preparer opens it in Excel: the fake
    // holds the saved sheets, fills and notes.
    const copy = await annotatedSampleCopy([finding(S1, 'C15', 'error', '离线标记一'), finding(S1, 'F15', 'warning', '离线标记二')]);
    const { fake, host } = hostOn(copy.snapshot, { veryHiddenSheets: ['_juesuan_marks'], ...options });
    fake.format(S1, 'C15', { fill: { color: '#FFC7CE', pattern: 'Solid' } });
    fake.format(S1, 'F15', { fill: { color: '#FFEB9C', pattern: 'Solid' } });
    for (const a of ['C15', 'F15']) {
      const content = copy.noteText(S1, a);
      expect(content).toContain('离线标记');
      fake.doc.notes.push({ sheet: S1, address: a, content });
    }
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    const r = await host.clearHighlights();
    expect(r.restored).toBe(2);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'F15')?.fill).toMatchObject({ color: '#FFFFFF', pattern: 'Solid' });
    expect(fake.doc.notes.filter((n) => n.sheet === S1)).toEqual(options.excelApi === '1.6' ? [expect.objectContaining({ address: 'C15' }), expect.objectContaining({ address: 'F15' })] : []);
    if (!options.workbookProtected) expect(fake.doc.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    else expect(fake.cell('_juesuan_marks', 'A1')?.v).toBe('{"version":1,"marks":[]}');
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
  });

  it('give an officer back their own note: the file host wrote its text after it', async () => {
    const copy = await annotatedSampleCopy([finding(S1, 'D15', 'error', '离线标记三')], [{ sheet: S1, address: 'D15', text: '请财务科核对' }]);
    const { fake, host } = hostOn(copy.snapshot, { veryHiddenSheets: ['_juesuan_marks'] });
    fake.format(S1, 'D15', { fill: { color: '#FFC7CE', pattern: 'Solid' } });
    expect(copy.noteText(S1, 'D15')).toMatch(/^请财务科核对.*决算助手：离线标记三/s);
    fake.doc.notes.push({ sheet: S1, address: 'D15', content: copy.noteText(S1, 'D15') });
    await host.readSnapshot();
    expect(await host.clearHighlights()).toEqual({ restored: 1 });
    expect(fake.doc.notes.filter((n) => n.sheet === S1)).toEqual([expect.objectContaining({ address: 'D15', content: '请财务科核对' })]);
    expect(fake.cell(S1, 'D15')?.fill).toBeUndefined();
  });

  it("leave alone a sheet of the record's name that holds no valid record: it is the user's", async () => {
    const wb: WorkbookSnapshot = { ...sample, sheets: [...sample.sheets, { name: '_juesuan_marks', cells: [[{ v: '我的备注' }]], merges: [] }] };
    const { fake, host } = hostOn(wb, { veryHiddenSheets: ['_juesuan_marks'] });
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
    expect(fake.doc.sheets.map((s) => s.name)).toContain('_juesuan_marks');
    expect(fake.cell('_juesuan_marks', 'A1')?.v).toBe('我的备注');
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
    expect(fake.cell('_juesuan_marks', 'A1')?.v).toBe('我的备注');
  });
});

describe('document settings that fail to save', () => {
  const failing = (message?: string): ExcelEnv['settings'] =>
    ({
      get: () => null,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (cb: (r: Office.AsyncResult<void>) => void) => cb({ status: 'failed', error: message === undefined ? undefined : { message } } as unknown as Office.AsyncResult<void>),
    }) as unknown as ExcelEnv['settings'];

  it('reject with what could not be saved and why', async () => {
    await expect(writePreference(failing('磁盘已满'), 'k', 'v')).rejects.toThrow(/^无法在工作簿中保存设置：磁盘已满$/);
    await expect(writePreference(failing(), 'k', null)).rejects.toThrow(/^无法在工作簿中保存设置：未知原因$/);
    await expect(saveRecord({ settings: failing('磁盘已满') } as ExcelEnv, [])).rejects.toThrow(/^无法保存标记记录：磁盘已满$/);
    await expect(saveRecord({ settings: failing() } as ExcelEnv, [])).rejects.toThrow(/^无法保存标记记录：$/);
  });
});

describe('ExcelHost writes', () => {
  it('applyFix writes a value or formula; undoFix restores value and formula', async () => {
    const { fake, host } = hostOn(sample);
    fake.cell(S1, 'C18')!.f = 'C15+C16+C17';
    const a = await host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 900, previous: 877.77, description: '改为 900' });
    expect(a.before).toEqual({ value: 877.77, formula: null });
    expect(fake.cell(S1, 'C15')?.v).toBe(900);
    await host.undoFix(a);
    expect(fake.cell(S1, 'C15')).toMatchObject({ v: 877.77 });
    expect(fake.cell(S1, 'C15')?.f).toBeUndefined();

    const b = await host.applyFix({ ref: { sheet: S1, row: 17, col: 2 }, formula: 'SUM(C7:C14)', description: '改为公式' });
    expect(b.before).toEqual({ value: 877.77, formula: 'C15+C16+C17' });
    expect(fake.cell(S1, 'C18')).toMatchObject({ f: 'SUM(C7:C14)', v: 877.77 });
    await host.undoFix(b);
    expect(fake.cell(S1, 'C18')).toMatchObject({ f: 'C15+C16+C17', v: 877.77 });
    const snap = await host.readSnapshot();
    expect(getCell(snap.sheets[0], 17, 2)).toEqual({ v: 877.77, f: 'C15+C16+C17', z: '0.00' });
  });

  it('refuses a protected sheet with a clear Chinese message, writing nothing', async () => {
    const { fake, host } = hostOn(sample, { protectedSheets: [S2] });
    await expect(host.applyFix({ ref: { sheet: S2, row: 5, col: 2 }, value: 1, description: 'x' })).rejects.toThrow(/受保护.*撤销工作表保护/);
    expect(fake.cell(S2, 'C6')?.v).toBe(877.77);
    await expect(host.applyFix({ ref: { sheet: '没有', row: 0, col: 0 }, value: 1, description: 'x' })).rejects.toThrow(/找不到工作表/);
  });

  it('refuses to overwrite a cell changed since the check', async () => {
    const { host } = hostOn(sample);
    await expect(host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 900, previous: 800, description: 'x' })).rejects.toThrow(/已被修改/);
  });

  it('writeSheet creates a sheet with values, formulas, formats, bold and widths; overwrite:false refuses', async () => {
    const { fake, host } = hostOn(sample);
    const out = {
      name: '指标计算',
      rows: [
        [{ value: '指标', bold: true }, { value: '值', bold: true }],
        [{ value: '本年收入合计' }, { formula: `'${S1}'!C15`, numberFormat: '0.00' }],
        [{ value: '其他收入占比' }, { formula: `'${S1}'!C14/'${S1}'!C15`, numberFormat: '0.00%' }],
        [{ value: '=不是公式' }],
      ],
      columnWidths: [24, 12],
    };
    expect(await host.hasSheet('指标计算')).toBe(false);
    await host.writeSheet(out, { overwrite: false });
    expect(await host.hasSheet('指标计算')).toBe(true);
    expect(fake.cell('指标计算', 'B2')).toMatchObject({ f: `'${S1}'!C15`, v: 877.77, z: '0.00' });
    expect(fake.cell('指标计算', 'B3')).toMatchObject({ z: '0.00%' });
    expect((fake.cell('指标计算', 'B3')?.v as number).toFixed(4)).toBe((37 / 877.77).toFixed(4));
    expect(fake.cell('指标计算', 'A1')?.font?.bold).toBe(true);
    expect(fake.cell('指标计算', 'A4')).toEqual({ v: '=不是公式', z: '@' }); // text, not a formula
    expect(fake.sheet('指标计算').widths.get(0)).toBeCloseTo(24 * (48 / 8.43), 1);
    await expect(host.writeSheet(out, { overwrite: false })).rejects.toThrow(/已存在/);

    await host.writeSheet({ name: '指标计算', rows: [[{ value: '新' }]] }, { overwrite: true });
    expect(fake.cell('指标计算', 'A1')?.v).toBe('新');
    expect(fake.cell('指标计算', 'B2')).toBeUndefined();
    await expect(host.writeSheet({ name: 'a:b', rows: [] }, { overwrite: true })).rejects.toThrow(/不允许的字符/);
  });

  it('select activates the sheet and selects; selection changes reach the subscriber', async () => {
    const { fake, host } = hostOn(sample);
    await host.readSnapshot();
    const seen: string[] = [];
    const off = host.onSelectionChanged((s, a) => seen.push(`${s}!${a}`));
    await new Promise((r) => setTimeout(r, 0));
    await host.select(S2, 'C6');
    expect(fake.doc.activeSheet).toBe(S2);
    expect(fake.doc.selection).toEqual({ sheet: S2, address: 'C6' });
    fake.userSelects(S1, 'F18');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([`${S2}!C6`, `${S1}!F18`]);
    off();
    await new Promise((r) => setTimeout(r, 0));
    fake.userSelects(S1, 'A1');
    expect(seen).toHaveLength(2);
  });

  it('a batch Excel refuses while the user is editing a cell gets a message saying so', async () => {
    const fake = createFakeExcel(sample);
    const base = envFrom({ Excel: fake.Excel, Office: fake.Office });
    let editing = false;
    const env = {
      ...base,
      settings: base.settings,
      run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
        base.run((ctx) => {
          if (editing) ctx.sync = () => Promise.reject(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.')) as never;
          return batch(ctx);
        }),
    };
    const host = new ExcelHost(env);
    await host.readSnapshot();
    editing = true;
    await expect(host.select(S1, 'C15')).rejects.toThrow(/单元格编辑状态.*Enter 或 Esc/);
  });

  it.each([
    ['1.18', [{ delayForCellEdit: true }]],
    ['1.10', []],
  ])('with the real globals (ExcelApi %s), batches wait for a cell edit to end where Excel can (1.11+)', async (api, expected) => {
    const fake = createFakeExcel(sample, { excelApi: api });
    const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    const saved = { Excel: g.Excel, Office: g.Office };
    g.Excel = fake.Excel;
    g.Office = fake.Office;
    try {
      const snap = await new ExcelHost().readSnapshot();
      expect(snap.sheets.map((x) => x.name)).toEqual(sample.sheets.map((x) => x.name));
      expect(fake.runOptions).toEqual(expected);
    } finally {
      g.Excel = saved.Excel;
      g.Office = saved.Office;
    }
  });

  it('unsubscribing removes the handler in the context that added it, as the docs do (Excel.run(eventResult.context, …))', async () => {
    const { fake, host } = hostOn(sample);
    const seen: string[] = [];
    const off = host.onSelectionChanged((s, a) => seen.push(`${s}!${a}`));
    await new Promise((r) => setTimeout(r, 0));
    const runs = fake.contexts.length;
    const subscribing = fake.contexts[runs - 1];
    const syncsBefore = subscribing.syncCount;
    off();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.contexts.length).toBe(runs); // no new context
    expect(fake.reusedRuns).toBe(1); // Excel.run(eventResult.context, batch)
    expect(subscribing.syncCount).toBe(syncsBefore + 1); // remove() is a queued command: synced there
    fake.userSelects(S1, 'A1');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
  });

  it('ExcelApi 1.2–1.8: selection changes come from the workbook event and the selected range', async () => {
    const { fake, host } = hostOn(sample, { excelApi: '1.8' });
    const seen: string[] = [];
    host.onSelectionChanged((s, a) => seen.push(`${s}!${a}`));
    await new Promise((r) => setTimeout(r, 0));
    fake.userSelects(S1, 'F18');
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([`${S1}!F18`]); // the quoted sheet name ('1收入…'!F18) is unquoted
  });
});
