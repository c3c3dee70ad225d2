// The worksheets as they are now, for batches that touch cells recorded earlier: a sheet may have
// been renamed (found again by its id) or deleted (skipped) since.
import type { ApiSets, Ctx } from './env';

export interface SheetRef {
  sheet: string;
  /** Worksheet.id (ExcelApi 1.1): survives renaming. */
  sheetId?: string;
}

export interface LiveSheet {
  id: string;
  name: string;
  protected: boolean;
  ws: Excel.Worksheet;
}

export class SheetTable {
  private readonly byId = new Map<string, LiveSheet>();
  private readonly byName = new Map<string, LiveSheet>();

  private constructor(items: LiveSheet[]) {
    for (const s of items) {
      this.byId.set(s.id, s);
      this.byName.set(s.name.toLowerCase(), s);
    }
  }

  /** Queues the load of every worksheet's name, id and protection; the table is ready after the sync. */
  static queue(ctx: Ctx, api: ApiSets): () => SheetTable {
    const wss = ctx.workbook.worksheets;
    wss.load(api.has('1.2') ? 'items/name,items/id,items/protection/protected' : 'items/name,items/id');
    return () => new SheetTable(wss.items.map((ws) => ({ id: ws.id, name: ws.name, protected: api.has('1.2') && ws.protection.protected, ws })));
  }

  find(ref: SheetRef): LiveSheet | null {
    return (ref.sheetId ? this.byId.get(ref.sheetId) : undefined) ?? this.byName.get(ref.sheet.toLowerCase()) ?? null;
  }
}

/** Queues the load of workbook structure protection (ExcelApi 1.7); false after the sync when unknown. */
export function queueWorkbookProtection(ctx: Ctx, api: ApiSets): () => boolean {
  if (!api.has('1.7')) return () => false;
  const p = ctx.workbook.protection;
  p.load('protected');
  return () => p.protected;
}
