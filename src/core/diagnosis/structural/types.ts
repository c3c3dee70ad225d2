// Structural faults: a block of figures printed against the wrong rows, a subtotal repeated as an
// item, a row filed under the wrong code, a 合计 row from elsewhere. Each detector tests one such
// hypothesis against the broken relations and, when the hypothesis mends them, reports one finding.
import type { CellRef } from '../../address';
import type { RuleContext } from '../../rules/types';
import type { DiagnosisFinding, SeverityOf } from '../messages';
import type { Problem } from '../problem';
import type { Relation } from '../relation';

export interface StructuralInput {
  ctx: RuleContext;
  problem: Problem;
  /** The broken relations of one component that no single cell explains. */
  broken: Relation[];
  severityOf: SeverityOf;
}

export interface StructuralResult {
  finding: DiagnosisFinding;
  /** The broken relations the fault accounts for (not reported again). */
  explains: Relation[];
  /** Findings of other rules on these cells are folded into this one (e.g. the catalogue's on a miscoded row). */
  fold?: { cells: CellRef[]; rules: RegExp };
}

export type Detector = (input: StructuralInput) => StructuralResult[];
