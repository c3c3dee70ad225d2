// What Excel makes of a string written to a cell through Range.values / formulas, as if typed:
// numbers, percentages, accounting negatives, booleans, fractions and dates are converted, unless
// the cell is formatted as Text ('@'). Kept independent of the host code it tests.

export interface Converted {
  v: number | string | boolean;
  /** Number format Excel applies when the cell's format was General. */
  z?: string;
}

// Plain strings (not String.raw): the fake also runs in the browser tests' IE11-shaped page.
const NUM = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const GROUPED = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?';
const NUMBER = new RegExp(`^[+-]?(?:${NUM}|${GROUPED})$`);
const PAREN = new RegExp(`^\\((?:${NUM}|${GROUPED})\\)$`);
const PERCENT = new RegExp(`^([+-]?(?:${NUM}|${GROUPED}))%$`);
const CURRENCY = new RegExp(`^([¥$])([+-]?(?:${NUM}|${GROUPED}))$`);

/** Serial number of a calendar date in the workbook's date system. */
export function dateSerial(y: number, m: number, d: number, date1904: boolean): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  // 1900 system: serial 25569 = 1970-01-01 (Excel's phantom 29 Feb 1900 is before any real data).
  const serial = ms / 86400000 + 25569;
  return date1904 ? serial - 1462 : serial;
}

export function serialDate(serial: number, date1904: boolean): { y: number; m: number; d: number } {
  const s = date1904 ? serial + 1462 : serial;
  const dt = new Date(Math.round((s - 25569) * 86400000));
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** A number format that shows a date (the fake's own reading of Excel's format codes). */
export function isDateCode(z: string | undefined): boolean {
  if (!z) return false;
  const bare = z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /(^|[^0#?])m{1,4}[-/.]/i.test(bare);
}

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

export function convertInput(input: string, date1904: boolean, thisYear = new Date().getUTCFullYear()): Converted {
  const s = input.trim();
  if (s === '') return { v: input };
  if (NUMBER.test(s)) return { v: num(s) };
  if (PAREN.test(s)) return { v: -num(s.slice(1, -1)) };
  const pct = PERCENT.exec(s);
  if (pct) return { v: num(pct[1]) / 100, z: pct[1].includes('.') ? '0.00%' : '0%' };
  const cur = CURRENCY.exec(s);
  if (cur) return { v: num(cur[2]), z: `${cur[1]}#,##0.00` };
  if (/^(true|false)$/i.test(s)) return { v: s.toUpperCase() === 'TRUE' };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) {
    const serial = dateSerial(+m[1], +m[2], +m[3], date1904);
    if (serial !== null) return { v: serial, z: 'yyyy/m/d' };
  }
  // "1/2" and "1月2日": a day of the current year (zh-CN Excel reads month/day).
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) {
    const serial = dateSerial(thisYear, +m[1], +m[2], date1904);
    if (serial !== null) return { v: serial, z: 'm月d日' };
  }
  return { v: input };
}
