// The fake ET must behave like ET where the host depends on it, or the host tests prove nothing.
import { loadSample } from '../../helpers';
import { createFakeEt, FakeEtError, type FakeEt } from '../../fake-et/fake-et';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';

// The fake is untyped on purpose at this level: tests poke it as a script in WPS would.
type Any = any;

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

function app(fake: FakeEt): Any {
  return fake.Application;
}

describe('fake ET object model', () => {
  it('collections are 1-based, by index or (case-insensitive) name; a missing item fails', () => {
    const fake = createFakeEt(sample);
    const wss = app(fake).ActiveWorkbook.Worksheets;
    expect(wss.Count).toBe(sample.sheets.length);
    expect(wss.Item(1).Name).toBe(S1);
    expect(wss.Item(S2).Name).toBe(S2);
    expect(() => wss.Item(0)).toThrow(FakeEtError);
    expect(() => wss.Item(sample.sheets.length + 1)).toThrow(/下标越界/);
    expect(() => wss.Item('没有这张表')).toThrow(/下标越界/);
  });

  it('Value2 and Formula: a scalar for one cell, rows of values for an area; Formula gives constants as text', () => {
    const fake = createFakeEt(sample);
    const ws = app(fake).ActiveWorkbook.Worksheets.Item(S1);
    expect(ws.Range('C15').Value2).toBe(877.77);
    expect(ws.Range('C15').Formula).toBe('877.77');
    const grid = ws.Range('A15:C16').Value2;
    expect(Array.isArray(grid) && grid.length === 2 && grid[0].length === 3).toBe(true);
    expect(grid[0][2]).toBe(877.77);
    expect(ws.Range('Z99').Value2).toBeUndefined();
    expect(ws.Range('Z99').Formula).toBe('');
  });

  it('NumberFormat, MergeCells and Interior.Color of an area are null unless every cell agrees', () => {
    const fake = createFakeEt(sample);
    const ws = app(fake).ActiveWorkbook.Worksheets.Item(S1);
    expect(ws.Range('C15').NumberFormat).toBe('0.00');
    expect(ws.Range('A1:F18').NumberFormat).toBeNull();
    expect(ws.Range('A1:F1').MergeCells).toBe(true);
    expect(ws.Range('A1:F2').MergeCells).toBeNull();
    expect(ws.Range('A2:F2').MergeCells).toBe(false);
    expect((createFakeEt(sample, { mergeCellsMixed: 'true' }).Application as Any).ActiveWorkbook.Worksheets.Item(S1).Range('A1:F2').MergeCells).toBe(true);
    fake.format(S1, 'B2', { fill: { color: '#FFFF00' } });
    expect(ws.Range('B2:C2').Interior.Color).toBeNull();
    expect(() => ws.Range('A1:B1').MergeArea).toThrow(/单个单元格/);
    expect(ws.Range('D1').MergeArea.Address()).toBe('$A$1:$F$1');
  });

  it('No Fill reads as white with ColorIndex xlNone; an explicit white fill has a palette index', () => {
    const fake = createFakeEt(sample);
    const ws = app(fake).ActiveWorkbook.Worksheets.Item(S1);
    fake.format(S1, 'F15', { fill: { color: '#FFFFFF' } });
    const none = ws.Range('C15').Interior;
    const white = ws.Range('F15').Interior;
    expect([none.Color, none.ColorIndex, none.Pattern]).toEqual([16777215, -4142, -4142]);
    expect([white.Color, white.ColorIndex, white.Pattern]).toEqual([16777215, 2, 1]);
    white.ColorIndex = -4142;
    expect(fake.cell(S1, 'F15')?.fill).toBeUndefined();
  });

  it('cell errors come back as COM VT_ERROR integers, or as text with errorForm "text"', () => {
    const wb: WorkbookSnapshot = { name: 'e', sheets: [{ name: 'S', cells: [[{ v: { error: '#DIV/0!' }, f: 'A2/0' }, { v: { error: '#N/A' } }]], merges: [] }] };
    expect((createFakeEt(wb).Application as Any).ActiveWorkbook.Worksheets.Item(1).Range('A1:B1').Value2).toEqual([[-2146826281, -2146826246]]);
    expect((createFakeEt(wb, { errorForm: 'text' }).Application as Any).ActiveWorkbook.Worksheets.Item(1).Range('A1:B1').Value2).toEqual([['#DIV/0!', '#N/A']]);
  });

  it('a protected sheet refuses writes of values, formats and comments, and changes nothing', () => {
    const fake = createFakeEt(sample, { protectedSheets: [S2] });
    const ws = app(fake).ActiveWorkbook.Worksheets.Item(S2);
    expect(ws.ProtectContents).toBe(true);
    expect(() => (ws.Range('C6').Value2 = 1)).toThrow(/受保护/);
    expect(() => (ws.Range('C6').Interior.Color = 255)).toThrow(/受保护/);
    expect(() => ws.Range('C6').AddComment('x')).toThrow(/受保护/);
    expect(fake.cell(S2, 'C6')?.v).toBe(877.77);
    expect(fake.cell(S2, 'C6')?.fill).toBeUndefined();
  });

  it('refuses unknown members, read-only writes, writing part of a merge, Select on an inactive sheet, Delete behind a dialog', () => {
    const fake = createFakeEt(sample);
    const a = app(fake);
    const ws = a.ActiveWorkbook.Worksheets.Item(S2);
    expect(() => ws.Range('A1').values).toThrow(/不支持/);
    expect(() => (ws.ProtectContents = false)).toThrow(/只读/);
    const s1 = a.ActiveWorkbook.Worksheets.Item(S1);
    expect(() => (s1.Range('B1:C2').Value2 = [[1, 2], [3, 4]])).toThrow(/合并单元格/);
    expect(() => ws.Range('C6').Select()).toThrow(/未激活/);
    ws.Activate();
    ws.Range('C6').Select();
    expect(fake.wb.selection).toEqual({ sheet: S2, address: 'C6' });
    expect(() => ws.Delete()).toThrow(/确认对话框/);
    expect(() => ws.Range('C6').AddComment('a') && ws.Range('C6').AddComment('b')).toThrow(/已有批注/);
  });

  it('counts every call into the object model', async () => {
    const fake = createFakeEt(sample);
    const { calls } = await fake.measure(() => (fake.Application as Any).ActiveWorkbook.Worksheets.Item(1).Range('A1').Value2);
    expect(calls).toBe(5); // ActiveWorkbook, Worksheets, Item, Range, Value2
  });

  it('custom document properties hold text of at most 255 characters and persist across save and reopen', () => {
    const fake = createFakeEt(sample);
    const props = app(fake).ActiveWorkbook.CustomDocumentProperties;
    props.Add('k', false, 4, '值');
    expect(() => props.Add('long', false, 4, 'x'.repeat(256))).toThrow(/255/);
    expect(() => props.Add('k', false, 4, 'again')).toThrow(/已存在/);
    const again = fake.reopen();
    const p = (again.Application as Any).ActiveWorkbook.CustomDocumentProperties.Item(1);
    expect([p.Name, p.Value]).toEqual(['k', '值']);
    expect(() => (createFakeEt(sample, { documentProperties: false }).Application as Any).ActiveWorkbook.CustomDocumentProperties).toThrow();
  });

  it("objects of a closed workbook fail; formulas written get computed values; '=text' stays text", () => {
    const fake = createFakeEt(sample);
    const ws = app(fake).ActiveWorkbook.Worksheets.Item(S1);
    ws.Range('H1').Formula = '=C15*2';
    expect(fake.cell(S1, 'H1')).toMatchObject({ f: 'C15*2', v: 1755.54 });
    ws.Range('H2').Value2 = "'=不是公式";
    expect(fake.cell(S1, 'H2')).toEqual({ v: '=不是公式' });
    fake.closeWorkbook(fake.wb.name);
    expect(() => ws.Name).toThrow(/已关闭/);
  });
});
