// Finds and reads every table of a workbook by CONTENT (SPEC §3): title cells matched against each
// kind's variants, a region from the title to the row before the next title, then the kind's reader,
// which must find a header that fits. Titles followed by a header but matching no kind are 'unknown'.
import type { CellRange, WorkbookSnapshot } from '../snapshot';
import { cellText, normLabel } from '../text';
import type { Region } from './common';
import { Grid, isNoteText, normTitle } from './common';
import { completes, isCoded, mergeContinuation } from './continuation';
import { isContinuationTitle } from './marks';
import { basicDetail } from './kinds/basic-detail';
import { expenditure } from './kinds/expenditure';
import { fiscalSummary } from './kinds/fiscal-summary';
import { generalBudget } from './kinds/general-budget';
import { govFund } from './kinds/gov-fund';
import { income } from './kinds/income';
import { perfBasicData } from './kinds/perf-basic-data';
import type { KindReader } from './kinds/reader';
import { deptScorecard, projectScorecard } from './kinds/scorecard';
import { stateCapital } from './kinds/state-capital';
import { summary } from './kinds/summary';
import { threePublic } from './kinds/three-public';
import { readSupplement } from './supplement';
import { workbookYear } from './year';
import type { CodedTable, Detection, Table, UnknownTable } from './types';
import { TABLE_KIND_NAMES } from './types';

/** The registry of kinds. */
export const KIND_READERS: KindReader[] = [summary, income, expenditure, fiscalSummary, generalBudget, basicDetail, govFund, stateCapital, threePublic, perfBasicData, deptScorecard, projectScorecard];

const BY_TITLE = new Map<string, KindReader>();
for (const k of KIND_READERS) for (const t of k.titles) BY_TITLE.set(normTitle(t), k);

/** The kind whose title variants equal the normalised text, when any. */
export function kindOfTitle(text: string): KindReader | undefined {
  return BY_TITLE.get(normTitle(text));
}

interface Candidate {
  row: number;
  col: number;
  text: string;
  reader?: KindReader;
  /** A 续表 title: the table above (or, first on a sheet, the last table read) goes on. */
  continued?: boolean;
}

/** Does the row look like a table header: ≥3 short texts, no figures? */
function headerLike(grid: Grid, r: number, c1: number, c2: number): boolean {
  const cols = grid.filledCols(r, c1, c2);
  if (cols.length < 3) return false;
  let texts = 0;
  for (const c of cols) {
    if (grid.isNumeric(r, c)) return false;
    const t = grid.text(r, c);
    if (t.length <= 24 && !/[，。；]/.test(t)) texts++;
  }
  return texts >= 3;
}

/** A header-like row within 6 rows of `from`, followed by at least one row of data before `to`. */
function hasHeaderBelow(grid: Grid, from: number, to: number, c1: number, c2: number): boolean {
  for (let r = from; r <= Math.min(to, from + 6); r++) {
    if (!headerLike(grid, r, c1, c2)) continue;
    for (let d = r + 1; d <= Math.min(to, r + 10); d++) if (grid.filledCols(d, c1, c2).length >= 2) return true;
    return false;
  }
  return false;
}

function findCandidates(grid: Grid): Candidate[] {
  const out: Candidate[] = [];
  const cells = grid.sheet.cells;
  for (let r = 0; r < grid.rows; r++) {
    const row = cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.v !== 'string') continue;
      const text = cell.v.trim();
      if (text.length < 2 || text.length > 60 || !text.includes('表') || isNoteText(text)) continue;
      const continued = isContinuationTitle(text);
      const nt = normTitle(text);
      if (continued && nt === '') {
        out.push({ row: r, col: c, text, continued });
        continue;
      }
      if (text.length < 3 || !nt.endsWith('表')) continue;
      const reader = BY_TITLE.get(nt);
      if (reader) {
        out.push(continued ? { row: r, col: c, text, reader, continued } : { row: r, col: c, text, reader });
        continue;
      }
      // A title of some other table: short, alone with text only (no figures) on its row.
      if (nt.length < 3 || nt.length > 30 || /[，。；,;]/.test(nt)) continue;
      const filled = grid.filledCols(r, 0, row.length - 1);
      if (filled.length > 3 || filled.some((k) => grid.isNumeric(r, k))) continue;
      out.push({ row: r, col: c, text });
    }
  }
  return out;
}

function regionsOf(grid: Grid, cands: Candidate[]): Region[] {
  const lastCol = Math.max(grid.cols - 1, 0);
  const lastRow = Math.max(grid.rows - 1, 0);
  // cands are in row order; group titles standing on the same row.
  const byRow = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  return cands.map((cand, idx) => {
    // Side by side: titles on the same row split the columns between them.
    const peers = byRow.get(cand.row)!;
    const i = peers.indexOf(cand);
    const c1 = i === 0 ? 0 : cand.col;
    const c2 = i + 1 < peers.length ? peers[i + 1].col - 1 : lastCol;
    let r2 = lastRow;
    for (let k = idx + 1; k < cands.length; k++) {
      const p = cands[k];
      if (p.row <= cand.row) continue;
      if (p.col <= c2 && (grid.merges.at(p.row, p.col)?.c2 ?? p.col) >= c1) {
        r2 = p.row - 1;
        break;
      }
    }
    return { r1: cand.row, c1, r2, c2, titleRow: cand.row, titleCol: cand.col, title: cand.text };
  });
}

function usedExtent(grid: Grid, region: Region): CellRange {
  let r2 = region.r1;
  let c2 = region.titleCol;
  const end = Math.min(region.r2, region.r1 + 2000);
  for (let r = region.r1; r <= end; r++) {
    const cols = grid.filledCols(r, region.c1, region.c2);
    if (cols.length === 0) continue;
    r2 = r;
    if (cols[cols.length - 1] > c2) c2 = cols[cols.length - 1];
  }
  return { r1: region.r1, c1: region.c1, r2, c2 };
}

/**
 * A 续表 title below a table of its kind (or a bare 续表) on the same sheet continues that table:
 * it starts no region, and the reader skips its title, caption and repeated header rows.
 */
function dropContinuations(all: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of all) {
    if (c.continued) {
      const above = [...out].reverse().find((p) => p.row < c.row && (p.reader || p.continued));
      if (above && (!c.reader || above.reader === c.reader)) continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * A sheet without any title right after a sheet whose last table is an incomplete coded table:
 * the rest of that table (a PDF page transcribed to its own sheet, header repeated or not).
 */
function continueUntitled(grid: Grid, tables: Table[], prevSheet: string | undefined): void {
  const prev = tables[tables.length - 1];
  // The table (or its last continuation) stands on the sheet just before this one.
  const onPrev = prev && (prev.sheet === prevSheet || prev.continued?.some((c) => c.sheet === prevSheet));
  if (!isCoded(prev) || !onPrev || grid.rows === 0) return;
  const reader = KIND_READERS.find((kr) => kr.kind === prev.kind)!;
  // As wide as the table it continues (trailing blank zeros leave the sheet's used range narrower).
  const region: Region = { r1: 0, c1: 0, r2: grid.rows - 1, c2: Math.max(grid.cols - 1, prev.range.c2, 0), titleRow: -1, titleCol: 0, title: '' };
  const t = reader.readContinued ? reader.readContinued(grid, region, prev) : reader.read(grid, region);
  if (isCoded(t ?? undefined) && completes(prev, t as CodedTable)) mergeContinuation(prev, t!);
}

function detectSheet(grid: Grid, tables: Table[], unknown: UnknownTable[], prevSheet?: string): void {
  const all = dropContinuations(findCandidates(grid));
  if (all.length === 0) {
    continueUntitled(grid, tables, prevSheet);
    return;
  }
  // Unknown-title candidates only count when a header follows before the next candidate.
  const knownRows = all.filter((c) => c.reader || c.continued).map((c) => c.row);
  let k = 0;
  const cands = all.filter((c) => {
    if (c.reader || c.continued) return true;
    while (k < knownRows.length && knownRows[k] <= c.row) k++;
    const to = k < knownRows.length ? knownRows[k] - 1 : grid.rows - 1;
    return hasHeaderBelow(grid, c.row + 1, to, 0, Math.max(grid.cols - 1, 0));
  });
  const regions = regionsOf(grid, cands);
  cands.forEach((cand, i) => {
    const region = regions[i];
    if (cand.continued) {
      // First on its sheet: a table continued from an earlier sheet (the last table of its kind),
      // its header repeated or not.
      const reader = cand.reader ?? KIND_READERS.find((kr) => kr.kind === tables[tables.length - 1]?.kind);
      const prev = [...tables].reverse().find((p) => p.kind === reader?.kind);
      // readContinued reads the region's own header first: one reading either way.
      const t = !reader ? null : prev && reader.readContinued ? reader.readContinued(grid, region, prev) : reader.read(grid, region);
      if (!t) return;
      if (!prev || !mergeContinuation(prev, t)) tables.push(t);
      return;
    }
    if (cand.reader) {
      const t = cand.reader.read(grid, region);
      if (t) {
        tables.push(t);
        return;
      }
      if (hasHeaderBelow(grid, region.r1 + 1, region.r2, region.c1, region.c2)) {
        unknown.push({ sheet: grid.name, range: usedExtent(grid, region), title: cand.text, reason: `标题像「${TABLE_KIND_NAMES[cand.reader.kind]}」，但表头不符合该表的格式` });
      }
      return;
    }
    unknown.push({ sheet: grid.name, range: usedExtent(grid, region), title: cand.text, reason: `未能识别的表格「${normLabel(cand.text)}」，不属于已知的决算公开表` });
  });
}

export function detectTables(wb: WorkbookSnapshot): Detection {
  const tables: Table[] = [];
  const unknown: UnknownTable[] = [];
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets : [];
  let prevSheet: string | undefined;
  for (const sheet of sheets) {
    if (!sheet || !Array.isArray(sheet.cells)) continue;
    try {
      detectSheet(new Grid(sheet), tables, unknown, prevSheet);
      prevSheet = sheet.name;
    } catch (e) {
      // A reader bug must not take the whole analysis down: report the sheet as not understood.
      unknown.push({ sheet: String(sheet.name), range: { r1: 0, c1: 0, r2: 0, c2: 0 }, title: '', reason: `读取本工作表时出错：${cellText(String((e as Error)?.message ?? e))}` });
    }
  }
  let supplement = null;
  try {
    supplement = readSupplement(wb);
  } catch {
    supplement = null;
  }
  const detection: Detection = { tables, unknown, supplement };
  const year = workbookYear(detection, wb);
  if (year !== undefined) detection.year = year;
  return detection;
}
