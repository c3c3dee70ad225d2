// The part of the pane's view model that the plain pane (src/legacy, IE11) shares: severity labels
// and counts, and the 情况说明 as the sheet both panes write. Type imports only, so the plain pane
// bundles these few lines and not the rest of model.ts; model.ts re-exports all of it.
import type { Finding, Severity } from '../core/findings';
import type { Narrative } from '../core/narrative/types';
import type { OutputSheet } from '../hosts/types';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export const NARRATIVE_SHEET_NAME = '情况说明';

/** The 情况说明 sheet: title, then one line per heading/paragraph in column A (headings bold). */
export function narrativeToOutput(n: Narrative): OutputSheet {
  const rows: OutputSheet['rows'] = [[{ value: n.title, bold: true }]];
  for (const s of n.sections) {
    rows.push([{ value: s.heading, bold: true }]);
    for (const p of s.paragraphs) rows.push([{ value: p }]);
  }
  return { name: NARRATIVE_SHEET_NAME, rows, columnWidths: [120] };
}
