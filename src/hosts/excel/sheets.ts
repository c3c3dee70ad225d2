// Listing the worksheets and the size of their used ranges (the first sync of a read).
import type { ApiSets, Ctx } from './env';

export interface SheetInfo {
  name: string;
  id: string;
  hidden: boolean;
  protected?: boolean;
  used: { row: number; col: number; rows: number; cols: number } | null;
  ws: Excel.Worksheet;
}

/** A sheet's info from its loaded name, visibility, id (and protection, ExcelApi 1.2) and its used range's loaded size. */
export function sheetInfo(api: ApiSets, ws: Excel.Worksheet, used: Excel.Range | null): SheetInfo {
  const out: SheetInfo = {
    name: ws.name,
    id: ws.id,
    hidden: ws.visibility !== 'Visible',
    used: used ? { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount } : null,
    ws,
  };
  if (api.has('1.2')) out.protected = ws.protection.protected;
  return out;
}

/**
 * Sync 1 (ExcelApi 1.5+): walks the worksheets with getFirst/getNextOrNullObject and, in the
 * same batch, asks each for its used range's position and size, so the number of sheets does
 * not add round trips. Links past the last sheet are null objects and load nothing.
 * `beforeSync` queues whatever else belongs in the first request.
 */
export async function walkSheets(ctx: Ctx, api: ApiSets, lookahead: number, beforeSync: () => void = () => undefined): Promise<SheetInfo[]> {
  const out: SheetInfo[] = [];
  let start: Excel.Worksheet | null = null;
  for (;;) {
    const links: { ws: Excel.Worksheet; used: Excel.Range }[] = [];
    let ws: Excel.Worksheet = start ? start.getNextOrNullObject() : ctx.workbook.worksheets.getFirst();
    for (let i = 0; i < lookahead; i++) {
      ws.load('name,visibility,id');
      if (api.has('1.2')) ws.protection.load('protected');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      links.push({ ws, used });
      if (i < lookahead - 1) ws = ws.getNextOrNullObject();
    }
    if (!start) beforeSync();
    await ctx.sync();
    let last: Excel.Worksheet | null = null;
    for (const [i, l] of links.entries()) {
      // The first link of the first round comes from getFirst(): never a null object.
      if ((start || i > 0) && l.ws.isNullObject) return out;
      out.push(sheetInfo(api, l.ws, l.used.isNullObject ? null : l.used));
      last = l.ws;
    }
    start = last; // more sheets than the look-ahead: continue from the last one
  }
}

/** The plain path: sync A lists the sheets, sync B sizes their used ranges. */
export async function listSheets(ctx: Ctx, api: ApiSets, beforeSync: () => void = () => undefined): Promise<SheetInfo[]> {
  const wss = ctx.workbook.worksheets;
  wss.load(api.has('1.2') ? 'items/name,items/visibility,items/id,items/protection/protected' : 'items/name,items/visibility,items/id');
  beforeSync();
  await ctx.sync();
  const ranges = wss.items.map((ws) => {
    const used = api.has('1.4') ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used };
  });
  await ctx.sync();
  return ranges.map(({ ws, used }) => sheetInfo(api, ws, used.isNullObject ? null : used));
}
