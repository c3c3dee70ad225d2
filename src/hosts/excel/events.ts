// Selection both ways: the pane selects a finding's cell; the user's selection in Excel moves the
// pane's current finding.
import { splitAddress } from './cells';
import type { Ctx } from './env';
import { friendly } from './errors';
import type { HostState } from './state';

export async function select(s: HostState, sheet: string, address: string): Promise<void> {
  if (s.hiddenSheets.has(sheet)) throw new Error(`工作表“${sheet}”已隐藏，无法定位到 ${address}。请先取消隐藏该工作表。`);
  await s.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address.replace(/\$/g, '')).select();
    try {
      await ctx.sync();
    } catch (e) {
      throw friendly(e, `无法定位到“${sheet}”!${address}`);
    }
  });
}

type Handle = OfficeExtension.EventHandlerResult<unknown>;

/** Removes an event handler in the context it was added in (remove() is a queued command). */
async function removeHandler(s: HostState, h: Handle): Promise<void> {
  const ctx = h.context as unknown as Ctx;
  if (!s.env.runIn) {
    h.remove();
    await ctx.sync();
    return;
  }
  await s.env.runIn(ctx, async (c) => {
    h.remove();
    await c.sync();
  });
}

export function onSelectionChanged(s: HostState, cb: (sheet: string, address: string) => void): () => void {
  let handle: Handle | null = null;
  let cancelled = false;
  const byWorksheet = s.api.has('1.9');
  if (!byWorksheet && !s.api.has('1.2')) return () => undefined;
  void s.env
    .run(async (ctx) => {
      if (byWorksheet) {
        handle = ctx.workbook.worksheets.onSelectionChanged.add(async (args: Excel.WorksheetSelectionChangedEventArgs) => {
          const known = s.sheetIds.get(args.worksheetId);
          if (known) return cb(known, args.address);
          await s.run(async (c2) => {
            const ws = c2.workbook.worksheets.getItem(args.worksheetId);
            ws.load('name');
            await c2.sync();
            s.sheetIds.set(args.worksheetId, ws.name);
            cb(ws.name, args.address);
          });
        }) as unknown as Handle;
      } else {
        // ExcelApi 1.2: the workbook event carries no address; ask for the selection.
        handle = ctx.workbook.onSelectionChanged.add(async () => {
          await s.run(async (c2) => {
            const r = c2.workbook.getSelectedRange();
            r.load('address');
            await c2.sync();
            const { sheet, range } = splitAddress(r.address);
            cb(sheet, range.split(':')[0]);
          });
        }) as unknown as Handle;
      }
      await ctx.sync();
      if (cancelled) await removeHandler(s, handle);
    })
    .catch(() => undefined); // selection sync is a convenience: never break the pane over it
  return () => {
    cancelled = true;
    if (handle) void removeHandler(s, handle).catch(() => undefined);
  };
}
