// Rows inside a table that carry no data, as PDF transcriptions and multi-page exports leave them:
// page numbers (第 2 页, - 3 -), a continued table's title repeated (支出决算表（续表）, 续表), its
// caption rows (编制单位：…, 单位：万元, 公开03表) and header rows repeated, 栏次 rows. Readers skip
// them wherever they stand between the data rows.
import { toHalfWidth } from '../numbers';
import { normLabel } from '../text';
import type { Grid } from './grid';
import type { Header } from './common';
import { isLineNumberRow } from './common';
import { isFrameText } from './marks';

/** A lone page number printed as a bare integer (1–999) with nothing else on its row. */
function isBarePageNumber(grid: Grid, r: number, c: number): boolean {
  const v = grid.value(r, c);
  const t = typeof v === 'number' ? String(v) : typeof v === 'string' ? toHalfWidth(v).trim() : '';
  return /^[1-9]\d{0,2}$/.test(t);
}

/** Does row r repeat one of the header rows (every filled cell shows what that header row shows)? */
function repeatsHeaderRow(grid: Grid, r: number, cols: number[], header: Header): boolean {
  for (const h of header.rows) {
    if (h === r) return false;
    let all = true;
    for (const c of cols) {
      const n = normLabel(grid.text(r, c));
      if (n === '' || n !== normLabel(grid.shown(h, c))) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * A row inside a table that carries no data: page marks, a continuation title, captions, a
 * repeated header row, a 栏次 row. Never a row with a code, a 合计 label or several figures.
 * `filled`, when the caller has it, is grid.filledCols(r, c1, c2).
 */
export function isRepeatRow(grid: Grid, r: number, c1: number, c2: number, header: Header, filled?: number[]): boolean {
  const cols = filled ?? grid.filledCols(r, c1, c2);
  if (cols.length === 0) return false;
  if (cols.length === 1 && isBarePageNumber(grid, r, cols[0])) return true;
  const texts = cols.map((c) => grid.text(r, c));
  if (texts.every(isFrameText)) return true;
  if (header.rows.length > 0 && repeatsHeaderRow(grid, r, cols, header)) return true;
  return isLineNumberRow(grid, r, c1, c2, cols);
}
