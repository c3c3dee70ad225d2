// The record of the marks the file host made, kept inside the saved .xlsx so that a reopened
// copy (in the offline page, or in Excel through the Excel host) can still be cleaned. It lives
// in a very hidden sheet named MARKS_SHEET, as JSON split over column A. A sheet of that name
// that is not very hidden or does not hold a valid record is the user's and is left alone.
// The Excel and WPS hosts read the same record to clear an annotated copy (excel/file-marks.ts,
// wps/file-marks.ts); what they need of it stands here, free of any file-host dependency.
import { parseA1 } from '../../core/address';
import type { Severity } from '../../core/findings';
import type { Cell } from '../../core/snapshot';
import { MARK_STYLES, NOTE_PREFIX } from './mark-style';

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
  return parseRecordText(cells.map((row) => row?.[0]?.v).filter((v): v is string => typeof v === 'string').join(''));
}

/** The marks in the record's text (its column-A cells joined), or null when it is no valid record. */
export function parseRecordText(text: string): FileMark[] | null {
  try {
    const rec = JSON.parse(text) as MarksRecord;
    if (!rec || rec.version !== 1 || !Array.isArray(rec.marks)) return null;
    // A mark with an address no host can parse would fail a whole Excel batch: it is dropped.
    return rec.marks.filter((m) => m && typeof m.sheet === 'string' && typeof m.address === 'string' && parseA1(m.address) && m.orig && MARK_STYLES[m.severity] && Array.isArray(m.messages));
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

/** 'RRGGBB' of a recorded plain solid fill; null for No Fill or anything else (then restored as No Fill). */
export function recordedFillRgb(fill: FileMark['orig']['fill'] | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? argb.slice(-6).toUpperCase() : null;
}

/** The officer's note text before the mark: recorded as text, or as exceljs rich text by older copies. */
export function recordedNoteText(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

/** Whether a note carries the file host's text: it follows an officer's own note, so it is anywhere in it. */
export function carriesFileHostNote(text: string): boolean {
  return text.includes(NOTE_PREFIX);
}
