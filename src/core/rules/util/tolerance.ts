// Rounding intervals (SPEC §2, the XBRL Calculations 1.1 rule specialised): a printed figure with
// d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; two expressions are consistent when their
// intervals overlap. A difference inside the tolerance is at most 'info', never an error.
import { roundHalfUp } from '../../numbers';

/** Half-width of the interval of a figure printed with 2 decimals. */
export const HALF_CENT = 0.005;
/** Float noise below this is no difference at all. */
export const EPS = 1e-7;

export type Verdict = 'equal' | 'rounding' | 'mismatch';

export interface Interval {
  lo: number;
  hi: number;
}

/** Half-width of the rounding interval of a figure printed with `decimals` decimals. */
export function halfOf(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}

/** Tolerance of a total against n items, each with the same half-width: (n + 1) × half. */
export function sumTolerance(n: number, half = HALF_CENT): number {
  return (n + 1) * half;
}

/** Verdict for a difference given the sum of the half-widths involved. */
export function verdictOf(diff: number, tolerance: number): Verdict {
  const d = Math.abs(diff);
  if (d <= EPS) return 'equal';
  if (d <= tolerance + EPS) return 'rounding';
  return 'mismatch';
}

/** Cuts binary noise below 10⁻⁸ off a cents-level figure or difference, without the cost of toFixed. */
export function dropNoise(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}

/**
 * Verdict for the residual (left − right) of a relation: an inequality that holds is 'equal'
 * whatever its margin; otherwise the residual is judged against the tolerance.
 */
export function relationVerdict(residual: number, op: '=' | '>=' | '<=', tolerance: number): Verdict {
  if (op === '>=' && residual >= -EPS) return 'equal';
  if (op === '<=' && residual <= EPS) return 'equal';
  return verdictOf(residual, tolerance);
}

/**
 * Compare two figures in the same unit printed at possibly different precisions
 * (e.g. a 元 figure converted to 万元 against a 万元 figure). Equal after rounding to the
 * coarser precision counts as equal: that is exactly what a correct unit conversion prints.
 */
export function compareAtPrecision(a: number, b: number, tolerance: number, coarserDecimals: number): Verdict {
  if (roundHalfUp(a, coarserDecimals) === roundHalfUp(b, coarserDecimals)) return 'equal';
  return verdictOf(a - b, tolerance);
}

export function intervalOf(v: number, half: number): Interval {
  return { lo: v - half, hi: v + half };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + EPS && b.lo <= a.hi + EPS;
}

/** Interval of a / b for positive intervals: [amin/bmax, amax/bmin]; null when b may be ≤ 0. */
export function divideIntervals(a: Interval, b: Interval): Interval | null {
  if (b.lo <= 0) {
    // A zero-width positive denominator (exact count) is fine; anything touching zero is not.
    if (!(b.lo === b.hi && b.lo > 0)) return null;
  }
  const lo = Math.max(a.lo, 0) / b.hi;
  const hi = a.hi / b.lo;
  return { lo: Math.min(lo, hi), hi: Math.max(lo, hi) };
}

/** Truncate (not round) to `digits` decimals: 99.868 → 99.86. */
export function truncate(v: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.trunc(Number((v * f).toFixed(6))) / f;
}

export type RateVerdict = 'equal' | 'rounding' | 'truncation' | 'mismatch';

export interface RateCheck {
  verdict: RateVerdict;
  /** The exact rate from the printed figures, in percent. */
  exact: number;
  /** The range the true rate may take given the figures' rounding, in percent. */
  range: Interval;
  /** The correctly rounded rate at the printed precision, in percent. */
  expected: number;
}

/**
 * Check a printed percentage (in percent, e.g. 98.8) with `decimals` printed decimals against
 * numerator / denominator whose own half-widths are given (0 for exact counts).
 * Returns null when the denominator is zero (no rate exists).
 */
export function checkRate(printedPct: number, decimals: number, num: number, den: number, numHalf = HALF_CENT, denHalf = HALF_CENT): RateCheck | null {
  if (den === 0) return null;
  const exact = (num / den) * 100;
  const expected = roundHalfUp(exact, decimals);
  const q = divideIntervals(intervalOf(num, numHalf), intervalOf(den, denHalf));
  const range = q ? { lo: q.lo * 100, hi: q.hi * 100 } : { lo: exact, hi: exact };
  const printed = intervalOf(printedPct, halfOf(decimals));
  let verdict: RateVerdict;
  if (Math.abs(printedPct - expected) <= EPS) verdict = 'equal';
  else if (Math.abs(truncate(exact, decimals) - printedPct) <= EPS) verdict = 'truncation';
  else if (overlaps(printed, range)) verdict = 'rounding';
  else verdict = 'mismatch';
  return { verdict, exact, range, expected };
}
