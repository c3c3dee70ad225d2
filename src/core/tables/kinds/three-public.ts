// 财政拨款“三公”经费支出决算表: 预算数 and 决算数 for 合计, 因公出国（境）费, 公务用车 {小计, 购置, 运行},
// 公务接待费 — as two blocks (预算数 block, 决算数 block) or interleaved pairs under each item; one data row.
import { normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, findRow, isLineNumberRow, lastColOf, parseHeader } from '../common';
import type { ColumnInfo, Figure, RowInfo, ThreePublicFigures, ThreePublicTable } from '../types';
import type { KindReader } from './reader';
import { readThreePublicRows, type Item } from './three-public-rows';

function itemOf(p: string): Item | null {
  if (/^合计$|^总计$/.test(p)) return 'total';
  if (/因公出国|出国\(境\)/.test(p)) return 'abroad';
  if (/^小计$/.test(p)) return 'vehicleSubtotal';
  // The parent item in every wording: 公务用车购置及运行(维护)费, 公务用车购置费及运行维护费, 公务用车购置和运行费.
  if (/公务用车购置费?(及|和|与|、)运行|公务用车购置及维护|公务用车费/.test(p)) return 'vehicleSubtotal';
  if (/公务用车购置费|^购置费$/.test(p)) return 'vehiclePurchase';
  if (/公务用车运行|^运行(维护)?费$|运行维护费/.test(p)) return 'vehicleOperation';
  if (/公务接待/.test(p)) return 'reception';
  return null;
}

function sideOf(p: string): 'budget' | 'actual' | null {
  if (/预算/.test(p)) return 'budget';
  if (/决算|实际|支出数/.test(p)) return 'actual';
  return null;
}

const EMPTY = (): ThreePublicFigures => ({ total: null, abroad: null, vehicleSubtotal: null, vehiclePurchase: null, vehicleOperation: null, reception: null });

export function readThreePublic(grid: Grid, region: Region): ThreePublicTable | null {
  const { c1, c2, r2 } = region;
  const start = findRow(grid, region.titleRow + 1, Math.min(r2, region.titleRow + 8), c1, c2, (n) => /^(年初)?预算数$|^决算数$|因公出国|公务接待|^合计$/.test(n));
  if (start < 0) return null;
  const header = parseHeader(grid, start, c1, c2, r2, 4, false);
  const columns: ColumnInfo[] = [];
  const budget = EMPTY();
  const actual = EMPTY();
  let firstSide = 0;
  let lastSide = 0;
  let found = 0;
  const colMap: { col: number; side: 'budget' | 'actual'; item: Item }[] = [];
  for (const hc of header.columns) {
    let side: 'budget' | 'actual' | null = null;
    let sideIdx = -1;
    hc.norm.forEach((p, i) => {
      const s = sideOf(p);
      if (s && itemOf(p) === null) {
        side = s;
        sideIdx = i;
      }
    });
    let item: Item | null = null;
    for (let i = hc.norm.length - 1; i >= 0 && !item; i--) if (i !== sideIdx) item = itemOf(hc.norm[i]);
    if (!item) {
      columns.push({ col: hc.col, header: hc.header, key: 'unknown' });
      continue;
    }
    // No 预算数/决算数 heading at all: a single set of figures, the 决算数.
    const s: 'budget' | 'actual' = side ?? 'actual';
    if (sideIdx === 0 && hc.norm.length > 1) firstSide++;
    else if (sideIdx === hc.norm.length - 1 && hc.norm.length > 1) lastSide++;
    colMap.push({ col: hc.col, side: s, item });
    columns.push({ col: hc.col, header: hc.header, key: `${s}.${item}` });
    found++;
  }
  if (found < 3 || !colMap.some((m) => m.item === 'reception') || !colMap.some((m) => m.item === 'abroad')) return readThreePublicRows(grid, region, header, { itemOf, sideOf });
  // Transposed templates: items as columns, one row labelled 预算数 and one 决算数.
  const sideRows: { budget?: number; actual?: number } = {};
  if (!colMap.some((m) => m.side === 'budget')) {
    for (let r = header.dataStart; r <= Math.min(r2, header.dataStart + 6); r++) {
      const f = grid.filledCols(r, c1, c2);
      if (f.length === 0 || colMap.some((m) => m.col === f[0])) continue;
      const s = sideOf(normLabel(grid.text(r, f[0])));
      if (s && sideRows[s] === undefined) sideRows[s] = r;
    }
  }
  if (sideRows.actual !== undefined) {
    const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
    for (const r of header.rows) rows.push({ row: r, label: 'header', key: 'header' });
    const budgetFigs = sideRows.budget !== undefined ? EMPTY() : null;
    for (const m of colMap) {
      actual[m.item] ??= grid.fig(sideRows.actual, m.col);
      if (budgetFigs) budgetFigs[m.item] ??= grid.fig(sideRows.budget!, m.col);
    }
    if (sideRows.budget !== undefined) rows.push({ row: sideRows.budget, label: '预算数', key: 'budget' });
    rows.push({ row: sideRows.actual, label: '决算数', key: 'actual' });
    rows.sort((a, b) => a.row - b.row);
    for (const c of columns) if (c.key.startsWith('actual.')) c.key = c.key.slice('actual.'.length);
    const lastRow = Math.max(sideRows.actual, sideRows.budget ?? 0);
    const base = baseOf('three-public', grid, region, lastRow, lastColOf(grid, region, header), columns, rows, header.rows[0], []);
    const table = { ...base, kind: 'three-public', layout: 'blocks', budget: budgetFigs, actual } as ThreePublicTable;
    attachNote(table, grid, lastRow + 1, region);
    return table;
  }
  // The data row: first row after the header with a figure in a mapped column.
  let dataRow = -1;
  for (let r = header.dataStart; r <= Math.min(r2, header.dataStart + 5); r++) {
    if (isLineNumberRow(grid, r, c1, c2)) continue;
    if (colMap.some((m) => grid.text(r, m.col) !== '')) {
      dataRow = r;
      break;
    }
  }
  const warnings: string[] = [];
  if (dataRow < 0) {
    dataRow = header.dataStart <= r2 ? header.dataStart : -1;
    warnings.push('三公经费表没有数据行，按空白（0）处理');
  }
  const seenBudget = colMap.some((m) => m.side === 'budget');
  for (const m of colMap) {
    const target = m.side === 'budget' ? budget : actual;
    if (target[m.item]) continue;
    const f: Figure | null = dataRow >= 0 ? grid.fig(dataRow, m.col) : null;
    target[m.item] = f;
  }
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const r of header.rows) rows.push({ row: r, label: 'header', key: 'header' });
  for (const r of header.lineRows) rows.push({ row: r, label: '栏次', key: 'lineNumbers' });
  if (dataRow >= 0) rows.push({ row: dataRow, label: normLabel(grid.text(dataRow, c1)) || 'data', key: 'data' });
  const lastRow = dataRow >= 0 ? dataRow : header.rows[header.rows.length - 1];
  const base = baseOf('three-public', grid, region, lastRow, lastColOf(grid, region, header), columns, rows, header.rows[0], warnings);
  const table = {
    ...base,
    kind: 'three-public',
    layout: lastSide > firstSide ? 'pairs' : 'blocks',
    budget: seenBudget ? budget : null,
    actual,
  } as ThreePublicTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

const TITLES = ['财政拨款三公经费支出决算表', '一般公共预算财政拨款三公经费支出决算表', '三公经费支出决算表', '一般公共预算三公经费支出决算表', '财政拨款三公经费支出决算明细表'];

export const threePublic: KindReader = {
  kind: 'three-public',
  titles: TITLES,
  read: readThreePublic,
};
