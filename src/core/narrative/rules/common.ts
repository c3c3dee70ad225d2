// Shared pieces of the narrative rules: the claim shapes the reader extracts from the text,
// finding construction, and interval arithmetic for printed 2-decimal figures (SPEC §2).
import type { Finding, Severity } from '../../findings';
import { fmt } from '../../numbers';
import { matchAllNotAfter } from '../../text';
import type { Base, Entity, Reading } from '../entities';
import type { NarrativeFacts } from '../facts';

export interface Where {
  line: number;
  excerpt: string;
  /** Decimals the figure was printed with (2 unless the writer shortened it: '18.1%'). */
  decimals?: number;
}

/** The 预算 and 决算 the text itself states for its subject (used when the tables lack them). */
export interface Stated {
  budget: number | null;
  actual: number | null;
}

export type Claim = Where &
  (
    | { type: 'amount'; mode: 'actual' | 'budget'; cands: Entity[]; value: number; raw: string }
    | { type: 'unit'; raw: string; unit: '万元' | '%'; cut: boolean }
    | { type: 'share'; cands: Entity[]; amount: number | null; explicitBase: Entity[] | null; value: number }
    | { type: 'completion'; cands: Entity[]; value: number; stated: Stated }
    | {
        type: 'change';
        cands: Entity[];
        dir: 1 | -1 | 0;
        what: 'amount' | 'rate' | 'flat' | 'zero-base';
        value: number | null;
        word: string;
        /** The current figure the text states for the subject, and (for a rate) the change amount stated before it. */
        current: number | null;
        amount: number | null;
      }
    | { type: 'compare'; cands: Entity[]; word: '大于' | '小于' | '等于'; stated: Stated }
    | { type: 'contradiction'; name: string; words: [string, string] }
    | { type: 'name'; level: string; written: string; suggestion: string | null; codes: string[]; severity?: 'error' | 'warning' }
    | { type: 'nesting'; level: string; name: string; parentWritten: string; parentExpected: string; code: string }
    | { type: 'level'; name: string; written: string; actual: string; code: string; children: string[] }
  );

export interface RuleContext {
  facts: NarrativeFacts;
  alternativeBases: Base[];
}

export type NarrativeRule = (c: Claim, ctx: RuleContext) => Finding[];

/** What a text rule reads: the lines as given, the facts, and the 项 the reader saw described. */
export interface TextContext {
  facts: NarrativeFacts;
  lines: string[];
  described: Set<string>;
  /** Every claim the reader took from the text, for rules that weigh several claims together. */
  claims: Claim[];
}

/** A rule on the words themselves (placeholders, remnants, years …), run once over all lines. */
export type TextRule = (ctx: TextContext) => Finding[];

/** Where a match at `index` of line `i` (0-based) is: its 1-based line and the sentence around it. */
export function whereIn(lines: string[], i: number, index: number): Where {
  const l = lines[i];
  const start = Math.max(l.lastIndexOf('。', index - 1) + 1, 0);
  const endMark = l.indexOf('。', index);
  const end = endMark < 0 ? l.length : endMark + 1;
  return { line: i + 1, excerpt: l.slice(start, end).trim().slice(0, 160) };
}

/** Every match of `re` (global) on every line, with where it is. */
/** Matches of `re` in every line; with `notAfter`, only those not preceded by such a character (see matchAllNotAfter). */
export function matches(lines: string[], re: RegExp, notAfter?: RegExp): { m: RegExpMatchArray; where: Where }[] {
  const out: { m: RegExpMatchArray; where: Where }[] = [];
  lines.forEach((l, i) => {
    for (const m of notAfter ? matchAllNotAfter(l, re, notAfter) : l.matchAll(re)) out.push({ m, where: whereIn(lines, i, m.index ?? 0) });
  });
  return out;
}

export function finding(rule: string, severity: Severity, w: Where, message: string, expected?: number | string | null, actual?: number | string | null): Finding {
  return { rule: `narrative.${rule}`, family: 'narrative', severity, sheet: null, cell: null, related: [], line: w.line, message, expected: expected ?? null, actual: actual ?? null, excerpt: w.excerpt };
}

/** Half-width of the interval a 2-decimal figure stands for. */
export const HALF = 0.005;

export type Verdict = 'ok' | 'rounding' | 'truncation' | 'wrong';

/**
 * A printed percentage against part/whole (both 2-decimal figures): exact → ok; truncated instead
 * of rounded → truncation; intervals overlap → rounding; otherwise wrong.
 */
export function judgePercent(printed: number, part: number, whole: number, partHalf = HALF, wholeHalf = HALF, decimals = 2): Verdict {
  if (whole === 0) return 'wrong';
  const exact = (part / whole) * 100;
  if (fmt(exact) === fmt(printed)) return 'ok';
  // Printed with fewer decimals ('18.1%'): right at that precision is a style matter.
  if (decimals < 2 && fmt(exact, decimals) === fmt(printed, decimals)) return 'rounding';
  if (Math.abs(Math.floor(exact * 100 + 1e-9) / 100 - printed) < 1e-9) return 'truncation';
  const a = Math.abs(part);
  const w = Math.abs(whole);
  const lo = (Math.max(0, a - partHalf) / (w + wholeHalf)) * 100;
  const hi = (w - wholeHalf > 0 ? (a + partHalf) / (w - wholeHalf) : Infinity) * 100;
  const p = Math.abs(printed);
  if (p + HALF >= lo && p - HALF <= hi) return 'rounding';
  return 'wrong';
}

/** A printed amount against the table's: same at 2 decimals → ok; within the rounding tolerance → rounding. */
export function judgeAmount(printed: number, expected: number, n = 1, decimals = 2): Verdict {
  if (fmt(printed) === fmt(expected)) return 'ok';
  if (decimals < 2 && fmt(expected, decimals) === fmt(printed, decimals)) return 'rounding';
  if (Math.abs(printed - expected) <= (n + 1) * HALF + 1e-9) return 'rounding';
  return 'wrong';
}

export function label(cands: Entity[]): string {
  return cands[0]?.label ?? '';
}

export function readingsOf(cands: Entity[]): Reading[] {
  return cands.flatMap((c) => c.readings);
}

export const pct = (v: number) => `${fmt(v)}%`;
export const wan = (v: number) => `${fmt(v)}万元`;
