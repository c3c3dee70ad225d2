// Fixes, output sheets, selection — mirroring the Excel host's write tests.
import { loadSample } from '../../helpers';
import { wpsHostOn } from '../../fake-et/workbooks';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { getCell } from '../../../src/core/snapshot';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

describe('WpsHost writes', () => {
  it('applyFix writes a value or formula; undoFix restores value and formula', async () => {
    const { fake, host } = wpsHostOn(sample);
    fake.sheet(S1).cells.get(17 * 16384 + 2)!.f = 'C15+C16+C17';
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

  it('a text fix that looks like a formula is written as text; undo of an empty cell empties it', async () => {
    const { fake, host } = wpsHostOn(sample);
    const a = await host.applyFix({ ref: { sheet: S1, row: 30, col: 7 }, value: '=不是公式', description: 'x' });
    expect(fake.cell(S1, 'H31')).toEqual({ v: '=不是公式' });
    expect(a.before).toEqual({ value: null, formula: null });
    await host.undoFix(a);
    expect(fake.cell(S1, 'H31')).toBeUndefined();
  });

  it('refuses a protected sheet with a clear Chinese message, writing nothing', async () => {
    const { fake, host } = wpsHostOn(sample, { protectedSheets: [S2] });
    await expect(host.applyFix({ ref: { sheet: S2, row: 5, col: 2 }, value: 1, description: 'x' })).rejects.toThrow(/受保护.*撤销工作表保护/);
    expect(fake.cell(S2, 'C6')?.v).toBe(877.77);
    await expect(host.applyFix({ ref: { sheet: '没有', row: 0, col: 0 }, value: 1, description: 'x' })).rejects.toThrow(/找不到工作表/);
  });

  it('refuses to overwrite a cell changed since the check', async () => {
    const { host } = wpsHostOn(sample);
    await expect(host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 900, previous: 800, description: 'x' })).rejects.toThrow(/已被修改/);
  });

  it('writeSheet creates a sheet with values, formulas, formats, bold and widths; overwrite:false refuses', async () => {
    const { fake, host } = wpsHostOn(sample);
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
    const { calls } = await fake.measure(() => host.writeSheet(out, { overwrite: false }));
    expect(calls).toBeLessThan(40); // runs and columns, not cells
    expect(await host.hasSheet('指标计算')).toBe(true);
    expect(fake.wb.sheets[fake.wb.sheets.length - 1].name).toBe('指标计算'); // added at the end
    expect(fake.cell('指标计算', 'B2')).toMatchObject({ f: `'${S1}'!C15`, v: 877.77, z: '0.00' });
    expect(fake.cell('指标计算', 'B3')).toMatchObject({ z: '0.00%' });
    expect((fake.cell('指标计算', 'B3')?.v as number).toFixed(4)).toBe((37 / 877.77).toFixed(4));
    expect(fake.cell('指标计算', 'A1')?.bold).toBe(true);
    expect(fake.cell('指标计算', 'B1')?.bold).toBe(true);
    expect(fake.cell('指标计算', 'A2')?.bold).toBeUndefined();
    expect(fake.cell('指标计算', 'A4')).toEqual({ v: '=不是公式' }); // text, not a formula
    expect(fake.sheet('指标计算').widths.get(0)).toBe(24); // ET's ColumnWidth is in characters
    await expect(host.writeSheet(out, { overwrite: false })).rejects.toThrow(/已存在/);

    await host.writeSheet({ name: '指标计算', rows: [[{ value: '新' }]] }, { overwrite: true });
    expect(fake.cell('指标计算', 'A1')?.v).toBe('新');
    expect(fake.cell('指标计算', 'B2')).toBeUndefined();
    await expect(host.writeSheet({ name: 'a:b', rows: [] }, { overwrite: true })).rejects.toThrow(/不允许的字符/);
  });

  it('writeSheet refuses to overwrite a protected sheet; marks on a replaced sheet leave the record', async () => {
    const { fake, host } = wpsHostOn(sample, { protectedSheets: [S2] });
    await expect(host.writeSheet({ name: S2, rows: [[{ value: 'x' }]] }, { overwrite: true })).rejects.toThrow(/受保护/);
    await host.writeSheet({ name: '情况说明', rows: [[{ value: '一' }]] }, { overwrite: false });
    await host.highlight([{ rule: 't', family: 'sum', severity: 'error', sheet: '情况说明', cell: 'A1', related: [], line: null, message: 'm' }]);
    await host.writeSheet({ name: '情况说明', rows: [[{ value: '二' }]] }, { overwrite: true });
    expect(await host.clearHighlights()).toEqual({ restored: 0 });
    expect(fake.cell('情况说明', 'A1')).toEqual({ v: '二' });
  });

  it('select activates the workbook and sheet and selects; selection changes reach the subscriber until unsubscribed', async () => {
    const { fake, host } = wpsHostOn(sample);
    await host.readSnapshot();
    const seen: string[] = [];
    const off = host.onSelectionChanged((s, a) => seen.push(`${s}!${a}`));
    await host.select(S2, 'C6');
    expect(fake.wb.activeSheet).toBe(S2);
    expect(fake.wb.selection).toEqual({ sheet: S2, address: 'C6' });
    fake.userSelects(S1, 'F18');
    expect(seen).toEqual([`${S2}!C6`, `${S1}!F18`]);
    off();
    fake.userSelects(S1, 'A1');
    expect(seen).toHaveLength(2);
  });

  it('select after a tab switch brings the checked workbook back; a hidden sheet gets a message', async () => {
    const wb: WorkbookSnapshot = { ...sample, sheets: sample.sheets.map((s, i) => (i === 2 ? { ...s, hidden: true } : s)) };
    const { fake, host } = wpsHostOn(wb);
    await host.readSnapshot();
    fake.openWorkbook({ name: '另一个.xlsx', sheets: [{ name: 'Sheet1', cells: [], merges: [] }] });
    await host.select(S2, 'C6');
    expect(fake.wb.name).toBe(sample.name);
    await expect(host.select(sample.sheets[2].name, 'A1')).rejects.toThrow(/已隐藏.*取消隐藏/);
  });

  it('a workbook closed after the check gets a message saying so', async () => {
    const { fake, host } = wpsHostOn(sample);
    await host.readSnapshot();
    fake.openWorkbook({ name: '另一个.xlsx', sheets: [{ name: 'Sheet1', cells: [], merges: [] }] });
    fake.closeWorkbook(sample.name);
    await expect(host.select(S1, 'C15')).rejects.toThrow(/工作簿已关闭/);
    await expect(host.highlight([{ rule: 't', family: 'sum', severity: 'error', sheet: S1, cell: 'C15', related: [], line: null, message: 'm' }])).rejects.toThrow(/工作簿已关闭/);
    await expect(host.applyFix({ ref: { sheet: S1, row: 14, col: 2 }, value: 1, description: 'x' })).rejects.toThrow(/工作簿已关闭/);
    await expect(host.writeSheet({ name: '指标计算', rows: [] }, { overwrite: false })).rejects.toThrow(/工作簿已关闭/);
    await expect(host.hasSheet(S1)).rejects.toThrow(/工作簿已关闭/);
  });
});
