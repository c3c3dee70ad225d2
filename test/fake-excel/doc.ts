// The fake's document: sheets of cells with values, formulas, formats and fills, notes,
// comments, settings. Populated from a WorkbookSnapshot; cloned to "save and reopen".
import type { CellRange, WorkbookSnapshot } from '../../src/core/snapshot';
import { dateSerial, isDateCode } from './convert';
import type { FakeExcelOptions } from './options';
// Document state

export interface FakeFill {
  /** null = No Fill. */
  color: string | null;
  pattern: string;
  patternColor?: string | null;
  tintAndShade?: number;
}

export interface FakeCell {
  v: number | string | boolean | { error: string } | null;
  f?: string;
  z?: string;
  fill?: FakeFill;
  font?: { color?: string; bold?: boolean };
}

export interface FakeSheet {
  /** Behind Worksheet.id: stable while the sheet exists (renaming keeps it). */
  uid: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, FakeCell>;
  merges: CellRange[];
  /** Column widths in points, by 0-based column. */
  widths: Map<number, number>;
}

export interface FakeNote {
  sheet: string;
  address: string;
  content: string;
}

export interface FakeComment {
  id: string;
  sheet: string;
  address: string;
  content: string;
}

export interface FakeDoc {
  sheets: FakeSheet[];
  /** workbook.settings (ExcelApi 1.4): saved with the document. */
  settings: Map<string, unknown>;
  /** Office.context.document.settings: only what saveAsync persisted survives a reopen. */
  docSettingsSaved: Map<string, unknown>;
  notes: FakeNote[];
  comments: FakeComment[];
  activeSheet: string;
  /** Workbook structure protection. */
  workbookProtected: boolean;
  /** The 1904 date system. */
  date1904: boolean;
  selection: { sheet: string; address: string };
  nextCommentId: number;
  nextSheetUid: number;
}

/** Cells are keyed by number: string keys made big sheets slow. */
export const COLS = 16384;
export const key = (r: number, c: number): number => r * COLS + c;
export const unkey = (k: number): [number, number] => [Math.floor(k / COLS), k % COLS];

export const DEFAULT_WHITE = '#FFFFFF';
export const NO_FILL: FakeFill = { color: null, pattern: 'None' };
export const DEFAULT_FONT_COLOR = '#000000';

/** Excel keeps a date as its serial number: a snapshot's ISO date in a date-formatted cell becomes one. */
function storedValue(v: FakeCell['v'], z: string | undefined, date1904: boolean): FakeCell['v'] {
  const m = typeof v === 'string' && isDateCode(z) ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  const serial = m ? dateSerial(+m[1], +m[2], +m[3], date1904) : null;
  return serial ?? v;
}

export function docFromSnapshot(snap: WorkbookSnapshot, opts: FakeExcelOptions): FakeDoc {
  const sheets: FakeSheet[] = snap.sheets.map((s, uid) => {
    const cells = new Map<number, FakeCell>();
    s.cells.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell) cells.set(key(r, c), { v: storedValue(cell.v, cell.z, opts.dateSystem === 1904), f: cell.f, z: cell.z });
      });
    });
    return {
      uid,
      name: s.name,
      visibility: opts.veryHiddenSheets?.includes(s.name) ? 'VeryHidden' : s.hidden ? 'Hidden' : 'Visible',
      protected: !!s.protected || !!opts.protectedSheets?.includes(s.name),
      cells,
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(),
    };
  });
  const first = sheets[0]?.name ?? 'Sheet1';
  return {
    sheets,
    settings: new Map(),
    docSettingsSaved: new Map(),
    notes: [],
    comments: [],
    activeSheet: first,
    workbookProtected: !!opts.workbookProtected,
    date1904: opts.dateSystem === 1904,
    selection: { sheet: first, address: 'A1' },
    nextCommentId: 1,
    nextSheetUid: sheets.length,
  };
}

export function cloneDoc(d: FakeDoc): FakeDoc {
  return {
    sheets: d.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as FakeCell])),
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(s.widths),
    })),
    settings: new Map([...d.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    docSettingsSaved: new Map([...d.docSettingsSaved].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    notes: d.notes.map((n) => ({ ...n })),
    comments: d.comments.map((c) => ({ ...c })),
    activeSheet: d.activeSheet,
    workbookProtected: d.workbookProtected,
    date1904: d.date1904,
    selection: { ...d.selection },
    nextCommentId: d.nextCommentId,
    nextSheetUid: d.nextSheetUid,
  };
}


export function findSheet(doc: FakeDoc, name: string): FakeSheet | null {
  const lower = name.toLowerCase();
  return doc.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

