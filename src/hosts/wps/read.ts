// Reading a workbook through ET: for each sheet, its name, visibility and protection, then its
// used range in bulk — Value2 and Formula as two-dimensional arrays (one call each, whatever the
// size), NumberFormat and MergeCells of the whole range (one call each) — and only where those
// say "mixed", the few extra questions of formats.ts and merges.ts. The number of calls grows
// with sheets, columns and merges, not with cells.
import type { SheetSnapshot } from '../../core/snapshot';
import { MARKS_SHEET } from '../file/mark-style';
import { gridReader, toCell } from './cells';
import { XL_SHEET_VISIBLE, type EtWorkbook, type EtWorksheet } from './et';
import { readFormats } from './formats';
import { findMerges } from './merges';

/**
 * Calls one sheet may spend on formats: enough for every run of equal formats in real reports
 * (scorecards stacked twenty to a sheet need ~750), bounded for a sheet that changes format on
 * nearly every row, which is then read partially and says so.
 */
export function formatBudget(cols: number, numericCells: number): number {
  return Math.min(10000, 300 + 50 * cols + Math.ceil(numericCells / 2));
}
/** Calls one sheet may spend on merges: about ten per merge, for up to ~3 000 merges. */
export const MERGE_BUDGET = 30000;

export interface SheetRead {
  sheet: SheetSnapshot;
  ws: EtWorksheet;
  /** What could not be read within the budgets (Chinese, for capabilities().limits). */
  gaps: string[];
}

/** The worksheets in order (1-based Item), with the offline page's record sheet set apart. */
export function listSheets(wb: EtWorkbook): { items: EtWorksheet[]; marksSheet: EtWorksheet | null } {
  const wss = wb.Worksheets;
  const n = wss.Count;
  const items: EtWorksheet[] = [];
  let marksSheet: EtWorksheet | null = null;
  for (let i = 1; i <= n; i++) {
    const ws = wss.Item(i);
    if (ws.Name === MARKS_SHEET) marksSheet = ws;
    else items.push(ws);
  }
  return { items, marksSheet };
}

export function readSheet(ws: EtWorksheet): SheetRead {
  const name = ws.Name;
  const visible = ws.Visible;
  const isProtected = ws.ProtectContents === true;
  const used = ws.UsedRange;
  const row0 = used.Row - 1;
  const col0 = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const value = gridReader(used.Value2);
  const formula = gridReader(used.Formula);
  const wholeFormat = used.NumberFormat;
  const wholeMerged = used.MergeCells;

  const sheet: SheetSnapshot = { name, cells: [], merges: [] };
  if (isProtected) sheet.protected = true;
  if (!(visible === XL_SHEET_VISIBLE || visible === true)) sheet.hidden = true;

  const numericRows: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (typeof value(i, j) === 'number') numericRows[j].push(i);
  const box = { row0, col0, rows, cols };
  const formats = readFormats(ws, box, numericRows, wholeFormat, formatBudget(cols, numericRows.reduce((n, r) => n + r.length, 0)));

  for (let i = 0; i < rows; i++) {
    let row: SheetSnapshot['cells'][number] | undefined;
    for (let j = 0; j < cols; j++) {
      const v = value(i, j);
      const cell = toCell(v, formula(i, j), typeof v === 'number' ? formats.at(i, j) : undefined);
      if (!cell) continue;
      row ??= sheet.cells[row0 + i] = [];
      row[col0 + j] = cell;
    }
  }
  const blank = (x: unknown): boolean => x === undefined || x === null || x === '';
  const isEmpty = (r: number, c: number): boolean => blank(value(r - row0, c - col0)) && blank(formula(r - row0, c - col0));
  const merges = findMerges(ws, { r1: row0, c1: col0, r2: row0 + rows - 1, c2: col0 + cols - 1 }, wholeMerged, isEmpty, MERGE_BUDGET);
  sheet.merges = merges.merges;

  const gaps: string[] = [];
  if (!formats.complete) gaps.push(`工作表“${name}”的数字格式种类过多，部分单元格的格式未读取：百分比单元格可能按普通数字识别。`);
  if (!merges.complete) gaps.push(`工作表“${name}”的合并单元格过多，部分合并区域未读取：跨列表头的识别可能不准确。`);
  return { sheet, ws, gaps };
}
