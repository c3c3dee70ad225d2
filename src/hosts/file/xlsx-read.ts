// .xlsx → WorkbookSnapshot, for the CLI, the offline page and tests. Uses exceljs, which
// runs in Node and in the browser; cached results of formula cells are their values.
import ExcelJS from 'exceljs';
import { parseRangeA1 } from '../../core/address';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { MARKS_SHEET } from './mark-style';
import { convertXls, isCfb } from './xls-convert';

export { WorkbookReadError } from './read-error';
import { WorkbookReadError } from './read-error';

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

/** Convert one exceljs worksheet. Only the top-left cell of a merge keeps the value. */
export function sheetFromExcelJs(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (c.isMerged && c.master && c.master.address !== c.address) return;
      const { v, f: raw } = convertValue(c.value);
      // A shared-formula child stores only its master's address; exceljs translates the text.
      const f = raw !== undefined ? (c.formula || raw) : undefined;
      const z = c.numFmt && c.numFmt !== 'General' ? c.numFmt : undefined;
      if ((v === null || v === '') && !f) return;
      const cell: Cell = { v };
      if (f) cell.f = f;
      if (z) cell.z = z;
      (cells[r] ??= [])[colNumber - 1] = cell;
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? [])
    .map((m) => parseRangeA1(m))
    .filter((m): m is NonNullable<typeof m> => m !== null);
  const sheet: SheetSnapshot = { name: ws.name, cells, merges };
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  if (prot && prot.sheet) sheet.protected = true;
  if (ws.state && ws.state !== 'visible') sheet.hidden = true;
  return sheet;
}

/** Read an .xlsx (or legacy .xls) from bytes. Throws WorkbookReadError with a one-line Chinese/English reason. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name = 'workbook.xlsx'): Promise<WorkbookSnapshot> {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Legacy .xls: converted to .xlsx in memory (SheetJS, loaded only then).
  if (isCfb(bytes)) bytes = await convertXls(bytes, name);
  // .xlsx is a zip: 'PK\x03\x04'. Anything else is not ours to guess at.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookReadError(`${name}: 不是有效的 .xlsx 文件（not an .xlsx file)`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want a Node Buffer; a Uint8Array works in Node and the browser alike.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`${name}: 无法读取 .xlsx 文件（${(e as Error).message.split('\n')[0]}）`);
  }
  // The marks record the file host saves is ours, not the user's data.
  return { name, sheets: wb.worksheets.filter((w) => w.name !== MARKS_SHEET).map(sheetFromExcelJs) };
}
