// The Excel host: every Office.js call of the add-in lives here. Design rules:
// - few round trips: reading any number of sheets takes 2 context.sync calls (plus one per
//   ~4 MB of data on big sheets, to stay under Excel on the web's 5 MB payload limit); marking
//   and clearing any number of cells takes 2 (one to read what is there, one to write);
// - never read a proxy property that was not loaded and synced;
// - feature-detect requirement sets and degrade (ExcelApi 1.1 is the floor), saying in Chinese
//   what is unavailable (capabilities().limits);
// - marks are reversible: the original fill and note of every marked cell are
//   recorded in the document's settings (key 'juesuan.marks') before anything is painted, so
//   "清除标记" restores them exactly, even after the workbook was saved, closed and reopened.
//
// Why Office.context.document.settings for the record (and not workbook.settings): the common
// API's settings are loaded with the add-in and read synchronously, so the record is known
// before the first sync and highlight/clear stay at 2 syncs; they exist on every Excel version
// (ExcelApi 1.1 included) and saveAsync stores them in the document.
//
// Why fill.pattern and fill.tintAndShade: Excel reports a cell with No Fill as fill.color
// '#FFFFFF', the same as an explicit white fill, yet the two differ (white hides the gridlines).
// From ExcelApi 1.9 the fill tells them apart: pattern 'None', or, on builds that report a null
// pattern for both, tintAndShade null for No Fill and a number for any fill (the Excel team's
// advice in office-js issue #4900). We load color, pattern, patternColor and tintAndShade on
// each target cell (single cells, so no "mixed" nulls; getCellProperties would give the same for
// a multi-cell range, which we never need). Before 1.9 white is restored as No Fill, and
// capabilities() says so. fill.color is the colour shown, tint included (as VBA's Interior.Color),
// so a restore sets that colour and not the tint again (a theme fill comes back as plain RGB).
//
// Why the font is left alone: Office.js reports an "Automatic" font colour as '#000000' and has
// no way to set a colour back to Automatic, so a mark that recoloured text could not be undone
// exactly. The light fills keep black text readable; the severity is in the fill and the note.
import { a1, parseA1, parseRangeA1, quoteSheet } from '../../core/address';
import type { Finding, Severity, SuggestedFix } from '../../core/findings';
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { MergeIndex } from '../../core/snapshot';
import type { AppliedFix, HostCapabilities, OutputCell, OutputSheet, Progress, WorkbookHost } from '../types';
import { groupFindings, MARK_STYLES, MARKS_SETTING, MARKS_SHEET, NOTE_PREFIX, noteText } from '../file/mark-style';

// ---------------------------------------------------------------------------------------------
// Environment (injectable so tests can run against a fake object model)

type Ctx = Excel.RequestContext;

export interface ExcelEnv {
  run<T>(batch: (ctx: Ctx) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  settings: Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;
  /**
   * Excel.run(context, batch): a batch in an earlier run's context, the documented way to
   * remove an event handler (Excel.run(eventResult.context, …)). Without it we sync that context directly.
   */
  runIn?<T>(ctx: Ctx, batch: (ctx: Ctx) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Bytes of cell data per sync (below the 5 MB limit, leaving room for JSON overhead). */
  payloadBudget?: number;
  /** How many worksheets the first sync looks ahead (more costs nothing but a longer request). */
  sheetLookahead?: number;
}

function defaultEnv(): ExcelEnv {
  return {
    // While the user is typing in a cell, Excel fails every batch (InvalidOperationInCellEditMode);
    // from ExcelApi 1.11 it can hold the batch until the edit ends instead.
    run: (batch) => (Office.context.requirements.isSetSupported('ExcelApi', '1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)),
    runIn: (ctx, batch) => Excel.run(ctx, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    get settings() {
      return Office.context.document.settings;
    },
  };
}

/** Wraps the fake or real globals: `fromGlobals({ Excel, Office })`. */
export function envFrom(g: { Excel: { run: unknown }; Office: unknown }): ExcelEnv {
  const office = g.Office as typeof Office;
  const run = g.Excel.run as ExcelEnv['run'];
  const runIn = g.Excel.run as <T>(ctx: Ctx, batch: (ctx: Ctx) => Promise<T>) => Promise<T>;
  return {
    run: (batch) => run(batch),
    runIn: (ctx, batch) => runIn(ctx, batch),
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
    get settings() {
      return office.context.document.settings;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Marks record

interface OriginalFill {
  /** null = No Fill. */
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

interface ExcelMark {
  sheet: string;
  address: string;
  severity: Severity;
  fill: OriginalFill;
  /** How the message was attached: a note (1.18), a comment (1.10) or nothing. */
  noteKind: 'note' | 'comment' | null;
  /** The user's own note we replaced (restored on clear); null when the cell had none. */
  originalNote: string | null;
}

interface MarksRecord {
  version: 1;
  marks: ExcelMark[];
}

const markKey = (sheet: string, address: string): string => `${sheet}\u0000${address}`;

// ---------------------------------------------------------------------------------------------
// Reading helpers

/** Cell errors as Excel shows them in Range.values. */
export const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** A date/time number format (so a serial number is shown as a date, as exceljs gives it). */
export function isDateFormat(z: string): boolean {
  const bare = z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /(^|[^0#?])m{1,4}[-/.]/i.test(bare);
}

export function serialToIso(serial: number): string {
  // Excel's 1900 date system (with its phantom 29 Feb 1900): serial 25569 = 1970-01-01.
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

function toCell(value: unknown, formula: unknown, format: unknown): Cell | undefined {
  const z = typeof format === 'string' && format !== 'General' ? format : undefined;
  const f = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 ? formula.slice(1) : undefined;
  let v: CellValue;
  if (value === '' || value === null || value === undefined) v = null;
  else if (typeof value === 'string' && ERROR_VALUES.has(value)) v = { error: value };
  else if (typeof value === 'number' && z && isDateFormat(z)) v = serialToIso(value);
  else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') v = value;
  else v = String(value);
  if (v === null && !f) return undefined;
  const cell: Cell = { v };
  if (f) cell.f = f;
  if (z) cell.z = z;
  return cell;
}

/** UTF-8 size of a JSON value, without building the string twice for big arrays. */
function utf8JsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) n += 2;
  return n;
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code) || /payload size/i.test(String((e as Error)?.message));
}

function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: address };
  const s = address.slice(0, bang);
  return { sheet: s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s, range: address.slice(bang + 1) };
}

interface SheetInfo {
  name: string;
  id: string;
  hidden: boolean;
  protected?: boolean;
  used: { row: number; col: number; rows: number; cols: number } | null;
  ws: Excel.Worksheet;
}

/** Estimated request+response bytes of one marked cell's commands (object paths, actions). */
const CELL_COMMAND_BYTES = 1000;

/**
 * Queues commands into as few syncs as the payload budget allows: normally all in one, but a
 * very long list of marks is split rather than failing with RequestPayloadSizeLimitExceeded.
 */
class Rounds {
  private used = 0;
  constructor(
    private readonly ctx: Ctx,
    private readonly budget: number,
  ) {}
  async room(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) {
      await this.ctx.sync();
      this.used = 0;
    }
    this.used += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.used = 0;
  }
}

/** Rows per call when a sheet's merges must be read in bands (see readMergesBanded). */
const MERGE_BAND_ROWS = 200;
/** Bands per sync: ~3 small commands each, far under the request limit. */
const MERGE_BANDS_PER_SYNC = 400;

/**
 * Adds the areas of a RangeAreas address ("'表'!A1:F1, '表'!A4:C4") to a sheet. A sheet name
 * with a comma splits into a fragment without '!', which parses as nothing and is skipped.
 */
function addMerges(sheet: SheetSnapshot, address: string, seen?: Set<string>): void {
  for (const part of address.split(',')) {
    const r = parseRangeA1(splitAddress(part.trim()).range.replace(/\$/g, ''));
    if (!r) continue;
    const k = `${r.r1},${r.c1},${r.r2},${r.c2}`;
    if (seen?.has(k)) continue;
    seen?.add(k);
    sheet.merges.push(r);
  }
}

/** Points per character of column width (Calibri 11: 8.43 characters = 64 px = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly env: ExcelEnv;
  private readonly budget: number;
  private readonly lookahead: number;
  private merges = new Map<string, MergeIndex>();
  private sheetIds = new Map<string, string>();
  private hiddenSheets = new Set<string>();
  /** Set when the host rejected the one-sync sheet walk; later reads use the plain path. */
  private walkUnsupported = false;
  private sheetCountHint = 0;
  /** The last read saw marks saved by the offline page (file host) in this workbook. */
  private fileMarks = false;

  constructor(env?: ExcelEnv, opts: ExcelHostOptions = {}) {
    this.env = env ?? defaultEnv();
    this.budget = opts.payloadBudget ?? 4 * 1024 * 1024;
    this.lookahead = opts.sheetLookahead ?? 128;
  }

  private api(v: string): boolean {
    try {
      return this.env.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  }

  async capabilities(): Promise<HostCapabilities> {
    const limits: string[] = [];
    if (!this.api('1.1')) {
      return { highlight: false, notes: false, writeSheets: false, limits: ['此 Excel 版本不支持加载项所需的 ExcelApi 1.1，请升级到 Excel 2016 或更高版本。'] };
    }
    const notes = this.api('1.18') || this.api('1.10');
    if (!this.api('1.18') && this.api('1.10')) limits.push('此 Excel 版本不支持“备注”（需要 ExcelApi 1.18）：问题说明将以批注形式添加，清除标记时一并删除。');
    if (!notes) limits.push('此 Excel 版本不支持批注或备注（需要 ExcelApi 1.10 或 1.18）：标记只有底色，问题说明请在任务窗格中查看。');
    if (!this.api('1.9')) limits.push('此 Excel 版本无法区分“无填充”和“白色填充”（需要 ExcelApi 1.9）：清除标记时，原为白色填充的单元格将恢复为无填充。');
    if (!this.api('1.13')) limits.push('此 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13）：跨列表头的识别可能不准确，建议升级到 Microsoft 365 或 Excel 2021 以上版本。');
    if (!this.api('1.2')) limits.push('此 Excel 版本无法检测工作表保护（需要 ExcelApi 1.2）：写入受保护的工作表时才会报错；也无法设置列宽。');
    if (!this.api('1.2')) limits.push('此 Excel 版本不支持选区变化事件（需要 ExcelApi 1.2）：在表格中点选单元格时，任务窗格不会自动跳到对应问题。');
    return { highlight: true, notes, writeSheets: true, limits };
  }

  // ---- reading -------------------------------------------------------------------------

  async readSnapshot(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    onProgress?.({ fraction: 0, message: '正在读取工作表列表…' });
    return this.env.run(async (ctx) => {
      const wb = ctx.workbook;
      const wantName = this.api('1.7');
      if (wantName) wb.load('name');
      let infos: SheetInfo[];
      if (!this.api('1.5')) {
        // Excel 2016-era desktop: no payload limit there (the 5 MB limit is Excel on the web's,
        // which always has the newest API sets), so the used ranges are read in the second sync.
        const sheets = await this.readDirect(ctx, onProgress);
        this.remember(sheets, []);
        return { name: wantName ? wb.name : '当前工作簿', sheets };
      }
      if (!this.walkUnsupported) {
        try {
          infos = await this.walkSheets(ctx);
        } catch (e) {
          if (isPayloadError(e)) throw e;
          // A host that rejects calls on null objects: fall back to listing, then sizing.
          this.walkUnsupported = true;
          if (wantName) wb.load('name'); // the failed batch took this load with it
          infos = await this.listSheets(ctx);
        }
      } else {
        infos = await this.listSheets(ctx);
      }
      const name = wantName ? wb.name : '当前工作簿';
      this.fileMarks = infos.some((s) => s.name === MARKS_SHEET);
      infos = infos.filter((s) => s.name !== MARKS_SHEET);
      this.sheetCountHint = infos.length;
      const total = infos.reduce((n, s) => n + (s.used ? s.used.rows * s.used.cols : 0), 0);
      onProgress?.({ fraction: 0.1, message: `共 ${infos.length} 张工作表，正在读取单元格…` });
      const sheets = await this.readCells(ctx, infos, (done) => onProgress?.({ fraction: 0.1 + 0.9 * (total ? done / total : 1), message: `已读取 ${done} / ${total} 个单元格` }));
      this.remember(sheets, infos);
      onProgress?.({ fraction: 1, message: `已读取 ${sheets.length} 张工作表` });
      return { name, sheets };
    });
  }

  private remember(sheets: SheetSnapshot[], infos: { id: string; name: string }[]): void {
    this.merges = new Map(sheets.map((s) => [s.name, new MergeIndex(s.merges)]));
    if (infos.length) this.sheetIds = new Map(infos.map((s) => [s.id, s.name]));
    this.hiddenSheets = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
  }

  /** ExcelApi 1.1–1.4: list the sheets, then read every used range whole (2 syncs). */
  private async readDirect(ctx: Ctx, onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    const wss = ctx.workbook.worksheets;
    wss.load(this.api('1.2') ? 'items/name,items/visibility,items/id,items/protection/protected' : 'items/name,items/visibility,items/id');
    await ctx.sync();
    this.fileMarks = wss.items.some((w) => w.name === MARKS_SHEET);
    const items = wss.items.filter((w) => w.name !== MARKS_SHEET);
    onProgress?.({ fraction: 0.1, message: `共 ${items.length} 张工作表，正在读取单元格…` });
    const ranges = items.map((ws) => {
      // valuesOnly is an ExcelApi 1.2 parameter: Excel 2016 RTM (1.1) gets the formatted range.
      const used = this.api('1.2') ? ws.getUsedRange(true) : ws.getUsedRange();
      used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
      return used;
    });
    await ctx.sync();
    this.sheetIds = new Map(items.map((w) => [w.id, w.name]));
    return items.map((ws, i) => {
      const used = ranges[i];
      const sheet: SheetSnapshot = { name: ws.name, cells: [], merges: [] };
      if (this.api('1.2') && ws.protection.protected) sheet.protected = true;
      if (ws.visibility !== 'Visible') sheet.hidden = true;
      fillCells(sheet, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
      return sheet;
    });
  }

  /**
   * Sync 1 (ExcelApi 1.5+): walks the worksheets with getFirst/getNextOrNullObject and, in the
   * same batch, asks each for its used range's position and size, so the number of sheets does
   * not add round trips. Links past the last sheet are null objects and load nothing.
   */
  private async walkSheets(ctx: Ctx): Promise<SheetInfo[]> {
    const out: SheetInfo[] = [];
    const n = Math.max(this.lookahead, this.sheetCountHint + 8);
    let start: Excel.Worksheet | null = null;
    for (;;) {
      const links: { ws: Excel.Worksheet; used: Excel.Range }[] = [];
      let ws: Excel.Worksheet = start ? start.getNextOrNullObject() : ctx.workbook.worksheets.getFirst();
      for (let i = 0; i < n; i++) {
        ws.load('name,visibility,id');
        if (this.api('1.2')) ws.protection.load('protected');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        links.push({ ws, used });
        if (i < n - 1) ws = ws.getNextOrNullObject();
      }
      await ctx.sync();
      let last: Excel.Worksheet | null = null;
      for (const [i, l] of links.entries()) {
        // The first link of the first round comes from getFirst(): never a null object.
        if ((start || i > 0) && l.ws.isNullObject) return out;
        out.push(this.info(l.ws, l.used.isNullObject ? null : l.used));
        last = l.ws;
      }
      start = last; // more sheets than the look-ahead: continue from the last one
    }
  }

  /** The plain path: sync A lists the sheets, sync B sizes their used ranges. */
  private async listSheets(ctx: Ctx): Promise<SheetInfo[]> {
    const wss = ctx.workbook.worksheets;
    wss.load(this.api('1.2') ? 'items/name,items/visibility,items/id,items/protection/protected' : 'items/name,items/visibility,items/id');
    await ctx.sync();
    const ranges = wss.items.map((ws) => {
      const used = this.api('1.4') ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { ws, used };
    });
    await ctx.sync();
    return ranges.map(({ ws, used }) => this.info(ws, used.isNullObject ? null : used));
  }

  private info(ws: Excel.Worksheet, used: Excel.Range | null): SheetInfo {
    const info: SheetInfo = {
      name: ws.name,
      id: ws.id,
      hidden: ws.visibility !== 'Visible',
      used: used ? { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount } : null,
      ws,
    };
    if (this.api('1.2')) info.protected = ws.protection.protected;
    return info;
  }

  /**
   * Sync 2 (and more only for big data): values, formulas and number formats of every used
   * range plus merged areas, packed into batches under the payload budget. Big sheets are read
   * in row chunks; the bytes-per-cell estimate is refined from what came back, and a batch the
   * host still finds too large is retried with half the rows.
   */
  private async readCells(ctx: Ctx, infos: SheetInfo[], progress: (done: number) => void): Promise<SheetSnapshot[]> {
    const sheets: SheetSnapshot[] = infos.map((s) => {
      const sheet: SheetSnapshot = { name: s.name, cells: [], merges: [] };
      if (s.protected) sheet.protected = true;
      if (s.hidden) sheet.hidden = true;
      return sheet;
    });
    type Span = { sheet: number; r0: number; rows: number };
    const pending: Span[] = [];
    infos.forEach((s, i) => {
      if (s.used) pending.push({ sheet: i, r0: 0, rows: s.used.rows });
    });
    let bytesPerCell = 40;
    let mergesLoaded = !this.api('1.13') || pending.length === 0;
    /** Set when one call for a sheet's merges failed (more than 512 areas): read them in bands. */
    let mergesBanded = false;
    const mergeAreas: { sheet: number; areas: Excel.RangeAreas }[] = [];
    let done = 0;
    let attempts = 0;
    while (pending.length > 0 || (!mergesLoaded && !mergesBanded)) {
      const batch: Span[] = [];
      let room = this.budget;
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
      const loads = batch.map((span) => {
        const u = infos[span.sheet].used!;
        const r1 = u.row + span.r0;
        const addr = `${a1(r1, u.col)}:${a1(r1 + span.rows - 1, u.col + u.cols - 1)}`;
        const range = infos[span.sheet].ws.getRange(addr);
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
        for (const { sheet, areas } of mergeAreas) {
          if (!areas.isNullObject) addMerges(sheets[sheet], areas.address);
        }
        mergesLoaded = true;
      }
      let bytes = 0;
      let cells = 0;
      for (const { span, range } of loads) {
        const u = infos[span.sheet].used!;
        const values = range.values;
        const formulas = range.formulas;
        const formats = range.numberFormat;
        bytes += utf8JsonBytes(values) + utf8JsonBytes(formulas) + utf8JsonBytes(formats);
        cells += span.rows * u.cols;
        fillCells(sheets[span.sheet], u.row + span.r0, u.col, values, formulas, formats);
      }
      done += cells;
      progress(done);
      // Learn the real density (long Chinese labels cost more than numbers), with a margin.
      if (cells > 0) bytesPerCell = Math.max(8, Math.ceil((bytes / cells) * 1.25));
    }
    if (mergesBanded) await this.readMergesBanded(ctx, infos, sheets);
    return sheets;
  }

  /**
   * The merges of sheets with more than Excel's 512 merged areas per call: the formatted used
   * range (one sync), then row bands of it, MERGE_BAND_ROWS at a time, halved while Excel still
   * refuses. A band reports the merges whose top-left cell it holds (office-js issue #3611), so
   * each merge comes from exactly one band; duplicates are dropped all the same.
   */
  private async readMergesBanded(ctx: Ctx, infos: SheetInfo[], sheets: SheetSnapshot[]): Promise<void> {
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

  async hasSheet(name: string): Promise<boolean> {
    return this.env.run(async (ctx) => {
      if (this.api('1.4')) {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        ws.load('name');
        await ctx.sync();
        return !ws.isNullObject;
      }
      const wss = ctx.workbook.worksheets;
      wss.load('items/name');
      await ctx.sync();
      return wss.items.some((w) => w.name.toLowerCase() === name.toLowerCase());
    });
  }

  // ---- selection -----------------------------------------------------------------------

  async select(sheet: string, address: string): Promise<void> {
    if (this.hiddenSheets.has(sheet)) throw new Error(`工作表“${sheet}”已隐藏，无法定位到 ${address}。请先取消隐藏该工作表。`);
    await this.env.run(async (ctx) => {
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

  onSelectionChanged(cb: (sheet: string, address: string) => void): () => void {
    let handle: OfficeExtension.EventHandlerResult<unknown> | null = null;
    let cancelled = false;
    const byWorksheet = this.api('1.9');
    if (!byWorksheet && !this.api('1.2')) return () => undefined;
    void this.env
      .run(async (ctx) => {
        if (byWorksheet) {
          handle = ctx.workbook.worksheets.onSelectionChanged.add(async (args: Excel.WorksheetSelectionChangedEventArgs) => {
            const known = this.sheetIds.get(args.worksheetId);
            if (known) return cb(known, args.address);
            await this.env.run(async (c2) => {
              const ws = c2.workbook.worksheets.getItem(args.worksheetId);
              ws.load('name');
              await c2.sync();
              this.sheetIds.set(args.worksheetId, ws.name);
              cb(ws.name, args.address);
            });
          }) as unknown as OfficeExtension.EventHandlerResult<unknown>;
        } else {
          // ExcelApi 1.2: the workbook event carries no address; ask for the selection.
          handle = ctx.workbook.onSelectionChanged.add(async () => {
            await this.env.run(async (c2) => {
              const r = c2.workbook.getSelectedRange();
              r.load('address');
              await c2.sync();
              const { sheet, range } = splitAddress(r.address);
              cb(sheet, range.split(':')[0]);
            });
          }) as unknown as OfficeExtension.EventHandlerResult<unknown>;
        }
        await ctx.sync();
        if (cancelled) await this.removeHandler(handle);
      })
      .catch(() => undefined); // selection sync is a convenience: never break the pane over it
    return () => {
      cancelled = true;
      if (handle) void this.removeHandler(handle).catch(() => undefined);
    };
  }

  /** Removes an event handler in the context it was added in (remove() is a queued command). */
  private async removeHandler(h: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
    const ctx = h.context as unknown as Ctx;
    if (!this.env.runIn) {
      h.remove();
      await ctx.sync();
      return;
    }
    await this.env.runIn(ctx, async (c) => {
      h.remove();
      await c.sync();
    });
  }

  // ---- marks ---------------------------------------------------------------------------

  private readRecord(): MarksRecord {
    const raw = this.env.settings.get(MARKS_SETTING) as unknown;
    const rec = typeof raw === 'string' ? safeParse(raw) : raw;
    if (rec && typeof rec === 'object' && (rec as MarksRecord).version === 1 && Array.isArray((rec as MarksRecord).marks)) return rec as MarksRecord;
    return { version: 1, marks: [] };
  }

  private async saveRecord(marks: ExcelMark[]): Promise<void> {
    if (marks.length === 0) this.env.settings.remove(MARKS_SETTING);
    else this.env.settings.set(MARKS_SETTING, { version: 1, marks } satisfies MarksRecord);
    await new Promise<void>((resolve, reject) => {
      this.env.settings.saveAsync((r: Office.AsyncResult<void>) => {
        if (r && (r.status as unknown) === 'failed') reject(new Error(`无法保存标记记录：${r.error?.message ?? ''}`));
        else resolve();
      });
    });
  }

  private noteMode(): 'note' | 'comment' | null {
    return this.api('1.18') ? 'note' : this.api('1.10') ? 'comment' : null;
  }

  /** The cell a finding marks: the top-left of its merge, when it lies in one. */
  private anchor(sheet: string, row: number, col: number): { row: number; col: number } {
    const m = this.merges.get(sheet)?.find(row, col);
    return m ? { row: m.r1, col: m.c1 } : { row, col };
  }

  async highlight(findings: Finding[]): Promise<{ marked: number }> {
    const grouped = groupFindings(findings, parseA1, a1);
    // Re-anchor into merges and regroup (two findings may land in one merged area).
    const targets = new Map<string, { sheet: string; address: string; severity: Severity; messages: string[] }>();
    for (const t of grouped) {
      const p = this.anchor(t.sheet, t.row, t.col);
      const address = a1(p.row, p.col);
      const k = markKey(t.sheet, address);
      const prev = targets.get(k);
      if (!prev) targets.set(k, { sheet: t.sheet, address, severity: t.severity, messages: [...t.messages] });
      else {
        if (rank(t.severity) < rank(prev.severity)) prev.severity = t.severity;
        for (const m of t.messages) if (!prev.messages.includes(m)) prev.messages.push(m);
      }
    }
    const old = this.readRecord();
    const oldByKey = new Map(old.marks.map((m) => [markKey(m.sheet, m.address), m]));
    const mode = this.noteMode();
    const pattern = this.api('1.9');

    return this.env.run(async (ctx) => {
      // ---- sync 1: what is there now ----
      const sheetNames = new Set([...[...targets.values()].map((t) => t.sheet), ...old.marks.map((m) => m.sheet)]);
      const sheets = new Map<string, Excel.Worksheet>();
      for (const name of sheetNames) {
        const ws = this.api('1.4') ? ctx.workbook.worksheets.getItemOrNullObject(name) : ctx.workbook.worksheets.getItem(name);
        ws.load('name');
        if (this.api('1.2')) ws.protection.load('protected');
        sheets.set(name, ws);
      }
      const reads = new Rounds(ctx, this.budget);
      const probes = new Map<string, Excel.RangeFill>();
      for (const [k, t] of targets) {
        if (oldByKey.has(k)) continue; // its original is already on record
        await reads.room(CELL_COMMAND_BYTES);
        const range = sheets.get(t.sheet)!.getRange(t.address);
        const fill = range.format.fill;
        fill.load(pattern ? 'color,pattern,patternColor,tintAndShade' : 'color');
        probes.set(k, fill);
      }
      const notes = new Map<string, Excel.Note>();
      if (this.api('1.18')) {
        const cells = [...targets.values(), ...old.marks.filter((m) => m.noteKind === 'note')];
        for (const t of cells) {
          const k = markKey(t.sheet, t.address);
          if (notes.has(k)) continue;
          await reads.room(CELL_COMMAND_BYTES / 2);
          const note = ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(t.sheet)}!${t.address}`);
          note.load('content');
          notes.set(k, note);
        }
      }
      let comments: Excel.CommentCollection | null = null;
      if (mode === 'comment' || old.marks.some((m) => m.noteKind === 'comment')) {
        if (this.api('1.10')) {
          comments = ctx.workbook.comments;
          comments.load('items/id,items/content');
        }
      }
      await reads.flush();

      const alive = (name: string): Excel.Worksheet | null => {
        const ws = sheets.get(name)!;
        return ws.isNullObject ? null : ws;
      };
      const isProtected = (name: string): boolean => {
        const ws = alive(name);
        return !!ws && this.api('1.2') && ws.protection.protected;
      };

      // ---- decide ----
      const next: ExcelMark[] = [];
      const paint: { mark: ExcelMark; messages: string[] }[] = [];
      for (const [k, t] of targets) {
        if (!alive(t.sheet) || isProtected(t.sheet)) continue;
        const prev = oldByKey.get(k);
        let mark: ExcelMark;
        if (prev) mark = { ...prev, severity: t.severity, noteKind: mode };
        else {
          const fill = probes.get(k)!;
          const note = notes.get(k);
          const existing = note && !note.isNullObject ? note.content : null;
          mark = {
            sheet: t.sheet,
            address: t.address,
            severity: t.severity,
            fill: readFill(fill, pattern),
            noteKind: mode,
            originalNote: existing !== null && !existing.startsWith(NOTE_PREFIX) ? existing : null,
          };
        }
        next.push(mark);
        paint.push({ mark, messages: t.messages });
      }
      const nextKeys = new Set(next.map((m) => markKey(m.sheet, m.address)));
      const unmark = old.marks.filter((m) => !nextKeys.has(markKey(m.sheet, m.address)));
      const stuck = unmark.filter((m) => alive(m.sheet) && isProtected(m.sheet));

      // The record first (old ∪ new), so an interrupted write can always be undone.
      await this.saveRecord([...next, ...unmark]);

      // ---- sync 2: write ----
      const writes = new Rounds(ctx, this.budget);
      for (const m of unmark) {
        if (!alive(m.sheet) || stuck.includes(m)) continue;
        await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
        this.queueRestore(ctx, sheets.get(m.sheet)!, m, notes.get(markKey(m.sheet, m.address)));
      }
      if (comments) {
        // Our comments are recognised by their prefix; the fresh ones are added below.
        for (const c of comments.items) if (typeof c.content === 'string' && c.content.startsWith(NOTE_PREFIX)) c.delete();
      }
      for (const { mark, messages } of paint) {
        const text = noteText(messages);
        await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(text));
        const ws = sheets.get(mark.sheet)!;
        const range = ws.getRange(mark.address);
        const style = MARK_STYLES[mark.severity];
        range.format.fill.color = style.fill;
        if (mode === 'note') {
          const note = notes.get(markKey(mark.sheet, mark.address));
          if (note && !note.isNullObject) note.content = text;
          else ctx.workbook.notes.add(`${quoteSheet(mark.sheet)}!${mark.address}`, text);
        } else if (mode === 'comment') {
          ctx.workbook.comments.add(`${quoteSheet(mark.sheet)}!${mark.address}`, text);
        }
      }
      try {
        await writes.flush();
      } catch (e) {
        // Comments cannot be looked up by cell without an extra round trip, so a cell that
        // already holds someone's comment thread makes add() fail. Paint the fills again
        // without comments (idempotent; the comments added so far carry our prefix and go on clear).
        if (mode !== 'comment') throw friendly(e, '标记单元格失败');
        const again = new Rounds(ctx, this.budget);
        for (const { mark } of paint) {
          await again.room(CELL_COMMAND_BYTES);
          sheets.get(mark.sheet)!.getRange(mark.address).format.fill.color = MARK_STYLES[mark.severity].fill;
        }
        try {
          await again.flush();
        } catch (e2) {
          throw friendly(e2, '标记单元格失败');
        }
      }
      await this.saveRecord([...next, ...stuck]);
      return { marked: next.length };
    });
  }

  /**
   * Queues the exact restoration of one mark: the fill and the note. `note` is the
   * cell's note as loaded in sync 1 (a null object when there is none). A note the user has
   * edited since (no longer ours) is left alone.
   */
  private queueRestore(ctx: Ctx, ws: Excel.Worksheet, m: ExcelMark, note: Excel.Note | undefined): void {
    const range = ws.getRange(m.address);
    const fill = range.format.fill;
    if (m.fill.color === null) fill.clear();
    else {
      fill.color = m.fill.color;
      if (this.api('1.9')) {
        if (m.fill.pattern && m.fill.pattern !== 'Solid' && m.fill.pattern !== 'None') fill.pattern = m.fill.pattern as Excel.FillPattern;
        if (m.fill.patternColor) fill.patternColor = m.fill.patternColor;
        // Not tintAndShade: fill.color already reports the tinted colour Excel shows, so setting
        // the tint again would lighten a "Lighter 80%" header a second time, nearly to white.
        // (The theme link is lost; the colour is exact.)
      }
    }
    if (m.noteKind !== 'note' || !note) return;
    if (!note.isNullObject) {
      if (!note.content.startsWith(NOTE_PREFIX)) return;
      if (m.originalNote !== null) note.content = m.originalNote;
      else note.delete();
    } else if (m.originalNote !== null) {
      ctx.workbook.notes.add(`${quoteSheet(m.sheet)}!${m.address}`, m.originalNote);
    }
  }

  async clearHighlights(): Promise<{ restored: number }> {
    const own = await this.clearOwnMarks();
    const offline = this.fileMarks && this.api('1.4') ? await this.clearFileHostMarks() : 0;
    return { restored: own + offline };
  }

  /**
   * Marks made by the offline page (a reviewer's annotated copy opened here): the file host
   * keeps its record in a very hidden sheet. Read it (sync 1), look at the notes (sync 2),
   * restore and drop the record (sync 3). Fills come back as recorded when they were plain
   * colours; a theme-coloured original, which Office.js cannot set, becomes No Fill.
   */
  private async clearFileHostMarks(): Promise<number> {
    return this.env.run(async (ctx) => {
      const recWs = ctx.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
      const used = recWs.getUsedRangeOrNullObject(true);
      used.load('values');
      await ctx.sync();
      if (recWs.isNullObject || used.isNullObject) {
        this.fileMarks = false;
        return 0;
      }
      const text = used.values.map((r) => (typeof r[0] === 'string' ? r[0] : '')).join('');
      const parsed = safeParse(text) as { version?: number; marks?: FileHostMark[] } | null;
      const marks = parsed && parsed.version === 1 && Array.isArray(parsed.marks) ? parsed.marks.filter((m) => typeof m?.sheet === 'string' && typeof m?.address === 'string') : [];

      const sheets = new Map<string, Excel.Worksheet>();
      for (const name of new Set(marks.map((m) => m.sheet))) {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        ws.load('name');
        ws.protection.load('protected');
        sheets.set(name, ws);
      }
      const notes = new Map<FileHostMark, Excel.Note>();
      if (this.api('1.18')) {
        for (const m of marks) {
          const note = ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(m.sheet)}!${m.address}`);
          note.load('content');
          notes.set(m, note);
        }
      }
      await ctx.sync();

      let restored = 0;
      const kept: FileHostMark[] = [];
      const writes = new Rounds(ctx, this.budget);
      for (const m of marks) {
        const ws = sheets.get(m.sheet)!;
        if (ws.isNullObject) continue;
        if (ws.protection.protected) {
          kept.push(m);
          continue;
        }
        await writes.room(CELL_COMMAND_BYTES);
        const fill = ws.getRange(m.address).format.fill;
        const color = fileFillColor(m.orig?.fill);
        if (color) fill.color = color;
        else fill.clear();
        const note = notes.get(m);
        if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX)) {
          const original = fileNoteText(m.orig?.note);
          if (original !== null) note.content = original;
          else note.delete();
        }
        restored++;
      }
      if (kept.length === 0) {
        // A very hidden sheet has to be made visible-able before Excel lets it go.
        if (this.api('1.2')) recWs.visibility = 'Hidden' as Excel.SheetVisibility;
        recWs.delete();
        this.fileMarks = false;
      } else {
        used.clear();
        const json = JSON.stringify({ version: 1, marks: kept });
        const parts: string[][] = [];
        for (let i = 0; i < json.length; i += 32000) parts.push([json.slice(i, i + 32000)]);
        recWs.getRange(`A1:A${parts.length}`).values = parts;
      }
      try {
        await writes.flush();
      } catch (e) {
        throw friendly(e, '清除离线版标记失败');
      }
      return restored;
    });
  }

  private async clearOwnMarks(): Promise<number> {
    const rec = this.readRecord();
    if (rec.marks.length === 0) return 0;
    return this.env.run(async (ctx) => {
      // ---- sync 1 ----
      const sheets = new Map<string, Excel.Worksheet>();
      for (const name of new Set(rec.marks.map((m) => m.sheet))) {
        const ws = this.api('1.4') ? ctx.workbook.worksheets.getItemOrNullObject(name) : ctx.workbook.worksheets.getItem(name);
        ws.load('name');
        if (this.api('1.2')) ws.protection.load('protected');
        sheets.set(name, ws);
      }
      const reads = new Rounds(ctx, this.budget);
      const notes = new Map<string, Excel.Note>();
      if (this.api('1.18')) {
        for (const m of rec.marks) {
          if (m.noteKind !== 'note') continue;
          await reads.room(CELL_COMMAND_BYTES / 2);
          const note = ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(m.sheet)}!${m.address}`);
          note.load('content');
          notes.set(markKey(m.sheet, m.address), note);
        }
      }
      let comments: Excel.CommentCollection | null = null;
      if (this.api('1.10') && rec.marks.some((m) => m.noteKind === 'comment')) {
        comments = ctx.workbook.comments;
        comments.load('items/id,items/content');
      }
      await reads.flush();

      // ---- sync 2 ----
      const writes = new Rounds(ctx, this.budget);
      const kept: ExcelMark[] = [];
      let restored = 0;
      for (const m of rec.marks) {
        const ws = sheets.get(m.sheet)!;
        if (ws.isNullObject) continue; // sheet deleted: nothing left to restore
        if (this.api('1.2') && ws.protection.protected) {
          kept.push(m); // restore later, once the sheet is unprotected
          continue;
        }
        await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
        this.queueRestore(ctx, ws, m, notes.get(markKey(m.sheet, m.address)));
        restored++;
      }
      if (comments) for (const c of comments.items) if (typeof c.content === 'string' && c.content.startsWith(NOTE_PREFIX)) c.delete();
      try {
        await writes.flush();
      } catch (e) {
        throw friendly(e, '清除标记失败');
      }
      await this.saveRecord(kept);
      return restored;
    });
  }

  // ---- writes --------------------------------------------------------------------------

  async applyFix(fix: SuggestedFix): Promise<AppliedFix> {
    if (fix.formula === undefined && fix.value === undefined) throw new Error('该修正没有可写入的值或公式');
    const { sheet } = fix.ref;
    const p = this.anchor(sheet, fix.ref.row, fix.ref.col);
    const address = a1(p.row, p.col);
    return this.env.run(async (ctx) => {
      const ws = await this.writableSheet(ctx, sheet, address);
      const cell = ws.getRange(address);
      cell.load('values,formulas');
      await ctx.sync();
      const before = contentOf(cell.values[0][0], cell.formulas[0][0]);
      if (typeof fix.previous === 'number' && typeof before.value === 'number' && Math.abs(fix.previous - before.value) > 0.005 && !before.formula) {
        throw new Error(`“${sheet}”!${address} 的当前值（${before.value}）与检查时（${fix.previous}）不同，单元格可能已被修改。请重新检查后再修正。`);
      }
      if (fix.formula !== undefined) cell.formulas = [[`=${fix.formula.replace(/^=/, '')}`]];
      else cell.values = [[literal(fix.value as string | number)]];
      try {
        await ctx.sync();
      } catch (e) {
        throw friendly(e, `无法写入“${sheet}”!${address}`);
      }
      return { id: `fix-${sheet}-${address}-${Date.now()}`, fix, before };
    });
  }

  async undoFix(applied: AppliedFix): Promise<void> {
    const { sheet } = applied.fix.ref;
    const p = this.anchor(sheet, applied.fix.ref.row, applied.fix.ref.col);
    const address = a1(p.row, p.col);
    await this.env.run(async (ctx) => {
      const ws = await this.writableSheet(ctx, sheet, address);
      const cell = ws.getRange(address);
      const { value, formula } = applied.before;
      if (formula) cell.formulas = [[`=${formula}`]];
      else cell.values = [[value === null ? '' : typeof value === 'string' ? literal(value) : (value as number | boolean)]];
      try {
        await ctx.sync();
      } catch (e) {
        throw friendly(e, `无法撤销对“${sheet}”!${address} 的修改`);
      }
    });
  }

  /** The sheet, after checking (one sync) that it exists and is not protected. */
  private async writableSheet(ctx: Ctx, sheet: string, address: string): Promise<Excel.Worksheet> {
    const ws = this.api('1.4') ? ctx.workbook.worksheets.getItemOrNullObject(sheet) : ctx.workbook.worksheets.getItem(sheet);
    ws.load('name');
    if (this.api('1.2')) ws.protection.load('protected');
    try {
      await ctx.sync();
    } catch (e) {
      throw friendly(e, `找不到工作表“${sheet}”`);
    }
    if (ws.isNullObject) throw new Error(`找不到工作表“${sheet}”`);
    if (this.api('1.2') && ws.protection.protected) {
      throw new Error(`工作表“${sheet}”受保护，无法写入 ${address}。请先撤销工作表保护（审阅 → 撤销工作表保护），再应用修正。`);
    }
    return ws;
  }

  async writeSheet(out: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
    const problem = sheetNameProblem(out.name);
    if (problem) throw new Error(problem);
    await this.env.run(async (ctx) => {
      let ws: Excel.Worksheet;
      let exists: boolean;
      if (this.api('1.4')) {
        ws = ctx.workbook.worksheets.getItemOrNullObject(out.name);
        ws.load('name');
        if (this.api('1.2')) ws.protection.load('protected');
        await ctx.sync();
        exists = !ws.isNullObject;
      } else {
        const wss = ctx.workbook.worksheets;
        wss.load(this.api('1.2') ? 'items/name,items/protection/protected' : 'items/name');
        await ctx.sync();
        const found = wss.items.find((w) => w.name.toLowerCase() === out.name.toLowerCase());
        exists = !!found;
        ws = found ?? wss.getItem(out.name);
      }
      if (exists) {
        if (!opts.overwrite) throw new Error(`工作表“${out.name}”已存在。请确认是否覆盖其内容。`);
        if (this.api('1.2') && ws.protection.protected) throw new Error(`工作表“${out.name}”受保护，无法覆盖。请先撤销工作表保护。`);
        ws.getRange().clear();
      } else {
        ws = ctx.workbook.worksheets.add(out.name);
      }
      const cols = out.rows.reduce((n, r) => Math.max(n, r.length), 0);
      // Write in row blocks under the request budget (output sheets are small; this is a guard).
      const perRow = Math.max(1, cols) * 48;
      const block = Math.max(1, Math.floor(this.budget / perRow));
      for (let r0 = 0; r0 < out.rows.length && cols > 0; r0 += block) {
        const rows = out.rows.slice(r0, r0 + block);
        const grid = rows.map((r) => Array.from({ length: cols }, (_, j) => r[j]));
        const range = ws.getRange(`${a1(r0, 0)}:${a1(r0 + rows.length - 1, cols - 1)}`);
        range.numberFormat = grid.map((r) => r.map((c) => c?.numberFormat ?? 'General'));
        range.formulas = grid.map((r) => r.map((c) => outputValue(c)));
        rows.forEach((r, i) =>
          r.forEach((c, j) => {
            if (c?.bold) ws.getCell(r0 + i, j).format.font.bold = true;
          }),
        );
        if (r0 + block < out.rows.length) await ctx.sync();
      }
      if (out.columnWidths && this.api('1.2')) {
        out.columnWidths.forEach((w, j) => {
          if (w > 0) ws.getCell(0, j).format.columnWidth = Math.round(w * POINTS_PER_CHAR * 100) / 100;
        });
      }
      try {
        await ctx.sync();
      } catch (e) {
        throw friendly(e, `无法写入工作表“${out.name}”`);
      }
    });
    // Marks on a replaced sheet are gone with its cells.
    const rec = this.readRecord();
    if (rec.marks.some((m) => m.sheet === out.name)) await this.saveRecord(rec.marks.filter((m) => m.sheet !== out.name));
  }
}

// ---------------------------------------------------------------------------------------------

function fillCells(sheet: SheetSnapshot, row0: number, col0: number, values: unknown[][], formulas: unknown[][], formats: unknown[][]): void {
  for (let i = 0; i < values.length; i++) {
    const vr = values[i];
    for (let j = 0; j < vr.length; j++) {
      const cell = toCell(vr[j], formulas[i]?.[j], formats[i]?.[j]);
      if (cell) (sheet.cells[row0 + i] ??= [])[col0 + j] = cell;
    }
  }
}

/** A mark as the file host (offline page) records it: exceljs fill and note objects. */
type FileHostFill = { type?: string; pattern?: string; fgColor?: { argb?: string } } | null | undefined;
interface FileHostMark {
  sheet: string;
  address: string;
  orig?: { fill?: FileHostFill; note?: unknown };
}

/** '#RRGGBB' for a plain solid exceljs fill; null for No Fill or what Office.js cannot express. */
function fileFillColor(fill: FileHostFill): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? `#${argb.slice(-6).toUpperCase()}` : null;
}

function fileNoteText(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

function mergeSpans<T extends { sheet: number; r0: number; rows: number }>(spans: T[]): T[] {
  const out: T[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.sheet === s.sheet && last.r0 + last.rows === s.r0) last.rows += s.rows;
    else out.push({ ...s });
  }
  return out;
}

function readFill(fill: Excel.RangeFill, withPattern: boolean): OriginalFill {
  if (withPattern) {
    const pattern = fill.pattern as string | null;
    const tint = fill.tintAndShade;
    if (pattern === 'None' || tint === null) return { color: null };
    const out: OriginalFill = { color: fill.color };
    if (pattern && pattern !== 'Solid') out.pattern = pattern;
    if (pattern && pattern !== 'Solid' && fill.patternColor) out.patternColor = fill.patternColor;
    if (tint) out.tintAndShade = tint;
    return out;
  }
  // Without ExcelApi 1.9, '#FFFFFF' is what Excel reports for No Fill: treat it as such.
  const c = (fill.color ?? '').toUpperCase();
  return c === '#FFFFFF' || c === '' ? { color: null } : { color: fill.color };
}

export function contentOf(value: unknown, formula: unknown): AppliedFix['before'] {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : null;
  const v = value === '' || value === undefined ? null : (value as string | number | boolean | null);
  return { value: v, formula: f };
}

/** A value to write through Range.values/formulas that Excel keeps as typed ('=x' stays text). */
export function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v) && isNaN(Number(v)) ? `'${v}` : v;
}

export function outputValue(c: OutputCell | undefined): string | number | boolean {
  if (!c) return '';
  if (c.formula) return `=${c.formula.replace(/^=/, '')}`;
  if (c.value === null || c.value === undefined) return '';
  return literal(c.value);
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** Excel's error, in words a finance officer can act on. */
function friendly(e: unknown, what: string): Error {
  const code = (e as { code?: string })?.code ?? '';
  const msg = (e as Error)?.message ?? String(e);
  if (code === 'AccessDenied') return new Error(`${what}：工作表受保护或单元格已锁定。请先撤销工作表保护。`);
  if (code === 'ItemNotFound') return new Error(`${what}：找不到对应的工作表或单元格，工作簿可能已被修改，请重新检查。`);
  if (code === 'InvalidOperationInCellEditMode') return new Error(`${what}：Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。`);
  if (code === 'InvalidSelection') return new Error(`${what}：当前无法选中该区域（可能处于单元格编辑状态），请按 Esc 后重试。`);
  if (isPayloadError(e)) return new Error(`${what}：数据量超过 Excel 单次传输上限（5 MB）。`);
  const err = new Error(`${what}：${msg}`);
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}

/** Excel's rules for sheet names. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return '工作表名称不能为空';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符（\\ / ? * [ ] :）`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  if (name.toLowerCase() === 'history') return '“History”是 Excel 保留的工作表名称';
  return null;
}

export type { CellRange };
