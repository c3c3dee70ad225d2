// The 三公 table with its items as rows (Hubei, Guangdong): 项目 | 预算数 | 决算数, one row per item
// (合计, 1.因公出国（境）费, 2.公务用车购置及运行费, 其中：（1）公务用车购置费, （2）公务用车运行费,
// 3.公务接待费), optionally a 栏次 row and other columns (增减, 说明) that are not read.
import { normLabel } from '../../text';
import type { Grid, Header, Region } from '../common';
import { attachNote, baseOf, isNoteText, lastColOf } from '../common';
import { isRepeatRow } from '../page';
import type { ColumnInfo, RowInfo, ThreePublicFigures, ThreePublicTable } from '../types';

export type Item = keyof ThreePublicFigures;

export interface ItemWords {
  itemOf(p: string): Item | null;
  sideOf(p: string): 'budget' | 'actual' | null;
}

const EMPTY = (): ThreePublicFigures => ({ total: null, abroad: null, vehicleSubtotal: null, vehiclePurchase: null, vehicleOperation: null, reception: null });

/** Read the rows shape, or null when the header is not 项目 | 预算数 | 决算数 with items below. */
export function readThreePublicRows(grid: Grid, region: Region, header: Header, words: ItemWords): ThreePublicTable | null {
  const labelCol = header.columns.find((hc) => /^(项目|科目|项目名称|名称|费用项目)$/.test(hc.norm[hc.norm.length - 1]))?.col;
  if (labelCol === undefined) return null;
  let budgetCol: number | undefined;
  let actualCol: number | undefined;
  const columns: ColumnInfo[] = [];
  for (const hc of header.columns) {
    const last = hc.norm[hc.norm.length - 1];
    // 决算数比预算数增减, 完成预算%: comparisons, not figures of either side.
    const side = /增减|%|比|率/.test(last) ? null : words.sideOf(last) ?? (/^(金额|决算金额)$/.test(last) ? 'actual' : null);
    let key = hc.col === labelCol ? 'name' : 'unknown';
    if (side === 'budget' && budgetCol === undefined) [budgetCol, key] = [hc.col, 'budget'];
    else if (side === 'actual' && actualCol === undefined) [actualCol, key] = [hc.col, 'actual'];
    columns.push({ col: hc.col, header: hc.header, key });
  }
  if (actualCol === undefined) return null;
  const budget = budgetCol !== undefined ? EMPTY() : null;
  const actual = EMPTY();
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const r of header.rows) rows.push({ row: r, label: 'header', key: 'header' });
  for (const r of header.lineRows) rows.push({ row: r, label: '栏次', key: 'lineNumbers' });
  let lastRow = header.lineRows.length ? header.lineRows[header.lineRows.length - 1] : header.rows[header.rows.length - 1];
  const found = new Set<Item>();
  for (let r = header.dataStart; r <= region.r2; r++) {
    const filled = grid.filledCols(r, region.c1, region.c2);
    if (filled.length === 0) continue;
    if (isNoteText(grid.text(r, filled[0]))) break;
    if (isRepeatRow(grid, r, region.c1, region.c2, header, filled)) continue;
    const label = grid.text(r, labelCol);
    const item = words.itemOf(normLabel(label).replace(/^\(?\d+\)?[、.．]?/, ''));
    if (!item || found.has(item)) continue;
    found.add(item);
    actual[item] = grid.fig(r, actualCol);
    if (budget && budgetCol !== undefined) budget[item] = grid.fig(r, budgetCol);
    rows.push({ row: r, label, key: item });
    lastRow = r;
  }
  if (found.size < 3 || !found.has('abroad') || !found.has('reception')) return null;
  const base = baseOf('three-public', grid, region, lastRow, lastColOf(grid, region, header), columns, rows, header.rows[0], []);
  const table = { ...base, kind: 'three-public', layout: 'rows', budget, actual } as ThreePublicTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}
