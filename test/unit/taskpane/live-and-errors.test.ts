// The quiet re-check after a fix (which listed findings still hold) and the
// offline page's message for a file it cannot open.
import type { Finding } from '../../../src/core/findings';
import { findingKey, resolvedIndices } from '../../../src/taskpane/features/checks/live';
import { openErrorText, plainReason } from '../../../src/offline/open-error';

const f = (p: Partial<Finding>): Finding => ({ rule: 'sum.column', family: 'sum', severity: 'error', sheet: 'S', cell: 'C15', related: [], line: null, message: 'm', ...p });

describe('re-check after a fix', () => {
  const listed = [f({}), f({ cell: 'F18' }), f({ rule: 'cross.x', cell: 'C15' })];

  test('a finding whose rule no longer fires at its cell is resolved; a changed message is the same finding', () => {
    const live = [f({ cell: 'F18', message: '实为 877.77' })];
    expect(resolvedIndices(listed, live)).toEqual(new Set([0, 2]));
    expect(resolvedIndices(listed, null)).toEqual(new Set());
    expect(resolvedIndices(listed, listed)).toEqual(new Set());
  });

  test('a finding without a cell is keyed by its line', () => {
    expect(findingKey(f({ sheet: null, cell: null, line: 4 }))).toBe('sum.column|||4');
  });
});

describe('a file that cannot be opened', () => {
  test('the English part of a host reason is left out; the file, the problem and what to do remain', () => {
    expect(plainReason('坏文件.xlsx: 不是有效的 .xlsx 或 .xls 文件（not an Excel workbook)', '坏文件.xlsx')).toBe('不是有效的 .xlsx 或 .xls 文件');
    expect(plainReason('a.xlsx: 无法读取 .xlsx 文件（End of data reached (data length = 22, asked index = 4). Corrupted zip ?）', 'a.xlsx')).toBe('无法读取 .xlsx 文件');
    expect(plainReason('a.xls: 文件已加密，请先在 Excel 中取消密码后再打开（file is password-protected)', 'a.xls')).toBe('文件已加密，请先在 Excel 中取消密码后再打开');
    // Chinese in parentheses stays.
    expect(plainReason('a.xlsx: 工作簿有 300 张工作表（上限 255）', 'a.xlsx')).toBe('工作簿有 300 张工作表（上限 255）');
    expect(plainReason('TypeError: x is undefined', 'a.xlsx')).toBe('文件无法读取');
    const t = openErrorText('坏文件.xlsx', '坏文件.xlsx: 不是有效的 .xlsx 或 .xls 文件（not an Excel workbook)', '决算.xlsx');
    expect(t.title).toBe('无法打开“坏文件.xlsx”');
    expect(t.body).toContain('另存为 .xlsx');
    expect(t.body).toContain('仍显示之前打开的“决算.xlsx”');
    expect(t.body.replace(/\.xlsx?|Excel|WPS/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
