// Document state behind the fake ET object model: the workbook as WPS 表格 would hold it
// (cells with values, formulas, number formats, fills, bold, comments; merges; sheet visibility
// and protection; custom document properties). Built from a WorkbookSnapshot; cloned to model
// "save, close and reopen".
import type { CellRange, CellValue, WorkbookSnapshot } from '../../src/core/snapshot';

/** A cell's fill. Absent from the cell = No Fill. Colours are BGR longs, as ET reports them. */
export interface EtFill {
  color: number;
  /** xlPatternSolid (1) or another xlPattern constant. */
  pattern: number;
  patternColor?: number;
}

export interface EtCellState {
  v: CellValue;
  f?: string;
  z?: string;
  fill?: EtFill;
  bold?: boolean;
  comment?: { text: string; author: string };
}

export interface EtSheetState {
  name: string;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  visible: -1 | 0 | 2;
  protected: boolean;
  cells: Map<number, EtCellState>;
  merges: CellRange[];
  /** Column widths in characters, by 0-based column. */
  widths: Map<number, number>;
}

export interface EtPropState {
  name: string;
  type: number;
  value: unknown;
}

export interface EtWorkbookState {
  name: string;
  fullName: string;
  sheets: EtSheetState[];
  props: EtPropState[];
  activeSheet: string;
  selection: { sheet: string; address: string };
  closed: boolean;
}

export const COLS = 16384;
export const MAX_ROWS = 1048576;
export const key = (r: number, c: number): number => r * COLS + c;
export const unkey = (k: number): [number, number] => [Math.floor(k / COLS), k % COLS];

export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const WHITE = 16777215;

/** 'RRGGBB' / '#RRGGBB' → BGR long. */
export function bgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** Excel's default 56-colour palette (ColorIndex 1–56), as BGR longs. */
const PALETTE = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF', '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99', '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
].map(bgr);

/** ColorIndex of a colour: its palette entry, else the nearest one (as Excel reports it). */
export function colorIndexOf(color: number): number {
  let best = 1;
  let dist = Infinity;
  PALETTE.forEach((p, i) => {
    const d = Math.abs((p & 255) - (color & 255)) + Math.abs(((p >> 8) & 255) - ((color >> 8) & 255)) + Math.abs(((p >> 16) & 255) - ((color >> 16) & 255));
    if (d < dist) {
      dist = d;
      best = i + 1;
    }
  });
  return best;
}

export function paletteColor(index: number): number {
  const c = PALETTE[index - 1];
  if (c === undefined) throw new Error(`ColorIndex ${index} out of range`);
  return c;
}

/**
 * COM's VT_ERROR for a cell error: 0x800A0000 | xlErr (wps-jsapi EtXlCVError: xlErrNull 2000,
 * xlErrDiv0 2007, xlErrValue 2015, xlErrRef 2023, xlErrName 2029, xlErrNum 2036, xlErrNA 2042),
 * as COM bridges hand it to scripts (a negative 32-bit integer).
 */
const XL_ERR: Record<string, number> = { '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042 };
export function errorHresult(text: string): number {
  const n = XL_ERR[text] ?? 2015;
  return (0x800a0000 | n) | 0;
}

export function stateFromSnapshot(snap: WorkbookSnapshot, opts: { protectedSheets?: string[]; veryHiddenSheets?: string[]; name?: string }): EtWorkbookState {
  const sheets: EtSheetState[] = snap.sheets.map((s) => {
    const cells = new Map<number, EtCellState>();
    s.cells.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const st: EtCellState = { v: cell.v };
        if (cell.f) st.f = cell.f;
        if (cell.z) st.z = cell.z;
        cells.set(key(r, c), st);
      });
    });
    return {
      name: s.name,
      visible: opts.veryHiddenSheets?.includes(s.name) ? 2 : s.hidden ? 0 : -1,
      protected: !!s.protected || !!opts.protectedSheets?.includes(s.name),
      cells,
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(),
    };
  });
  if (sheets.length === 0) sheets.push({ name: 'Sheet1', visible: -1, protected: false, cells: new Map(), merges: [], widths: new Map() });
  const name = opts.name ?? snap.name ?? '工作簿1.xlsx';
  const first = sheets.find((s) => s.visible === -1)?.name ?? sheets[0].name;
  return { name, fullName: `D:\\决算\\${name}`, sheets, props: [], activeSheet: first, selection: { sheet: first, address: 'A1' }, closed: false };
}

export function cloneState(w: EtWorkbookState): EtWorkbookState {
  return {
    ...w,
    sheets: w.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as EtCellState])),
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(s.widths),
    })),
    props: w.props.map((p) => ({ ...p })),
    selection: { ...w.selection },
  };
}
