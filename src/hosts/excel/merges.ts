// Merged areas: read with the cells when Excel allows, in row bands when a sheet has too many.
import { a1, parseRangeA1 } from '../../core/address';
import type { SheetSnapshot } from '../../core/snapshot';
import type { Ctx } from './env';
import { isPayloadError } from './errors';
import { splitAddress } from './cells';
import type { SheetInfo } from './sheets';

/** Rows per call when a sheet's merges must be read in bands (see readMergesBanded). */
const MERGE_BAND_ROWS = 200;
/** Bands per sync: ~3 small commands each, far under the request limit. */
const MERGE_BANDS_PER_SYNC = 400;

/**
 * Adds the areas of a RangeAreas address ("'表'!A1:F1, '表'!A4:C4") to a sheet. A sheet name
 * with a comma splits into a fragment without '!', which parses as nothing and is skipped.
 */
export function addMerges(sheet: SheetSnapshot, address: string, seen?: Set<string>): void {
  for (const part of address.split(',')) {
    const r = parseRangeA1(splitAddress(part.trim()).range.replace(/\$/g, ''));
    if (!r) continue;
    const k = `${r.r1},${r.c1},${r.r2},${r.c2}`;
    if (seen?.has(k)) continue;
    seen?.add(k);
    sheet.merges.push(r);
  }
}

/**
 * The merges of sheets with more than Excel's 512 merged areas per call: the formatted used
 * range (one sync), then row bands of it, MERGE_BAND_ROWS at a time, halved while Excel still
 * refuses. A band reports the merges whose top-left cell it holds (office-js issue #3611), so
 * each merge comes from exactly one band; duplicates are dropped all the same.
 */
export async function readMergesBanded(ctx: Ctx, infos: SheetInfo[], sheets: SheetSnapshot[]): Promise<void> {
  const boxes = infos.map((s) => {
    if (!s.used) return null;
    const r = s.ws.getUsedRangeOrNullObject(false);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return r;
  });
  await ctx.sync();
  type Band = { sheet: number; r0: number; rows: number };
  let queue: Band[] = [];
  boxes.forEach((b, i) => {
    if (!b || b.isNullObject) return;
    for (let r = 0; r < b.rowCount; r += MERGE_BAND_ROWS) queue.push({ sheet: i, r0: b.rowIndex + r, rows: Math.min(MERGE_BAND_ROWS, b.rowCount - r) });
  });
  const seen = sheets.map((s) => new Set(s.merges.map((m) => `${m.r1},${m.c1},${m.r2},${m.c2}`)));
  while (queue.length > 0) {
    const group = queue.slice(0, MERGE_BANDS_PER_SYNC);
    const loads = group.map((b) => {
      const box = boxes[b.sheet]!;
      const addr = `${a1(b.r0, box.columnIndex)}:${a1(b.r0 + b.rows - 1, box.columnIndex + box.columnCount - 1)}`;
      const areas = infos[b.sheet].ws.getRange(addr).getMergedAreasOrNullObject();
      areas.load('address');
      return areas;
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) || group.every((b) => b.rows === 1)) throw e;
      // Which band failed is not reported: halve them all (at most ~8 rounds from 200 rows).
      const halves = group.flatMap((b) => {
        if (b.rows === 1) return [b];
        const h = Math.ceil(b.rows / 2);
        return [
          { sheet: b.sheet, r0: b.r0, rows: h },
          { sheet: b.sheet, r0: b.r0 + h, rows: b.rows - h },
        ];
      });
      queue = [...halves, ...queue.slice(group.length)];
      continue;
    }
    group.forEach((b, k) => {
      const areas = loads[k];
      if (!areas.isNullObject) addMerges(sheets[b.sheet], areas.address, seen[b.sheet]);
    });
    queue = queue.slice(group.length);
  }
}
