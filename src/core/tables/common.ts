// Shared machinery of the table readers: cell access through merges (grid.ts), title normalisation,
// headers (header.ts), unit/year captions, notes, codes and names, the base of every table.
// Everything here is total: garbage in gives empty results or warnings, never an exception.
import type { CellRef } from '../address';
import { a1, rangeA1 } from '../address';
import { toHalfWidth } from '../numbers';
import type { Grid } from './grid';
import type { CellRange, CellValue } from '../snapshot';
import { normLabel } from '../text';
import type { ColumnInfo, RowInfo, TableBase, TableKind, Unit } from './types';

export { Grid, MergeLookup, readCellNumber } from './grid';
import { isNoteText, unitIn } from './marks';

/** A region of a sheet given to a reader: title row to the row before the next title. */
export interface Region {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  titleRow: number;
  titleCol: number;
  title: string;
}

export interface ReadContext {
  grid: Grid;
  region: Region;
}

// ---------------------------------------------------------------------------------------------
// Titles

/**
 * Normalise a title for matching: half-width, no spaces/quotes, without year, unit-name prefix,
 * numbering (一、 表1 公开01表 附表1-1), parenthesised notes and trailing punctuation.
 */
export function normTitle(raw: string): string {
  let t = normLabel(raw);
  t = t.replace(/公开\d+表/g, '');
  t = t.replace(/\([^()]*\)/g, '');
  // A unit caption typed into the title cell: '支出决算表    单位：万元' (SPEC §3: captions vary).
  t = t.replace(/(?:金额)?单位[:：]?(?:万元|元)$/, '');
  t = t.replace(/^续表[:：]?/, '');
  // Unit names, numbering and years before the title: 'XX中心2023年度收入决算表', '表2 2023年度收入决算表'
  // (spaces are gone by now, so the year is found first: '表22023年度…').
  t = t.replace(/^.{0,40}?\d{4}年度?/, '');
  // 表5 / 表一 / 附表1-2; a Chinese numeral never eats the 一 of 一般公共预算.
  t = t.replace(/^(?:附件\d*[:：、]?)?(?:附?表(?:\d+(?:[-－—_]\d+)?|[一二三四五六七八九十]+(?!般))[:：、.．]?)/, '');
  t = t.replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．\-_]?)(?!\d*年)/, '');
  t = t.replace(/^.{0,40}?\d{4}年度?/, '');
  t = t.replace(/\d{4}年度?$/, '');
  t = t.replace(/^(?:部门决算|决算)/, '');
  t = t.replace(/^[:：、.\-_]+|[:：、.。\-_]+$/g, '');
  return t;
}

/** Year stated in a text: 2023年 / 2023年度 / （2023年度）. */
export function yearIn(text: string): number | undefined {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

export { isNoteText, unitIn } from './marks';

// ---------------------------------------------------------------------------------------------
// Headers (header.ts)

export type { Header, HeaderColumn } from './header';
export { isLineNumberRow, isTotalLabel, notActual, parseHeader } from './header';
import type { Header, HeaderColumn } from './header';

/** First row in [from, to] where some cell's normalised text satisfies `pred`. */
export function findRow(grid: Grid, from: number, to: number, c1: number, c2: number, pred: (norm: string) => boolean): number {
  for (let r = from; r <= to; r++) {
    for (const c of grid.filledCols(r, c1, c2)) if (pred(normLabel(grid.text(r, c)))) return r;
  }
  return -1;
}

/** Map header columns to keys with `classify` (given normalised parts, returns a key or null). */
export function mapColumns(header: Header, classify: (norm: string[], col: HeaderColumn) => string | null): { info: ColumnInfo[]; byKey: Map<string, number> } {
  const info: ColumnInfo[] = [];
  const byKey = new Map<string, number>();
  for (const hc of header.columns) {
    const k = classify(hc.norm, hc);
    info.push({ col: hc.col, header: hc.header, key: k ?? 'unknown' });
    if (k && !byKey.has(k)) byKey.set(k, hc.col);
  }
  return { info, byKey };
}

// ---------------------------------------------------------------------------------------------
// Captions, notes, codes

/** Unit, year and their cells, searched in the rows between the title and the data. */
export function readCaptions(grid: Grid, region: Region, lastRow: number): { unit: Unit | null; unitRef?: CellRef; year?: number; yearRef?: CellRef } {
  let unit: Unit | null = null;
  let unitRef: CellRef | undefined;
  let year = yearIn(region.title);
  let yearRef: CellRef | undefined = year !== undefined ? grid.ref(region.titleRow, region.titleCol) : undefined;
  for (let r = region.r1; r <= Math.min(lastRow, region.r2); r++) {
    for (const c of grid.filledCols(r, region.c1, region.c2)) {
      const t = grid.text(r, c);
      if (t.length > 60) continue;
      if (!unit) {
        const u = unitIn(t);
        if (u) {
          unit = u;
          unitRef = grid.ref(r, c);
        }
      }
      // A caption year: the whole cell ('2023年度', '（2023年度）') or '…2023年度' before the header.
      if (year === undefined && (/^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/.test(toHalfWidth(t)) || (r < lastRow && /\d{4}\s*年度/.test(toHalfWidth(t))))) {
        year = yearIn(t);
        if (year !== undefined) yearRef = grid.ref(r, c);
      }
    }
  }
  // No caption: the unit printed in the lower header rows (本年收入合计（万元）).
  for (let r = lastRow + 1; !unit && r <= Math.min(lastRow + 3, region.r2); r++) {
    for (const c of grid.filledCols(r, region.c1, region.c2)) {
      const m = /[(（](万元|元)[)）]$/.exec(grid.text(r, c));
      if (m) {
        unit = m[1] as Unit;
        unitRef = grid.ref(r, c);
        break;
      }
    }
  }
  const out: { unit: Unit | null; unitRef?: CellRef; year?: number; yearRef?: CellRef } = { unit };
  if (unitRef) out.unitRef = unitRef;
  if (year !== undefined) {
    out.year = year;
    if (yearRef) out.yearRef = yearRef;
  }
  return out;
}

/**
 * The notes (注：…, 说明：…) in rows [from, to]: the first note row and the note rows that follow
 * it (blank rows between allowed), joined by line breaks; the ref is the first note's cell.
 * An empty table often says so in the second note (注：本表反映… / 说明：…故本表无数据).
 */
export function findNote(grid: Grid, from: number, to: number, c1: number, c2: number): { note: string; ref: CellRef } | null {
  const end = Math.min(to, from + 30);
  let found: { note: string; ref: CellRef } | null = null;
  for (let r = from; r <= end; r++) {
    const cols = grid.filledCols(r, c1, c2);
    if (cols.length === 0) continue;
    const notes = cols.map((c) => grid.text(r, c)).filter((t) => isNoteText(t) || /无数据/.test(t));
    if (notes.length === 0) {
      if (found) break;
      continue;
    }
    if (!found) found = { note: notes.join('\n'), ref: grid.ref(r, cols.find((c) => notes.includes(grid.text(r, c)))!) };
    else found.note += `\n${notes.join('\n')}`;
  }
  return found;
}


/** Code text as digits: 208 (number) → '208'; '２０８０１' → '20801'; '208 01' → '20801'; '[2080106]' → '2080106'. */
export function codeDigits(v: CellValue): string {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : '';
  if (typeof v !== 'string') return '';
  const t = toHalfWidth(v)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^[[［【(（](\d+)[\]］】)）]$/, '$1')
    .replace(/^(\d+)\.0+$/, '$1'); // a code stored as a decimal by a PDF converter: 2080106.0
  return /^\d+$/.test(t) ? t : '';
}

/** Name as printed, without indentation (full-width spaces) and list numbering kept as is. */
export function cleanName(s: string): string {
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

/** A 科目 name without indentation or the 其中： that introduces a first sub-item. */
export function itemName(s: string): string {
  return cleanName(cleanName(s).replace(/^其中\s*[:：]/, ''));
}

/**
 * Code and name printed in one cell: '2080101 行政运行', '[2080101]行政运行', '【208】 社会保障和就业支出',
 * '2080101-行政运行'. The name must start with a Chinese character (a mistyped code such as
 * '20801O9' is no code and name).
 */
export function splitCodeName(s: string): { code: string; name: string } | null {
  const m = /^[[［【(（]?\s*(\d{7}|\d{5}|\d{3})\s*[\]］】)）]?[\s\u3000]*[-—–、.．:：|]?[\s\u3000]*(其中[:：]?)?([\u4e00-\u9fff].*)$/.exec(toHalfWidth(cleanName(s)));
  return m ? { code: m[1], name: itemName(m[3]) } : null;
}

/** Parse the cap of an 一级指标 label: '产出指标（50分）' / '产出指标(50)' → 50. */
export function capOf(label: string): number | null {
  const t = toHalfWidth(label);
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]/.exec(t);
  if (m) return Number(m[1]);
  // '产出指标50分' / '产出指标：50分' without brackets.
  const bare = /^\D+?[:：\s]*(\d+(?:\.\d+)?)\s*分\s*$/.exec(t);
  return bare ? Number(bare[1]) : null;
}

export function a1Of(r: number, c: number): string {
  return a1(r, c);
}

/** Build the TableBase part shared by every kind. */
export function baseOf(
  kind: TableKind,
  grid: Grid,
  region: Region,
  lastRow: number,
  lastCol: number,
  columns: ColumnInfo[],
  rows: RowInfo[],
  captionsUntil: number,
  warnings: string[],
): TableBase {
  const range: CellRange = { r1: region.titleRow, c1: region.c1, r2: Math.max(lastRow, region.titleRow), c2: Math.max(lastCol, region.c1) };
  const caps = readCaptions(grid, region, captionsUntil);
  const base = {
    kind,
    id: `${grid.name}!${rangeA1(range)}`,
    sheet: grid.name,
    range,
    title: region.title,
    titleRef: grid.ref(region.titleRow, region.titleCol),
    unit: caps.unit,
    columns,
    rows,
    warnings,
  } as TableBase;
  if (caps.unitRef) base.unitRef = caps.unitRef;
  if (caps.year !== undefined) base.year = caps.year;
  if (caps.yearRef) base.yearRef = caps.yearRef;
  return base;
}

/** Rightmost column used by a table: header columns, title merge. */
export function lastColOf(grid: Grid, region: Region, header: Header | null): number {
  let c = region.titleCol;
  const tm = grid.merges.at(region.titleRow, region.titleCol);
  if (tm) c = Math.max(c, tm.c2);
  if (header) for (const hc of header.columns) if (hc.col > c) c = hc.col;
  return Math.min(c, region.c2);
}

/** Add a note below the data, when there is one, to the table. */
export function attachNote(t: { note?: string; noteRef?: CellRef }, grid: Grid, from: number, region: Region): void {
  const n = findNote(grid, from, region.r2, region.c1, region.c2);
  if (n) {
    t.note = n.note;
    t.noteRef = n.ref;
  }
}

/** The first cell in a row (within c1..c2) with text, as [col, normalised text]. */
export function firstText(grid: Grid, r: number, c1: number, c2: number): [number, string] | null {
  for (const c of grid.filledCols(r, c1, c2)) {
    const t = grid.text(r, c);
    if (t !== '') return [c, normLabel(t)];
  }
  return null;
}
