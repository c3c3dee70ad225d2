// Linear relations: Σ coef·figure (=, ≥, ≤) constant, within a rounding tolerance. Sums, cross-table
// copies, caps and fixed totals are all of this form; only rates need their own (rates.ts).
import type { CellRef } from '../address';
import type { Severity, SuggestedFix } from '../findings';
import { fmt, roundHalfUp } from '../numbers';
import type { Figure, Table } from '../tables/types';
import { roundingNote } from '../rules/util/report';
import { EPS, verdictOf } from '../rules/util/tolerance';
import type { Verdict } from '../rules/util/tolerance';
import type { RelCell, Relation, RelationEval, Solution, ValueOf } from './relation';
import { figKey } from './relation';

export interface LinearTerm extends RelCell {
  coef: number;
}

export interface LinearSpec {
  table: Table | null;
  /** The figure named `what`: the total, or the primary side of a comparison. Absent: the whole left side is `what`. */
  anchorTerm?: boolean;
  /** Where to report when no cell is blamed (default: the first term's cell). */
  anchor?: CellRef;
  terms: LinearTerm[];
  op?: '=' | '>=' | '<=';
  constant?: number;
  tolerance: number;
  decimals: number;
  /** Mixed units: equal when expected and actual print alike at these decimals. */
  coarse?: number;
  /** The anchor named in messages, e.g. '合计「本年支出合计」'. */
  what: string;
  /** What it should equal, e.g. '各类之和'. */
  basis: string;
  severity?: Severity;
  /** Today's message for the relation reported on its own (default: 应为 …（basis），实为 …，相差 …). */
  message?: (ev: RelationEval) => string;
  ownFix?: (ev: RelationEval) => SuggestedFix | undefined;
  formulaFor?: (fig: Figure) => string | undefined;
  copy?: boolean;
  quietRounding?: boolean;
}

const OP_WORD = { '=': '应为', '>=': '不应小于', '<=': '不应大于' } as const;
const OP_SIGN = { '=': '＝', '>=': '≥', '<=': '≤' } as const;

/** Build a linear relation (the engine fills `rule`). */
export function linear(spec: LinearSpec): Relation {
  const op = spec.op ?? '=';
  const constant = spec.constant ?? 0;
  const anchored = spec.anchorTerm !== false && spec.terms.length > 0;
  const a0 = anchored ? spec.terms[0].coef : 1;
  const evaluate = (get: ValueOf): RelationEval | null => {
    let lhs = 0;
    for (const t of spec.terms) {
      const v = get(t.fig);
      if (v === null) return null;
      lhs += t.coef * v;
    }
    const r = Number((lhs - constant).toFixed(9));
    let actual: number;
    let expected: number;
    if (anchored) {
      actual = get(spec.terms[0].fig) as number;
      expected = Number((actual - r / a0).toFixed(8));
    } else {
      actual = Number(lhs.toFixed(8));
      expected = constant;
    }
    let verdict: Verdict;
    if (op === '>=' && r >= -EPS) verdict = 'equal';
    else if (op === '<=' && r <= EPS) verdict = 'equal';
    else if (op === '=' && spec.coarse !== undefined && roundHalfUp(actual, spec.coarse) === roundHalfUp(expected, spec.coarse)) verdict = 'equal';
    else verdict = verdictOf(r, spec.tolerance);
    return { verdict, expected, actual, tolerance: spec.tolerance };
  };
  const solve = (fig: Figure, get: ValueOf): Solution | null => {
    const k = figKey(fig);
    let a = 0;
    let rest = 0;
    for (const t of spec.terms) {
      if (figKey(t.fig) === k) {
        a += t.coef;
        continue;
      }
      const v = get(t.fig);
      if (v === null) return null;
      rest += t.coef * v;
    }
    if (Math.abs(a) < 1e-12) return null;
    const point = Number(((constant - rest) / a).toFixed(8));
    const w = (spec.tolerance + EPS) / Math.abs(a);
    if (op === '=') return { lo: point - w, hi: point + w, point, exact: true };
    // a·x + rest ≥ constant − tol  (or ≤ constant + tol)
    const lower = (op === '>=') === a > 0;
    return lower ? { lo: point - w, hi: Infinity, point, exact: false } : { lo: -Infinity, hi: point + w, point, exact: false };
  };
  const message =
    spec.message ??
    ((ev: RelationEval) => {
      const d = spec.decimals;
      let m = `${spec.what}${OP_WORD[op]} ${fmt(ev.expected, d)}（${spec.basis}），实为 ${fmt(ev.actual, d)}，相差 ${fmt(Math.abs(ev.actual - ev.expected), d)}`;
      if (ev.verdict === 'rounding') m += roundingNote(ev.tolerance, d);
      return m;
    });
  return {
    rule: '',
    severity: spec.severity,
    table: spec.table,
    anchor: spec.anchor ?? spec.terms[0].fig.ref,
    cells: spec.terms,
    statement: `${spec.what}${OP_SIGN[op]}${spec.basis}`,
    decimals: spec.decimals,
    evaluate,
    solve,
    message,
    ownFix: spec.ownFix,
    formulaFor: spec.formulaFor,
    copy: spec.copy,
    quietRounding: spec.quietRounding,
  };
}
