// The 情况说明 as the sheet the plain pane writes: the same layout as the full pane's (title and
// headings bold, one paragraph per row in column A).
import type { Narrative } from '../core/index';
import type { OutputSheet } from '../hosts/types';

export const NARRATIVE_SHEET = '情况说明';

export function narrativeSheet(n: Narrative): OutputSheet {
  const rows: OutputSheet['rows'] = [[{ value: n.title, bold: true }]];
  for (const s of n.sections) {
    rows.push([{ value: s.heading, bold: true }]);
    for (const p of s.paragraphs) rows.push([{ value: p }]);
  }
  return { name: NARRATIVE_SHEET, rows, columnWidths: [120] };
}
