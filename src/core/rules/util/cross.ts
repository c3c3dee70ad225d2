// Cross-table comparisons (表间) as relations: one figure against another figure (or a sum of
// figures) reporting the same quantity, possibly in another table and another unit. Which side is
// wrong is left to the diagnosis, which weighs every relation each figure takes part in.
import type { CellRef } from '../../address';
import { refText } from '../../address';
import type { Severity } from '../../findings';
import type { Figure, Table } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { LinearTerm } from '../../diagnosis/linear';
import { convert, scaleOf } from './figures';

export interface Side {
  table: Table;
  fig: Figure | null | undefined;
}

export interface CompareSpec {
  /** The figure the relation is reported on when no cell can be blamed. */
  primary: Side;
  /** What it should equal: one figure or the sum of several (none: zero). */
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

const OPS = { equal: '=', atLeast: '>=', atMost: '<=' } as const;

/** The comparison as a relation in the primary table's unit; null when a figure is missing. */
export function compare(spec: CompareSpec): Relation | null {
  const p = spec.primary;
  if (!p.fig) return null;
  const s = scaleOf(p.table);
  const mode = spec.mode ?? 'equal';
  let tolerance = s.half;
  let coarse = s.decimals;
  let mixed = false;
  const terms: LinearTerm[] = [{ fig: p.fig, coef: 1, table: p.table, label: spec.what }];
  for (const o of spec.others) {
    if (!o.fig) return null;
    const os = scaleOf(o.table);
    if (os.unit !== s.unit) {
      mixed = true;
      tolerance += convert(os.half, os.unit, s.unit);
      // Decimals meaningful in the primary unit (a whole-元 figure in 万元 has 4 decimals).
      coarse = Math.min(coarse, os.unit === '元' ? os.decimals + 4 : Math.max(0, os.decimals - 4));
    } else {
      tolerance += os.half;
      coarse = Math.min(coarse, os.decimals);
    }
    terms.push({ fig: o.fig, coef: -convert(1, os.unit, s.unit), table: o.table, label: spec.others.length === 1 ? spec.basis : undefined });
  }
  const rel = linear({
    table: p.table,
    terms,
    op: OPS[mode],
    tolerance,
    decimals: s.decimals,
    coarse: mixed ? Math.max(0, coarse) : undefined,
    what: spec.what,
    basis: spec.basis,
    severity: spec.severity,
    copy: spec.others.length === 1 && mode === 'equal' && spec.others[0].table !== p.table,
  });
  if (spec.related) {
    const extra = spec.related.filter((r): r is CellRef => !!r);
    if (extra.length) rel.related = extra;
  }
  return rel;
}

/** Collect non-null relations. */
export function collect(list: (Relation | null)[]): Relation[] {
  return list.filter((r): r is Relation => r !== null);
}

/** 'Sheet!C6' of a figure, for messages. */
export function cellName(fig: Figure | null | undefined, fromSheet?: string): string {
  return fig ? refText(fig.ref, fromSheet) : '';
}
