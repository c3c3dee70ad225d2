// A1 addressing helpers. The core works with 0-based (row, col); Excel and the CLI speak A1.
import type { CellRange } from './snapshot';

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeA1(r: CellRange): string {
  const tl = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${a1(r.r2, r.c2)}`;
}

/** Parse 'B7' or '$B$7' into 0-based coordinates. */
export function parseA1(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parse 'A1:F18' (or a single cell) into a range. */
export function parseRangeA1(text: string): CellRange | null {
  const [a, b] = text.split(':');
  const p = parseA1(a);
  if (!p) return null;
  const q = b ? parseA1(b) : p;
  if (!q) return null;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/**
 * Excel quoting of a sheet name inside a reference: 'My Sheet'!A1. A name goes bare only when it
 * is word characters not starting with a digit and Excel cannot read it as something else: a cell
 * (FY2023, Q1 — up to XFD1048576), an R1C1 address (R, C, R2C3) or a logical (TRUE/FALSE).
 * Quoting is always accepted, so when in doubt we quote.
 */
export function quoteSheet(name: string): string {
  const upper = name.toUpperCase();
  const cell = /^([A-Z]{1,3})(\d+)$/.exec(upper);
  const cellLike = !!cell && columnIndex(cell[1]) < 16384 && Number(cell[2]) >= 1 && Number(cell[2]) <= 1048576;
  const r1c1Like = /^R\d*(C\d*)?$/.test(upper) || /^C\d*$/.test(upper);
  const bare = /^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) && !cellLike && !r1c1Like && upper !== 'TRUE' && upper !== 'FALSE';
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet!B7' as used in findings' related cells (unquoted, as SPEC §8 shows). */
export function refText(ref: CellRef, fromSheet?: string): string {
  return ref.sheet === fromSheet ? a1(ref.row, ref.col) : `${ref.sheet}!${a1(ref.row, ref.col)}`;
}

/** A reference usable inside an Excel formula on another sheet. */
export function formulaRef(ref: CellRef): string {
  return `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}
