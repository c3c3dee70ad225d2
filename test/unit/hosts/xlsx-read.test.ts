import { loadSample } from '../../helpers';
import { readXlsx, WorkbookReadError } from '../../../src/hosts/file/xlsx-read';
import { getValue } from '../../../src/core/snapshot';

describe('readXlsx', () => {
  it('reads every sheet of the sample with values, formats and merges', async () => {
    const wb = await loadSample();
    expect(wb.sheets.map((s) => s.name)).toContain('1收入支出决算总表');
    expect(wb.sheets).toHaveLength(15);
    const summary = wb.sheets[0];
    expect(getValue(summary, 14, 2)).toBe(877.77); // C15 本年收入合计
    expect(summary.cells[14][2]?.z).toBe('0.00');
    expect(summary.merges).toContainEqual({ r1: 0, c1: 0, r2: 0, c2: 5 });
    // Only the top-left cell of a merge holds the value.
    expect(getValue(summary, 0, 0)).toBe('收入支出决算总表');
    expect(getValue(summary, 0, 1)).toBeNull();
  });

  it('rejects non-xlsx input with a clear reason', async () => {
    await expect(readXlsx(new TextEncoder().encode('hello'), 'x.xlsx')).rejects.toThrow(WorkbookReadError);
    await expect(readXlsx(new TextEncoder().encode('hello'), 'x.xlsx')).rejects.toThrow(/不是有效的 \.xlsx/);
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'bad.xlsx')).rejects.toThrow(/无法读取/);
  });
});
