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
import { a1, parseA1, parseRangeA1, columnName } from '../../src/core/address';
import type { CellRange, WorkbookSnapshot } from '../../src/core/snapshot';
import { isCellError } from '../../src/core/snapshot';
import { evaluateFormula, UnsupportedFormula, type EvalContext } from '../../src/hosts/file/formula-eval';

// ---------------------------------------------------------------------------------------------
// Document state

export interface FakeFill {
  /** null = No Fill. */
  color: string | null;
  pattern: string;
  patternColor?: string | null;
  tintAndShade?: number;
}

export interface FakeCell {
  v: number | string | boolean | { error: string } | null;
  f?: string;
  z?: string;
  fill?: FakeFill;
  font?: { color?: string; bold?: boolean };
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, FakeCell>;
  merges: CellRange[];
  /** Column widths in points, by 0-based column. */
  widths: Map<number, number>;
}

export interface FakeNote {
  sheet: string;
  address: string;
  content: string;
}

export interface FakeComment {
  id: string;
  sheet: string;
  address: string;
  content: string;
}

export interface FakeDoc {
  sheets: FakeSheet[];
  /** workbook.settings (ExcelApi 1.4): saved with the document. */
  settings: Map<string, unknown>;
  /** Office.context.document.settings: only what saveAsync persisted survives a reopen. */
  docSettingsSaved: Map<string, unknown>;
  notes: FakeNote[];
  comments: FakeComment[];
  activeSheet: string;
  selection: { sheet: string; address: string };
  nextCommentId: number;
}

/** Cells are keyed by number: string keys made big sheets slow. */
const COLS = 16384;
const key = (r: number, c: number): number => r * COLS + c;
const unkey = (k: number): [number, number] => [Math.floor(k / COLS), k % COLS];

export const DEFAULT_WHITE = '#FFFFFF';
const NO_FILL: FakeFill = { color: null, pattern: 'None' };
const DEFAULT_FONT_COLOR = '#000000';

function docFromSnapshot(snap: WorkbookSnapshot, opts: FakeExcelOptions): FakeDoc {
  const sheets: FakeSheet[] = snap.sheets.map((s) => {
    const cells = new Map<number, FakeCell>();
    s.cells.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell) cells.set(key(r, c), { v: cell.v, f: cell.f, z: cell.z });
      });
    });
    return {
      name: s.name,
      visibility: opts.veryHiddenSheets?.includes(s.name) ? 'VeryHidden' : s.hidden ? 'Hidden' : 'Visible',
      protected: !!s.protected || !!opts.protectedSheets?.includes(s.name),
      cells,
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(),
    };
  });
  const first = sheets[0]?.name ?? 'Sheet1';
  return {
    sheets,
    settings: new Map(),
    docSettingsSaved: new Map(),
    notes: [],
    comments: [],
    activeSheet: first,
    selection: { sheet: first, address: 'A1' },
    nextCommentId: 1,
  };
}

function cloneDoc(d: FakeDoc): FakeDoc {
  return {
    sheets: d.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as FakeCell])),
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(s.widths),
    })),
    settings: new Map([...d.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    docSettingsSaved: new Map([...d.docSettingsSaved].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    notes: d.notes.map((n) => ({ ...n })),
    comments: d.comments.map((c) => ({ ...c })),
    activeSheet: d.activeSheet,
    selection: { ...d.selection },
    nextCommentId: d.nextCommentId,
  };
}

// ---------------------------------------------------------------------------------------------
// Errors, shaped like OfficeExtension.Error (code + message + debugInfo)

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
  get debugInfo(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Options and requirement sets

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version supported (1.1 … 1.18). Default 1.18. */
  excelApi?: string;
  /** Other sets reported by isSetSupported, e.g. { WordApi: '1.3' }. */
  extraSets?: Record<string, string>;
  /** Payload limit in bytes for a request and for a response. Default 5 MB (Excel on the web). */
  payloadLimit?: number;
  /** What a method called on a null object does: propagate null-ness (default) or fail the sync. */
  nullObjectCalls?: 'propagate' | 'throw';
  /**
   * fill.pattern reported for a No Fill cell. Excel documents 'None', but reports null on some
   * builds (office-js issue #4900), where only tintAndShade (null for No Fill) tells.
   */
  noFillPattern?: 'None' | null;
  /** Sheets to load as very hidden (xlsx state veryHidden). */
  veryHiddenSheets?: string[];
  /** Sheets to mark as protected in addition to SheetSnapshot.protected. */
  protectedSheets?: string[];
  /** Used by reopen: start from this document instead of a snapshot. */
  doc?: FakeDoc;
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1_, b1] = have.split('.').map(Number);
  const [a2, b2] = need.split('.').map(Number);
  return a1_ > a2 || (a1_ === a2 && b1 >= b2);
}

// ---------------------------------------------------------------------------------------------
// Request context and command queue

type Op = { run: () => void; requestBytes: number };

function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Request bytes of one queued command besides its data (Office.js sends ~100–200). */
const COMMAND_BYTES = 120;

export class FakeRequestContext {
  syncCount = 0;
  private queue: Op[] = [];
  private commits: (() => void)[] = [];
  private nullables: Proxy[] = [];
  /** Response bytes counted while running the current sync. */
  responseBytes = 0;
  readonly workbook: FakeWorkbook;
  /** For tests: largest response and request seen in one sync. */
  maxResponseBytes = 0;
  maxRequestBytes = 0;
  /** Bytes delivered by all successful syncs of this context. */
  totalResponseBytes = 0;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get doc(): FakeDoc {
    return this.fake.doc;
  }

  enqueue(run: () => void, requestBytes = 0): void {
    // Every command costs its JSON in the request (object path + action), data or not.
    this.queue.push({ run, requestBytes: requestBytes + COMMAND_BYTES });
  }

  stage(commit: () => void): void {
    this.commits.push(commit);
  }

  trackNullable(p: Proxy): void {
    this.nullables.push(p);
  }

  /** Checks a requirement set at sync time, failing like Excel does for an API it lacks. */
  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.fake.excelApi, version)) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${version}).`);
    }
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.fake.totalSyncs++;
    const ops = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    this.commits = [];
    this.responseBytes = 0;
    const request = ops.reduce((n, o) => n + o.requestBytes, 0);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (request > this.fake.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const op of ops) op.run();
    for (const p of nullables) {
      const isNull = p.resolveOrNull() === null;
      this.stage(() => (p._isNull = isNull));
    }
    this.maxResponseBytes = Math.max(this.maxResponseBytes, this.responseBytes);
    if (this.responseBytes > this.fake.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const c of this.commits) c();
    this.commits = [];
    this.totalResponseBytes += this.responseBytes;
    // Events: a selection made by our code fires the handlers, as Excel does.
    this.fake.flushEvents();
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy base

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

function parseLoad(spec: LoadSpec): string[][] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.split('/'));
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoad(s));
  const out: string[][] = [];
  const walk = (o: Record<string, unknown>, prefix: string[]): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'select' && typeof v === 'string') out.push(...parseLoad(v).map((p) => [...prefix, ...p]));
      else if (k === 'expand' && typeof v === 'string') out.push(...parseLoad(v).map((p) => [...prefix, ...p]));
      else if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  walk(spec, []);
  return out;
}

abstract class Proxy {
  _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private nav = new Map<string, Proxy>();

  constructor(
    readonly context: FakeRequestContext,
    /** Finds the target in the document at sync time; null only for null objects. */
    protected readonly resolver: () => unknown,
    readonly nullable = false,
  ) {
    if (nullable) context.trackNullable(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  resolveOrNull(): unknown {
    return this.resolver();
  }

  /** The target, or an error when absent (writing through a null object is not allowed). */
  protected target<T>(): T {
    const t = this.resolver();
    if (t === null || t === undefined) throw new FakeOfficeError(this.nullable ? 'InvalidObjectPath' : 'ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
    return t as T;
  }

  /** A resolver for a child of this proxy, honouring null propagation. */
  protected child<T>(f: (t: never) => T | null): () => T | null {
    return () => {
      const t = this.resolver();
      if (t === null || t === undefined) {
        if (this.context.fake.nullObjectCalls === 'throw') throw new FakeOfficeError('InvalidObjectPath', `A method was called on a null object (${this.constructor.name}).`);
        return null;
      }
      return f(t as never);
    };
  }

  protected navProxy<P extends Proxy>(name: string, make: () => P): P {
    let p = this.nav.get(name) as P | undefined;
    if (!p) {
      p = make();
      this.nav.set(name, p);
    }
    return p;
  }

  protected get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as T;
  }

  /** Scalars loaded by load() without arguments. */
  protected abstract scalars(): string[];
  /** Reads one scalar from the document (at sync). */
  protected abstract read(prop: string): unknown;
  /** A navigation property (format, fill, items…), or undefined. */
  protected navigate(_prop: string): Proxy | Proxy[] | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths : this.scalars().map((s) => [s])));
    return this;
  }

  /** Runs at sync: stages loaded values; a null object loads nothing. */
  runLoad(paths: string[][]): void {
    const t = this.resolver();
    // A null object (or a proxy derived from one) loads nothing; absent items threw already.
    if (t === null || t === undefined) return;
    // Group by first segment so that 'items/name,items/id' loads one set of item proxies.
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of paths) {
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest);
    }
    for (const [head, rests] of groups) {
      if (rests.length === 0 && this.scalars().includes(head)) {
        const v = this.read(head);
        this.context.responseBytes += jsonBytes(v);
        this.context.stage(() => this._loaded.set(head, v));
        continue;
      }
      const nav = this.navigate(head);
      if (nav === undefined) throw new FakeOfficeError('InvalidArgument', `Cannot load '${head}' on ${this.constructor.name}.`);
      const targets = Array.isArray(nav) ? nav : [nav];
      for (const p of targets) p.runLoad(rests.length ? rests : p.scalars().map((x) => [x]));
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook

class FakeWorkbook extends Proxy {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc);
  }
  protected scalars(): string[] {
    return ['name'];
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return 'Book1.xlsx';
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get worksheets(): FakeWorksheetCollection {
    return this.navProxy('worksheets', () => new FakeWorksheetCollection(this.context));
  }
  get settings(): FakeSettingCollection {
    return this.navProxy('settings', () => new FakeSettingCollection(this.context));
  }
  get comments(): FakeCommentCollection {
    return this.navProxy('comments', () => new FakeCommentCollection(this.context, null));
  }
  get notes(): FakeNoteCollection {
    return this.navProxy('notes', () => new FakeNoteCollection(this.context, null));
  }
  getSelectedRange(): FakeRange {
    const ctx = this.context;
    return new FakeRange(ctx, () => {
      const sel = ctx.doc.selection;
      const sheet = ctx.doc.sheets.find((s) => s.name === sel.sheet)!;
      return { sheet, range: parseRangeA1(sel.address)! };
    });
  }
  get onSelectionChanged(): FakeEventHandlers {
    return this.context.fake.events('workbook', '1.2', this.context);
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

function findSheet(doc: FakeDoc, name: string): FakeSheet | null {
  const lower = name.toLowerCase();
  return doc.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

class FakeWorksheetCollection extends Proxy {
  private itemProxies: FakeWorksheet[] | null = null;
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc.sheets);
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigate(prop: string): Proxy[] | undefined {
    if (prop !== 'items') return undefined;
    const ctx = this.context;
    const items = ctx.doc.sheets.map((s) => new FakeWorksheet(ctx, () => (ctx.doc.sheets.includes(s) ? s : null)));
    ctx.stage(() => (this.itemProxies = items));
    return items;
  }
  override load(spec?: LoadSpec): this {
    // load() on a collection means its items' properties.
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths.map((p) => (p[0] === 'items' ? p : ['items', ...p])) : [['items']]));
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  getItem(name: string): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(ctx, () => {
      // The key is a name or an id, as in Office.js.
      const byId = /^\{sheet-(\d+)\}$/.exec(name);
      const s = byId ? (ctx.doc.sheets[Number(byId[1])] ?? null) : findSheet(ctx.doc, name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet '${name}').`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(ctx, () => findSheet(ctx.doc, name), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(ctx, () => findSheet(ctx.doc, ctx.doc.activeSheet));
  }
  getFirst(visibleOnly?: boolean): FakeWorksheet {
    const ctx = this.context;
    let checked = false;
    return new FakeWorksheet(ctx, () => {
      if (!checked) {
        ctx.requireApi('1.5', 'WorksheetCollection.getFirst');
        checked = true;
      }
      const s = ctx.doc.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw new FakeOfficeError('ItemNotFound', 'No worksheet.');
      return s;
    });
  }
  getCount(): FakeClientResult<number> {
    const ctx = this.context;
    const r = new FakeClientResult<number>();
    ctx.enqueue(() => {
      ctx.requireApi('1.4', 'WorksheetCollection.getCount');
      const n = ctx.doc.sheets.length;
      ctx.stage(() => r._set(n));
    });
    return r;
  }
  add(name?: string): FakeWorksheet {
    const ctx = this.context;
    const wanted = name ?? `Sheet${ctx.doc.sheets.length + 1}`;
    ctx.enqueue(() => {
      if (findSheet(ctx.doc, wanted)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet '${wanted}').`);
      ctx.doc.sheets.push({ name: wanted, visibility: 'Visible', protected: false, cells: new Map(), merges: [], widths: new Map() });
    });
    return new FakeWorksheet(ctx, () => findSheet(ctx.doc, wanted));
  }
  get onSelectionChanged(): FakeEventHandlers {
    return this.context.fake.events('worksheets', '1.9', this.context);
  }
}

export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  _set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded('value');
    return this.v as T;
  }
}

class FakeWorksheet extends Proxy {
  protected scalars(): string[] {
    return ['name', 'visibility', 'position', 'id'];
  }
  protected read(prop: string): unknown {
    const s = this.target<FakeSheet>();
    const doc = this.context.doc;
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return doc.sheets.indexOf(s);
      case 'id':
        return `{sheet-${doc.sheets.indexOf(s)}}`;
    }
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    if (prop === 'protection') return this.protection;
    return undefined;
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.context.enqueue(() => (this.target<FakeSheet>().name = v));
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.2', 'Worksheet.visibility (set)');
      this.target<FakeSheet>().visibility = v as FakeSheet['visibility'];
    });
  }
  get position(): number {
    return this.get('position');
  }
  get protection(): FakeWorksheetProtection {
    return this.navProxy('protection', () => new FakeWorksheetProtection(this.context, this.child((s: FakeSheet) => s)));
  }
  get comments(): FakeCommentCollection {
    return this.navProxy('comments', () => new FakeCommentCollection(this.context, this.child((s: FakeSheet) => s)));
  }
  get notes(): FakeNoteCollection {
    return this.navProxy('notes', () => new FakeNoteCollection(this.context, this.child((s: FakeSheet) => s)));
  }
  get onSelectionChanged(): FakeEventHandlers {
    return this.context.fake.events('worksheet', '1.7', this.context);
  }
  private usedRange(s: FakeSheet, valuesOnly: boolean): CellRange | null {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    for (const [k, cell] of s.cells) {
      const hasValue = (cell.v !== null && cell.v !== '') || !!cell.f;
      const hasFormat = !!cell.fill || !!cell.font || !!cell.z;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, c] = unkey(k);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    if (!valuesOnly) {
      for (const m of s.merges) {
        r1 = Math.min(r1, m.r1);
        c1 = Math.min(c1, m.c1);
        r2 = Math.max(r2, m.r2);
        c2 = Math.max(c2, m.c2);
      }
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const ctx = this.context;
    return new FakeRange(
      ctx,
      this.child((s: FakeSheet) => {
        // The valuesOnly parameter came with ExcelApi 1.2 (the method itself is 1.1).
        if (valuesOnly !== undefined) ctx.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
        return { sheet: s, range: this.usedRange(s, !!valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } };
      }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const ctx = this.context;
    return new FakeRange(
      ctx,
      this.child((s: FakeSheet) => {
        ctx.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
        const r = this.usedRange(s, !!valuesOnly);
        return r ? { sheet: s, range: r } : null;
      }),
      true,
    );
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      this.child((s: FakeSheet) => {
        // No address: the whole worksheet, as in Office.js.
        const r = address === undefined ? { r1: 0, c1: 0, r2: 1048575, c2: 16383 } : parseRangeA1(address.replace(/\$/g, ''));
        if (!r) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${address}).`);
        return { sheet: s, range: r };
      }),
    );
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.child((s: FakeSheet) => ({ sheet: s, range: { r1: row, c1: column, r2: row, c2: column } })));
  }
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(
      ctx,
      this.child((s: FakeSheet) => {
        ctx.requireApi('1.5', 'Worksheet.getNextOrNullObject');
        const i = ctx.doc.sheets.indexOf(s);
        return ctx.doc.sheets.slice(i + 1).find((x) => !visibleOnly || x.visibility === 'Visible') ?? null;
      }),
      true,
    );
  }
  activate(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const s = this.target<FakeSheet>();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      ctx.doc.activeSheet = s.name;
    });
  }
  delete(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const s = this.target<FakeSheet>();
      // Excel refuses to delete a very hidden sheet (and the last visible one).
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'This operation is not allowed on a very hidden worksheet.');
      if (s.visibility === 'Visible' && ctx.doc.sheets.filter((x) => x.visibility === 'Visible').length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      ctx.doc.sheets.splice(ctx.doc.sheets.indexOf(s), 1);
      ctx.doc.notes = ctx.doc.notes.filter((n) => n.sheet !== s.name);
      ctx.doc.comments = ctx.doc.comments.filter((n) => n.sheet !== s.name);
    });
  }
}

class FakeWorksheetProtection extends Proxy {
  protected scalars(): string[] {
    return ['protected'];
  }
  protected read(prop: string): unknown {
    this.context.requireApi('1.2', 'WorksheetProtection');
    return prop === 'protected' ? this.target<FakeSheet>().protected : undefined;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeRef {
  sheet: FakeSheet;
  range: CellRange;
}

function quoteName(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeText(r: CellRange): string {
  const tl = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${a1(r.r2, r.c2)}`;
}

function* cellsOf(r: CellRange): Generator<[number, number]> {
  for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) yield [i, j];
}

function grid<T>(r: CellRange, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.r1; i <= r.r2; i++) {
    const row: T[] = [];
    for (let j = r.c1; j <= r.c2; j++) row.push(f(i, j));
    out.push(row);
  }
  return out;
}

function displayValue(c: FakeCell | undefined): string | number | boolean {
  if (!c || c.v === null || c.v === undefined) return '';
  if (isCellError(c.v)) return c.v.error;
  return c.v;
}

function assertWritable(ref: RangeRef): void {
  if (ref.sheet.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
}

/** Shapes a scalar-or-2D input to the range, as Excel does (a scalar fills the whole range). */
function shape<T>(r: CellRange, input: T | T[][], what: string): T[][] {
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  if (!Array.isArray(input)) return grid(r, () => input);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return input;
}

class FakeRange extends Proxy {
  protected scalars(): string[] {
    return ['address', 'addressLocal', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes'];
  }
  protected read(prop: string): unknown {
    const { sheet, range } = this.target<RangeRef>();
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteName(sheet.name)}!${rangeText(range)}`;
      case 'rowCount':
        return range.r2 - range.r1 + 1;
      case 'columnCount':
        return range.c2 - range.c1 + 1;
      case 'rowIndex':
        return range.r1;
      case 'columnIndex':
        return range.c1;
      case 'cellCount':
        return (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1);
      case 'values':
        return grid(range, (i, j) => displayValue(sheet.cells.get(key(i, j))));
      case 'text':
        return grid(range, (i, j) => String(displayValue(sheet.cells.get(key(i, j)))));
      case 'formulas':
        return grid(range, (i, j) => {
          const c = sheet.cells.get(key(i, j));
          return c?.f ? `=${c.f}` : displayValue(c);
        });
      case 'numberFormat':
        return grid(range, (i, j) => sheet.cells.get(key(i, j))?.z ?? 'General');
      case 'valueTypes':
        return grid(range, (i, j) => {
          const v = sheet.cells.get(key(i, j))?.v;
          if (v === null || v === undefined || v === '') return 'Empty';
          if (isCellError(v)) return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
    }
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    if (prop === 'format') return this.format;
    if (prop === 'worksheet') return this.worksheet;
    return undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set values(input: unknown) {
    this.write('values', input);
  }
  set formulas(input: unknown) {
    this.write('formulas', input);
  }
  set numberFormat(input: unknown) {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      const data = shape(ref.range, input as string | string[][], 'numberFormat');
      for (const [i, j] of cellsOf(ref.range)) {
        const z = String(data[i - ref.range.r1][j - ref.range.c1] ?? 'General');
        const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
        if (z === 'General') delete c.z;
        else c.z = z;
        ref.sheet.cells.set(key(i, j), c);
      }
    }, jsonBytes(input));
  }
  private write(kind: 'values' | 'formulas', input: unknown): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      const data = shape(ref.range, input as unknown, kind);
      for (const [i, j] of cellsOf(ref.range)) {
        const x = data[i - ref.range.r1][j - ref.range.c1];
        const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
        if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
          c.f = x.slice(1);
          c.v = evaluate(ctx.doc, ref.sheet, c.f);
        } else if (typeof x === 'string' && x.startsWith("'")) {
          // Excel's quote prefix: the rest is text, whatever it looks like.
          delete c.f;
          c.v = x.slice(1) === '' ? null : x.slice(1);
        } else {
          delete c.f;
          c.v = x === '' || x === null || x === undefined ? null : (x as FakeCell['v']);
          if (typeof x === 'string' && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(x)) c.v = { error: x };
        }
        ref.sheet.cells.set(key(i, j), c);
      }
    }, jsonBytes(input));
  }
  get format(): FakeRangeFormat {
    return this.navProxy('format', () => new FakeRangeFormat(this.context, this.child((r: RangeRef) => r)));
  }
  get worksheet(): FakeWorksheet {
    return this.navProxy('worksheet', () => new FakeWorksheet(this.context, this.child((r: RangeRef) => r.sheet)));
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.child((r: RangeRef) => ({ sheet: r.sheet, range: { r1: r.range.r1 + row, c1: r.range.c1 + column, r2: r.range.r1 + row, c2: r.range.c1 + column } })));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    const ctx = this.context;
    return new FakeRange(
      ctx,
      this.child((r: RangeRef) => {
        ctx.requireApi('1.2', 'Range.getResizedRange');
        const r2 = r.range.r2 + deltaRows;
        const c2 = r.range.c2 + deltaColumns;
        if (r2 < r.range.r1 || c2 < r.range.c1) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid (getResizedRange).');
        return { sheet: r.sheet, range: { ...r.range, r2, c2 } };
      }),
    );
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const ctx = this.context;
    return new FakeRangeAreas(
      ctx,
      this.child((r: RangeRef) => {
        ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
        // Like Excel: only merges whose top-left cell lies in the range (office-js issue #3611),
        // and a failure past 512 of them (documented on Range.getMergedAreasOrNullObject).
        const inside = r.sheet.merges.filter((m) => m.r1 >= r.range.r1 && m.r1 <= r.range.r2 && m.c1 >= r.range.c1 && m.c1 <= r.range.c2);
        if (inside.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', `There are more than ${MAX_MERGED_AREAS} merged areas in the range.`);
        return inside.length ? { sheet: r.sheet, areas: inside } : null;
      }),
      true,
    );
  }
  getCellProperties(opts: { format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { color?: boolean; bold?: boolean } } }): FakeClientResult<unknown[][]> {
    const ctx = this.context;
    const result = new FakeClientResult<unknown[][]>();
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'Range.getCellProperties');
      const ref = this.target<RangeRef>();
      const data = grid(ref.range, (i, j) => {
        const c = ref.sheet.cells.get(key(i, j));
        const fill = c?.fill ?? NO_FILL;
        const format: Record<string, unknown> = {};
        if (opts.format?.fill) {
          const f: Record<string, unknown> = {};
          if (opts.format.fill.color) f.color = fill.color ?? DEFAULT_WHITE;
          if (opts.format.fill.pattern) f.pattern = fill.pattern;
          format.fill = f;
        }
        if (opts.format?.font) {
          const f: Record<string, unknown> = {};
          if (opts.format.font.color) f.color = c?.font?.color ?? DEFAULT_FONT_COLOR;
          if (opts.format.font.bold) f.bold = !!c?.font?.bold;
          format.font = f;
        }
        return { format };
      });
      ctx.responseBytes += jsonBytes(data);
      ctx.stage(() => result._set(data));
    });
    return result;
  }
  select(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      if (ctx.doc.activeSheet !== ref.sheet.name) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation (select a range on the active sheet).');
      ctx.doc.selection = { sheet: ref.sheet.name, address: rangeText(ref.range) };
      ctx.fake.queueSelectionEvent(ref.sheet.name, rangeText(ref.range));
    });
  }
  clear(applyTo?: string): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      // Only existing cells: a whole-sheet clear must not walk 17 billion positions.
      for (const [k, c] of [...ref.sheet.cells]) {
        const [i, j] = unkey(k);
        if (i < ref.range.r1 || i > ref.range.r2 || j < ref.range.c1 || j > ref.range.c2) continue;
        if (applyTo === 'Contents') {
          c.v = null;
          delete c.f;
        } else if (applyTo === 'Formats') {
          delete c.fill;
          delete c.font;
          delete c.z;
        } else ref.sheet.cells.delete(k);
      }
      if (applyTo !== 'Contents') ref.sheet.merges = ref.sheet.merges.filter((m) => !(m.r1 >= ref.range.r1 && m.r2 <= ref.range.r2 && m.c1 >= ref.range.c1 && m.c2 <= ref.range.c2));
    });
  }
}

/** Excel's tint/shade on a colour's HSL luminance: t > 0 lightens towards white, t < 0 darkens. */
export function applyTint(hex: string, t: number): string {
  const n = parseInt(hex.replace('#', ''), 16);
  let [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => x / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  const c = (1 - Math.abs(2 * l - 1)) * sat;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = l - c / 2;
  [r, g, b] = h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  const out = [r, g, b].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('');
  return `#${out.toUpperCase()}`;
}

/** Range.getMergedAreasOrNullObject "will fail to return the result" past this many areas. */
const MAX_MERGED_AREAS = 512;

class FakeRangeAreas extends Proxy {
  protected scalars(): string[] {
    return ['address', 'areaCount'];
  }
  protected read(prop: string): unknown {
    const t = this.target<{ sheet: FakeSheet; areas: CellRange[] }>();
    // As documented for RangeAreas.address: "Sheet1!A1:B4, Sheet1!D1:D4" (comma and space).
    if (prop === 'address') return t.areas.map((m) => `${quoteName(t.sheet.name)}!${rangeText(m)}`).join(', ');
    if (prop === 'areaCount') return t.areas.length;
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    return prop === 'areas' ? this.areas : undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.navProxy('areas', () => new FakeRangeCollection(this.context, this.child((t: { sheet: FakeSheet; areas: CellRange[] }) => t)));
  }
}

class FakeRangeCollection extends Proxy {
  private itemProxies: FakeRange[] | null = null;
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigate(prop: string): Proxy[] | undefined {
    if (prop !== 'items') return undefined;
    const t = this.target<{ sheet: FakeSheet; areas: CellRange[] }>();
    const items = t.areas.map((m) => new FakeRange(this.context, () => ({ sheet: t.sheet, range: m })));
    this.context.stage(() => (this.itemProxies = items));
    return items;
  }
  override load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths.map((p) => (p[0] === 'items' ? p : ['items', ...p])) : [['items']]));
    return this;
  }
  get items(): FakeRange[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
}

class FakeRangeFormat extends Proxy {
  protected scalars(): string[] {
    return ['columnWidth'];
  }
  protected read(prop: string): unknown {
    const { sheet, range } = this.target<RangeRef>();
    if (prop === 'columnWidth') return sheet.widths.get(range.c1) ?? 48;
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    return undefined;
  }
  get fill(): FakeRangeFill {
    return this.navProxy('fill', () => new FakeRangeFill(this.context, this.child((r: RangeRef) => r)));
  }
  get font(): FakeRangeFont {
    return this.navProxy('font', () => new FakeRangeFont(this.context, this.child((r: RangeRef) => r)));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(w: number) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.2', 'RangeFormat.columnWidth');
      const { sheet, range } = this.target<RangeRef>();
      for (let c = range.c1; c <= range.c2; c++) sheet.widths.set(c, w);
    });
  }
  autofitColumns(): void {
    this.context.enqueue(() => this.context.requireApi('1.2', 'RangeFormat.autofitColumns'));
  }
}

/** Uniform value over a range, or null when the cells differ (as Excel reports). */
function uniform<T>(ref: RangeRef, f: (c: FakeCell | undefined) => T): T | null {
  let first: T | undefined;
  let set = false;
  for (const [i, j] of cellsOf(ref.range)) {
    const v = f(ref.sheet.cells.get(key(i, j)));
    if (!set) {
      first = v;
      set = true;
    } else if (v !== first) return null;
  }
  return first ?? null;
}

function editCells(ref: RangeRef, f: (c: FakeCell) => void): void {
  assertWritable(ref);
  for (const [i, j] of cellsOf(ref.range)) {
    const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
    f(c);
    ref.sheet.cells.set(key(i, j), c);
  }
}

function normColor(c: string): string {
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const v = named[c.toLowerCase()] ?? c;
  return v.startsWith('#') ? v.toUpperCase() : `#${v.toUpperCase()}`;
}

class FakeRangeFill extends Proxy {
  protected scalars(): string[] {
    return ['color', 'pattern', 'patternColor', 'tintAndShade'];
  }
  protected read(prop: string): unknown {
    const ref = this.target<RangeRef>();
    if (prop === 'color') return uniform(ref, (c) => c?.fill?.color ?? DEFAULT_WHITE);
    if (prop === 'pattern') {
      this.context.requireApi('1.9', 'RangeFill.pattern');
      const none = this.context.fake.noFillPattern;
      return uniform(ref, (c) => (c?.fill ? c.fill.pattern : none));
    }
    if (prop === 'tintAndShade') {
      this.context.requireApi('1.9', 'RangeFill.tintAndShade');
      return uniform(ref, (c) => (c?.fill ? (c.fill.tintAndShade ?? 0) : null));
    }
    if (prop === 'patternColor') {
      this.context.requireApi('1.9', 'RangeFill.patternColor');
      return uniform(ref, (c) => c?.fill?.patternColor ?? null);
    }
    return undefined;
  }
  override load(spec?: LoadSpec): this {
    // A bare load() must not touch 1.9 properties on older hosts.
    if (spec === undefined && !versionAtLeast(this.context.fake.excelApi, '1.9')) return super.load('color');
    return super.load(spec);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() =>
      editCells(this.target<RangeRef>(), (c) => {
        const fill: FakeFill = { color: normColor(v), pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
        if (c.fill?.patternColor) fill.patternColor = c.fill.patternColor;
        c.fill = fill;
      }),
    );
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(p: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.pattern');
      editCells(this.target<RangeRef>(), (c) => {
        if (p === 'None') delete c.fill;
        else c.fill = { ...(c.fill ?? { color: DEFAULT_WHITE }), pattern: p };
      });
    });
  }
  get patternColor(): string | null {
    return this.get('patternColor');
  }
  get tintAndShade(): number | null {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.tintAndShade');
      // Like Excel: color reports the colour shown, tint included ("Blue, Accent 1, Lighter 80%"
      // reads #DDEBF7 with tintAndShade 0.8), so a tint set now lightens or darkens that colour.
      editCells(this.target<RangeRef>(), (c) => {
        const base = c.fill ?? { color: DEFAULT_WHITE, pattern: 'Solid' };
        c.fill = { ...base, color: applyTint(base.color ?? DEFAULT_WHITE, v), tintAndShade: v };
      });
    });
  }
  set patternColor(v: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.patternColor');
      editCells(this.target<RangeRef>(), (c) => (c.fill = { ...(c.fill ?? { color: DEFAULT_WHITE, pattern: 'Solid' }), patternColor: normColor(v) }));
    });
  }
  clear(): void {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => delete c.fill));
  }
}

class FakeRangeFont extends Proxy {
  protected scalars(): string[] {
    return ['color', 'bold'];
  }
  protected read(prop: string): unknown {
    const ref = this.target<RangeRef>();
    if (prop === 'color') return uniform(ref, (c) => c?.font?.color ?? DEFAULT_FONT_COLOR);
    if (prop === 'bold') return uniform(ref, (c) => !!c?.font?.bold);
    return undefined;
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => (c.font = { ...c.font, color: normColor(v) })));
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => (c.font = { ...c.font, bold: v })));
  }
}

// ---------------------------------------------------------------------------------------------
// Settings (workbook.settings, ExcelApi 1.4)

class FakeSettingCollection extends Proxy {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc.settings);
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  add(key_: string, value: unknown): FakeSetting {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.4', 'SettingCollection.add');
      // Settings are stored as JSON, as Excel does: functions, undefined etc. do not survive.
      ctx.doc.settings.set(key_, JSON.parse(JSON.stringify(value)));
    }, jsonBytes(value));
    return new FakeSetting(ctx, () => (ctx.doc.settings.has(key_) ? key_ : null));
  }
  getItem(key_: string): FakeSetting {
    const ctx = this.context;
    return new FakeSetting(ctx, () => {
      ctx.requireApi('1.4', 'SettingCollection.getItem');
      if (!ctx.doc.settings.has(key_)) throw new FakeOfficeError('ItemNotFound', `Setting '${key_}' not found.`);
      return key_;
    });
  }
  getItemOrNullObject(key_: string): FakeSetting {
    const ctx = this.context;
    return new FakeSetting(
      ctx,
      () => {
        ctx.requireApi('1.4', 'SettingCollection.getItemOrNullObject');
        return ctx.doc.settings.has(key_) ? key_ : null;
      },
      true,
    );
  }
}

class FakeSetting extends Proxy {
  protected scalars(): string[] {
    return ['key', 'value'];
  }
  protected read(prop: string): unknown {
    const k = this.target<string>();
    if (prop === 'key') return k;
    if (prop === 'value') return JSON.parse(JSON.stringify(this.context.doc.settings.get(k)));
    return undefined;
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.context.enqueue(() => this.context.doc.settings.set(this.target<string>(), JSON.parse(JSON.stringify(v))), jsonBytes(v));
  }
  delete(): void {
    this.context.enqueue(() => this.context.doc.settings.delete(this.target<string>()));
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and comments (ExcelApi 1.10)

function cellTarget(ctx: FakeRequestContext, sheetScope: FakeSheet | null, cellAddress: string | FakeRange): { sheet: FakeSheet; address: string } {
  let sheet: FakeSheet | null = sheetScope;
  let range: CellRange | null;
  if (typeof cellAddress === 'string') {
    const bang = cellAddress.lastIndexOf('!');
    if (bang >= 0) {
      sheet = findSheet(ctx.doc, cellAddress.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
      range = parseRangeA1(cellAddress.slice(bang + 1).replace(/\$/g, ''));
    } else range = parseRangeA1(cellAddress.replace(/\$/g, ''));
  } else {
    const ref = (cellAddress as unknown as { resolveOrNull(): RangeRef | null }).resolveOrNull();
    if (!ref) throw new FakeOfficeError('InvalidArgument', 'Invalid range.');
    sheet = ref.sheet;
    range = ref.range;
  }
  if (!sheet) sheet = findSheet(ctx.doc, ctx.doc.activeSheet);
  if (!sheet || !range) throw new FakeOfficeError('InvalidArgument', `The argument is invalid (${String(cellAddress)}).`);
  if (range.r1 !== range.r2 || range.c1 !== range.c2) throw new FakeOfficeError('InvalidArgument', 'The range must be a single cell.');
  return { sheet, address: a1(range.r1, range.c1) };
}

class FakeNoteCollection extends Proxy {
  private itemProxies: FakeNote_[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly scope: (() => FakeSheet | null) | null,
  ) {
    super(ctx, () => ctx.doc.notes);
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  private inScope(): FakeNote[] {
    const s = this.scope?.() ?? null;
    return this.context.doc.notes.filter((n) => !s || n.sheet === s.name);
  }
  protected override navigate(prop: string): Proxy[] | undefined {
    if (prop !== 'items') return undefined;
    this.context.requireApi('1.18', 'NoteCollection');
    const items = this.inScope().map((n) => new FakeNote_(this.context, () => (this.context.doc.notes.includes(n) ? n : null)));
    this.context.stage(() => (this.itemProxies = items));
    return items;
  }
  override load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths.map((p) => (p[0] === 'items' ? p : ['items', ...p])) : [['items']]));
    return this;
  }
  get items(): FakeNote_[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote_ {
    const ctx = this.context;
    let created: FakeNote | null = null;
    ctx.enqueue(() => {
      ctx.requireApi('1.18', 'NoteCollection.add');
      const t = cellTarget(ctx, this.scope?.() ?? null, cellAddress);
      if (ctx.doc.notes.some((n) => n.sheet === t.sheet.name && n.address === t.address)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
      created = { sheet: t.sheet.name, address: t.address, content: String(content) };
      ctx.doc.notes.push(created);
    }, jsonBytes(content));
    return new FakeNote_(ctx, () => created);
  }
  getItemOrNullObject(cellAddress: string): FakeNote_ {
    const ctx = this.context;
    return new FakeNote_(
      ctx,
      () => {
        ctx.requireApi('1.18', 'NoteCollection.getItemOrNullObject');
        const t = cellTarget(ctx, this.scope?.() ?? null, cellAddress);
        return ctx.doc.notes.find((n) => n.sheet === t.sheet.name && n.address === t.address) ?? null;
      },
      true,
    );
  }
}

class FakeNote_ extends Proxy {
  protected scalars(): string[] {
    return ['content'];
  }
  protected read(prop: string): unknown {
    return prop === 'content' ? this.target<FakeNote>().content : undefined;
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.context.enqueue(() => (this.target<FakeNote>().content = String(v)), jsonBytes(v));
  }
  delete(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const n = this.target<FakeNote>();
      ctx.doc.notes = ctx.doc.notes.filter((x) => x !== n);
    });
  }
}

class FakeCommentCollection extends Proxy {
  private itemProxies: FakeComment_[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly scope: (() => FakeSheet | null) | null,
  ) {
    super(ctx, () => ctx.doc.comments);
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigate(prop: string): Proxy[] | undefined {
    if (prop !== 'items') return undefined;
    this.context.requireApi('1.10', 'CommentCollection');
    const s = this.scope?.() ?? null;
    const items = this.context.doc.comments.filter((c) => !s || c.sheet === s.name).map((c) => new FakeComment_(this.context, () => (this.context.doc.comments.includes(c) ? c : null)));
    this.context.stage(() => (this.itemProxies = items));
    return items;
  }
  override load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths.map((p) => (p[0] === 'items' ? p : ['items', ...p])) : [['items']]));
    return this;
  }
  get items(): FakeComment_[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(cellAddress: string | FakeRange, content: string): FakeComment_ {
    const ctx = this.context;
    let created: FakeComment | null = null;
    ctx.enqueue(() => {
      ctx.requireApi('1.10', 'CommentCollection.add');
      const t = cellTarget(ctx, this.scope?.() ?? null, cellAddress);
      if (ctx.doc.comments.some((c) => c.sheet === t.sheet.name && c.address === t.address)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment thread.');
      created = { id: `{comment-${ctx.doc.nextCommentId++}}`, sheet: t.sheet.name, address: t.address, content: String(content) };
      ctx.doc.comments.push(created);
    }, jsonBytes(content));
    return new FakeComment_(ctx, () => created);
  }
  getItem(id: string): FakeComment_ {
    const ctx = this.context;
    return new FakeComment_(ctx, () => {
      ctx.requireApi('1.10', 'CommentCollection.getItem');
      const c = ctx.doc.comments.find((x) => x.id === id);
      if (!c) throw new FakeOfficeError('ItemNotFound', `Comment ${id} not found.`);
      return c;
    });
  }
  getItemOrNullObject(id: string): FakeComment_ {
    const ctx = this.context;
    return new FakeComment_(
      ctx,
      () => {
        ctx.requireApi('1.10', 'CommentCollection.getItemOrNullObject');
        return ctx.doc.comments.find((x) => x.id === id) ?? null;
      },
      true,
    );
  }
  getItemByCell(cellAddress: string | FakeRange): FakeComment_ {
    const ctx = this.context;
    return new FakeComment_(ctx, () => {
      ctx.requireApi('1.10', 'CommentCollection.getItemByCell');
      const t = cellTarget(ctx, this.scope?.() ?? null, cellAddress);
      const c = ctx.doc.comments.find((x) => x.sheet === t.sheet.name && x.address === t.address);
      if (!c) throw new FakeOfficeError('ItemNotFound', `No comment at ${t.address}.`);
      return c;
    });
  }
}

class FakeComment_ extends Proxy {
  protected scalars(): string[] {
    return ['id', 'content'];
  }
  protected read(prop: string): unknown {
    const c = this.target<FakeComment>();
    return prop === 'id' ? c.id : prop === 'content' ? c.content : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.context.enqueue(() => (this.target<FakeComment>().content = String(v)));
  }
  delete(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const c = this.target<FakeComment>();
      ctx.doc.comments = ctx.doc.comments.filter((x) => x !== c);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Events

interface FakeEventHandlers {
  add(handler: (args: unknown) => unknown): { remove(): void; context: FakeRequestContext };
}

// ---------------------------------------------------------------------------------------------
// Formulas written through the fake get a cached value, as Excel would give them (the file
// host's evaluator; what it does not cover is left without a value).

function evaluate(doc: FakeDoc, sheet: FakeSheet, formula: string): FakeCell['v'] {
  const ctx: EvalContext = {
    get: (name, r, c) => {
      const cell = findSheet(doc, name)?.cells.get(key(r, c));
      return cell ? cell.v : null;
    },
    sheetName: (name) => findSheet(doc, name)?.name ?? null,
    lastRow: (name) => {
      let last = 0;
      for (const k of findSheet(doc, name)?.cells.keys() ?? []) last = Math.max(last, unkey(k)[0]);
      return last;
    },
  };
  try {
    const v = evaluateFormula(formula, sheet.name, ctx);
    return typeof v === 'number' ? Number(v.toPrecision(15)) : v;
  } catch (e) {
    if (e instanceof UnsupportedFormula) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The fake Office + Excel globals

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

export class FakeExcel {
  doc: FakeDoc;
  readonly excelApi: string;
  readonly payloadLimit: number;
  readonly nullObjectCalls: 'propagate' | 'throw';
  readonly noFillPattern: 'None' | null;
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

  constructor(
    snapshot: WorkbookSnapshot,
    private readonly options: FakeExcelOptions = {},
  ) {
    this.doc = options.doc ?? docFromSnapshot(snapshot, options);
    this.excelApi = options.excelApi ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.nullObjectCalls = options.nullObjectCalls ?? 'propagate';
    this.noFillPattern = options.noFillPattern === undefined ? 'None' : options.noFillPattern;
    this.docSettingsPending = new Map(this.doc.docSettingsSaved);
  }

  /** The Excel namespace our host uses. */
  get Excel(): { run: <T>(a: FakeRequestContext | FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>), b?: (ctx: FakeRequestContext) => Promise<T>) => Promise<T> } {
    return {
      // Excel.run(batch); Excel.run(context, batch) to go on in an earlier run's context;
      // Excel.run(options, batch) (e.g. { delayForCellEdit: true }: no cell editing here, so no delay).
      run: async <T>(a: FakeRequestContext | FakeRunOptions | ((ctx: FakeRequestContext) => Promise<T>), b?: (ctx: FakeRequestContext) => Promise<T>): Promise<T> => {
        const reuse = a instanceof FakeRequestContext ? a : null;
        if (typeof a !== 'function' && !reuse) this.runOptions.push(a as FakeRunOptions);
        const cb = typeof a === 'function' ? a : b!;
        const ctx = reuse ?? new FakeRequestContext(this);
        if (!reuse) this.contexts.push(ctx);
        else this.reusedRuns++;
        const out = await cb(ctx);
        // Excel.run flushes whatever is still queued when the callback returns.
        if (ctx.hasPending) await ctx.sync();
        return out;
      },
    };
  }

  /** The Office namespace: requirement sets and document settings (common API). */
  get Office(): unknown {
    const supported = (name: string, version?: string): boolean => {
      if (name === 'ExcelApi') return versionAtLeast(this.excelApi, version ?? '1.1');
      const have = this.options.extraSets?.[name];
      return !!have && versionAtLeast(have, version ?? '1.1');
    };
    const pending = this.docSettingsPending;
    const fake = this;
    return {
      context: {
        requirements: { isSetSupported: supported },
        document: {
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
    };
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
            : { type: 'WorksheetSelectionChanged', worksheetId: `{sheet-${s ? this.doc.sheets.indexOf(s) : -1}}`, address: e.address, source: 'Local' };
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
