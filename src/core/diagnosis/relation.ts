// A relation is one thing the rules assert about figures: a total equals its items, a figure equals
// its copy in another table, a score stays within its weight, a rate is its quotient. Rules declare
// relations; the engine evaluates all of them together and diagnoses the broken ones (diagnose.ts),
// so one wrong cell is reported once, on that cell, instead of once per relation it upsets.
import type { CellRef } from '../address';
import type { Severity, SuggestedFix } from '../findings';
import type { Figure, Table } from '../tables/types';
import type { Verdict } from '../rules/util/tolerance';

/** The value a relation reads for a figure: its own, or one a hypothesis substitutes. */
export type ValueOf = (fig: Figure) => number | null;

export const plainValue: ValueOf = (f) => f.value;

/** The result of evaluating a relation on some values. */
export interface RelationEval {
  /** 'rounding' covers every difference within the figures' rounding intervals (truncated rates too). */
  verdict: Verdict;
  /** What the anchor should be, and what it is (for messages). */
  expected: number;
  actual: number;
  tolerance: number;
  /** True for a printed rate that was truncated rather than rounded (a note, not a fault). */
  truncation?: boolean;
}

/** The values one cell may take, the others fixed, for the relation to hold; `point` is the exact one. */
export interface Solution {
  lo: number;
  hi: number;
  point: number;
  /** Equalities pin a value; inequalities only bound it. */
  exact: boolean;
}

/** A cell of a relation, with what the officer calls it. */
export interface RelCell {
  fig: Figure;
  table: Table | null;
  /** '208 社会保障和就业支出「基本支出」', without the table name. */
  label?: string;
  /** Scores, weights, rates and head counts cannot be negative. */
  nonNegative?: boolean;
  /** Decimals a value of this cell is written with (default: the relation's). */
  decimals?: number;
  /** Head counts: only whole numbers. */
  integer?: boolean;
  /** The value to write into the cell for a value of the relation (a rate in percent → the cell's fraction). */
  toCell?: (v: number) => number;
}

export interface Relation {
  /** Filled in by the engine from the declaring rule. */
  rule: string;
  /** Severity when broken (defaults to the rule's). */
  severity?: Severity;
  /** Table of the anchor. */
  table: Table | null;
  /** Where the relation is reported when no cell can be blamed (its total, or a label). */
  anchor: CellRef;
  cells: RelCell[];
  /** The relation in words: '合计「本年支出合计」＝各类之和'. */
  statement: string;
  /** Decimals the anchor's figures print with. */
  decimals: number;
  evaluate(get: ValueOf): RelationEval | null;
  /** Visit the figures without building the cell list (indexing a large workbook). */
  forEachFigure?(fn: (fig: Figure) => void): void;
  /** The verdict alone, without allocating (most relations hold: the clean pass uses this). */
  quick?(get: ValueOf): Verdict | null;
  /** Values of `fig` (the other cells as `get` gives them) for which the relation holds; null: none known. */
  solve(fig: Figure, get: ValueOf): Solution | null;
  /** The finding for this relation reported on its own (no diagnosis): today's message. */
  message(ev: RelationEval): string;
  /** A formula to offer when `fig` is fixed (rates and score totals stay live), without '='. */
  formulaFor?(fig: Figure): string | undefined;
  /** A fix to offer when the relation is reported on its own (kept from the rules that had one). */
  ownFix?(ev: RelationEval): SuggestedFix | undefined;
  /** Two-figure equality across tables: the same quantity written twice. */
  copy?: boolean;
  /** An inequality: it bounds its figures but pins none (a breach is reported, never blamed on a cell). */
  bound?: boolean;
  /** Cells to list as related besides the relation's own (a matched project's label). */
  related?: CellRef[];
  /** A difference within rounding is not worth a note (the rule never reported one). */
  quietRounding?: boolean;
  /** A total and the items it adds up (intra-table sums), for the structural faults. */
  sum?: { total: Figure; items: Figure[] };
  /** A rate whose printed value fits 年初预算数 instead of 全年预算数 (structural/rate-base.ts). */
  wrongBase?: { initialBudget: Figure };
}

export const refKey = (r: CellRef): string => `${r.sheet}!${r.row},${r.col}`;
export const figKey = (f: Figure): string => refKey(f.ref);

