// Marks in WPS: fill + comment, the originals recorded in the workbook so that 清除标记 restores
// them exactly (No Fill vs white, hatches, the user's comments) — mirroring the Excel host's tests.
import { loadSample } from '../../helpers';
import { annotatedSampleCopy } from '../../fixtures/annotated-copy';
import { hostFor, wpsHostOn } from '../../fake-et/workbooks';
import type { FakeEt } from '../../fake-et/fake-et';
import type { Finding, Severity } from '../../../src/core/findings';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';
const BGR = { pink: 0xcec7ff, amber: 0x9cebff, blue: 0xf7ebdd };

function finding(sheet: string | null, cell: string | null, severity: Severity, message: string): Finding {
  return { rule: 'test.rule', family: 'sum', severity, sheet, cell, related: [], line: null, message };
}

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

const XL_PATTERN_GRAY25 = 15;

function setup(options: Parameters<typeof wpsHostOn>[1] = {}) {
  const r = wpsHostOn(sample, options);
  // Planted formatting: F15 explicit white, F18 yellow and bold, F17 a hatch pattern, C18 a user's
  // comment, C15 untouched (No Fill).
  r.fake.format(S1, 'F15', { fill: { color: '#FFFFFF' } });
  r.fake.format(S1, 'F18', { fill: { color: '#FFFF00' }, bold: true });
  r.fake.format(S1, 'F17', { fill: { color: '#00B050', pattern: XL_PATTERN_GRAY25, patternColor: '#FF0000' } });
  r.fake.setComment(S1, 'C18', '用户原有的批注');
  return r;
}
const targets = [
  finding(S1, 'C15', 'error', '本年收入合计应为 877.77，实为 878.77，相差 1.00'),
  finding(S1, 'C15', 'warning', '另一条'),
  finding(S1, 'F15', 'warning', '白色底纹'),
  finding(S1, 'F17', 'info', '图案底纹'),
  finding(S1, 'F18', 'info', '黄色底纹'),
  finding(S1, 'C18', 'error', '有用户批注'),
  finding(S1, 'D1', 'info', '合并区域内'), // A1:F1 is merged → marks A1
  finding(null, null, 'error', '叙述问题'),
];
const cells = ['C15', 'F15', 'F17', 'F18', 'C18', 'A1', 'D1'];
const formats = (fake: FakeEt) => Object.fromEntries(cells.map((a) => [a, { fill: fake.cell(S1, a)?.fill ?? null, bold: fake.cell(S1, a)?.bold ?? null, comment: fake.cell(S1, a)?.comment ?? null }]));

describe('WpsHost marks', () => {
  it('highlight then clear restores every fill, bold and comment exactly', async () => {
    const { fake, host } = setup();
    await host.readSnapshot(); // learns the merges
    const before = formats(fake);
    const res = await host.highlight(targets);
    expect(res.marked).toBe(6);
    expect(fake.cell(S1, 'C15')?.fill).toEqual({ color: BGR.pink, pattern: 1 });
    expect(fake.cell(S1, 'F15')?.fill?.color).toBe(BGR.amber);
    expect(fake.cell(S1, 'F17')?.fill).toMatchObject({ color: BGR.blue, pattern: 1 }); // solid while marked
    expect(fake.cell(S1, 'A1')?.fill?.color).toBe(BGR.blue);
    expect(fake.cell(S1, 'D1')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'F18')?.bold).toBe(true); // text left alone
    expect(fake.commentAt(S1, 'C15')).toMatch(/^决算助手：1\. 本年收入合计应为 877\.77.*\n2\. 另一条$/s);
    expect(fake.commentAt(S1, 'C18')).toBe('决算助手：有用户批注');
    expect(fake.cell(S1, 'C18')?.comment?.author).toBe('张会计'); // the user's comment kept, text replaced
    expect(fake.wb.props.length).toBeGreaterThan(0);

    const cleared = await host.clearHighlights();
    expect(cleared.restored).toBe(6);
    expect(formats(fake)).toEqual(before);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined(); // No Fill stays No Fill
    expect(fake.cell(S1, 'F15')?.fill).toEqual({ color: 0xffffff, pattern: 1 }); // white stays white
    expect(fake.cell(S1, 'F17')?.fill).toEqual({ color: 0x50b000, pattern: XL_PATTERN_GRAY25, patternColor: 0x0000ff });
    expect(fake.commentAt(S1, 'C15')).toBeUndefined();
    expect(fake.commentAt(S1, 'C18')).toBe('用户原有的批注');
    expect(fake.wb.props).toEqual([]);
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
  });

  it('marks survive save and reopen, and the reopened workbook can be cleaned', async () => {
    const { fake, host } = setup();
    const before = formats(fake);
    await host.highlight(targets);
    const reopened = fake.reopen();
    expect(reopened.cell(S1, 'C15')?.fill?.color).toBe(BGR.pink);
    const { restored } = await hostFor(reopened).clearHighlights();
    expect(restored).toBeGreaterThanOrEqual(5);
    expect(formats(reopened)).toEqual(before);
  });

  it('a second highlight restores cells no longer flagged and keeps the first originals', async () => {
    const { fake, host } = setup();
    const before = formats(fake);
    await host.highlight(targets.slice(0, 4));
    await host.highlight([finding(S1, 'F15', 'error', '仍有问题'), finding(S1, 'F18', 'warning', '新问题')]);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.commentAt(S1, 'C15')).toBeUndefined();
    expect(fake.cell(S1, 'F15')?.fill?.color).toBe(BGR.pink);
    expect(fake.commentAt(S1, 'F15')).toBe('决算助手：仍有问题');
    await host.clearHighlights();
    expect(formats(fake)).toEqual(before);
  });

  it('costs calls in proportion to the cells marked (no per-cell reads of the sheet)', async () => {
    const { fake, host } = wpsHostOn(sample);
    await host.readSnapshot();
    const many = Array.from({ length: 1500 }, (_, i) => finding(S1, `H${i + 1}`, 'warning', `第 ${i + 1} 个问题`));
    const { result, calls } = await fake.measure(() => host.highlight(many));
    expect(result.marked).toBe(1500);
    expect(calls / 1500).toBeLessThan(12);
    const clear = await fake.measure(() => host.clearHighlights());
    expect(clear.result.restored).toBe(1500);
    expect(clear.calls / 1500).toBeLessThan(10);
    expect(fake.cell(S1, 'H1500')).toBeUndefined();
    expect(fake.ScreenUpdating).toBe(true); // turned back on
  });

  it('skips cells on protected sheets when marking; keeps their record until the sheet is unprotected', async () => {
    const { fake, host } = setup({ protectedSheets: [S2] });
    const r = await host.highlight([finding(S2, 'C6', 'error', 'x'), finding(S1, 'C15', 'error', 'y')]);
    expect(r.marked).toBe(1);
    expect(fake.cell(S2, 'C6')?.fill).toBeUndefined();
    // A sheet protected after marking: its marks wait.
    fake.sheet(S1).protected = true;
    expect((await host.clearHighlights()).restored).toBe(0);
    expect(fake.cell(S1, 'C15')?.fill?.color).toBe(BGR.pink);
    fake.sheet(S1).protected = false;
    expect((await host.clearHighlights()).restored).toBe(1);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
  });

  it('a comment the user edited after marking is left alone; one they deleted gives their original back', async () => {
    const { fake, host } = setup();
    await host.highlight(targets);
    fake.setComment(S1, 'C15', '我已核对，金额无误');
    const c18 = fake.cell(S1, 'C18')!;
    delete c18.comment;
    await host.clearHighlights();
    expect(fake.commentAt(S1, 'C15')).toBe('我已核对，金额无误');
    expect(fake.commentAt(S1, 'C18')).toBe('用户原有的批注');
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
  });

  it('without custom document properties, marks still clear within the session and the pane is told', async () => {
    const { fake, host } = setup({ documentProperties: false });
    const before = formats(fake);
    const caps = await host.capabilities();
    expect(caps.limits.join('')).toMatch(/无法在工作簿中保存标记记录/);
    await host.highlight(targets);
    await host.clearHighlights();
    expect(formats(fake)).toEqual(before);
  });

  it('a damaged record never breaks the pane: it is treated as no marks', async () => {
    const { fake, host } = setup();
    fake.wb.props.push({ name: 'juesuan.marks.0', type: 4, value: '{"v":1,"s":["x"],"m":[[0,' });
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
    expect((await host.highlight(targets.slice(0, 1))).marked).toBe(1);
  });
});

describe('marks made by the offline page', () => {
  it('are cleared in WPS from the record the file host saved in the workbook', async () => {
    // A reviewer marks the sample offline and saves it; the preparer opens it in WPS: the fake
    // holds the saved sheets, fills and comments.
    const copy = await annotatedSampleCopy([finding(S1, 'C15', 'error', '离线标记一'), finding(S1, 'F15', 'warning', '离线标记二')]);
    const { fake, host } = wpsHostOn(copy.snapshot, { veryHiddenSheets: ['_juesuan_marks'] });
    fake.format(S1, 'C15', { fill: { color: '#FFC7CE' } });
    fake.format(S1, 'F15', { fill: { color: '#FFEB9C' } });
    for (const a of ['C15', 'F15']) fake.setComment(S1, a, copy.noteText(S1, a));
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    const r = await host.clearHighlights();
    expect(r.restored).toBe(2);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'F15')?.fill).toEqual({ color: 0xffffff, pattern: 1 });
    expect(fake.commentAt(S1, 'C15')).toBeUndefined();
    expect(fake.wb.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    expect(fake.DisplayAlerts).toBe(true); // turned back on after deleting the record sheet
  });

  it('give an officer back their own comment: the file host wrote its text after it', async () => {
    const copy = await annotatedSampleCopy([finding(S1, 'D15', 'error', '离线标记三')], [{ sheet: S1, address: 'D15', text: '请财务科核对' }]);
    const { fake, host } = wpsHostOn(copy.snapshot, { veryHiddenSheets: ['_juesuan_marks'] });
    fake.format(S1, 'D15', { fill: { color: '#FFC7CE' } });
    expect(copy.noteText(S1, 'D15')).toMatch(/^请财务科核对.*决算助手：离线标记三/s);
    fake.setComment(S1, 'D15', copy.noteText(S1, 'D15'));
    await host.readSnapshot();
    expect(await host.clearHighlights()).toEqual({ restored: 1 });
    expect(fake.commentAt(S1, 'D15')).toBe('请财务科核对');
    expect(fake.cell(S1, 'D15')?.fill).toBeUndefined();
  });

  it('read each sheet\'s protection once, however many of its cells were marked', async () => {
    const copy = await annotatedSampleCopy([finding(S1, 'C15', 'error', '离线标记一'), finding(S1, 'F15', 'warning', '离线标记二'), finding(S1, 'C16', 'info', '离线标记三')]);
    const { fake, host } = wpsHostOn(copy.snapshot, { veryHiddenSheets: ['_juesuan_marks'] });
    await host.readSnapshot();
    const before = fake.counter.byMember.get('Worksheet.ProtectContents') ?? 0;
    expect(await host.clearHighlights()).toEqual({ restored: 3 });
    expect((fake.counter.byMember.get('Worksheet.ProtectContents') ?? 0) - before).toBe(1);
    expect(fake.wb.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
  });

  it("leave alone a sheet of the record's name that holds no valid record: it is the user's", async () => {
    const wb: WorkbookSnapshot = { ...sample, sheets: [...sample.sheets, { name: '_juesuan_marks', cells: [[{ v: '我的备注' }]], merges: [] }] };
    const { fake, host } = wpsHostOn(wb, { veryHiddenSheets: ['_juesuan_marks'] });
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).not.toContain('_juesuan_marks');
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
    expect(fake.wb.sheets.map((s) => s.name)).toContain('_juesuan_marks');
    expect(fake.cell('_juesuan_marks', 'A1')?.v).toBe('我的备注');
  });
});
