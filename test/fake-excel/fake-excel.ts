// A fake of the Office.js Excel object model, faithful where our host depends on it:
// - proxies: every scalar property throws PropertyNotLoaded until load() + context.sync();
// - commands are queued and run in order at sync (writes apply in order; a failing command
//   rejects the sync and leaves the earlier ones applied, as in Excel);
// - *OrNullObject proxies report isNullObject after a sync; writing through a null object throws;
// - requirement sets: a call or property from a set the host lacks fails at sync with ApiNotFound;
// - Excel on the web's 5 MB payload limits (request: data written; response: data loaded);
// - No Fill is reported as fill.color '#FFFFFF' (as Excel does); only fill.pattern (ExcelApi 1.9)
//   tells it from an explicit white fill.
// It is populated from a WorkbookSnapshot and can be "saved and reopened" to test persistence.
// The model is split by object: doc.ts (state), context.ts, proxy.ts, workbook.ts, worksheets.ts,
// range.ts, format.ts, notes.ts (notes and comments), settings.ts; this file holds the globals.
import { parseA1, columnName } from '../../src/core/address';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { cloneDoc, docFromSnapshot, findSheet, key, type FakeCell, type FakeDoc, type FakeFill, type FakeSheet } from './doc';
import { FakeRequestContext } from './context';
import { versionAtLeast, type FakeExcelOptions } from './options';
import { renameSheet, sheetId } from './worksheets';
import { getFileAsync } from './file';

export { applyTint } from './format';
export { FakeOfficeError } from './errors';
export { FakeRequestContext } from './context';
export { FakeClientResult } from './worksheets';
export { DEFAULT_WHITE } from './doc';
export type { FakeCell, FakeComment, FakeDoc, FakeFill, FakeNote, FakeSheet } from './doc';
export type { FakeExcelOptions } from './options';

export interface FakeEventHandlers {
  add(handler: (args: unknown) => unknown): { remove(): void; context: FakeRequestContext };
}


export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

export class FakeExcel {
  doc: FakeDoc;
  readonly excelApi: string;
  readonly payloadLimit: number;
  readonly nullObjectCalls: 'propagate' | 'throw';
  readonly noFillPattern: 'None' | null;
  /** 'npm': the office.js copy without notes (see FakeExcelOptions.officeJs). */
  readonly officeJs: 'cdn' | 'npm';
  totalSyncs = 0;
  /** Excel.run(context, batch) calls: batches run in an earlier run's context. */
  reusedRuns = 0;
  /** The options of every Excel.run(options, batch). */
  readonly runOptions: FakeRunOptions[] = [];
  /** Every context created by Excel.run, in order (the last is the most recent run). */
  readonly contexts: FakeRequestContext[] = [];
  private handlers: { kind: string; fn: (args: unknown) => unknown }[] = [];
  private pendingEvents: { sheet: string; address: string }[] = [];
  private docSettingsPending = new Map<string, unknown>();
  /** The user is typing in a cell (see context.sync). */
  cellEditing = false;
  private editEnded: (() => void)[] = [];

  constructor(
    snapshot: WorkbookSnapshot,
    private readonly options: FakeExcelOptions = {},
  ) {
    this.doc = options.doc ?? docFromSnapshot(snapshot, options);
    this.excelApi = options.excelApi ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.nullObjectCalls = options.nullObjectCalls ?? 'propagate';
    this.noFillPattern = options.noFillPattern === undefined ? 'None' : options.noFillPattern;
    this.officeJs = options.officeJs ?? 'cdn';
    this.docSettingsPending = new Map(this.doc.docSettingsSaved);
  }

  /** The Excel namespace our host uses. */
  get Excel(): { run: <T>(a: FakeRequestContext | FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>), b?: (ctx: FakeRequestContext) => Promise<T>) => Promise<T> } {
    return {
      // Excel.run(batch); Excel.run(context, batch) to go on in an earlier run's context;
      // Excel.run(options, batch) (e.g. { delayForCellEdit: true }: no cell editing here, so no delay).
      run: async <T>(a: FakeRequestContext | FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>), b?: (ctx: FakeRequestContext) => Promise<T>): Promise<T> => {
        const reuse = a instanceof FakeRequestContext ? a : null;
        const options = typeof a !== 'function' && !reuse ? (a as FakeRunOptions) : null;
        if (options) this.runOptions.push(options);
        const cb = typeof a === 'function' ? a : b!;
        const ctx = reuse ?? new FakeRequestContext(this);
        if (!reuse) this.contexts.push(ctx);
        else this.reusedRuns++;
        ctx.ended = false;
        if (options?.delayForCellEdit) ctx.delayForCellEdit = true;
        try {
          const out = await cb(ctx);
          // Excel.run flushes whatever is still queued when the callback returns.
          if (ctx.hasPending) await ctx.sync();
          return out;
        } finally {
          ctx.ended = true;
        }
      },
    };
  }

  /** The Office namespace: requirement sets and document settings (common API). */
  get Office(): unknown {
    const supported = (name: string, version?: string): boolean => {
      if (name === 'ExcelApi') return versionAtLeast(this.excelApi, version ?? '1.1');
      if (name === 'CompressedFile' && this.options.compressedFile !== false) return true;
      const have = this.options.extraSets?.[name];
      return !!have && versionAtLeast(have, version ?? '1.1');
    };
    const pending = this.docSettingsPending;
    const fake = this;
    return {
      context: {
        platform: this.options.platform ?? 'PC',
        requirements: { isSetSupported: supported },
        document: {
          getFileAsync: getFileAsync(() => fake.doc, this.options.compressedFile !== false),
          settings: {
            get: (k: string) => (pending.has(k) ? JSON.parse(JSON.stringify(pending.get(k))) : null),
            set: (k: string, v: unknown) => void pending.set(k, JSON.parse(JSON.stringify(v))),
            remove: (k: string) => void pending.delete(k),
            saveAsync: (cb?: (r: { status: string; error?: unknown }) => void) => {
              fake.doc.docSettingsSaved = new Map([...pending].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
              cb?.({ status: 'succeeded' });
            },
          },
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    };
  }

  /** The user starts typing in a cell (and, as in office-js #806, clicking the pane does not end it). */
  startCellEdit(): void {
    this.cellEditing = true;
  }
  /** The user presses Enter or Esc. */
  endCellEdit(): void {
    this.cellEditing = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const w of waiting) w();
  }
  cellEditEnded(): Promise<void> {
    return this.cellEditing ? new Promise((r) => this.editEnded.push(r)) : Promise.resolve();
  }

  /** Syncs of the most recent Excel.run. */
  get lastSyncCount(): number {
    return this.contexts[this.contexts.length - 1]?.syncCount ?? 0;
  }

  /** Simulates File → Save, close and reopen: the document persists; unsaved doc settings do not. */
  reopen(options: Omit<FakeExcelOptions, 'doc'> = {}): FakeExcel {
    return new FakeExcel({ name: '', sheets: [] }, { ...this.options, ...options, doc: cloneDoc(this.doc) });
  }

  // -- inspection helpers for tests ------------------------------------------------------
  sheet(name: string): FakeSheet {
    const s = findSheet(this.doc, name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  cell(sheet: string, address: string): FakeCell | undefined {
    const p = parseA1(address)!;
    return this.sheet(sheet).cells.get(key(p.row, p.col));
  }
  /** Sets a cell's formatting directly (the user formatting the workbook). */
  format(sheet: string, address: string, f: { fill?: FakeFill | null; font?: FakeCell['font'] | null }): void {
    const p = parseA1(address)!;
    const s = this.sheet(sheet);
    const c = s.cells.get(key(p.row, p.col)) ?? { v: null };
    if (f.fill === null) delete c.fill;
    else if (f.fill) c.fill = { ...f.fill };
    if (f.font === null) delete c.font;
    else if (f.font) c.font = { ...f.font };
    s.cells.set(key(p.row, p.col), c);
  }
  /** The user renames a sheet (notes and comments follow it). */
  renameSheet(from: string, to: string): void {
    renameSheet(this.doc, this.sheet(from), to);
  }
  /** The user deletes a sheet, with its notes and comments. */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.doc.sheets = this.doc.sheets.filter((x) => x !== s);
    this.doc.notes = this.doc.notes.filter((n) => n.sheet !== s.name);
    this.doc.comments = this.doc.comments.filter((c) => c.sheet !== s.name);
  }
  noteAt(sheet: string, address: string): string | undefined {
    return this.doc.notes.find((n) => n.sheet === sheet && n.address === address)?.content;
  }
  commentAt(sheet: string, address: string): string | undefined {
    return this.doc.comments.find((n) => n.sheet === sheet && n.address === address)?.content;
  }
  /** The user selects a cell: fires the selection handlers. */
  userSelects(sheet: string, address: string): void {
    this.doc.activeSheet = sheet;
    this.doc.selection = { sheet, address };
    this.queueSelectionEvent(sheet, address);
    this.flushEvents();
  }

  // -- events ----------------------------------------------------------------------------
  events(kind: string, version: string, ctx: FakeRequestContext): FakeEventHandlers {
    return {
      add: (fn) => {
        const h = { kind, fn };
        ctx.enqueue(() => {
          ctx.requireApi(version, `${kind}.onSelectionChanged`);
          this.handlers.push(h);
        });
        return {
          context: ctx,
          // A queued command, like every Office.js call: the handler stays until the next sync.
          remove: () => {
            ctx.enqueue(() => {
              this.handlers = this.handlers.filter((x) => x !== h);
            });
          },
        };
      },
    };
  }
  queueSelectionEvent(sheet: string, address: string): void {
    this.pendingEvents.push({ sheet, address });
  }
  flushEvents(): void {
    const evs = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of evs) {
      const s = findSheet(this.doc, e.sheet);
      for (const h of this.handlers) {
        const args =
          h.kind === 'workbook'
            ? { type: 'WorkbookSelectionChanged', workbook: {} }
            : { type: 'WorksheetSelectionChanged', worksheetId: s ? sheetId(s) : '{sheet--1}', address: e.address, source: 'Local' };
        void h.fn(args);
      }
    }
  }
}

/** Builds a fake Excel holding the snapshot's sheets. */
export function createFakeExcel(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(snapshot, options);
}

export { columnName };
