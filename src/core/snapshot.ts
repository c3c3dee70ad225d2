// The workbook snapshot: everything the core knows about a workbook. Hosts (Office.js,
// .xlsx files) build it; the core never touches Excel, the DOM or the file system.
// Rows and columns are 0-based everywhere in the core; A1 text appears only at the edges.

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  /** The value, or for a formula cell its cached result. */
  v: CellValue;
  /** The formula without the leading '=' when the cell holds one. */
  f?: string;
  /** Number format code, e.g. '0.00' or '#,##0.00'; absent for General. */
  z?: string;
}

export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetSnapshot {
  name: string;
  /** cells[r][c]; holes (undefined) are empty cells. Rows beyond cells.length are empty. */
  cells: (Cell | undefined)[][];
  /** Merged areas. The value lives in the top-left cell; other cells are empty. */
  merges: CellRange[];
  /** True when the host reports the sheet as protected (writing to it will fail). */
  protected?: boolean;
  /** True when the sheet is hidden in the workbook. */
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  /** Display name of the source (file name or workbook name). */
  name: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function getCell(sheet: SheetSnapshot, r: number, c: number): Cell | undefined {
  const row = sheet.cells[r];
  return row ? row[c] : undefined;
}

export function getValue(sheet: SheetSnapshot, r: number, c: number): CellValue {
  const cell = getCell(sheet, r, c);
  return cell ? cell.v : null;
}

/** Number of rows and columns that hold anything (the used extent from A1). */
export function sheetExtent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let cols = 0;
  for (const row of sheet.cells) if (row && row.length > cols) cols = row.length;
  for (const m of sheet.merges) if (m.c2 + 1 > cols) cols = m.c2 + 1;
  let rows = sheet.cells.length;
  for (const m of sheet.merges) if (m.r2 + 1 > rows) rows = m.r2 + 1;
  return { rows, cols };
}

/**
 * Index of merged areas so that any cell can find the merge it belongs to in O(1).
 * Readers use it to read a merged header or a merged 分值 group once, from its top-left cell.
 */
export class MergeIndex {
  private readonly byCell = new Map<number, CellRange>();
  constructor(merges: CellRange[]) {
    for (const m of merges) {
      // Whole-column or absurd merges are clipped: a merge never needs more than this to be useful.
      const r2 = Math.min(m.r2, m.r1 + 5000);
      const c2 = Math.min(m.c2, m.c1 + 500);
      for (let r = m.r1; r <= r2; r++) for (let c = m.c1; c <= c2; c++) this.byCell.set(r * 16384 + c, m);
    }
  }
  find(r: number, c: number): CellRange | undefined {
    return this.byCell.get(r * 16384 + c);
  }
}

/** The value shown at (r, c), looking through merges to their top-left cell. */
export function displayedValue(sheet: SheetSnapshot, merges: MergeIndex, r: number, c: number): CellValue {
  const m = merges.find(r, c);
  if (m) return getValue(sheet, m.r1, m.c1);
  return getValue(sheet, r, c);
}

/** Build a sheet from a plain 2-D array of values (tests, generators, the Excel host). */
export function sheetFromValues(
  name: string,
  values: CellValue[][],
  opts: { merges?: CellRange[]; formulas?: (string | null | undefined)[][]; formats?: (string | null | undefined)[][]; origin?: { row: number; col: number } } = {},
): SheetSnapshot {
  const r0 = opts.origin?.row ?? 0;
  const c0 = opts.origin?.col ?? 0;
  const cells: (Cell | undefined)[][] = [];
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    if (!src) continue;
    let row: (Cell | undefined)[] | undefined;
    for (let j = 0; j < src.length; j++) {
      const v = src[j];
      const f = opts.formulas?.[i]?.[j];
      const z = opts.formats?.[i]?.[j];
      const empty = (v === null || v === undefined || v === '') && !f;
      if (empty) continue;
      if (!row) row = cells[r0 + i] = [];
      const cell: Cell = { v: v === undefined ? null : v };
      if (f) cell.f = f.startsWith('=') ? f.slice(1) : f;
      if (z && z !== 'General') cell.z = z;
      row[c0 + j] = cell;
    }
  }
  return { name, cells, merges: opts.merges ?? [] };
}
