// The core for the plain pane, compiled to ES5 with the core-js polyfills it uses (webpack layer
// 'legacy'). Loaded by the boot script before the pane as its own file, exposed as the global
// JueSuanEngine; the Duktape test runs this very file (test/unit/build/duktape.test.ts).
import { analyzeWorkbook, generateNarrative, narrativeLines, rangeA1 } from '../core/index';
import type { Detection, Finding, Narrative, NarrativeProfile, WorkbookSnapshot } from '../core/index';

export interface TableSummary {
  kind: string;
  sheet: string;
  range: string;
  unit: string | null;
}

export interface Checked {
  detection: Detection;
  findings: Finding[];
  tables: TableSummary[];
}

/** 检查: every table detected and every rule run, findings most severe first. */
export function check(snapshot: WorkbookSnapshot): Checked {
  const a = analyzeWorkbook(snapshot);
  return {
    detection: a.detection,
    findings: a.findings,
    tables: a.detection.tables.map((t) => ({ kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit })),
  };
}

/** 生成情况说明, in the section order of a profile (Hunan by default, as in the full pane). */
export function narrative(detection: Detection, profile: NarrativeProfile = 'hunan'): Narrative {
  return generateNarrative(detection, { profile });
}

/** Everything the plain pane computes, as plain data: what the Duktape test compares with Node. */
export function report(snapshot: WorkbookSnapshot): { tables: TableSummary[]; findings: Finding[]; narrative: string[] } {
  const c = check(snapshot);
  return { tables: c.tables, findings: c.findings, narrative: narrativeLines(narrative(c.detection)) };
}
