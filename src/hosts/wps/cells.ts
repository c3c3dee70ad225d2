// From what ET returns for a used range (Value2, Formula and the number formats found) to the
// snapshot's cells. Value2 of one cell is a scalar and of an area rows of scalars; empty cells
// come back as undefined (or null / ''). A cell error comes back either as its text ('#DIV/0!')
// or, as COM hands VT_ERROR to scripts, as the negative integer 0x800A0000 | xlErr (WPS's
// documentation does not say which, so both are read). Formula gives '=…' for a formula and the
// constant's text otherwise, so a cell is a formula only when Formula starts with '=' and is not
// simply the text the cell holds (a text constant '=abc' entered with a leading apostrophe).
import type { Cell } from '../../core/snapshot';
import { ERROR_VALUES, snapshotCell } from '../cell-io';
import type { EtGrid, EtScalar } from './et';

/** xlErr codes (wps-jsapi EtXlCVError) by error text; COM's VT_ERROR is 0x800A0000 | code. */
const XL_ERR: Record<string, number> = { '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042, '#GETTING_DATA': 2043, '#SPILL!': 2045, '#CALC!': 2050 };
const BY_HRESULT = new Map(Object.entries(XL_ERR).map(([text, code]) => [(0x800a0000 | code) | 0, text]));

/** The error text of a Value2 that is a cell error, else null. */
export function errorText(v: unknown): string | null {
  if (typeof v === 'number') return BY_HRESULT.get(v) ?? null;
  if (typeof v === 'string' && ERROR_VALUES.has(v)) return v;
  return null;
}

/** Reads cell (i, j) of a Value2/Formula result, whatever its shape. */
export function gridReader(x: EtGrid): (i: number, j: number) => EtScalar {
  if (Array.isArray(x)) return (i, j) => (Array.isArray(x[i]) ? x[i][j] : undefined);
  return (i, j) => (i === 0 && j === 0 ? x : undefined);
}

const GENERAL = new Set(['General', 'G/通用格式', '常规', '@General', '']);

/** A number format worth keeping (General in any spelling is no format). */
export function formatCode(z: unknown): string | undefined {
  return typeof z === 'string' && !GENERAL.has(z) ? z : undefined;
}

/** One cell for the snapshot, or undefined when empty. `z` is known only for numeric cells. */
export function toCell(value: EtScalar, formula: EtScalar, z: string | undefined): Cell | undefined {
  const isText = typeof value === 'string';
  const f = typeof formula === 'string' && formula.length > 1 && formula.startsWith('=') && !(isText && formula === value) ? formula.slice(1) : undefined;
  return snapshotCell(value, errorText(value), f, z);
}

/** A Value2 as AppliedFix.before keeps it (errors as their text). */
export function plainValue(v: EtScalar): string | number | boolean | null {
  if (v === undefined || v === null || v === '') return null;
  return errorText(v) ?? v;
}
