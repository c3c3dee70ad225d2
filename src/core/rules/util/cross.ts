// Cross-table comparisons (表间): one figure against another figure (or a sum of figures)
// that report the same quantity, possibly in another table and another unit.
import type { CellRef } from '../../address';
import { refText } from '../../address';
import { fmt } from '../../numbers';
import type { Severity } from '../../findings';
import type { Figure, Table } from '../../tables/types';
import type { RuleFinding } from '../types';
import { amountIn, convert, scaleOf } from './figures';
import { evaluatedEquations } from './table-equations';
import { findingAt, roundingNote } from './report';
import { EPS, compareAtPrecision, verdictOf } from './tolerance';
import type { Verdict } from './tolerance';

export interface Side {
  table: Table;
  fig: Figure | null | undefined;
}

export interface CompareSpec {
  /** The figure the finding is placed on. */
  primary: Side;
  /** What it should equal: one figure or the sum of several. */
  others: Side[];
  /** Name of the primary quantity: '收入支出决算总表「一般公共预算财政拨款收入」'. */
  what: string;
  /** Where the expected value comes from: '收入决算表合计行「财政拨款收入」'. */
  basis: string;
  /** 'equal' (default); 'atLeast': primary ≥ others; 'atMost': primary ≤ others. */
  mode?: 'equal' | 'atLeast' | 'atMost';
  /** Severity of a real difference (default: the rule's). */
  severity?: Severity;
  /** Extra cells to list as related. */
  related?: (CellRef | null | undefined)[];
}

export interface CompareResult {
  /** 'explained': the other side is a total that its own table already shows wrong, and with the
   * value its items imply the comparison holds: the finding belongs to that table, not here. */
  verdict: Verdict | 'explained';
  expected: number;
  actual: number;
  tolerance: number;
}

/** Compare; null when a figure is missing or unreadable (reported elsewhere). */
export function compareSides(spec: CompareSpec): CompareResult | null {
  const p = spec.primary;
  if (!p.fig || p.fig.value === null) return null;
  const unit = scaleOf(p.table).unit;
  const a = amountIn(p.table, p.fig, unit);
  if (!a) return null;
  let expected = 0;
  let tolerance = a.half;
  let mixed = false;
  let coarse = a.decimals;
  for (const o of spec.others) {
    if (!o.fig) return null;
    const b = amountIn(o.table, o.fig, unit);
    if (!b) return null;
    expected += b.value;
    tolerance += b.half;
    if (scaleOf(o.table).unit !== unit) mixed = true;
    coarse = Math.min(coarse, b.decimals);
  }
  expected = Number(expected.toFixed(8));
  const actual = a.value;
  const diff = actual - expected;
  let verdict: Verdict;
  if (spec.mode === 'atLeast' && diff >= -EPS) verdict = 'equal';
  else if (spec.mode === 'atMost' && diff <= EPS) verdict = 'equal';
  else verdict = mixed ? compareAtPrecision(actual, expected, tolerance, Math.max(0, coarse)) : verdictOf(diff, tolerance);
  if (verdict === 'mismatch') {
    // Substitute the implied value for any other-side figure that is a broken total.
    let alt = 0;
    let changed = false;
    for (const o of spec.others) {
      const implied = brokenTotalExpected(o.table, o.fig as Figure);
      const v = implied ?? (o.fig as Figure).value ?? 0;
      if (implied !== null) changed = true;
      alt += convert(v, scaleOf(o.table).unit, unit);
    }
    if (changed) {
      const d = actual - alt;
      const ok = spec.mode === 'atLeast' ? d >= -tolerance - EPS : spec.mode === 'atMost' ? d <= tolerance + EPS : Math.abs(d) <= tolerance + EPS;
      if (ok) return { verdict: 'explained', expected, actual, tolerance };
    }
  }
  return { verdict, expected, actual, tolerance };
}

/** When `fig` is the total of an equation its own table breaks, the value its items imply. */
function brokenTotalExpected(table: Table, fig: Figure): number | null {
  for (const e of evaluatedEquations(table))
    if (e.verdict === 'mismatch' && e.total.ref.sheet === fig.ref.sheet && e.total.ref.row === fig.ref.row && e.total.ref.col === fig.ref.col) return e.expected;
  return null;
}

/** The finding for a comparison, or null when the figures agree. */
export function compare(spec: CompareSpec): RuleFinding | null {
  const r = compareSides(spec);
  if (!r || r.verdict === 'equal' || r.verdict === 'explained') return null;
  const p = spec.primary;
  const digits = scaleOf(p.table).decimals;
  const related = [...spec.others.map((o) => o.fig?.ref), ...(spec.related ?? [])];
  const diff = Math.abs(r.actual - r.expected);
  const rel = spec.mode === 'atLeast' ? '不应小于' : spec.mode === 'atMost' ? '不应大于' : '应为';
  let msg = `${spec.what}${rel} ${fmt(r.expected, digits)}（${spec.basis}），实为 ${fmt(r.actual, digits)}，相差 ${fmt(diff, digits)}`;
  if (r.verdict === 'rounding') msg += roundingNote(r.tolerance, digits);
  return findingAt(p.table, (p.fig as Figure).ref, msg, {
    severity: r.verdict === 'rounding' ? 'info' : spec.severity,
    related,
    expected: r.expected,
    actual: r.actual,
  });
}

/** Collect non-null findings. */
export function collect(list: (RuleFinding | null)[]): RuleFinding[] {
  return list.filter((f): f is RuleFinding => f !== null);
}

/** 'Sheet!C6' of a figure, for messages. */
export function cellName(fig: Figure | null | undefined, fromSheet?: string): string {
  return fig ? refText(fig.ref, fromSheet) : '';
}
