// Cell-level behaviour of the fake: what Value2 / Formula / Text report for a stored cell and
// what writing a value does (a string starting with '=' enters a formula, "'" keeps text).
import type { CellValue } from '../../src/core/snapshot';
import { isCellError } from '../../src/core/snapshot';
import { evaluateFormula, UnsupportedFormula, type EvalContext } from '../../src/hosts/file/formula-eval';
import type { EtCtx } from './context';
import { COLS, errorHresult, key, unkey, type EtCellState, type EtSheetState } from './state';

function isDateFormat(z: string | undefined): boolean {
  if (!z) return false;
  const bare = z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /(^|[^0#?])m{1,4}[-/.]/i.test(bare);
}

/** The serial number of an ISO date (1900 date system), as ET stores dates. */
function isoToSerial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;
}

/** `Value2` of one cell: numbers (dates as serials), text, booleans, errors, undefined when empty. */
export function value2Of(ctx: EtCtx, cell: EtCellState | undefined): unknown {
  if (!cell) return undefined;
  const v = cell.v;
  if (v === null || v === '') return undefined;
  if (isCellError(v)) return ctx.opts.errorForm === 'text' ? v.error : errorHresult(v.error);
  if (typeof v === 'string' && isDateFormat(cell.z) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToSerial(v);
  return v;
}

/** `Formula` of one cell: '=…' for a formula, else the constant as text ('' when empty). */
export function formulaOf(cell: EtCellState | undefined): string {
  if (!cell) return '';
  if (cell.f) return `=${cell.f}`;
  const v = cell.v;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string' && isDateFormat(cell.z) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return String(isoToSerial(v));
  return String(v);
}

/** `Text` of one cell: what the grid shows (enough of number formatting for the tests). */
export function textOf(cell: EtCellState | undefined): string {
  if (!cell || cell.v === null) return '';
  const v = cell.v;
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const z = cell.z ?? '';
    const pct = /0(?:\.(0+))?%/.exec(z);
    if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
    const dec = /0\.(0+)/.exec(z);
    return dec ? v.toFixed(dec[1].length) : String(v);
  }
  return v;
}

function evalCtx(ctx: EtCtx): EvalContext {
  const find = (name: string): EtSheetState | undefined => ctx.wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  return {
    get: (sheet, row, col) => find(sheet)?.cells.get(key(row, col))?.v ?? null,
    sheetName: (name) => find(name)?.name ?? null,
    lastRow: (sheet) => {
      let max = 0;
      for (const k of find(sheet)?.cells.keys() ?? []) max = Math.max(max, unkey(k)[0]);
      return max;
    },
  };
}

/** Writes one value as ET does through Value2 or Formula. */
export function writeCell(ctx: EtCtx, sheet: EtSheetState, r: number, c: number, x: unknown): void {
  if (c >= COLS) throw new Error('column out of range');
  const k = key(r, c);
  const prev = sheet.cells.get(k);
  const cell: EtCellState = prev ? { ...prev } : { v: null };
  delete cell.f;
  if (x === undefined || x === null || x === '') cell.v = null;
  else if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
    cell.f = x.slice(1);
    let v: CellValue = prev?.f === cell.f ? prev.v : 0;
    try {
      v = evaluateFormula(cell.f, sheet.name, evalCtx(ctx));
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
    }
    cell.v = v;
  } else if (typeof x === 'string' && x.startsWith("'")) cell.v = x.slice(1);
  else if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') cell.v = x;
  else throw new Error(`类型不匹配：${String(x)}`);
  if (cell.v === null && !cell.f && !cell.z && !cell.fill && !cell.bold && !cell.comment) sheet.cells.delete(k);
  else sheet.cells.set(k, cell);
}
