// Table headers as printed: up to four rows with merged cells, joined per column top to bottom
// ('本年支出/小计'), 栏次 rows below them skipped. A header cell merged across several columns
// names one column: the one holding the data (a name merged over two columns), and a column that
// only lies under a band whose other columns have their own sub-headers is a blank spacer.
import type { CellRange } from '../snapshot';
import { toHalfWidth } from '../numbers';
import { normLabel } from '../text';
import type { Grid } from './grid';
import { isFrameText, isNoteText } from './marks';

export interface HeaderColumn {
  col: number;
  /** Segments from top to bottom, merged duplicates removed. */
  parts: string[];
  /** Normalised parts. */
  norm: string[];
  header: string;
}

export interface Header {
  rows: number[];
  columns: HeaderColumn[];
  /** First row after the header (and after any 栏次 row). */
  dataStart: number;
  /** 栏次 rows skipped. */
  lineRows: number[];
}

/** A header part normalised for matching, without the unit some templates print in it: 本年收入合计（万元）. */
export function headerWord(part: string): string {
  return normLabel(part).replace(/(?:\((?:金额)?(?:单位[:：])?(?:万元|元)\)|[:：]?万元)$/, '') || normLabel(part);
}

/**
 * A header word of a column that holds no 决算 figure of this year: a budget (年初预算数), last
 * year (上年决算数), a comparison (增减, 比上年, 完成%) — printed beside the figures in some provinces.
 */
export function notActual(p: string): boolean {
  return /年初预算|预算数|全年预算|调整预算|本年预算|上年(?!结转)|增减|%|完成|比/.test(p);
}

const TOTAL_LABELS = new Set(['合计', '总计', '本年合计', '合计数', '总合计']);

export function isTotalLabel(norm: string): boolean {
  return TOTAL_LABELS.has(norm);
}

/**
 * A row of the 栏次 kind: '栏次' printed, or the numbers 1, 2, 3 … in order. `filled`, when the
 * caller has it, is grid.filledCols(r, c1, c2).
 */
export function isLineNumberRow(grid: Grid, r: number, c1: number, c2: number, filled?: number[]): boolean {
  const cols = filled ?? grid.filledCols(r, c1, c2);
  if (cols.length === 0) return false;
  let expect = 1;
  let numbers = 0;
  for (const c of cols) {
    const t = normLabel(grid.text(r, c));
    if (t === '栏次' || t === '行次') return true;
    if (/^[甲乙丙丁]$/.test(t)) continue;
    const n = Number(toHalfWidth(t));
    if (!Number.isInteger(n) || n !== expect) return false;
    expect++;
    numbers++;
  }
  return numbers >= 3;
}

/** Does a row look like data rather than header: numbers, a code, or a 合计 label first? */
function looksLikeData(grid: Grid, r: number, c1: number, c2: number, stopAtTotal: boolean): boolean {
  const cols = grid.filledCols(r, c1, c2);
  if (cols.length === 0) return false;
  // The first text shown on the row (a vertical header merge shows its text on every row).
  let first = '';
  for (let c = c1; c <= Math.min(c2, c1 + 60) && first === ''; c++) first = normLabel(grid.shown(r, c));
  if ((stopAtTotal && isTotalLabel(first)) || /^\d{3,7}$/.test(first)) return true;
  // '一、一般公共预算财政拨款收入' starts the data of two-sided tables even when its amounts are blank.
  if (/^[一二三四五六七八九十]+[、.．]/.test(grid.shown(r, cols[0]))) return true;
  for (const c of cols) if (grid.isNumeric(r, c)) return true;
  return false;
}

/**
 * Parse a header starting at row `start`: it extends over following rows that are not data
 * (max 4 rows in all); then 栏次 rows are skipped. Column text joins the rows' shown texts
 * (merges looked through) with '/', e.g. '本年支出/小计'.
 */
export function parseHeader(grid: Grid, start: number, c1: number, c2: number, r2: number, maxRows = 4, stopAtTotal = true): Header {
  const rows = [start];
  const signature = (row: number) => grid.filledCols(row, c1, c2).map((c) => `${c}:${normLabel(grid.text(row, c))}`).join('|');
  const seen = new Set([signature(start)]);
  let r = start + 1;
  while (r <= r2 && rows.length < maxRows) {
    const filled = grid.filledCols(r, c1, c2);
    // The header printed again right below itself (a continued page's header): it ends here.
    if (filled.length > 0 && seen.has(signature(r))) break;
    seen.add(signature(r));
    if (filled.length === 0 && !rowHasMergedText(grid, r, c1, c2)) break;
    // A caption or page mark below the header (a continued page's frame) ends it.
    if (filled.length > 0 && filled.every((c) => isFrameText(grid.text(r, c)))) break;
    // A note right under the header (an empty table's 注 above its 合计 row) is no header.
    if (filled.length > 0 && isNoteText(grid.text(r, filled[0]))) break;
    if (isLineNumberRow(grid, r, c1, c2, filled) || looksLikeData(grid, r, c1, c2, stopAtTotal)) break;
    rows.push(r);
    r++;
  }
  const lineRows: number[] = [];
  while (r <= r2 && isLineNumberRow(grid, r, c1, c2)) {
    lineRows.push(r);
    r++;
  }
  const built: Built[] = [];
  const cEnd = Math.min(c2, Math.max(grid.cols - 1, c1));
  for (let c = c1; c <= cEnd; c++) {
    const b = columnParts(grid, rows, c);
    if (b) built.push(b);
  }
  return { rows, columns: resolveMergedColumns(grid, built, r, Math.min(r2, r + 40)), dataStart: r, lineRows };
}

interface Built {
  column: HeaderColumn;
  /** No part of the column is its own: every part comes from a merge starting left of it. */
  inherited: boolean;
  /** The merge the deepest part comes from, when any. */
  deepest?: CellRange;
}

function columnParts(grid: Grid, rows: number[], c: number): Built | null {
  const parts: string[] = [];
  let lastMerge: CellRange | undefined;
  let inherited = true;
  let deepest: CellRange | undefined;
  for (const hr of rows) {
    const m = grid.merges.find(hr, c);
    const t = grid.shown(hr, c);
    // A unit caption standing at the header row's right is no column's header.
    if (t === '' || isFrameText(t)) continue;
    // The same merge seen again on the next row adds nothing.
    if (m && m === lastMerge) continue;
    lastMerge = m;
    if (parts.length > 0 && normLabel(parts[parts.length - 1]) === normLabel(t)) continue;
    parts.push(t);
    if (!m || m.c1 === c) inherited = false;
    deepest = m;
  }
  if (parts.length === 0) return null;
  const column = { col: c, parts, norm: parts.map(headerWord), header: parts.join('/') };
  return deepest ? { column, inherited, deepest } : { column, inherited };
}

/**
 * Columns whose header only comes from a merge starting to their left. Under a wide leaf header
 * (the merge is the deepest part of its first column too) the one spanned column holding data
 * takes the header (a name merged over two columns); several columns with data each keep it (a
 * band whose sub-headers stand elsewhere). Any such column without data is a blank spacer.
 */
function resolveMergedColumns(grid: Grid, built: Built[], from: number, to: number): HeaderColumn[] {
  const byCol = new Map(built.map((b) => [b.column.col, b]));
  const drop = new Set<number>();
  const moved = new Map<number, number>();
  const done = new Set<CellRange>();
  for (const b of built) {
    if (!b.inherited || !b.deepest) continue;
    const m = b.deepest;
    const owner = byCol.get(m.c1);
    if (!owner || owner.deepest !== m) {
      if (filledBelow(grid, b.column.col, from, to) === 0) drop.add(b.column.col);
      continue;
    }
    if (done.has(m)) continue;
    done.add(m);
    const withData: number[] = [];
    for (let c = m.c1; c <= m.c2; c++) if (filledBelow(grid, c, from, to) > 0) withData.push(c);
    if (withData.length >= 2) {
      for (let c = m.c1; c <= m.c2; c++) if (!withData.includes(c)) drop.add(c);
      continue;
    }
    if (withData.length === 1 && withData[0] !== m.c1) moved.set(m.c1, withData[0]);
    for (let c = m.c1 + 1; c <= m.c2; c++) drop.add(c);
  }
  const out: HeaderColumn[] = [];
  for (const b of built) {
    if (drop.has(b.column.col)) continue;
    const at = moved.get(b.column.col);
    out.push(at === undefined ? b.column : { ...b.column, col: at });
  }
  return out.sort((a, b) => a.col - b.col);
}

function filledBelow(grid: Grid, c: number, from: number, to: number): number {
  let n = 0;
  for (let r = from; r <= to; r++) if (grid.text(r, c) !== '') n++;
  return n;
}

function rowHasMergedText(grid: Grid, r: number, c1: number, c2: number): boolean {
  const end = Math.min(c2, c1 + 60);
  for (let c = c1; c <= end; c++) if (grid.shown(r, c) !== '') return true;
  return false;
}

