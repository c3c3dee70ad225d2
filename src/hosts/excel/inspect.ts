// The first round of a marks batch: which sheets exist now (by id, then name), plus the probes of
// what is in the cells (fills, notes). Probes are queued optimistically in the same sync; when
// that batch fails — a sheet recorded earlier is gone and this Excel rejects calls on null
// objects, or an address no longer resolves — the round is redone carefully: the sheets first,
// then probes on the sheets that exist. One bad record never blocks the rest.
import type { Ctx } from './env';
import { isCellEditError, isPayloadError } from './errors';
import { SheetTable, type SheetRef } from './sheet-table';
import type { HostState } from './state';

/** Queues probes; `sheet(ref)` gives a worksheet proxy, or null when the sheet is known to be gone. */
export type Probes = (sheet: (ref: SheetRef) => Excel.Worksheet | null) => Promise<void>;

export async function inspect(ctx: Ctx, s: HostState, probes: Probes, extra: () => void = () => undefined): Promise<SheetTable> {
  try {
    const table = SheetTable.queue(ctx, s.api);
    const proxies = new Map<string, Excel.Worksheet>();
    extra();
    await probes((ref) => {
      const key = ref.sheetId ?? ref.sheet;
      let ws = proxies.get(key);
      if (!ws) {
        ws = s.api.has('1.4') ? ctx.workbook.worksheets.getItemOrNullObject(key) : ctx.workbook.worksheets.getItem(key);
        proxies.set(key, ws);
      }
      return ws;
    });
    await ctx.sync();
    return table();
  } catch (e) {
    if (isPayloadError(e) || isCellEditError(e)) throw e;
  }
  const table = SheetTable.queue(ctx, s.api);
  extra();
  await ctx.sync();
  const t = table();
  await probes((ref) => t.find(ref)?.ws ?? null);
  await ctx.sync();
  return t;
}
