// What the offline grid paints, from the pane's findings and the detected tables: error/warning
// counts per sheet tab, the finding on each cell (worst severity first), and which header rows
// and label columns (科目编码/科目名称) stay frozen while scrolling. Pure.
import { a1, parseA1 } from '../core/address';
import type { Finding, Severity } from '../core/findings';
import { SEVERITY_ORDER } from '../core/findings';
import type { CellRange } from '../core/snapshot';
import type { Table } from '../core/tables/types';
import type { SeverityCounts } from '../taskpane/model';

export type SheetCounts = SeverityCounts;

export function sheetCounts(findings: readonly Finding[]): Map<string, SheetCounts> {
  const out = new Map<string, SheetCounts>();
  for (const f of findings) {
    if (!f.sheet) continue;
    let c = out.get(f.sheet);
    if (!c) out.set(f.sheet, (c = { error: 0, warning: 0, info: 0 }));
    c[f.severity]++;
  }
  return out;
}

export interface CellOverlay {
  severity: Severity;
  messages: string[];
}

/** The master cell of the merge a cell lies in (the grid draws only masters). */
function master(row: number, col: number, merges: readonly CellRange[]): string {
  for (const m of merges) if (row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2) return a1(m.r1, m.c1);
  return a1(row, col);
}

/** Findings of one sheet by cell (A1 of the merge master): the worst severity, every message. */
export function cellOverlays(findings: readonly Finding[], sheet: string, merges: readonly CellRange[]): Map<string, CellOverlay> {
  const out = new Map<string, CellOverlay>();
  for (const f of findings) {
    if (f.sheet !== sheet || !f.cell) continue;
    const p = parseA1(f.cell.replace(/\$/g, '').split(':')[0]);
    if (!p) continue;
    const key = master(p.row, p.col, merges);
    const o = out.get(key);
    if (!o) out.set(key, { severity: f.severity, messages: [f.message] });
    else {
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[o.severity]) o.severity = f.severity;
      if (!o.messages.includes(f.message)) o.messages.push(f.message);
    }
  }
  return out;
}

export interface Frozen {
  /** Header rows that stick below the column letters, grouped per table (0-based, ascending). */
  rowGroups: number[][];
  /** Leading columns (from A) that stick beside the row numbers. */
  cols: number;
}

const HEADER_ROW_KEYS = new Set(['header', 'lineNumbers']);
const LABEL_COL = /^(code|name)$|^[a-z]+\.(code|name)$/;

/**
 * Frozen panes of a sheet from its detected tables: each table's header rows, and the label
 * columns (code, name) that start at the table's left edge — on a two-sided table only the left
 * side's. Tables of different shapes on one sheet freeze the columns they agree on.
 */
export function frozenPanes(tables: readonly Table[]): Frozen {
  const rowGroups: number[][] = [];
  let cols: number | null = null;
  for (const t of tables) {
    const rows = [...new Set(t.rows.filter((r) => HEADER_ROW_KEYS.has(r.key)).map((r) => r.row))].sort((x, y) => x - y);
    // Only a contiguous header block sticks (a stray 'header' row far below would cover data).
    const block: number[] = [];
    for (const r of rows) if (block.length === 0 || r === block[block.length - 1] + 1) block.push(r);
    if (block.length && block.length <= 5) rowGroups.push(block);
    const labelCols = new Set(t.columns.filter((c) => LABEL_COL.test(c.key)).map((c) => c.col));
    let n = t.range.c1;
    while (labelCols.has(n)) n++;
    if (n > t.range.c1) cols = cols === null ? n : Math.min(cols, n);
  }
  rowGroups.sort((x, y) => x[0] - y[0]);
  // Frozen columns wider than a narrow window would leave no room for the figures.
  return { rowGroups, cols: Math.min(cols ?? 0, 4) };
}
