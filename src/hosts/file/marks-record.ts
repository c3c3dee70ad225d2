// The record of the marks the file host made, kept inside the saved .xlsx so that a reopened
// copy (in the offline page, or in Excel through the Excel host) can still be cleaned. It lives
// in a very hidden sheet named MARKS_SHEET, as JSON split over column A. A sheet of that name
// that is not very hidden or does not hold a valid record is the user's and is left alone.
import type { Severity } from '../../core/findings';
import type { Cell } from '../../core/snapshot';
import { MARK_STYLES } from './mark-style';

/** One mark and what it replaced. JSON-serialisable: it is saved inside the workbook. */
export interface FileMark {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
  /**
   * What the cell had before. `fill` (exceljs-style, solid colours only) and `note` (text) are
   * what the Excel host reads; `s` (the cell's style index), `noCell` (there was no cell element)
   * and `noteXml` (the officer's own <comment> element, exactly) are what the file host restores.
   */
  orig: { fill: { type: 'pattern'; pattern: string; fgColor?: { argb: string } } | null; note: string | null; s?: number; noCell?: boolean; noteXml?: string | null };
}

export interface MarksRecord {
  version: 1;
  marks: FileMark[];
}

/** Longest text Excel keeps in one cell; the record is split into cells of this size. */
export const CELL_TEXT_MAX = 32000;

/** The marks in a record sheet's cells, or null when the sheet does not hold a valid record. */
export function parseRecord(cells: (Cell | undefined)[][]): FileMark[] | null {
  let text = '';
  for (const row of cells) {
    const v = row?.[0]?.v;
    if (typeof v === 'string') text += v;
  }
  try {
    const rec = JSON.parse(text) as MarksRecord;
    if (!rec || rec.version !== 1 || !Array.isArray(rec.marks)) return null;
    return rec.marks.filter((m) => m && typeof m.sheet === 'string' && typeof m.address === 'string' && m.orig && MARK_STYLES[m.severity] && Array.isArray(m.messages));
  } catch {
    return null;
  }
}

/** The record as the column-A texts of the record sheet. */
export function recordTexts(marks: FileMark[]): string[] {
  const text = JSON.stringify({ version: 1, marks } satisfies MarksRecord);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CELL_TEXT_MAX) out.push(text.slice(i, i + CELL_TEXT_MAX));
  return out;
}
