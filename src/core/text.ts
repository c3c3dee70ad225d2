// Text normalisation for matching labels, titles and names across templates.
import { toHalfWidth } from './numbers';
import type { CellValue } from './snapshot';
import { isCellError } from './snapshot';

/** Cell value as display text ('' for empty). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isCellError(v)) return v.error;
  return '';
}

/**
 * Normalise a label for comparison: half-width, no whitespace (incl. full-width spaces used for
 * indentation), unified brackets and quotes, no list numbering like '一、' '（一）' '1.' '1、'.
 */
export function normLabel(s: string): string {
  // Detection normalises the same labels over and over (every header and row label, several
  // times): remember them. Bounded so that a sheet of unique text cannot grow it without end.
  const known = NORM_CACHE.get(s);
  if (known !== undefined) return known;
  if (NORM_CACHE.size >= 20000) NORM_CACHE.clear();
  const t = normLabelUncached(s);
  NORM_CACHE.set(s, t);
  return t;
}

const NORM_CACHE = new Map<string, string>();

function normLabelUncached(s: string): string {
  let t = toHalfWidth(s)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（【［]/g, '(')
    .replace(/[）】］]/g, ')')
    .replace(/[“”"『』「」‘’']/g, '');
  t = t.replace(/^(?:[一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|\d+[、.．](?!\d)|\(\d+\))/, '');
  t = t.replace(/^其中[:：]/, '');
  return t;
}

/** Name normalisation for catalogue comparisons: brackets half-width, spaces removed. */
export function normName(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

/** Does the normalised label contain all the given fragments? */
export function labelHas(label: string, ...parts: string[]): boolean {
  const n = normLabel(label);
  return parts.every((p) => n.includes(p));
}

/**
 * Every match of `re` not preceded by a character matching `notAfter`: a one-character negative
 * lookbehind ((?<![…])) written out, for the engines the task pane meets that have no lookbehind
 * (EdgeHTML 18, Internet Explorer 11). The search resumes one character on after a refused match,
 * as the regex engine itself would.
 */
export function matchAllNotAfter(s: string, re: RegExp, notAfter: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = new RegExp(re.source, re.flags.indexOf('g') >= 0 ? re.flags : `${re.flags}g`);
  for (let m = g.exec(s); m; m = g.exec(s)) {
    const refused = m.index > 0 && notAfter.test(s.charAt(m.index - 1));
    if (!refused) out.push(m);
    if (refused || m[0] === '') g.lastIndex = m.index + 1;
  }
  return out;
}
