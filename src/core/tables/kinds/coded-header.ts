// The header of a table keyed by 科目编码, as real templates print it: up to four rows with merged
// cells (项目 / 功能分类科目编码 + 科目名称 / 决算数), a generic bottom line (决算数, 金额) under
// every amount column, and sub-headers that stand on the first data row beside the 合计 label
// (`类 | 款 | 项 | 合计 | 4733.14 …`, or `合计 | | | 105 | 合计 | 基本支出 | 项目支出`). Such
// sub-header cells are header: they extend their column's header and are never read as figures.
import type { ColumnInfo } from '../types';
import type { Grid, Header, HeaderColumn, Region } from '../common';
import { findRow, isNoteText, isTotalLabel, mapColumns, parseHeader } from '../common';
import { headerWord } from '../header';
import { normLabel } from '../../text';

export interface CodedHeaderSpec {
  classify(parts: string[]): string | null;
}

export interface CodedHeader {
  header: Header;
  info: ColumnInfo[];
  byKey: Map<string, number>;
  /** The first data row when sub-headers stand on it, and the columns holding them. */
  subHeader: { row: number; cols: Set<number> } | null;
}

/** Bottom lines that say nothing about the column (決算数 under 本年收入合计). */
const GENERIC = /^(决算数|决算|金额|决算金额|本年决算数|本年数|数额|本年决算)$/;

/** Header parts for classifying an amount column: generic bottom lines dropped when others remain. */
export function meaningfulParts(parts: string[]): string[] {
  let end = parts.length;
  while (end > 1 && GENERIC.test(parts[end - 1])) end--;
  return parts.slice(0, end);
}

/** Structural columns: code parts, name, 行次. Looks at the deepest header part first. */
export function structuralKey(parts: string[]): string | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (p === '类') return 'codeClass';
    if (p === '款') return 'codeSection';
    if (p === '项') return 'codeItem';
    if (p === '行次' || p === '栏次') return 'lineNo';
    if (/编码|代码|编号/.test(p)) return 'code';
    if (/名称/.test(p)) return 'name';
    if (p === '项目' || p === '科目') return i === parts.length - 1 ? 'name' : null;
  }
  return null;
}

/** A row that starts a coded table's header. */
export function isCodedHeaderCell(n: string): boolean {
  return /科目编码|科目名称|功能分类|^项目$|^科目$|^编码$|科目代码/.test(n);
}

const LABEL_KEYS = new Set(['code', 'codeClass', 'codeSection', 'codeItem', 'name', 'lineNo']);

function classifyColumn(spec: CodedHeaderSpec, norm: string[]): string | null {
  return structuralKey(norm) ?? spec.classify(meaningfulParts(norm));
}

/**
 * Sub-headers on the first data row: at least two cells whose text is a header word (类/款/项, or
 * a part that classifies the column), not counting the 合计 label in a label column.
 */
function findSubHeader(spec: CodedHeaderSpec, grid: Grid, region: Region, header: Header): { row: number; cols: Map<number, string> } | null {
  // The first row with content after the header (a PDF transcription may leave a blank row first,
  // an empty table may print its 注 first).
  let r = header.dataStart;
  const skip = (k: number) => {
    const f = grid.filledCols(k, region.c1, region.c2);
    return f.length === 0 || isNoteText(grid.text(k, f[0]));
  };
  while (r <= region.r2 && r < header.dataStart + 6 && skip(r)) r++;
  if (r > region.r2) return null;
  const byCol = new Map(header.columns.map((hc) => [hc.col, hc]));
  const labelCols = new Set(header.columns.filter((hc) => LABEL_KEYS.has(classifyColumn(spec, hc.norm) ?? '')).map((hc) => hc.col));
  const cols = new Map<number, string>();
  for (const c of grid.filledCols(r, region.c1, region.c2)) {
    if (grid.isNumeric(r, c)) continue;
    const t = grid.text(r, c);
    const n = normLabel(t);
    if (/^\d+$/.test(n)) return null; // a code: a real data row
    if (isTotalLabel(n) && (labelCols.has(c) || !byCol.has(c))) continue; // the row's own 合计 label
    const hc = byCol.get(c);
    const parts = hc ? [...hc.norm, n] : [n];
    const sk = structuralKey([n]);
    // A column with no header above (an unmerged group heading) takes its sub-header alone.
    if ((sk && sk !== 'name' && sk !== 'lineNo') || (!labelCols.has(c) && spec.classify(meaningfulParts(parts)) !== null)) cols.set(c, t);
    else return null; // other text on the row: not a sub-header row
  }
  return cols.size >= 2 ? { row: r, cols } : null;
}

/**
 * 科目编码 merged over two or three adjacent columns with no 类|款|项 beneath (the parts in their own
 * columns all the same): the columns are 类, 款 (and 项) from left to right.
 */
function splitCodeBand(info: ColumnInfo[], byKey: Map<string, number>): void {
  const codes = info.filter((c) => c.key === 'code');
  if (codes.length < 2 || codes.length > 3 || byKey.has('codeClass')) return;
  if (codes.some((c, i) => i > 0 && c.col !== codes[i - 1].col + 1)) return;
  const keys = ['codeClass', 'codeSection', 'codeItem'];
  codes.forEach((c, i) => {
    c.key = keys[i];
    byKey.set(keys[i], c.col);
  });
  byKey.delete('code');
}

export function readCodedHeader(spec: CodedHeaderSpec, grid: Grid, region: Region): CodedHeader | null {
  const { c1, c2, r2 } = region;
  const hStart = findRow(grid, region.titleRow + 1, Math.min(r2, region.titleRow + 8), c1, c2, isCodedHeaderCell);
  if (hStart < 0) return null;
  const header = parseHeader(grid, hStart, c1, c2, r2);
  const sub = findSubHeader(spec, grid, region, header);
  if (sub) {
    for (const [col, text] of sub.cols) {
      let hc: HeaderColumn | undefined = header.columns.find((x) => x.col === col);
      if (!hc) {
        hc = { col, parts: [], norm: [], header: '' };
        header.columns.push(hc);
        header.columns.sort((a, b) => a.col - b.col);
      }
      hc.parts.push(text);
      hc.norm.push(headerWord(text));
      hc.header = hc.parts.join('/');
    }
  }
  const { info, byKey } = mapColumns(header, (norm) => classifyColumn(spec, norm));
  splitCodeBand(info, byKey);
  // Messages name a column by its header: 本年支出合计, not the 决算数 printed under every column.
  for (const ci of info) {
    const hc = header.columns.find((x) => x.col === ci.col);
    if (hc && !LABEL_KEYS.has(ci.key)) ci.header = hc.parts.slice(0, meaningfulParts(hc.norm).length).join('/');
  }
  return { header, info, byKey, subHeader: sub ? { row: sub.row, cols: new Set(sub.cols.keys()) } : null };
}
