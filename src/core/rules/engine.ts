// STUB (owned by the rules work): runs every rule over the detected tables.
import type { Finding } from '../findings';
import type { WorkbookSnapshot } from '../snapshot';
import type { Detection } from '../tables/types';

export interface CheckOptions {
  /** Rule ids to skip. */
  disabled?: string[];
}

export function runChecks(_wb: WorkbookSnapshot, _detection: Detection, _opts: CheckOptions = {}): Finding[] {
  return [];
}
