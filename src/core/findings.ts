// Findings: what the checks report. The shape follows the CLI contract of SPEC §8.
import type { CellRef } from './address';

export type Severity = 'error' | 'warning' | 'info';

export type RuleFamily = 'sum' | 'cross' | 'scorecard' | 'catalogue' | 'completeness' | 'narrative' | 'input';

/** A change the user may apply: a value or a formula for one cell. Only offered when certain. */
export interface SuggestedFix {
  ref: CellRef;
  /** The value to write (in the table's unit), or a formula without '='. */
  value?: number | string;
  formula?: string;
  /** What the cell holds now, for preview and undo. */
  previous?: number | string | null;
  description: string;
}

export interface Finding {
  rule: string;
  family: RuleFamily;
  severity: Severity;
  /** Sheet of the primary cell; null for narrative findings. */
  sheet: string | null;
  /** A1 address of the primary cell; null for narrative findings. */
  cell: string | null;
  /** Related cells or ranges: 'F7:F9' on the same sheet, 'Sheet!C6' elsewhere. */
  related: string[];
  /** 1-based line in the narrative text; null otherwise. */
  line: number | null;
  /** Chinese message stating expected, actual and difference. */
  message: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** Id of the table the primary cell belongs to (TableBase.id), when any. */
  tableId?: string | null;
  /** Quoted excerpt of the narrative, for narrative findings. */
  excerpt?: string;
  fix?: SuggestedFix;
  /**
   * The relations this finding accounts for: one wrong cell upsets several sums and comparisons,
   * which are folded into its finding (and named in its message) instead of reported again.
   */
  breaks?: BrokenRelation[];
  /** When the figures cannot tell which cell is wrong: every cell that could be ('A1' or 'Sheet!A1'). No fix then. */
  candidates?: string[];
}

/** A relation a finding accounts for. */
export interface BrokenRelation {
  rule: string;
  /** The relation in words with its figures: '合计「本年支出合计」＝各类之和（878.77 ≠ 877.77）'. */
  text: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
