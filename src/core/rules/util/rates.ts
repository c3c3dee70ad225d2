// Rates as relations: a printed percentage against numerator ÷ denominator, with interval
// arithmetic on the division (SPEC §2). The rate cell takes part as its printed percent (a
// fraction under a % format, a number under a % header, or text '98.80%'), one view shared by
// every relation that reads it, so that the diagnosis can reason about it like any figure.
import { a1 } from '../../address';
import { roundHalfUp } from '../../numbers';
import type { WorkbookSnapshot } from '../../snapshot';
import type { Figure, Table } from '../../tables/types';
import type { RelCell, Relation, RelationEval, Solution, ValueOf } from '../../diagnosis/relation';
import { figKey } from '../../diagnosis/relation';
import { readPercent, formatOf } from './figures';
import { EPS, checkRate, halfOf } from './tolerance';

export interface PercentView {
  /** The rate cell as a figure whose value is the printed percent (98.8 for 98.80%). */
  fig: Figure;
  decimals: number;
  /** Percent → what to write into the cell (a fraction unless the cell holds a plain percent number). */
  toCell: (pct: number) => number;
}

const views = new WeakMap<Figure, PercentView | null>();

/** The percent view of a rate cell (the first reader's hint settles an unformatted 1 = 100%). */
export function percentView(wb: WorkbookSnapshot, rate: Figure | null | undefined, hint?: number): PercentView | null {
  if (!rate) return null;
  if (views.has(rate)) return views.get(rate) ?? null;
  const p = readPercent(wb, rate, hint);
  let view: PercentView | null = null;
  if (p) {
    const fraction = rate.text !== undefined || !!formatOf(wb, rate.ref)?.includes('%') || (rate.value !== null && Math.abs(rate.value * 100 - p.pct) < 1e-6);
    view = { fig: { value: p.pct, ref: rate.ref, form: rate.form }, decimals: p.decimals, toCell: (pct) => (fraction ? Number((pct / 100).toFixed(p.decimals + 2)) : roundHalfUp(pct, p.decimals)) };
  }
  views.set(rate, view);
  return view;
}

export interface RatioSpec {
  table: Table;
  rate: PercentView;
  num: Figure;
  den: Figure;
  numHalf: number;
  denHalf: number;
  /** Decimals the numerator and denominator are written with (0 for head counts). */
  figDecimals: number;
  /** Numerator and denominator are head counts (whole numbers). */
  counts?: boolean;
  labels: { rate: string; num: string; den: string };
  statement: string;
  /** Today's message for the relation reported on its own. */
  message: (ev: RelationEval) => string;
}

/** rate (percent) = num ÷ den × 100, consistent within the rounding of all three. */
export function ratioRelation(spec: RatioSpec): Relation {
  const { rate, num, den } = spec;
  const h = halfOf(rate.decimals);
  const evaluate = (get: ValueOf): RelationEval | null => {
    const p = get(rate.fig);
    const e = get(num);
    const d = get(den);
    if (p === null || e === null || d === null || d === 0) return null;
    const c = checkRate(p, rate.decimals, e, d, spec.numHalf, spec.denHalf);
    if (!c) return null;
    const verdict = c.verdict === 'equal' ? 'equal' : c.verdict === 'mismatch' ? 'mismatch' : 'rounding';
    return { verdict, expected: c.expected, actual: p, tolerance: h, truncation: c.verdict === 'truncation' };
  };
  const solve = (fig: Figure, get: ValueOf): Solution | null => {
    const k = figKey(fig);
    const p = get(rate.fig);
    const e = get(num);
    const d = get(den);
    if (k === figKey(rate.fig)) {
      if (e === null || d === null || d === 0) return null;
      const c = checkRate(0, rate.decimals, e, d, spec.numHalf, spec.denHalf);
      if (!c) return null;
      return { lo: c.range.lo - h - EPS, hi: c.range.hi + h + EPS, point: c.expected, exact: true };
    }
    if (p === null || p <= 0) return null;
    if (k === figKey(num)) {
      if (d === null) return null;
      const point = roundHalfUp((p / 100) * d, spec.figDecimals);
      return { lo: ((p - h) / 100) * d - spec.numHalf - EPS, hi: ((p + h) / 100) * d + spec.numHalf + EPS, point, exact: true };
    }
    if (k === figKey(den)) {
      if (e === null) return null;
      const point = roundHalfUp(e / (p / 100), spec.figDecimals);
      const lo = e / ((p + h) / 100) - spec.denHalf - EPS;
      const hi = p - h > 0 ? e / ((p - h) / 100) + spec.denHalf + EPS : Infinity;
      return { lo, hi, point, exact: true };
    }
    return null;
  };
  const cells: RelCell[] = [
    { fig: rate.fig, table: spec.table, label: spec.labels.rate, nonNegative: true, decimals: rate.decimals, toCell: rate.toCell },
    { fig: num, table: spec.table, label: spec.labels.num, nonNegative: true, decimals: spec.figDecimals, integer: spec.counts },
    { fig: den, table: spec.table, label: spec.labels.den, nonNegative: true, decimals: spec.figDecimals, integer: spec.counts },
  ];
  return {
    rule: '',
    table: spec.table,
    anchor: rate.fig.ref,
    cells,
    statement: spec.statement,
    decimals: rate.decimals,
    evaluate,
    solve,
    message: spec.message,
    formulaFor: (fig) => (figKey(fig) === figKey(rate.fig) ? `${a1(num.ref.row, num.ref.col)}/${a1(den.ref.row, den.ref.col)}` : undefined),
  };
}
