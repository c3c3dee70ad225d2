import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { FileHost } from '../../../src/hosts/file/file-host';
import { MARKS_SHEET } from '../../../src/hosts/file/mark-style';
import { readXlsx, WorkbookReadError } from '../../../src/hosts/file/xlsx-read';
import { getCell, getValue } from '../../../src/core/snapshot';
import type { Finding, Severity } from '../../../src/core/findings';
import { SAMPLE_XLSX } from '../../helpers';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';

function finding(sheet: string | null, cell: string | null, severity: Severity, message: string): Finding {
  return { rule: 'test.rule', family: 'sum', severity, sheet, cell, related: [], line: null, message };
}

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * The sample with a few formatting situations planted: F15 explicitly white (not No Fill),
 * F18 with a red bold font, C18 a live formula with a note of its own, 2收入决算表 protected.
 */
async function preparedSample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE_XLSX) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(S1)!;
  ws.getCell('F15').style = { ...ws.getCell('F15').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } } };
  ws.getCell('F18').style = { ...ws.getCell('F18').style, font: { name: '宋体', size: 10, bold: true, color: { argb: 'FFFF0000' } } };
  ws.getCell('C18').value = { formula: 'C15+C16+C17', result: 877.77 } as ExcelJS.CellFormulaValue;
  ws.getCell('C18').note = '原有批注：请复核';
  await wb.getWorksheet(S2)!.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function styleOf(wb: ExcelJS.Workbook, sheet: string, addr: string) {
  const c = wb.getWorksheet(sheet)!.getCell(addr);
  return { fill: c.style.fill ?? null, font: c.style.font ?? null, note: c.note ?? null };
}

describe('FileHost', () => {
  let source: Uint8Array;
  beforeAll(async () => {
    source = await preparedSample();
  });

  it('opens the sample and gives the same snapshot as readXlsx', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const ref = await readXlsx(source, 'sample.xlsx');
    expect(host.snapshot()).toEqual(ref);
    expect(await host.readSnapshot()).toBe(host.snapshot()); // cached
    expect(getValue(host.snapshot().sheets[0], 14, 2)).toBe(877.77);
    expect(host.snapshot().sheets.find((s) => s.name === S2)?.protected).toBe(true);
    expect(host.name).toBe('sample.xlsx');
  });

  it('rejects bad input with WorkbookReadError', async () => {
    await expect(FileHost.open(new TextEncoder().encode('hello'), 'x.xlsx')).rejects.toThrow(WorkbookReadError);
    await expect(FileHost.open(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'bad.xlsx')).rejects.toThrow(/无法读取/);
    const fakeCfb = new Uint8Array(64);
    fakeCfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(FileHost.open(fakeCfb, 'broken.xls')).rejects.toThrow(WorkbookReadError);
  });

  it('highlights, saves with fills and notes, and a reopened file can be cleaned back to the exact original', async () => {
    const original = await loadExcelJs(source);
    const cells = ['C15', 'F15', 'F18', 'C18', 'A1', 'C14'];
    const S4 = '4财政拨款收入支出决算总表';
    const bareBefore = styleOf(original, S4, 'Z40');
    expect(bareBefore.fill).toBeNull(); // a cell with no style at all
    const before = Object.fromEntries(cells.map((a) => [a, styleOf(original, S1, a)]));
    // The planted situations really are different from each other.
    expect((before.F15.fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect((before.C15.fill as ExcelJS.FillPattern | null)?.pattern ?? 'none').toBe('none');

    const host = await FileHost.open(source, 'sample.xlsx');
    const changes: string[] = [];
    host.onChange((e) => changes.push(e.kind));
    const res = await host.highlight([
      finding(S1, 'C15', 'error', '本年收入合计应为 877.77，实为 878.77，相差 1.00'),
      finding(S1, 'C15', 'warning', '第二条消息'),
      finding(S1, 'F15', 'warning', '白色底纹单元格'),
      finding(S1, '$F$18', 'info', '红色字体单元格'),
      finding(S1, 'C18', 'error', '有原批注的单元格'),
      finding(S1, 'B1', 'info', '合并区域内的单元格'), // inside A1:F1 → marks A1
      finding(S4, 'Z40', 'warning', '无样式的单元格'),
      finding(null, null, 'error', '叙述性问题'),
      finding('不存在的表', 'A1', 'error', '找不到的表'),
    ]);
    expect(res.marked).toBe(6);
    expect(changes).toEqual(['marks']);
    const marks = host.marks();
    expect(marks.map((m) => m.address).sort()).toEqual(['A1', 'C15', 'C18', 'F15', 'F18', 'Z40']);
    const c15 = marks.find((m) => m.address === 'C15')!;
    expect(c15.severity).toBe('error');
    expect(c15.message).toContain('877.77');
    expect(c15.message).toContain('第二条消息');

    const saved = await host.saveXlsx();
    const marked = await loadExcelJs(saved);
    const ws = marked.getWorksheet(S1)!;
    expect(ws.getCell('C15').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('F15').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } });
    expect(ws.getCell('F18').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    // Text colour is left alone (as in the Excel host).
    expect(ws.getCell('C15').font).toEqual(before.C15.font);
    expect(ws.getCell('F18').font).toMatchObject({ name: '宋体', bold: true, color: { argb: 'FFFF0000' } });
    expect(JSON.stringify(ws.getCell('C15').note)).toContain('本年收入合计应为 877.77');
    expect(JSON.stringify(ws.getCell('C18').note)).toContain('有原批注的单元格');
    // Cells sharing C15's style were not painted along with it.
    expect(ws.getCell('C14').style.fill ?? null).toEqual(before.C14.fill);
    expect(ws.getCell('C16').style.fill ?? null).toEqual(before.C14.fill);
    const rec = marked.getWorksheet(MARKS_SHEET)!;
    expect(rec.state).toBe('veryHidden');
    // The record is not user data: readXlsx and the host snapshot leave it out.
    const reread = await readXlsx(saved, 'marked.xlsx');
    expect(reread.sheets.map((s) => s.name)).not.toContain(MARKS_SHEET);
    expect(reread).toEqual({ ...host.snapshot(), name: 'marked.xlsx' });

    // Reopen the saved file: the marks are known again and can be removed.
    const again = await FileHost.open(saved, 'marked.xlsx');
    expect(again.snapshot().sheets.map((s) => s.name)).not.toContain(MARKS_SHEET);
    expect(again.marks()).toHaveLength(6);
    expect(await again.clearHighlights()).toEqual({ restored: 6 });
    expect(again.marks()).toEqual([]);
    const cleaned = await loadExcelJs(await again.saveXlsx());
    expect(cleaned.getWorksheet(MARKS_SHEET)).toBeUndefined();
    for (const a of cells) expect({ a, ...styleOf(cleaned, S1, a) }).toEqual({ a, ...before[a] });
    expect(styleOf(cleaned, S4, 'Z40')).toEqual(bareBefore);
  });

  it('a second highlight replaces the first and keeps the first-recorded originals', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const original = await loadExcelJs(source);
    await host.highlight([finding(S1, 'C15', 'error', 'a'), finding(S1, 'F15', 'error', 'b')]);
    await host.highlight([finding(S1, 'F15', 'info', 'c')]);
    const mid = await loadExcelJs(await host.saveXlsx());
    expect(styleOf(mid, S1, 'C15')).toEqual(styleOf(original, S1, 'C15'));
    expect(mid.getWorksheet(S1)!.getCell('F15').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    await host.clearHighlights();
    const end = await loadExcelJs(await host.saveXlsx());
    expect(styleOf(end, S1, 'F15')).toEqual(styleOf(original, S1, 'F15'));
  });

  it('applyFix writes a value or a formula and undoFix restores value and formula', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const sheetIdx = 0;
    const applied = await host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 900, previous: 877.77, description: '改为 900' });
    expect(applied.before).toEqual({ value: 877.77, formula: null });
    expect(getValue(host.snapshot().sheets[sheetIdx], 14, 2)).toBe(900);
    await host.undoFix(applied);
    expect(getCell(host.snapshot().sheets[sheetIdx], 14, 2)).toEqual({ v: 877.77, z: '0.00' });

    const f = await host.applyFix({ ref: { sheet: S1, row: 17, col: 2 }, formula: '=SUM(C7:C14)', value: 877.77, description: '改为公式' });
    expect(f.before).toEqual({ value: 877.77, formula: 'C15+C16+C17' });
    expect(getCell(host.snapshot().sheets[sheetIdx], 17, 2)).toMatchObject({ v: 877.77, f: 'SUM(C7:C14)' });
    const savedFix = await readXlsx(await host.saveXlsx());
    expect(getCell(savedFix.sheets[sheetIdx], 17, 2)).toMatchObject({ f: 'SUM(C7:C14)' });
    await host.undoFix(f);
    expect(getCell(host.snapshot().sheets[sheetIdx], 17, 2)).toMatchObject({ v: 877.77, f: 'C15+C16+C17' });
    const savedUndo = await readXlsx(await host.saveXlsx());
    expect(getCell(savedUndo.sheets[sheetIdx], 17, 2)).toMatchObject({ v: 877.77, f: 'C15+C16+C17' });
  });

  it('overwriting the master of a shared formula keeps the cells that shared it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    [1, 2, 3].forEach((r) => (ws.getCell(r, 2).value = r * 10));
    ws.getCell('A1').value = { formula: 'B1*2', result: 20, shareType: 'shared', ref: 'A1:A3' } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { sharedFormula: 'A1', result: 40 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('A3').value = { sharedFormula: 'A1', result: 60 } as ExcelJS.CellSharedFormulaValue;
    const host = await FileHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), 's.xlsx');
    expect(getCell(host.snapshot().sheets[0], 2, 0)).toEqual({ v: 60, f: 'B3*2' });
    const applied = await host.applyFix({ ref: { sheet: '表', row: 0, col: 0 }, value: 21, description: 'x' });
    const after = (await readXlsx(await host.saveXlsx())).sheets[0];
    expect(getCell(after, 0, 0)).toEqual({ v: 21 });
    expect(getCell(after, 1, 0)).toEqual({ v: 40, f: 'B2*2' });
    expect(getCell(after, 2, 0)).toEqual({ v: 60, f: 'B3*2' });
    await host.undoFix(applied);
    expect(getCell((await readXlsx(await host.saveXlsx())).sheets[0], 0, 0)).toEqual({ v: 20, f: 'B1*2' });
  });

  it('recomputes dependent formulas after a fix, as Excel would', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    // C18 = C15+C16+C17 (planted). Changing C15 must move the total.
    await host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 900, description: '改为 900' });
    expect(getCell(host.snapshot().sheets[0], 17, 2)).toMatchObject({ v: 900, f: 'C15+C16+C17' });
    const saved = await readXlsx(await host.saveXlsx());
    expect(getCell(saved.sheets[0], 17, 2)).toMatchObject({ v: 900 });
  });

  it('refuses to write into a protected sheet, leaving it untouched', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const before = host.snapshot();
    await expect(host.applyFix({ ref: { sheet: S2, row: 5, col: 2 }, value: 1, description: 'x' })).rejects.toThrow(/受保护/);
    expect(host.snapshot()).toBe(before);
    await expect(host.applyFix({ ref: { sheet: '没有这张表', row: 0, col: 0 }, value: 1, description: 'x' })).rejects.toThrow(/找不到工作表/);
  });

  it('writeSheet writes values, formulas, number formats and widths; overwrite:false refuses an existing sheet', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const out = {
      name: '指标计算',
      rows: [
        [{ value: '指标', bold: true }, { value: '值', bold: true }],
        [{ value: '本年收入合计' }, { formula: `'${S1}'!C15`, numberFormat: '0.00' }],
        [{ value: '占比' }, { formula: `'${S1}'!C14/'${S1}'!C15`, numberFormat: '0.00%' }],
      ],
      columnWidths: [24, 12],
    };
    expect(await host.hasSheet('指标计算')).toBe(false);
    await host.writeSheet(out, { overwrite: false });
    expect(await host.hasSheet('指标计算')).toBe(true);
    const snap = host.snapshot().sheets.find((s) => s.name === '指标计算')!;
    // Results are computed for the offline grid and for re-checks (no Excel to calculate them).
    expect(getCell(snap, 1, 1)).toEqual({ v: 877.77, f: `'${S1}'!C15`, z: '0.00' });
    expect(getCell(snap, 2, 1)).toEqual({ v: Number((37 / 877.77).toPrecision(15)), f: `'${S1}'!C14/'${S1}'!C15`, z: '0.00%' });
    await expect(host.writeSheet(out, { overwrite: false })).rejects.toThrow(/已存在/);

    const wb = await loadExcelJs(await host.saveXlsx());
    const ws = wb.getWorksheet('指标计算')!;
    expect(ws.getCell('B3').formula).toBe(`'${S1}'!C14/'${S1}'!C15`);
    expect(ws.getCell('B3').numFmt).toBe('0.00%');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(24);

    // Overwrite replaces the content in place: stale cells gone, same position.
    const pos = host.snapshot().sheets.findIndex((s) => s.name === '指标计算');
    await host.writeSheet({ name: '指标计算', rows: [[{ value: '新' }]] }, { overwrite: true });
    const snap2 = host.snapshot();
    expect(snap2.sheets.findIndex((s) => s.name === '指标计算')).toBe(pos);
    const s2 = snap2.sheets.find((s) => s.name === '指标计算')!;
    expect(getValue(s2, 0, 0)).toBe('新');
    expect(getValue(s2, 1, 1)).toBeNull();
    await expect(host.writeSheet({ name: 'a/b', rows: [] }, { overwrite: true })).rejects.toThrow(/不允许的字符/);
    await expect(host.writeSheet({ name: S2, rows: [] }, { overwrite: true })).rejects.toThrow(/受保护/);
  });

  it('select fires selection listeners; unsubscribe stops them', async () => {
    const host = await FileHost.open(source, 'sample.xlsx');
    const seen: string[] = [];
    const off = host.onSelectionChanged((s, a) => seen.push(`${s}!${a}`));
    expect(host.selection()).toBeNull();
    await host.select(S1, '$c$15');
    expect(host.selection()).toEqual({ sheet: S1, address: 'C15' });
    off();
    await host.select(S1, 'D4');
    expect(seen).toEqual([`${S1}!C15`]);
    await expect(host.select('没有', 'A1')).rejects.toThrow(/找不到工作表/);
  });

  it('opens a legacy .xls and saves it as .xlsx', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['收入决算表', null, null],
      ['项目', '金额', '合计'],
      ['财政拨款收入', 840.77, { t: 'n', v: 877.77, f: 'B3+B4' }],
      ['其他收入', 37, null],
    ]);
    sheet['B3'].z = '0.00';
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '收入');
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect([...xls.slice(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);

    const host = await FileHost.open(xls, '旧表.xls');
    expect(host.convertedFrom).toBe('xls');
    expect(host.saveName).toBe('旧表.xlsx');
    const s = host.snapshot().sheets[0];
    expect(s.name).toBe('收入');
    expect(getValue(s, 2, 1)).toBe(840.77);
    expect(getCell(s, 2, 1)?.z).toBe('0.00');
    // SheetJS' BIFF8 writer stores the cached value only, so no formula is expected here.
    expect(getValue(s, 2, 2)).toBe(877.77);
    expect(s.merges).toContainEqual({ r1: 0, c1: 0, r2: 0, c2: 2 });
    expect((await host.capabilities()).limits.join('')).toContain('.xls');
    await host.highlight([finding('收入', 'B3', 'error', '测试')]);
    const saved = await host.saveXlsx();
    expect([...saved.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(getValue((await readXlsx(saved)).sheets[0], 3, 1)).toBe(37);
    // readXlsx (the CLI's reader) takes the .xls too.
    const direct = await readXlsx(xls, '旧表.xls');
    expect(getValue(direct.sheets[0], 2, 1)).toBe(840.77);
  });
});
