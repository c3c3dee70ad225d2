// .xlsx → WorkbookSnapshot, for the CLI, the offline page and tests. A lean reader of the
// package (zip.ts, sheet-read.ts) whose time and memory follow the cells that hold something,
// within LIMITS; legacy .xls goes through SheetJS first. Cached results of formula cells are
// their values.
import type ExcelJS from 'exceljs';
import { parseRangeA1 } from '../../core/address';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { limitsWith, type Limits } from './limits';
import { XlsxPackage } from './package';
import { WorkbookReadError } from './read-error';
import { readWorkbook, type ReadWorkbook } from './workbook-read';
import { convertXls, isCfb } from './xls-convert';

export { WorkbookReadError } from './read-error';

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/**
 * Opens workbook bytes: .xlsx as they are, legacy .xls converted to .xlsx first. Every failure is
 * a WorkbookReadError whose message says in Chinese what is wrong (library text after it, in brackets).
 */
export interface ReadOptions {
  /** Tighter (or looser) limits than LIMITS. */
  limits?: Partial<Limits>;
}

export async function openWorkbook(data: ArrayBuffer | Uint8Array, name: string, opts: ReadOptions = {}): Promise<{ pkg: XlsxPackage; book: ReadWorkbook; convertedFrom: 'xls' | null }> {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let convertedFrom: 'xls' | null = null;
  if (isCfb(bytes)) {
    bytes = await convertXls(bytes, name);
    convertedFrom = 'xls';
  } else if (!isZip(bytes)) {
    throw new WorkbookReadError(`${name}: 不是有效的 .xlsx 或 .xls 文件（文件内容既不是 .xlsx 的压缩包格式，也不是 .xls 的复合文档格式）`);
  }
  try {
    const pkg = XlsxPackage.open(bytes, name, limitsWith(opts.limits));
    return { pkg, book: await readWorkbook(pkg), convertedFrom };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`${name}: 无法读取 .xlsx 文件（${String((e as Error)?.message ?? e).split('\n')[0]}）`);
  }
}

/** Read an .xlsx (or legacy .xls) from bytes. Throws WorkbookReadError with a one-line reason. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name = 'workbook.xlsx', opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const { book } = await openWorkbook(data, name, opts);
  return { name, sheets: book.sheets.map((s) => s.snapshot) };
}

// ---- exceljs worksheets (tests and tools that build workbooks with exceljs) ------------------

function convertValue(v: ExcelJS.CellValue): { v: CellValue; f?: string } {
  if (v === null || v === undefined) return { v: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return { v: { error: o.error } };
    if ('richText' in o && Array.isArray(o.richText)) return { v: (o.richText as { text: string }[]).map((t) => t.text).join('') };
    if ('formula' in o || 'sharedFormula' in o) {
      const res = o.result as ExcelJS.CellValue | undefined;
      const inner = res === undefined ? { v: null } : convertValue(res);
      return { v: inner.v, f: String(o.formula ?? o.sharedFormula ?? '') };
    }
    if ('text' in o) return { v: String(o.text) }; // hyperlink
  }
  return { v: String(v) };
}

/** Convert one exceljs worksheet (no exceljs import at run time). Only the top-left cell of a merge keeps the value. */
export function sheetFromExcelJs(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (c.isMerged && c.master && c.master.address !== c.address) return;
      const { v, f: raw } = convertValue(c.value);
      const f = raw !== undefined ? c.formula || raw : undefined;
      const z = c.numFmt && c.numFmt !== 'General' ? c.numFmt : undefined;
      if ((v === null || v === '') && !f) return;
      const cell: Cell = { v };
      if (f) cell.f = f;
      if (z) cell.z = z;
      (cells[r] ??= [])[colNumber - 1] = cell;
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseRangeA1(m)).filter((m): m is NonNullable<typeof m> => m !== null);
  const sheet: SheetSnapshot = { name: ws.name, cells, merges };
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  if (prot && prot.sheet) sheet.protected = true;
  if (ws.state && ws.state !== 'visible') sheet.hidden = true;
  return sheet;
}
