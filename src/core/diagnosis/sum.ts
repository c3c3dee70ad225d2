// total = Σ ±items within (n+1) half-intervals: the commonest relation (every 合计, 类 and 款 of
// every table), so it reads its equation in place and builds its cell list only when diagnosed.
import type { CellRef } from '../address';
import { fmt } from '../numbers';
import type { Figure, Table } from '../tables/types';
import { mismatchMessage, roundingNote } from '../rules/util/report';
import { dropNoise, EPS, verdictOf } from '../rules/util/tolerance';
import type { Verdict } from '../rules/util/tolerance';
import type { RelCell, Relation, RelationEval, Solution, ValueOf } from './relation';
import { figKey, plainValue } from './relation';

export interface SumSpec {
  table: Table;
  total: Figure;
  terms: { fig: Figure; sign: 1 | -1; label?: string | (() => string); row?: unknown; key?: string }[];
  what: string | (() => string);
  basis: string;
  /** Names a term that carries its row and key instead of a label. */
  name?: (row: never, key: string) => string;
}

const text = (t: string | (() => string) | undefined) => (typeof t === 'function' ? t() : t);

export class SumRelation implements Relation {
  rule = '';
  table: Table;
  anchor: CellRef;
  decimals: number;
  /** Every cell is a non-negative amount (a scorecard's money: a 上年结转 of −X mends nothing). */
  nonNegative = false;
  /** A note for a total left blank or zero while its items hold money. */
  emptyNote = false;
  private readonly s: SumSpec;
  private readonly tolerance: number;
  private cellList: RelCell[] | null = null;

  constructor(spec: SumSpec, tolerance: number, decimals: number) {
    this.s = spec;
    this.table = spec.table;
    this.anchor = spec.total.ref;
    this.tolerance = tolerance;
    this.decimals = decimals;
  }

  get cells(): RelCell[] {
    if (!this.cellList) {
      const nn = this.nonNegative || undefined;
      this.cellList = [{ fig: this.s.total, table: this.s.table, label: text(this.s.what), nonNegative: nn }, ...this.s.terms.map((t) => ({ fig: t.fig, table: this.s.table, label: text(t.label) ?? (t.row && this.s.name ? this.s.name(t.row as never, t.key as string) : undefined), nonNegative: nn }))];
    }
    return this.cellList;
  }

  forEachFigure(fn: (fig: Figure) => void): void {
    fn(this.s.total);
    for (const t of this.s.terms) fn(t.fig);
  }

  get what(): string {
    return text(this.s.what) as string;
  }

  /** A total over plain (+) items, for the structural faults; undefined when some item is subtracted. */
  get sum(): { total: Figure; items: Figure[] } | undefined {
    if (this.plain === undefined) this.plain = this.s.terms.every((t) => t.sign === 1) ? { total: this.s.total, items: this.s.terms.map((t) => t.fig) } : null;
    return this.plain ?? undefined;
  }
  private plain?: { total: Figure; items: Figure[] } | null;

  get statement(): string {
    return `${text(this.s.what)}＝${this.s.basis}`;
  }

  private residual(get: ValueOf): number | null {
    if (get === plainValue) return this.printedResidual();
    const total = get(this.s.total);
    if (total === null) return null;
    let sum = 0;
    const terms = this.s.terms;
    for (let i = 0; i < terms.length; i++) {
      const v = get(terms[i].fig);
      if (v === null) return null;
      sum += terms[i].sign * v;
    }
    return dropNoise(total - sum);
  }

  /** The residual on the printed figures, read directly (the clean pass over every relation). */
  private printedResidual(): number | null {
    const total = this.s.total.value;
    if (total === null) return null;
    let sum = 0;
    const terms = this.s.terms;
    for (let i = 0; i < terms.length; i++) {
      const v = terms[i].fig.value;
      if (v === null) return null;
      sum += terms[i].sign * v;
    }
    return dropNoise(total - sum);
  }

  quick(get: ValueOf): Verdict | null {
    const r = this.residual(get);
    return r === null ? null : verdictOf(r, this.tolerance);
  }

  evaluate(get: ValueOf): RelationEval | null {
    const r = this.residual(get);
    if (r === null) return null;
    const actual = get(this.s.total) as number;
    return { verdict: verdictOf(r, this.tolerance), expected: dropNoise(actual - r), actual, tolerance: this.tolerance };
  }

  solve(fig: Figure, get: ValueOf): Solution | null {
    const k = figKey(fig);
    let a = 0;
    let rest = 0;
    const add = (f: Figure, coef: number) => {
      if (figKey(f) === k) a += coef;
      else {
        const v = get(f);
        if (v === null) return false;
        rest += coef * v;
      }
      return true;
    };
    if (!add(this.s.total, 1)) return null;
    for (const t of this.s.terms) if (!add(t.fig, -t.sign)) return null;
    if (Math.abs(a) < 1e-12) return null;
    const point = dropNoise(-rest / a);
    const w = (this.tolerance + EPS) / Math.abs(a);
    return { lo: point - w, hi: point + w, point, exact: true };
  }

  message(ev: RelationEval): string {
    const d = this.decimals;
    const total = this.s.total;
    const empty = this.emptyNote && (total.form === 'blank' || total.value === 0) && ev.expected !== 0 && ev.verdict === 'mismatch';
    const note = empty ? `${this.what}未填（为${total.form === 'blank' ? '空白' : '零'}），其中各项合计 ${fmt(ev.expected, d)}：` : '';
    let m = mismatchMessage(`${note}${text(this.s.what)}`, ev.expected, ev.actual, d, this.s.basis);
    if (ev.verdict === 'rounding') m += roundingNote(ev.tolerance, d);
    return m;
  }
}
