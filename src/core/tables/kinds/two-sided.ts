// Header parsing for the two-sided tables (summary, fiscal-summary): a 收入 side and a 支出 side,
// each starting with a 项目 column, optionally a 行次 column, then amount columns.
import { defaultCatalogue } from '../../catalogue/catalogue';
import { normLabel } from '../../text';
import type { Grid, Header, HeaderColumn, Region } from '../common';
import { findRow, notActual, parseHeader, splitCodeName } from '../common';
import type { ColumnInfo, Figure, LabelledFigure } from '../types';

export interface Side {
  nameCol: number;
  lineCol?: number;
  /** Amount columns of the side with their header. */
  amounts: HeaderColumn[];
}

export interface TwoSidedHeader {
  header: Header;
  income: Side;
  expenditure: Side;
}

function isNameHeader(parts: string[]): boolean {
  const p = parts[parts.length - 1] ?? '';
  return /^(收入|支出)?项目$|^科目(名称)?$|^(收入|支出)?项目名称$|^(收入|支出)$/.test(p);
}

export function parseTwoSided(grid: Grid, region: Region): TwoSidedHeader | null {
  const { c1, c2, r2 } = region;
  const limit = Math.min(r2, region.titleRow + 8);
  const start = findRow(grid, region.titleRow + 1, limit, c1, c2, (n) => /^(收入|支出)$|项目$/.test(n));
  if (start < 0) return null;
  const header = parseHeader(grid, start, c1, c2, r2);
  const nameCols = header.columns.filter((hc) => isNameHeader(hc.norm));
  if (nameCols.length < 2) return null;
  const sides: Side[] = [];
  for (let i = 0; i < 2; i++) {
    const from = nameCols[i].col;
    const to = i + 1 < nameCols.length ? nameCols[i + 1].col - 1 : c2;
    const side: Side = { nameCol: from, amounts: [] };
    for (const hc of header.columns) {
      if (hc.col <= from || hc.col > to) continue;
      const p = hc.norm[hc.norm.length - 1];
      if (p === '行次' || p === '栏次') side.lineCol = hc.col;
      else side.amounts.push(hc);
    }
    if (side.amounts.length === 0) return null;
    sides.push(side);
  }
  return { header, income: sides[0], expenditure: sides[1] };
}

/** The amount column of a side: 决算数 preferred, then 金额/合计/本年, never a budget or last year's column. */
export function amountCol(amounts: HeaderColumn[]): HeaderColumn {
  const last = (a: HeaderColumn) => a.norm[a.norm.length - 1];
  const actual = amounts.filter((a) => !a.norm.some(notActual));
  return actual.find((a) => /决算/.test(last(a))) ?? actual.find((a) => /金额|合计|本年/.test(last(a))) ?? actual[0] ?? amounts[0];
}

export function columnInfo(h: TwoSidedHeader, amountKey: (side: 'income' | 'expenditure', hc: HeaderColumn) => string): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  for (const hc of h.header.columns) {
    let key = 'unknown';
    for (const side of ['income', 'expenditure'] as const) {
      const s = h[side];
      if (hc.col === s.nameCol) key = `${side}.name`;
      else if (hc.col === s.lineCol) key = `${side}.lineNo`;
      else if (s.amounts.includes(hc)) key = `${side}.${amountKey(side, hc)}`;
    }
    out.push({ col: hc.col, header: hc.header, key });
  }
  return out;
}

export function labelled(grid: Grid, r: number, side: Side, fig: Figure): LabelledFigure {
  const lf: LabelledFigure = { label: grid.text(r, side.nameCol).replace(/^[\s\u3000]+/, ''), labelRef: grid.ref(r, side.nameCol), figure: fig };
  if (side.lineCol !== undefined) {
    const ln = grid.fig(r, side.lineCol);
    if (ln.value !== null && ln.form !== 'blank' && Number.isInteger(ln.value)) lf.lineNo = ln.value;
  }
  return lf;
}

const NOT_CLASSES = new Set(['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出', '支出']);

/**
 * Is this expenditure-side label a 功能分类 类 line? Returns its catalogue code (or null when
 * not in the catalogue), or undefined when the label is not a class line at all.
 */
export function classLine(label: string): { code: string | null; name?: string } | undefined {
  // A class printed with its code: '208 社会保障和就业支出', '[208]社会保障和就业支出', '社会保障和就业支出（208）'.
  const n = normLabel(label);
  if (!n) return undefined;
  const after = /^(\D+)\((\d{3})\)$/.exec(n);
  const both = splitCodeName(n) ?? (after ? { code: after[2], name: after[1] } : null);
  // The label then is the name alone (the code is not part of it).
  if (both && both.code.length === 3 && both.code.startsWith('2')) return { code: both.code, name: both.name };
  const found = defaultCatalogue().findByName('function', n, 'class');
  if (found.length) return { code: found[0].code };
  if (/支出$/.test(n) && !NOT_CLASSES.has(n) && !/合计|总计|其中/.test(n)) return { code: null };
  return undefined;
}
