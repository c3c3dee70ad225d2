// Where a finding's cell sits in words: the table, the row (科目/项目 name) and the column header,
// so that every finding in the pane says "which row and column" even when its message does not
// (a message such as "此单元格应为 3365.38"). Pure: detection and snapshot in, text out.
import { parseA1 } from '../core/address';
import type { Finding } from '../core/findings';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { isCellError } from '../core/snapshot';
import type { Detection, Table } from '../core/tables/types';
import { TABLE_KIND_NAMES } from '../core/tables/types';

export interface CellContext {
  /** The table's name (收入决算表), or null outside any detected table. */
  table: string | null;
  /** The row's 科目/项目 (with its code when printed beside it), or null. */
  row: string | null;
  /** The column header as printed (merged parts joined with '/'), or null. */
  column: string | null;
}

const NOT_A_ROW = new Set(['title', 'header', 'lineNumbers', 'entries', 'note', 'data']);
const CODE = /^\d{3,7}$/;
const NUMBER_LIKE = /^[\s\d,.\-+()（）%‰]+$/;

function clip(text: string, max = 28): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** 'income.amount' → 'income' (the side or block of a two-sided table or a scorecard). */
const prefixOf = (key: string) => (key.includes('.') ? key.slice(0, key.indexOf('.')) : '');

function tableAt(detection: Detection, sheet: string, row: number, col: number): Table | null {
  let best: Table | null = null;
  for (const t of detection.tables) {
    const r = t.range;
    if (t.sheet !== sheet || row < r.r1 || row > r.r2 || col < r.c1 || col > r.c2) continue;
    const area = (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
    if (!best || area < (best.range.r2 - best.range.r1 + 1) * (best.range.c2 - best.range.c1 + 1)) best = t;
  }
  return best;
}

function textOf(sheet: SheetSnapshot | undefined, r: number, c: number): string | null {
  const v = sheet?.cells[r]?.[c]?.v;
  if (v === null || v === undefined || isCellError(v) || typeof v === 'boolean') return null;
  return String(v).trim() || null;
}

/** The nearest label to the left of a cell (a name, with the code printed just before it). */
function labelLeftOf(sheet: SheetSnapshot | undefined, row: number, col: number, fromCol: number): string | null {
  for (let c = col - 1; c >= fromCol; c--) {
    const t = textOf(sheet, row, c);
    if (t === null || NUMBER_LIKE.test(t)) continue;
    const code = c - 1 >= fromCol ? textOf(sheet, row, c - 1) : null;
    return clip(code && CODE.test(code) ? `${code} ${t}` : t);
  }
  return null;
}

export function cellContext(detection: Detection | null | undefined, snapshot: WorkbookSnapshot | null | undefined, sheetName: string, address: string): CellContext {
  const p = parseA1(address.replace(/\$/g, '').split(':')[0]);
  if (!p) return { table: null, row: null, column: null };
  const sheet = snapshot?.sheets.find((s) => s.name === sheetName);
  const t = detection ? tableAt(detection, sheetName, p.row, p.col) : null;
  if (!t) return { table: null, row: labelLeftOf(sheet, p.row, p.col, 0), column: null };

  const rowInfos = t.rows.filter((r) => r.row === p.row && !NOT_A_ROW.has(r.key));
  const colInfos = t.columns.filter((c) => c.col === p.col);
  // Two-sided tables and scorecards hold two sets of rows/columns: keep the pair on one side.
  const rowPrefixes = new Set(rowInfos.map((r) => prefixOf(r.key)));
  const colInfo = colInfos.find((c) => rowPrefixes.has(prefixOf(c.key))) ?? colInfos[0] ?? null;
  const side = colInfo ? prefixOf(colInfo.key) : '';
  const rowInfo = rowInfos.find((r) => prefixOf(r.key) === side) ?? (rowInfos.length === 1 ? rowInfos[0] : null);
  const label = rowInfo && !rowInfo.label.includes(' | ') && rowInfo.label.trim() ? clip(rowInfo.label) : labelLeftOf(sheet, p.row, p.col, t.range.c1);
  const isLabelCell = colInfo !== null && /(^|\.)(code|name)$/.test(colInfo.key);
  return {
    table: TABLE_KIND_NAMES[t.kind] ?? t.title,
    row: isLabelCell ? null : label,
    column: colInfo && colInfo.header.trim() ? clip(colInfo.header, 36) : null,
  };
}

/** '行“本年收入合计”，列“金额”' — the words shown under a finding; '' when nothing is known. */
export function whereText(ctx: CellContext): string {
  const parts: string[] = [];
  if (ctx.row) parts.push(`行“${ctx.row}”`);
  if (ctx.column) parts.push(`列“${ctx.column}”`);
  return parts.join('，');
}

export function findingWhere(f: Finding, detection: Detection | null | undefined, snapshot: WorkbookSnapshot | null | undefined): string {
  if (!f.sheet || !f.cell) return '';
  return whereText(cellContext(detection, snapshot, f.sheet, f.cell));
}
