// What the fake models beyond the defaults: requirement sets, limits, quirks of particular builds.
import type { FakeDoc } from './doc';
export interface FakeExcelOptions {
  /** Highest ExcelApi minor version supported (1.1 … 1.18). Default 1.18. */
  excelApi?: string;
  /** Other sets reported by isSetSupported, e.g. { WordApi: '1.3' }. */
  extraSets?: Record<string, string>;
  /** Payload limit in bytes for a request and for a response. Default 5 MB (Excel on the web). */
  payloadLimit?: number;
  /** What a method called on a null object does: propagate null-ness (default) or fail the sync. */
  nullObjectCalls?: 'propagate' | 'throw';
  /**
   * fill.pattern reported for a No Fill cell. Excel documents 'None', but reports null on some
   * builds (office-js issue #4900), where only tintAndShade (null for No Fill) tells.
   */
  noFillPattern?: 'None' | null;
  /** Sheets to load as very hidden (xlsx state veryHidden). */
  veryHiddenSheets?: string[];
  /** Sheets to mark as protected in addition to SheetSnapshot.protected. */
  protectedSheets?: string[];
  /**
   * The office.js in use: 'cdn' (current) or 'npm', the @microsoft/office-js 1.1.110 copy that
   * OFFICE_JS=local serves, whose Excel files have no NoteCollection at all (workbook.notes and
   * worksheet.notes are undefined) while Excel itself may report ExcelApi 1.18.
   */
  officeJs?: 'cdn' | 'npm';
  /** Workbook structure protection (审阅 → 保护工作簿): no sheet may be added, deleted, renamed or hidden. */
  workbookProtected?: boolean;
  /** The workbook's date system (1904: Excel for Mac's old default). Dates are stored as serials. */
  dateSystem?: 1900 | 1904;
  /** getFileAsync(Compressed) and the CompressedFile set, as Excel on Windows and Mac have them. Default true. */
  compressedFile?: boolean;
  /** Office.context.platform: 'PC', 'Mac', 'OfficeOnline', 'iOS'… Default 'PC'. */
  platform?: string;
  /** Used by reopen: start from this document instead of a snapshot. */
  doc?: FakeDoc;
}

export function versionAtLeast(have: string, need: string): boolean {
  const [a1_, b1] = have.split('.').map(Number);
  const [a2, b2] = need.split('.').map(Number);
  return a1_ > a2 || (a1_ === a2 && b1 >= b2);
}

