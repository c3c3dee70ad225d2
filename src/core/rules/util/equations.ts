// Intra-table equations (total = Σ signed items) as relations for the diagnosis. A total of n items
// holds within (n+1) half-intervals (SPEC §2); which cell is wrong is decided across all relations
// of the workbook (src/core/diagnosis), not here.
import type { CodedRow, Figure, Table } from '../../tables/types';
import { SumRelation } from '../../diagnosis/sum';
import { scaleOf } from './figures';
import { sumTolerance } from './tolerance';

/** A name, or how to make it: most equations hold and their names are never shown. */
export type Text = string | (() => string);

export const text = (t: Text): string => (typeof t === 'string' ? t : t());

export interface Term {
  fig: Figure;
  sign: 1 | -1;
  label?: Text;
  /** A coded table's row and column key: named by the equation's `name` when shown. */
  row?: CodedRow;
  key?: string;
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
  what: Text;
  /** How the expected value is formed: '各类之和'. */
  basis: string;
  /** Names a term by its row and key (coded tables), when the term carries no label. */
  name?: (row: CodedRow, key: string) => string;
}

/** The relation an equation asserts: total − Σ sign·item = 0 within the rounding tolerance. */
export class EquationRelation extends SumRelation {
  constructor(readonly eq: Equation) {
    const { half, decimals } = scaleOf(eq.table);
    super(eq, sumTolerance(eq.terms.length, half), decimals);
  }
}
