// What every host needs to turn a spreadsheet's cells into snapshot cells and back, whatever
// the spreadsheet is (Excel through Office.js, WPS 表格 through its object model, an .xlsx file):
// Excel's error values, date formats and serial days, sheet-name rules, and what a written cell
// held before. Pure functions: no Office, no WPS, no DOM.
import type { SuggestedFix } from '../core/findings';
import { MergeIndex, type Cell, type CellValue, type SheetSnapshot } from '../core/snapshot';
import type { AppliedFix, OutputCell } from './types';

/** Cell errors as Excel (and WPS) show them. */
export const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** Does a number format show a date or time? (quoted text, [..] sections and escapes do not count) */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // Quoted text, [colour]/[$-locale] sections, escaped characters and _x/*x padding are not codes.
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

/** Days between the two date systems' serial 0: 1904-01-01 is serial 1462 in the 1900 system. */
export const DATE1904_OFFSET = 1462;

/** Excel serial day → ISO date (the snapshot carries dates so), in the workbook's date system. */
export function serialToIso(serial: number, date1904 = false): string {
  // Excel's 1900 date system (with its phantom 29 Feb 1900): serial 25569 = 1970-01-01.
  const d = new Date(Math.round((serial - 25569 + (date1904 ? DATE1904_OFFSET : 0)) * 86400000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/**
 * One snapshot cell from what a host read, or undefined when the cell is empty: its value (`error`
 * when the host told it to be a cell error), its formula without '=', its number format. A number
 * under a date format becomes its ISO date, as the file host gives it.
 */
export function snapshotCell(value: unknown, error: string | null, f: string | undefined, z: string | undefined, date1904 = false): Cell | undefined {
  let v: CellValue;
  if (value === '' || value === null || value === undefined) v = null;
  else if (error) v = { error };
  else if (typeof value === 'number' && z && isDateFormat(z)) v = serialToIso(value, date1904);
  else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') v = value;
  else v = String(value);
  if (v === null && !f) return undefined;
  const cell: Cell = { v };
  if (f) cell.f = f;
  if (z) cell.z = z;
  return cell;
}

/** Where a host writes or marks a cell: the top-left of the merge holding it, or the cell itself. */
export type CellAnchor = (sheet: string, row: number, col: number) => { row: number; col: number };

/** The CellAnchor over the merges of the sheets as read (a sheet not among them has none). */
export function mergeAnchor(sheets: SheetSnapshot[]): CellAnchor {
  const merges = new Map(sheets.map((s) => [s.name, new MergeIndex(s.merges)]));
  return (sheet, row, col) => {
    const m = merges.get(sheet)?.find(row, col);
    return m ? { row: m.r1, col: m.c1 } : { row, col };
  };
}

/** Excel's rules for sheet names; the message says which one is broken. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return '工作表名称不能为空';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符（\\ / ? * [ ] :）`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  if (name.toLowerCase() === 'history') return '“History”是 Excel 保留的工作表名称';
  return null;
}

/** What a cell held before a write (value and formula as the object model gives them), for undo. */
export function contentOf(value: unknown, formula: unknown): AppliedFix['before'] {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : null;
  const v = value === '' || value === undefined ? null : (value as string | number | boolean | null);
  return { value: v, formula: f };
}

/** A value written through Value2/values that the spreadsheet keeps as typed ('=x' stays text). */
export function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v) && isNaN(Number(v)) ? `'${v}` : v;
}

/** An output-sheet cell as written: its formula (kept live), its value, or nothing. */
export function outputValue(c: OutputCell | undefined, asTyped: (v: string | number | boolean) => string | number | boolean = (v) => v): string | number | boolean {
  if (!c) return '';
  if (c.formula) return `=${c.formula.replace(/^=/, '')}`;
  if (c.value === null || c.value === undefined) return '';
  return asTyped(c.value);
}

/** Where Excel and WPS lift a sheet's protection, as the officer is told. */
export const UNPROTECT_MENU = '（审阅 → 撤销工作表保护）';

/** A suggested fix that names nothing to write; null when it has a value or a formula. */
export function emptyFixProblem(fix: SuggestedFix): string | null {
  return fix.formula === undefined && fix.value === undefined ? '该修正没有可写入的值或公式' : null;
}

/** A fix's cell whose number is no longer the one checked (the officer edited it since); null when it still is. */
export function changedSinceCheck(fix: SuggestedFix, before: AppliedFix['before'], sheet: string, address: string): string | null {
  if (typeof fix.previous === 'number' && typeof before.value === 'number' && Math.abs(fix.previous - before.value) > 0.005 && !before.formula) {
    return `“${sheet}”!${address} 的当前值（${before.value}）与检查时（${fix.previous}）不同，单元格可能已被修改。请重新检查后再修正。`;
  }
  return null;
}

/** Why a fix cannot be written to (or undone in) a protected sheet. */
export function protectedFixMessage(sheet: string, address: string): string {
  return `工作表“${sheet}”受保护，无法写入 ${address}。请先撤销工作表保护${UNPROTECT_MENU}，再应用修正。`;
}

/**
 * Why an output sheet cannot replace the existing sheet `name`: the officer has not agreed to
 * overwrite it, or it is protected (asked only once overwriting is agreed; `menu` is the hint
 * on where to lift protection, as each host words it). Null when it may be overwritten.
 */
export function overwriteProblem(name: string, overwrite: boolean, isProtected: () => boolean, menu = ''): string | null {
  if (!overwrite) return `工作表“${name}”已存在。请确认是否覆盖其内容。`;
  if (isProtected()) return `工作表“${name}”受保护，无法覆盖。请先撤销工作表保护${menu}。`;
  return null;
}
