// A rule is one module, like an ESLint rule: metadata plus a check over the detected tables.
import type { Catalogue } from '../catalogue/catalogue';
import type { Finding, RuleFamily, Severity } from '../findings';
import type { Detection, TableKind, TableOfKind } from '../tables/types';
import type { WorkbookSnapshot } from '../snapshot';
import type { Relation } from '../diagnosis/relation';

export interface RuleContext {
  workbook: WorkbookSnapshot;
  detection: Detection;
  catalogue: Catalogue;
  /** All tables of a kind, in workbook order. */
  tablesOf<K extends TableKind>(kind: K): TableOfKind<K>[];
  /** The first table of a kind, or null. */
  table<K extends TableKind>(kind: K): TableOfKind<K> | null;
}

/** The part of a finding a rule provides; the engine fills rule, family and default severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'family' | 'severity' | 'line'> & { severity?: Severity; line?: number | null };

export interface Rule {
  /** Stable id such as 'sum.column' or 'cross.summary-income'. */
  id: string;
  family: RuleFamily;
  /** Default severity; a finding may lower it (rounding → info). */
  severity: Severity;
  /** Chinese description shown in the task pane and in --help. */
  description: string;
  /** Findings that are not relations between figures (names, blanks, completeness, text). */
  check?(ctx: RuleContext): RuleFinding[];
  /**
   * The relations between figures this rule asserts (sums, copies, caps, rates). The engine
   * evaluates the relations of all rules together and reports a broken one on the cell that
   * explains it (src/core/diagnosis), or on its own when no cell does.
   */
  relations?(ctx: RuleContext): Relation[];
}
