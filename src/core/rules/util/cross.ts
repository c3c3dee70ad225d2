// Cross-table comparisons (表间) as relations: one figure against another figure (or a sum of
// figures) reporting the same quantity, possibly in another table and another unit. Which side is
// wrong is left to the diagnosis, which weighs every relation each figure takes part in.
import type { CellRef } from '../../address';
import { refText } from '../../address';
import type { Severity } from '../../findings';
import type { Figure, Table } from '../../tables/types';
import type { Relation, RelationEval, Solution, ValueOf } from '../../diagnosis/relation';
import type { Verdict } from './tolerance';
import { dropNoise, relationVerdict } from './tolerance';
import { linear } from '../../diagnosis/linear';
import type { LinearTerm } from '../../diagnosis/linear';
import { convert, decimalsIn, scaleOf } from './figures';
import type { Text } from './equations';
import { text } from './equations';

export interface Side {
  table: Table;
  fig: Figure | null | undefined;
}

export interface CompareSpec {
  /** The figure the relation is reported on when no cell can be blamed. */
  primary: Side;
  /** What it should equal: one figure or the sum of several (none: zero). */
  others: Side[];
  /** Name of the primary quantity: '收入支出决算总表「一般公共预算财政拨款收入」' (or how to make it). */
  what: Text;
  /** Where the expected value comes from: '收入决算表合计行「财政拨款收入」'. */
  basis: Text;
  /** 'equal' (default); 'atLeast': primary ≥ others; 'atMost': primary ≤ others. */
  mode?: 'equal' | 'atLeast' | 'atMost';
  /** Severity of a real difference (default: the rule's). */
  severity?: Severity;
  /** Extra cells to list as related. */
  related?: (CellRef | null | undefined)[];
}

const OPS = { equal: '=', atLeast: '>=', atMost: '<=' } as const;

/** The comparison as a relation in the primary table's unit; null when a figure is missing. */
export function compare(spec: CompareSpec): Relation | null {
  if (!spec.primary.fig) return null;
  for (let i = 0; i < spec.others.length; i++) if (!spec.others[i].fig) return null;
  return new Comparison(spec);
}

/**
 * primary − Σ others (=, ≥, ≤) 0 within the sum of their half-intervals. Reads its spec in place and
 * builds its cell list only when diagnosed: a large workbook compares thousands of figures.
 */
class Comparison implements Relation {
  rule = '';
  severity?: Severity;
  related?: CellRef[];
  quietRounding?: boolean;
  private readonly spec: CompareSpec;
  private readonly tolerance: number;
  private readonly coarse?: number;
  private readonly coefs: number[];
  private inner: Relation | null = null;

  constructor(spec: CompareSpec) {
    this.spec = spec;
    this.severity = spec.severity;
    const s = scaleOf(spec.primary.table);
    let tolerance = s.half;
    let coarse = s.decimals;
    let mixed = false;
    this.coefs = new Array(spec.others.length);
    for (let i = 0; i < spec.others.length; i++) {
      const os = scaleOf(spec.others[i].table);
      if (os.unit !== s.unit) {
        mixed = true;
        tolerance += convert(os.half, os.unit, s.unit);
        coarse = Math.min(coarse, decimalsIn(os, s.unit));
        this.coefs[i] = -convert(1, os.unit, s.unit);
      } else {
        tolerance += os.half;
        coarse = Math.min(coarse, os.decimals);
        this.coefs[i] = -1;
      }
    }
    this.tolerance = tolerance;
    if (mixed) this.coarse = Math.max(0, coarse);
    if (spec.related) {
      const extra = spec.related.filter((r): r is CellRef => !!r);
      if (extra.length) this.related = extra;
    }
  }

  /** The general linear relation, built when a diagnosis needs more than a verdict. */
  private get full(): Relation {
    if (!this.inner) {
      const { primary, others, mode } = this.spec;
      const what = text(this.spec.what);
      const basis = text(this.spec.basis);
      const terms: LinearTerm[] = [{ fig: primary.fig as Figure, coef: 1, table: primary.table, label: what }];
      others.forEach((o, i) => terms.push({ fig: o.fig as Figure, coef: this.coefs[i], table: o.table, label: others.length === 1 ? basis : undefined }));
      this.inner = linear({
        table: primary.table,
        terms,
        op: OPS[mode ?? 'equal'],
        tolerance: this.tolerance,
        decimals: scaleOf(primary.table).decimals,
        coarse: this.coarse,
        what,
        basis,
        copy: others.length === 1 && (mode ?? 'equal') === 'equal' && others[0].table !== primary.table,
      });
    }
    return this.inner;
  }

  get table(): Table {
    return this.spec.primary.table;
  }
  get anchor(): CellRef {
    return (this.spec.primary.fig as Figure).ref;
  }
  get cells() {
    return this.full.cells;
  }
  get statement(): string {
    return this.full.statement;
  }
  get decimals(): number {
    return scaleOf(this.spec.primary.table).decimals;
  }
  get copy(): boolean | undefined {
    return this.full.copy;
  }
  get bound(): boolean {
    return (this.spec.mode ?? 'equal') !== 'equal';
  }

  forEachFigure(fn: (fig: Figure) => void): void {
    fn(this.spec.primary.fig as Figure);
    for (const o of this.spec.others) fn(o.fig as Figure);
  }

  quick(get: ValueOf): Verdict | null {
    if (this.coarse !== undefined) return this.full.evaluate(get)?.verdict ?? null;
    const a = get(this.spec.primary.fig as Figure);
    if (a === null) return null;
    let r = a;
    const others = this.spec.others;
    for (let i = 0; i < others.length; i++) {
      const v = get(others[i].fig as Figure);
      if (v === null) return null;
      r += this.coefs[i] * v;
    }
    return relationVerdict(dropNoise(r), OPS[this.spec.mode ?? 'equal'], this.tolerance);
  }

  evaluate(get: ValueOf): RelationEval | null {
    return this.full.evaluate(get);
  }
  solve(fig: Figure, get: ValueOf): Solution | null {
    return this.full.solve(fig, get);
  }
  message(ev: RelationEval): string {
    return this.full.message(ev);
  }
}

/**
 * One figure against one other (=, ≥, ≤), declared without building a spec: rules that compare
 * every row of two tables declare thousands. The full relation is made only if it is looked at.
 */
export function comparePair(primary: Side, other: Side, mode: CompareSpec['mode'], what: Text, basis: Text): Relation | null {
  if (!primary.fig || !other.fig) return null;
  const a = scaleOf(primary.table);
  const b = scaleOf(other.table);
  if (a.unit !== b.unit) return compare({ primary, others: [other], mode, what, basis });
  return new Pair(primary, other, mode ?? 'equal', a.half + b.half, what, basis);
}

class Pair implements Relation {
  rule = '';
  severity?: Severity;
  private inner: Relation | null = null;
  constructor(
    private readonly p: Side,
    private readonly o: Side,
    private readonly mode: 'equal' | 'atLeast' | 'atMost',
    private readonly tolerance: number,
    private readonly what: Text,
    private readonly basis: Text,
  ) {}
  private get full(): Relation {
    if (!this.inner) {
      this.inner = compare({ primary: this.p, others: [this.o], mode: this.mode, what: this.what, basis: this.basis }) as Relation;
      this.inner.rule = this.rule;
    }
    return this.inner;
  }
  get table(): Table {
    return this.p.table;
  }
  get anchor(): CellRef {
    return (this.p.fig as Figure).ref;
  }
  get cells() {
    return this.full.cells;
  }
  get statement(): string {
    return this.full.statement;
  }
  get decimals(): number {
    return scaleOf(this.p.table).decimals;
  }
  get copy(): boolean | undefined {
    return this.full.copy;
  }
  get bound(): boolean {
    return this.mode !== 'equal';
  }
  forEachFigure(fn: (fig: Figure) => void): void {
    fn(this.p.fig as Figure);
    fn(this.o.fig as Figure);
  }
  quick(get: ValueOf): Verdict | null {
    const a = get(this.p.fig as Figure);
    const b = get(this.o.fig as Figure);
    if (a === null || b === null) return null;
    return relationVerdict(dropNoise(a - b), OPS[this.mode], this.tolerance);
  }
  evaluate(get: ValueOf): RelationEval | null {
    return this.full.evaluate(get);
  }
  solve(fig: Figure, get: ValueOf): Solution | null {
    return this.full.solve(fig, get);
  }
  message(ev: RelationEval): string {
    return this.full.message(ev);
  }
}

/** Collect non-null relations. */
export function collect(list: (Relation | null)[]): Relation[] {
  return list.filter((r): r is Relation => r !== null);
}

/** 'Sheet!C6' of a figure, for messages. */
export function cellName(fig: Figure | null | undefined, fromSheet?: string): string {
  return fig ? refText(fig.ref, fromSheet) : '';
}
