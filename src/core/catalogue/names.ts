// Comparing 科目名称 with the catalogue: printed names differ from the catalogue's in bracket width,
// quotes, spaces, PDF line breaks and list numbering, never in meaning. Normalise those away, then
// compare exactly (a swapped character is a different name).
import { toHalfWidth } from '../numbers';

/** Provenance tags whose names were read in dated documents (README of ../shared/codes/full). */
export const READ_TAGS = ['doc', 'jsrpt-cols', 'engine-map', 'duizhao2020', 'web2018', 'yiyang2018', 'sample2023'] as const;

/**
 * How far a name can be trusted: `read` (a dated document; a mismatch is an error), `template`
 * (printed in the 2024 template, but not among the read tags the checks may raise errors on),
 * `memory` (unverified recollection; a warning at most), `memory-low` (doubted; information only).
 */
export type Trust = 'read' | 'template' | 'memory' | 'memory-low';

export const TRUST_ORDER: Record<Trust, number> = { read: 0, template: 1, memory: 2, 'memory-low': 3 };

/** Trust of a variant from its `;`-joined source tags. */
export function trustOf(tags: string[]): Trust {
  const base = tags.map((t) => t.split(':')[0]);
  if (base.some((t) => (READ_TAGS as readonly string[]).includes(t))) return 'read';
  if (base.includes('tmpl2024-name')) return 'template';
  if (base.includes('memory')) return 'memory';
  return 'memory-low';
}

/**
 * A name reduced for comparison: half-width, no whitespace or line breaks (incl. full-width spaces
 * used for indentation), one kind of bracket, no quotes, no leading list numbering (一、 （一） 1.).
 */
export function normCatalogueName(s: string): string {
  return toHalfWidth(String(s ?? ''))
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[【［〔]/g, '(')
    .replace(/[】］〕]/g, ')')
    .replace(/[“”"『』「」‘’']/g, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d)|\(\d{1,2}\))/, '')
    .replace(/^其中[:：]/, '');
}
