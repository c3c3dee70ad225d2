// Reading the workbook into a snapshot. Design rules:
// - few round trips: reading any number of sheets takes 2 context.sync calls (plus one per
//   ~4 MB of data on big sheets, to stay under Excel on the web's 5 MB payload limit);
// - never read a proxy property that was not loaded and synced;
// - ExcelApi 1.1 is the floor: older sets read the used ranges whole, without merges.
import { a1 } from '../../core/address';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { Progress } from '../types';
import { MARKS_SHEET } from '../file/mark-style';
import { fillCells, utf8JsonBytes, type DateSystem } from './cells';
import { mergesFromXlsx } from './file-merges';
import { dateSystemFromText, queueDateSystem, rereadAs1904, type DateCell } from './dates';
import type { Ctx } from './env';
import { isCellEditError, isPayloadError } from './errors';
import { addMerges, readMergesBanded } from './merges';
import { listSheets, sheetInfo, walkSheets, type SheetInfo } from './sheets';
import type { HostState } from './state';

export class SnapshotReader {
  /** Set when the host rejected the one-sync sheet walk; later reads use the plain path. */
  private walkUnsupported = false;
  private sheetCountHint = 0;

  constructor(private readonly s: HostState) {}

  async read(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    const { snapshot, infos } = await this.readInRun(onProgress);
    // Before ExcelApi 1.13 Excel cannot say which cells are merged: the saved file can.
    if (!this.s.api.has('1.13') && this.s.env.documentFile) await this.addFileMerges(snapshot, this.s.env.documentFile, onProgress);
    this.s.remember(snapshot.sheets, infos);
    onProgress?.({ fraction: 1, message: `已读取 ${snapshot.sheets.length} 张工作表` });
    return snapshot;
  }

  private async addFileMerges(snapshot: WorkbookSnapshot, file: () => Promise<Uint8Array>, onProgress?: (p: Progress) => void): Promise<void> {
    onProgress?.({ fraction: 0.95, message: '正在读取合并单元格…' });
    try {
      const merges = await mergesFromXlsx(await file());
      for (const sheet of snapshot.sheets) sheet.merges = merges.get(sheet.name) ?? sheet.merges;
    } catch {
      // Without them the read is what it was (capabilities() says merges may be missing).
    }
  }

  private readInRun(onProgress?: (p: Progress) => void): Promise<{ snapshot: WorkbookSnapshot; infos: SheetInfo[] }> {
    const { api } = this.s;
    onProgress?.({ fraction: 0, message: '正在读取工作表列表…' });
    return this.s.run(async (ctx) => {
      const wb = ctx.workbook;
      const wantName = api.has('1.7');
      let dateSystem: () => DateSystem | null = () => null;
      const firstRequest = () => {
        if (wantName) wb.load('name');
        dateSystem = queueDateSystem(ctx, api);
      };
      firstRequest();
      const dates: DateCell[] = [];
      let sheets: SheetSnapshot[];
      let infos: SheetInfo[];
      if (!api.has('1.5')) {
        // Excel 2016-era desktop: no payload limit there (the 5 MB limit is Excel on the web's,
        // which always has the newest API sets), so the used ranges are read in the second sync.
        ({ sheets, infos } = await this.readDirect(ctx, () => dateSystem(), dates, onProgress));
      } else {
        infos = await this.listWithSizes(ctx, firstRequest);
        const total = infos.reduce((n, s) => n + (s.used ? s.used.rows * s.used.cols : 0), 0);
        onProgress?.({ fraction: 0.1, message: `共 ${infos.length} 张工作表，正在读取单元格…` });
        sheets = await this.readCells(ctx, infos, dateSystem() ?? 1900, (done) => onProgress?.({ fraction: 0.1 + 0.9 * (total ? done / total : 1), message: `已读取 ${done} / ${total} 个单元格` }));
      }
      // ExcelApi 1.1 cannot ask for the date system: the dates were read as 1900 dates; check them.
      if (dateSystem() === null && dates.length > 0 && (await dateSystemFromText(ctx, dates)) === 1904) rereadAs1904(dates);
      return { snapshot: { name: wantName ? wb.name : '当前工作簿', sheets }, infos };
    });
  }

  /** Sync 1 (ExcelApi 1.5+): the sheets and the size of their used ranges (see sheets.ts). */
  private async listWithSizes(ctx: Ctx, firstRequest: () => void): Promise<SheetInfo[]> {
    const { api } = this.s;
    let infos: SheetInfo[];
    if (!this.walkUnsupported) {
      try {
        // firstRequest was queued already: it goes with the first walk request
        infos = await walkSheets(ctx, api, Math.max(this.s.opts.lookahead, this.sheetCountHint + 8));
      } catch (e) {
        if (isPayloadError(e) || isCellEditError(e)) throw e;
        // A host that rejects calls on null objects: fall back to listing, then sizing.
        this.walkUnsupported = true;
        infos = await listSheets(ctx, api, firstRequest); // the failed batch took the first loads with it
      }
    } else {
      infos = await listSheets(ctx, api);
    }
    infos = this.withoutRecordSheet(infos);
    this.sheetCountHint = infos.length;
    return infos;
  }

  /** The sheets but the offline page's record sheet, noting whether there is one (fileMarks). */
  private withoutRecordSheet<T extends { name: string }>(sheets: T[]): T[] {
    this.s.fileMarks = sheets.some((s) => s.name === MARKS_SHEET);
    return sheets.filter((s) => s.name !== MARKS_SHEET);
  }

  /**
   * ExcelApi 1.1–1.4: list the sheets, then read every used range whole (2 syncs). A range over
   * Excel's 5,000,000 cells per read (a format far down stretches the used range of 1.1, which has
   * no valuesOnly) fails that batch: then the ranges are sized and read in chunks instead.
   */
  private async readDirect(ctx: Ctx, system: () => DateSystem | null, dates: DateCell[], onProgress?: (p: Progress) => void): Promise<{ sheets: SheetSnapshot[]; infos: SheetInfo[] }> {
    const { api } = this.s;
    const wss = ctx.workbook.worksheets;
    wss.load(api.has('1.2') ? 'items/name,items/visibility,items/id,items/protection/protected' : 'items/name,items/visibility,items/id');
    await ctx.sync();
    const items = this.withoutRecordSheet(wss.items);
    onProgress?.({ fraction: 0.1, message: `共 ${items.length} 张工作表，正在读取单元格…` });
    // valuesOnly is an ExcelApi 1.2 parameter: Excel 2016 RTM (1.1) gets the formatted range.
    const usedOf = (ws: Excel.Worksheet): Excel.Range => (api.has('1.2') ? ws.getUsedRange(true) : ws.getUsedRange());
    const ranges = items.map((ws) => {
      const used = usedOf(ws);
      used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
      return used;
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) || isCellEditError(e)) throw e;
      const sizes = items.map((ws) => usedOf(ws).load('rowIndex,columnIndex,rowCount,columnCount'));
      await ctx.sync();
      const infos = items.map((ws, i) => sheetInfo(api, ws, sizes[i]));
      return { sheets: await this.readCells(ctx, infos, system() ?? 1900, () => undefined, dates), infos };
    }
    const infos = items.map((ws, i) => sheetInfo(api, ws, ranges[i]));
    const sheets = infos.map((info, i) => {
      const sheet = emptySheet(info);
      const used = ranges[i];
      fillCells(sheet, used.rowIndex, used.columnIndex, used, system() ?? 1900, (row, col, serial) => dates.push({ sheet, ws: info.ws, row, col, serial }));
      return sheet;
    });
    return { sheets, infos };
  }

  /**
   * Sync 2 (and more only for big data): values, formulas and number formats of every used
   * range plus merged areas, packed into batches under the payload budget. Big sheets are read
   * in row chunks; the bytes-per-cell estimate is refined from what came back, and a batch the
   * host still finds too large is retried with half the rows.
   */
  private async readCells(ctx: Ctx, infos: SheetInfo[], system: DateSystem, progress: (done: number) => void, dates?: DateCell[]): Promise<SheetSnapshot[]> {
    const sheets = infos.map(emptySheet);
    const pending: Span[] = [];
    infos.forEach((s, i) => {
      if (s.used) pending.push({ sheet: i, r0: 0, rows: s.used.rows });
    });
    let bytesPerCell = 40;
    let mergesLoaded = !this.s.api.has('1.13') || pending.length === 0;
    /** Set when one call for a sheet's merges failed (more than 512 areas): read them in bands. */
    let mergesBanded = false;
    const mergeAreas: { sheet: number; areas: Excel.RangeAreas }[] = [];
    let done = 0;
    let attempts = 0;
    while (pending.length > 0 || (!mergesLoaded && !mergesBanded)) {
      const batch = takeBatch(pending, infos, this.s.opts.budget, bytesPerCell);
      const loads = batch.map((span) => {
        const u = infos[span.sheet].used!;
        const r1 = u.row + span.r0;
        const range = infos[span.sheet].ws.getRange(`${a1(r1, u.col)}:${a1(r1 + span.rows - 1, u.col + u.cols - 1)}`);
        range.load('values,formulas,numberFormat');
        return { span, range };
      });
      if (!mergesLoaded && !mergesBanded) {
        infos.forEach((s, i) => {
          if (!s.used) return;
          // The merges of the formatted area too: a merged title may reach past the data.
          const areas = s.ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject();
          areas.load('address');
          mergeAreas.push({ sheet: i, areas });
        });
      }
      try {
        await ctx.sync();
      } catch (e) {
        if (!isPayloadError(e) && mergeAreas.length > 0 && !mergesBanded) {
          // getMergedAreasOrNullObject fails past 512 areas (documented), taking the whole
          // batch with it: read the cells again without it, and the merges in row bands after.
          mergesBanded = true;
          pending.unshift(...mergeSpans(batch));
          mergeAreas.length = 0;
          continue;
        }
        if (!isPayloadError(e) || ++attempts > 12) throw e;
        // Too much for one round trip after all: put the spans back and halve the estimate's room.
        pending.unshift(...mergeSpans(batch));
        bytesPerCell *= 2;
        mergeAreas.length = 0;
        continue;
      }
      if (!mergesLoaded && !mergesBanded) {
        for (const { sheet, areas } of mergeAreas) if (!areas.isNullObject) addMerges(sheets[sheet], areas.address);
        mergesLoaded = true;
      }
      let bytes = 0;
      let cells = 0;
      for (const { span, range } of loads) {
        const u = infos[span.sheet].used!;
        bytes += utf8JsonBytes(range.values) + utf8JsonBytes(range.formulas) + utf8JsonBytes(range.numberFormat);
        cells += span.rows * u.cols;
        const sheet = sheets[span.sheet];
        fillCells(sheet, u.row + span.r0, u.col, range, system, dates && ((row, col, serial) => dates.push({ sheet, ws: infos[span.sheet].ws, row, col, serial })));
      }
      done += cells;
      progress(done);
      // Learn the real density (long Chinese labels cost more than numbers), with a margin.
      if (cells > 0) bytesPerCell = Math.max(8, Math.ceil((bytes / cells) * 1.25));
    }
    if (mergesBanded) await readMergesBanded(ctx, infos, sheets);
    return sheets;
  }
}

type Span = { sheet: number; r0: number; rows: number };

function emptySheet(info: SheetInfo): SheetSnapshot {
  const sheet: SheetSnapshot = { name: info.name, cells: [], merges: [] };
  if (info.protected) sheet.protected = true;
  if (info.hidden) sheet.hidden = true;
  return sheet;
}

/** The next spans of rows that fit the budget (always at least one row). */
function takeBatch(pending: Span[], infos: SheetInfo[], budget: number, bytesPerCell: number): Span[] {
  const batch: Span[] = [];
  let room = budget;
  while (pending.length > 0) {
    const span = pending[0];
    const cols = infos[span.sheet].used!.cols;
    const fit = Math.floor(room / (cols * bytesPerCell));
    if (fit <= 0 && batch.length > 0) break;
    const rows = Math.max(1, Math.min(span.rows, fit));
    batch.push({ sheet: span.sheet, r0: span.r0, rows });
    room -= rows * cols * bytesPerCell;
    if (rows === span.rows) pending.shift();
    else pending[0] = { sheet: span.sheet, r0: span.r0 + rows, rows: span.rows - rows };
    if (room <= 0) break;
  }
  return batch;
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.sheet === s.sheet && last.r0 + last.rows === s.r0) last.rows += s.rows;
    else out.push({ ...s });
  }
  return out;
}
