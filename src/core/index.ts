// The functional core's public surface. Pure: no Office, DOM or Node imports (test/unit/core-purity.test.ts).
export * from './snapshot';
export * from './address';
export * from './numbers';
export * from './findings';
export * from './tables/types';
export { detectTables } from './tables/detect';
export { runChecks } from './rules/engine';
export type { CheckOptions } from './rules/engine';
export { generateNarrative, generateNarrativeGuarded } from './narrative/generate';
export { suggestProfile } from './narrative/profiles';
export type { GuardedNarrative, NarrativeRefusal } from './narrative/generate';
export { SUPPLEMENT_KEYS, REASON_TOPICS, REASON_PREFIX, supplementTemplate, readSupplement } from './narrative/supplement-keys';
export type { SupplementKeyDef, SupplementFacts } from './narrative/supplement-keys';
export { checkNarrative } from './narrative/check';
export * from './narrative/types';
export { recalculate, scorecardFixes, displayText, AMOUNT_FORMAT, PERCENT_FORMAT, SCORE_FORMAT } from './recalc/recalc';
export type { DerivedCell, DerivedSheet, RecalcOptions, ScorecardFixSet } from './recalc/recalc';
export { defaultCatalogue, Catalogue } from './catalogue/catalogue';

import type { WorkbookSnapshot } from './snapshot';
import type { Finding } from './findings';
import type { Detection } from './tables/types';
import { detectTables } from './tables/detect';
import { runChecks } from './rules/engine';
import { SEVERITY_ORDER } from './findings';

export interface Analysis {
  detection: Detection;
  findings: Finding[];
  /** Milliseconds spent in detection and in checks. */
  timings: { detectMs: number; checkMs: number };
}

/** Detect every table and run every rule: what 检查 and `juesuan check` do. */
export function analyzeWorkbook(wb: WorkbookSnapshot): Analysis {
  const t0 = Date.now();
  const detection = detectTables(wb);
  const t1 = Date.now();
  const findings = runChecks(wb, detection).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return { detection, findings, timings: { detectMs: t1 - t0, checkMs: Date.now() - t1 } };
}
