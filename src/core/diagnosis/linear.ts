// Linear relations: Σ coef·figure (=, ≥, ≤) constant, within a rounding tolerance. Sums, cross-table
// copies, caps and fixed totals are all of this form; only rates need their own (rates.ts).
import type { CellRef } from '../address';
import type { Severity, SuggestedFix } from '../findings';
import { fmt, roundHalfUp } from '../numbers';
import type { Figure, Table } from '../tables/types';
import { roundingNote } from '../rules/util/report';
import { dropNoise, EPS, relationVerdict } from '../rules/util/tolerance';
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

/** Mixed units: the comparison holds when both sides print alike (or in order) at the coarser precision. */
function coarseHolds(op: '=' | '>=' | '<=', actual: number, expected: number): boolean {
  return op === '=' ? actual === expected : op === '>=' ? actual >= expected : actual <= expected;
}

// A class reading its spec in place, not closures: a large workbook declares tens of thousands.
class Linear implements Relation {
  rule = '';
  severity?: Severity;
  related?: CellRef[];
  quietRounding?: boolean;
  private readonly spec: LinearSpec;
  private readonly op: '=' | '>=' | '<=';
  private readonly constant: number;
  private readonly anchored: boolean;

  constructor(spec: LinearSpec) {
    this.spec = spec;
    this.op = spec.op ?? '=';
    this.constant = spec.constant ?? 0;
    this.anchored = spec.anchorTerm !== false && spec.terms.length > 0;
    this.severity = spec.severity;
    this.quietRounding = spec.quietRounding;
  }

  get table(): Table | null {
    return this.spec.table;
  }
  get anchor(): CellRef {
    return this.spec.anchor ?? this.spec.terms[0].fig.ref;
  }
  get cells(): LinearTerm[] {
    return this.spec.terms;
  }
  get decimals(): number {
    return this.spec.decimals;
  }
  get copy(): boolean | undefined {
    return this.spec.copy;
  }
  get bound(): boolean {
    return this.op !== '=';
  }
  get ownFix() {
    return this.spec.ownFix;
  }
  get formulaFor() {
    return this.spec.formulaFor;
  }

  get statement(): string {
    return `${this.spec.what}${OP_SIGN[this.op]}${this.spec.basis}`;
  }

  /** Σ coef·figure, or null when a figure has no value. */
  private leftSide(get: ValueOf): number | null {
    let lhs = 0;
    const terms = this.spec.terms;
    for (let i = 0; i < terms.length; i++) {
      const v = get(terms[i].fig);
      if (v === null) return null;
      lhs += terms[i].coef * v;
    }
    return lhs;
  }

  quick(get: ValueOf): Verdict | null {
    if (this.spec.coarse !== undefined) return this.evaluate(get)?.verdict ?? null;
    const lhs = this.leftSide(get);
    return lhs === null ? null : relationVerdict(dropNoise(lhs - this.constant), this.op, this.spec.tolerance);
  }

  evaluate(get: ValueOf): RelationEval | null {
    const lhs = this.leftSide(get);
    if (lhs === null) return null;
    const terms = this.spec.terms;
    const r = dropNoise(lhs - this.constant);
    let actual: number;
    let expected: number;
    if (this.anchored) {
      actual = get(terms[0].fig) as number;
      expected = dropNoise(actual - r / terms[0].coef);
    } else {
      actual = dropNoise(lhs);
      expected = this.constant;
    }
    const op = this.op;
    const verdict: Verdict =
      this.spec.coarse !== undefined && coarseHolds(op, roundHalfUp(actual, this.spec.coarse), roundHalfUp(expected, this.spec.coarse)) ? 'equal' : relationVerdict(r, op, this.spec.tolerance);
    // Mixed units: what the other side prints as in this unit.
    if (this.spec.coarse !== undefined) expected = roundHalfUp(expected, this.spec.coarse + 2);
    return { verdict, expected, actual, tolerance: this.spec.tolerance };
  }

  solve(fig: Figure, get: ValueOf): Solution | null {
    const k = figKey(fig);
    let a = 0;
    let rest = 0;
    for (const t of this.cells) {
      if (figKey(t.fig) === k) {
        a += t.coef;
        continue;
      }
      const v = get(t.fig);
      if (v === null) return null;
      rest += t.coef * v;
    }
    if (Math.abs(a) < 1e-12) return null;
    const point = dropNoise((this.constant - rest) / a);
    const w = (this.spec.tolerance + EPS) / Math.abs(a);
    if (this.op === '=') return { lo: point - w, hi: point + w, point, exact: true };
    // a·x + rest ≥ constant − tol  (or ≤ constant + tol)
    const lower = (this.op === '>=') === a > 0;
    return lower ? { lo: point - w, hi: Infinity, point, exact: false } : { lo: -Infinity, hi: point + w, point, exact: false };
  }

  message(ev: RelationEval): string {
    if (this.spec.message) return this.spec.message(ev);
    const d = this.decimals;
    let m = `${this.spec.what}${OP_WORD[this.op]} ${fmt(ev.expected, d)}（${this.spec.basis}），实为 ${fmt(ev.actual, d)}，相差 ${fmt(Math.abs(ev.actual - ev.expected), d)}`;
    if (ev.verdict === 'rounding') m += roundingNote(ev.tolerance, d);
    return m;
  }
}

/** Build a linear relation (the engine fills `rule`). */
export function linear(spec: LinearSpec): Relation {
  return new Linear(spec);
}
