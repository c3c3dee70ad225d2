// Intra-table equations (total = Σ signed items) and their evaluation with rounding tolerance.
// All equations of one table are evaluated together so that a single wrong cell, which breaks
// both its row and its column, can be named instead of the two totals it upsets.
import type { CellRef } from '../../address';
import { fmt, roundHalfUp } from '../../numbers';
import type { Figure, Table } from '../../tables/types';
import type { RuleFinding } from '../types';
import { scaleOf } from './figures';
import { findingAt, mismatchMessage, roundingNote, valueFix } from './report';
import type { Verdict } from './tolerance';
import { EPS, sumTolerance, verdictOf } from './tolerance';

export interface Term {
  fig: Figure;
  sign: 1 | -1;
  label?: string;
}

export interface Equation {
  table: Table;
  /** Which rule reports it. */
  group: string;
  /** Whether the equation runs along a row, down a column, or neither (descriptive; placement uses overlaps). */
  orient: 'row' | 'col' | 'none';
  total: Figure;
  terms: Term[];
  /** The total as named in messages: '合计「项目支出」'. */
  what: string;
  /** How the expected value is formed: '各类之和'. */
  basis: string;
}

export interface Evaluated extends Equation {
  expected: number;
  actual: number;
  diff: number;
  tolerance: number;
  verdict: Verdict;
}

export function evaluate(eq: Equation): Evaluated | null {
  if (eq.total.value === null) return null;
  if (eq.terms.some((t) => t.fig.value === null)) return null;
  const { half } = scaleOf(eq.table);
  let s = 0;
  for (const t of eq.terms) s += t.sign * (t.fig.value as number);
  const expected = Number(s.toFixed(8));
  const actual = eq.total.value;
  const diff = actual - expected;
  const tolerance = sumTolerance(eq.terms.length, half);
  // Completed in place: equations are built fresh per table, and a copy of each would only feed the GC.
  const ev = eq as Evaluated;
  ev.expected = expected;
  ev.actual = actual;
  ev.diff = diff;
  ev.tolerance = tolerance;
  ev.verdict = verdictOf(diff, tolerance);
  return ev;
}

const key = (r: CellRef) => `${r.sheet}!${r.row},${r.col}`;

/** Where a broken equation should be reported, and a value fix when the culprit is certain. */
export interface Placement {
  primary: Figure;
  /** The value the primary cell should hold, when certain. */
  fixValue?: number;
  /** The equation the implied value was derived from (for the message). */
  implied?: number;
  /** How many broken equations the primary cell lies in. */
  broken?: number;
  /** The primary cell's name, e.g. '208 社会保障和就业支出「本年收入合计」'. */
  label?: string;
}

function labelOf(evals: Evaluated[], cell: Figure): string | undefined {
  const k = key(cell.ref);
  for (const e of evals) if (key(e.total.ref) === k) return e.what;
  for (const e of evals) for (const t of e.terms) if (t.label && key(t.fig.ref) === k) return t.label;
  return undefined;
}

/**
 * Place each broken equation. A cell that lies in a broken row equation and a broken column
 * equation is the culprit; when all its broken equations imply the same value, that value is
 * a certain fix. A total whose items all hold in other, satisfied equations while the total
 * holds in none is the culprit too (the 合计 that disagrees while all items agree elsewhere).
 */
const placeCache = new WeakMap<Evaluated[], Map<Evaluated, Placement>>();

export function place(evals: Evaluated[]): Map<Evaluated, Placement> {
  const hit = placeCache.get(evals);
  if (hit) return hit;
  const out = new Map<Evaluated, Placement>();
  placeCache.set(evals, out);
  if (!evals.some((e) => e.verdict === 'mismatch')) return out;
  const broken = new Map<string, Evaluated[]>();
  const support = new Map<string, number>();
  const cellsOf = (e: Evaluated) => [e.total, ...e.terms.map((t) => t.fig)];
  for (const e of evals) {
    const seen = new Set<string>();
    for (const f of cellsOf(e)) {
      const k = key(f.ref);
      if (seen.has(k)) continue;
      seen.add(k);
      if (e.verdict === 'mismatch') {
        const l = broken.get(k);
        if (l) l.push(e);
        else broken.set(k, [e]);
      }
      else support.set(k, (support.get(k) ?? 0) + 1);
    }
  }
  for (const e of evals) {
    if (e.verdict !== 'mismatch') continue;
    // A cell in two or more broken equations (its row and its column, or a 类 that is both the
    // total of its 款 and an item of 合计) is the culprit when it is the only such cell here.
    const cands = new Map<string, Figure>();
    for (const f of cellsOf(e)) if ((broken.get(key(f.ref))?.length ?? 0) >= 2) cands.set(key(f.ref), f);
    if (cands.size === 1) {
      const [k, c] = [...cands.entries()][0];
      const implied = (broken.get(k) ?? []).map((x) => impliedValue(x, c));
      const first = implied[0];
      const agree = first !== null && implied.every((v) => v !== null && Math.abs(v - first) <= e.tolerance + EPS);
      const mine = impliedValue(e, c);
      out.set(e, { primary: c, implied: mine ?? undefined, fixValue: agree && first !== null ? roundHalfUp(first, scaleOf(e.table).decimals) : undefined, broken: implied.length, label: labelOf(evals, c) });
      continue;
    }
    const totalK = key(e.total.ref);
    const totalAlone = cands.size === 0 && !support.has(totalK) && (broken.get(totalK)?.length ?? 0) === 1;
    const itemsHeld = e.terms.length > 0 && e.terms.every((t) => (support.get(key(t.fig.ref)) ?? 0) > 0);
    if (totalAlone && itemsHeld) out.set(e, { primary: e.total, fixValue: roundHalfUp(e.expected, scaleOf(e.table).decimals) });
    else out.set(e, { primary: e.total });
  }
  return out;
}

/** The value `cell` would need for `e` to hold exactly. */
function impliedValue(e: Evaluated, cell: Figure): number | null {
  const k = key(cell.ref);
  if (key(e.total.ref) === k) return e.expected;
  const t = e.terms.find((x) => key(x.fig.ref) === k);
  if (!t || t.fig.value === null) return null;
  // total = rest + sign·x  →  x = (total − rest) / sign
  const rest = e.expected - t.sign * t.fig.value;
  return Number(((e.actual - rest) / t.sign).toFixed(8));
}

/** Findings for one group of evaluated equations of a table (placement computed over all groups). */
export function equationFindings(all: Evaluated[], group: string, opts: { maxSeverity?: 'warning' } = {}): RuleFinding[] {
  const placed = place(all);
  const out: RuleFinding[] = [];
  for (const e of all) {
    if (e.group !== group || e.verdict === 'equal') continue;
    const digits = scaleOf(e.table).decimals;
    const related = [e.total.ref, ...e.terms.map((t) => t.fig.ref)];
    if (e.verdict === 'rounding') {
      out.push(
        findingAt(e.table, e.total.ref, mismatchMessage(e.what, e.expected, e.actual, digits, e.basis) + roundingNote(e.tolerance, digits), {
          severity: 'info',
          related,
          expected: e.expected,
          actual: e.actual,
        }),
      );
      continue;
    }
    const p = placed.get(e) ?? { primary: e.total };
    const severity = opts.maxSeverity;
    if (p.primary === e.total || (p.primary.ref.sheet === e.total.ref.sheet && p.primary.ref.row === e.total.ref.row && p.primary.ref.col === e.total.ref.col)) {
      const fix = p.fixValue !== undefined ? valueFix(e.total, p.fixValue, `将${e.what}改为 ${fmt(p.fixValue, digits)}（${e.basis}）`) : undefined;
      out.push(findingAt(e.table, e.total.ref, mismatchMessage(e.what, e.expected, e.actual, digits, e.basis), { severity, related, expected: e.expected, actual: e.actual, fix }));
    } else {
      const value = p.primary.value as number;
      const implied = p.implied ?? value;
      const name = p.label ?? '此单元格';
      const msg = `${name}应为 ${fmt(implied, digits)}，实为 ${fmt(value, digits)}，相差 ${fmt(Math.abs(value - implied), digits)}：它使“${e.what}”与${e.basis}不符（应为 ${fmt(e.expected, digits)}，实为 ${fmt(e.actual, digits)}），并使另外 ${(p.broken ?? 2) - 1} 处合计不平`;
      const fix = p.fixValue !== undefined ? valueFix(p.primary, p.fixValue, `${name}改为 ${fmt(p.fixValue, digits)}，相关合计同时相符`) : undefined;
      out.push(findingAt(e.table, p.primary.ref, msg, { severity, related, expected: implied, actual: value, fix }));
    }
  }
  return out;
}
