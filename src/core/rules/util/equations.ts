// Intra-table equations (total = Σ signed items) as relations for the diagnosis. A total of n items
// holds within (n+1) half-intervals (SPEC §2); which cell is wrong is decided across all relations
// of the workbook (src/core/diagnosis), not here.
import type { Figure, Table } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import { scaleOf } from './figures';
import { sumTolerance } from './tolerance';

export interface Term {
  fig: Figure;
  sign: 1 | -1;
  label?: string;
}

export interface Equation {
  table: Table;
  /** Which rule reports it. */
  group: string;
  /** Whether the equation runs along a row, down a column, or neither (descriptive). */
  orient: 'row' | 'col' | 'none';
  total: Figure;
  terms: Term[];
  /** The total as named in messages: '合计「项目支出」'. */
  what: string;
  /** How the expected value is formed: '各类之和'. */
  basis: string;
}

/** The relation an equation asserts: total − Σ sign·item = 0 within the rounding tolerance. */
export function equationRelation(eq: Equation): Relation {
  const { half, decimals } = scaleOf(eq.table);
  const rel = linear({
    table: eq.table,
    terms: [{ fig: eq.total, coef: 1, table: eq.table, label: eq.what }, ...eq.terms.map((t) => ({ fig: t.fig, coef: -t.sign, table: eq.table, label: t.label }))],
    tolerance: sumTolerance(eq.terms.length, half),
    decimals,
    what: eq.what,
    basis: eq.basis,
  });
  if (eq.terms.every((t) => t.sign === 1)) rel.sum = { total: eq.total, items: eq.terms.map((t) => t.fig) };
  return rel;
}
