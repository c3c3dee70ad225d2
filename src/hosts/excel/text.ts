// Text written to cells stays text. Excel reads a string written through Range.values/formulas as
// if it were typed: '1/2' and '2023-01-05' become dates, '(100)' −100, '12%' 0.12, '001' 1,
// 'TRUE' a boolean, '=…' a formula. Output strings (补充信息 values, names, 情况说明 lines) go into
// cells formatted as Text ('@') first; a value put back by undo into a cell of another format
// gets Excel's quote prefix instead, which keeps it text without touching the format.

export const TEXT_FORMAT = '@';

/** A value put back into a cell of format `format`: strings keep their quote prefix unless the cell is Text. */
export function restoredValue(v: string | number | boolean, format: string | undefined): string | number | boolean {
  return typeof v === 'string' && format !== TEXT_FORMAT && v !== '' ? `'${v}` : v;
}
