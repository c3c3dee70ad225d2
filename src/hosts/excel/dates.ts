// The workbook's date system. A workbook made on an old Mac counts days from 1904, so its serial
// numbers are 1,462 days (four years) short of the 1900 system's; read as 1900 dates they would
// come out four years early. Office.js has no property for it, but DATE(1904,1,1) is 0 in the
// 1904 system and 1462 in the 1900 one (workbook.functions, ExcelApi 1.2). Excel 2016 RTM (1.1)
// has no functions: there the text Excel shows for a few date cells tells which year is right.
import type { SheetSnapshot } from '../../core/snapshot';
import { DATE1904_OFFSET, serialToIso } from '../cell-io';
import type { DateSystem } from './cells';
import type { ApiSets, Ctx } from './env';

/** A date cell as read with the 1900 system, kept so that it can be read again. */
export interface DateCell {
  sheet: SheetSnapshot;
  ws: Excel.Worksheet;
  row: number;
  col: number;
  serial: number;
}

/** Queues DATE(1904,1,1); after the sync: the date system, or null where functions are missing. */
export function queueDateSystem(ctx: Ctx, api: ApiSets): () => DateSystem | null {
  if (!api.has('1.2')) return () => null;
  const r = ctx.workbook.functions.date(1904, 1, 1);
  r.load('value');
  return () => (typeof r.value === 'number' ? (r.value < DATE1904_OFFSET / 2 ? 1904 : 1900) : null);
}

const year = (iso: string): string => iso.slice(0, 4);

/** ExcelApi 1.1: compares the years of a few date cells' text with both readings (one sync). */
export async function dateSystemFromText(ctx: Ctx, cells: DateCell[]): Promise<DateSystem> {
  const sample = cells.slice(0, 12).map((c) => {
    const r = c.ws.getCell(c.row, c.col);
    r.load('text');
    return { c, r };
  });
  await ctx.sync();
  let votes = 0;
  for (const { c, r } of sample) {
    const text = String(r.text?.[0]?.[0] ?? '');
    const y1900 = year(serialToIso(c.serial, false));
    const y1904 = year(serialToIso(c.serial, true));
    const has = (y: string): boolean => text.includes(y) || new RegExp(`(^|\\D)${y.slice(2)}(\\D|$)`).test(text);
    if (has(y1904) && !has(y1900)) votes++;
    else if (has(y1900) && !has(y1904)) votes--;
  }
  return votes > 0 ? 1904 : 1900;
}

/** Reads the collected date cells again in the 1904 system. */
export function rereadAs1904(cells: DateCell[]): void {
  for (const c of cells) {
    const cell = c.sheet.cells[c.row]?.[c.col];
    if (cell) cell.v = serialToIso(c.serial, true);
  }
}
