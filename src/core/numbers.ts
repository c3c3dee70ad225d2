// Reading amounts from cells in every form SPEC §2 lists, without ever throwing,
// and rounding the way the narrative prints (四舍五入, half-up, on decimal digits).
import type { CellValue } from './snapshot';
import { isCellError } from './snapshot';

export type NumberForm =
  | 'number' // a real number cell
  | 'text-number' // a number stored as text ("1,234.56", "１２３", " 12 ", "(12.30)")
  | 'blank' // empty cell: zero
  | 'dash' // -, —, －, –: zero
  | 'error' // #REF!, #DIV/0! …
  | 'invalid'; // text that cannot be a number

export interface ReadNumber {
  /** The amount; 0 for blank and dash; null for error and invalid. */
  value: number | null;
  form: NumberForm;
  /** The original text for text forms and errors. */
  text?: string;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF08\uFF09\uFF05\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF08\uFF09\uFF05\u3000]/;
const DASHES = new Set(['-', '—', '－', '–', '——', '--', '―', '/', '／']);

/** Map full-width digits and punctuation to ASCII (１２３．４ → 123.4). */
export function toHalfWidth(s: string): string {
  // Most text has no full-width character at all: a test is much cheaper than a replace.
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => {
    if (ch === '\u3000') return ' ';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

/** Parse text that should be an amount. Returns null when it is not one. */
export function parseNumberText(raw: string): number | null {
  let s = toHalfWidth(raw).trim().replace(/\s+/g, '');
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Units and currency marks that officers type next to figures.
  s = s.replace(/^[¥￥]/, '').replace(/(万元|元)$/, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Thousands separators only in valid positions: 1,234,567.89
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

export function readNumber(v: CellValue | undefined): ReadNumber {
  if (v === null || v === undefined) return { value: 0, form: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, form: 'number' } : { value: null, form: 'invalid', text: String(v) };
  if (typeof v === 'boolean') return { value: null, form: 'invalid', text: String(v) };
  if (isCellError(v)) return { value: null, form: 'error', text: v.error };
  const text = v;
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === '') return { value: 0, form: 'blank', text };
  if (DASHES.has(trimmed)) return { value: 0, form: 'dash', text };
  if (/^#[A-Z0-9/]+[!?]?[A-Z]*$/i.test(trimmed) && /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i.test(trimmed)) {
    return { value: null, form: 'error', text };
  }
  const n = parseNumberText(text);
  if (n === null) return { value: null, form: 'invalid', text };
  return { value: n, form: 'text-number', text };
}

/** Parse a printed percentage such as '95.78%', '９５．７８％' or a fraction cell 0.9578 (when isFraction). */
export function parsePercentText(raw: string): number | null {
  const s = toHalfWidth(raw).trim();
  const m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s);
  return m ? Number(m[1]) : null;
}

/** Count of decimals a value was reported with (used for rounding intervals). */
export function decimalsOf(v: number): number {
  if (!Number.isFinite(v)) return 0;
  const s = String(v);
  if (s.includes('e')) return 10;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * Round half-up (四舍五入) to `digits` decimals, robust to binary representation:
 * 0.125 → 0.13, 1.005 → 1.01 (Math.round(1.005*100) would give 1.00).
 */
export function roundHalfUp(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // Shift via exponent notation so the decimal digits are exact.
  const shifted = Number(`${abs.toPrecision(15)}e${digits}`);
  const rounded = Math.round(shifted + 1e-9);
  return sign * Number(`${rounded}e-${digits}`);
}

/** Format with fixed decimals after half-up rounding: fmt(37) → '37.00'. */
export function fmt(value: number, digits = 2): string {
  const r = roundHalfUp(value, digits);
  const s = (Object.is(r, -0) ? 0 : r).toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** Sum without accumulating binary noise (values are cents-level amounts). */
export function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return Number(s.toFixed(10));
}
