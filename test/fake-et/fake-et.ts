// A fake of WPS 表格's object model (ET) as a WPS 加载项 page sees it on `window.Application`,
// as strict as the fake Excel: members named as in wps-jsapi (checked in jsapi-conformance.ts),
// collections with 1-based Item(i), Value2 of an area as rows of values, errors as COM returns
// them, protected sheets refusing writes, and a counter of every call into the object model.
// It is populated from a WorkbookSnapshot and can be "saved, closed and reopened".
import { parseA1 } from '../../src/core/address';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { EtCtx, FakeEtOptions } from './context';
import { expose, FakeEtError, type CallCounter } from './expose';
import { FakeRange } from './range';
import { FakeSheets, FakeWorksheet } from './sheet';
import { SPECS } from './specs';
import { bgr, cloneState, key, stateFromSnapshot, XL_SOLID, type EtCellState, type EtSheetState, type EtWorkbookState } from './state';

export type { FakeEtOptions } from './context';
export { FakeEtError } from './expose';

/** Office's limit on a text custom document property. */
const PROPERTY_TEXT_MAX = 255;

class FakeDocProps {
  constructor(private readonly ctx: EtCtx) {}
  get Count(): number {
    return this.ctx.wb.props.length;
  }
  Item(index: number | string): unknown {
    const props = this.ctx.wb.props;
    const p = typeof index === 'number' ? props[index - 1] : props.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
    if (!p) throw new FakeEtError('下标越界');
    const ctx = this.ctx;
    const prop = {
      get Name(): string {
        return p.name;
      },
      get Value(): unknown {
        return p.value;
      },
      get Type(): number {
        return p.type;
      },
      Delete(): void {
        ctx.wb.props = ctx.wb.props.filter((x) => x !== p);
      },
    };
    return expose(prop, 'DocumentProperty', SPECS.DocumentProperty, ctx.counter, ctx.alive);
  }
  Add(name: string, linkToContent: boolean, type: number, value: unknown): unknown {
    if (this.ctx.wb.props.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new FakeEtError('属性名已存在');
    if (linkToContent) throw new FakeEtError('LinkToContent 需要 LinkSource');
    if (type === 4 && (typeof value !== 'string' || value.length > PROPERTY_TEXT_MAX)) throw new FakeEtError('文本属性的值最多 255 个字符');
    this.ctx.wb.props.push({ name, type, value });
    return this.Item(name);
  }
}

class FakeWorkbook {
  constructor(private readonly ctx: EtCtx) {}
  get Name(): string {
    return this.ctx.wb.name;
  }
  get FullName(): string {
    return this.ctx.wb.fullName;
  }
  get Worksheets(): FakeSheets {
    return FakeSheets.wrap(this.ctx);
  }
  get Sheets(): FakeSheets {
    return FakeSheets.wrap(this.ctx);
  }
  get CustomDocumentProperties(): FakeDocProps {
    if (this.ctx.opts.documentProperties === false) throw new FakeEtError('没有实现该方法');
    return expose(new FakeDocProps(this.ctx), 'DocumentProperties', SPECS.DocumentProperties, this.ctx.counter, this.ctx.alive);
  }
  Activate(): void {
    this.ctx.app.activateWorkbook();
  }
}

export interface TaskPaneState {
  ID: number;
  url: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  title?: string;
}

type Listener = (...args: unknown[]) => void;

export class FakeEt {
  readonly counter: CallCounter = { calls: 0, byMember: new Map() };
  readonly workbooks: EtWorkbookState[] = [];
  private activeIndex = 0;
  readonly listeners = new Map<string, Listener[]>();
  readonly storage = new Map<string, unknown>();
  readonly taskPanes: TaskPaneState[] = [];
  DisplayAlerts = true;
  ScreenUpdating = true;
  /** Every selection the user or the host made, in order. */
  readonly selections: { sheet: string; address: string }[] = [];
  readonly Application: unknown;

  constructor(
    first: EtWorkbookState | null,
    readonly options: FakeEtOptions = {},
  ) {
    if (first) this.workbooks.push(first);
    this.Application = this.makeApplication();
  }

  get calls(): number {
    return this.counter.calls;
  }
  /** Calls into the object model made while `f` ran. */
  async measure<T>(f: () => Promise<T> | T): Promise<{ result: T; calls: number }> {
    const before = this.counter.calls;
    const result = await f();
    return { result, calls: this.counter.calls - before };
  }

  get wb(): EtWorkbookState {
    const w = this.workbooks[this.activeIndex];
    if (!w) throw new Error('no workbook open');
    return w;
  }
  ctxFor(wb: EtWorkbookState): EtCtx {
    const app = {
      get DisplayAlerts(): boolean {
        return fake.DisplayAlerts;
      },
      fireSelection: (sheet: string, address: string) => this.fireSelection(wb, sheet, address),
      activateWorkbook: () => {
        this.activeIndex = this.workbooks.indexOf(wb);
      },
    };
    const fake = this;
    return { opts: this.options, counter: this.counter, wb, alive: () => !wb.closed && this.workbooks.includes(wb), app };
  }

  private makeApplication(): unknown {
    const fake = this;
    const apiEvent = expose(
      {
        AddApiEventListener(name: string, cb: Listener): void {
          fake.listeners.set(name, [...(fake.listeners.get(name) ?? []), cb]);
        },
        RemoveApiEventListener(name: string, cb?: Listener): void {
          fake.listeners.set(name, cb ? (fake.listeners.get(name) ?? []).filter((x) => x !== cb) : []);
        },
      },
      'ApiEvent',
      SPECS.ApiEvent,
      this.counter,
    );
    const storage = expose(
      {
        setItem: (k: string, v: unknown) => void fake.storage.set(k, v),
        getItem: (k: string) => fake.storage.get(k) ?? null,
        removeItem: (k: string) => void fake.storage.delete(k),
      },
      'PluginStorage',
      SPECS.PluginStorage,
      this.counter,
    );
    const pane = (p: TaskPaneState) => expose(p, 'TaskPane', SPECS.TaskPane, fake.counter);
    const app = {
      get ActiveWorkbook() {
        const w = fake.workbooks[fake.activeIndex];
        return w ? expose(new FakeWorkbook(fake.ctxFor(w)), 'Workbook', SPECS.Workbook, fake.counter, () => !w.closed) : null;
      },
      get Workbooks() {
        return expose({ Count: fake.workbooks.length }, 'Workbooks', SPECS.Workbooks, fake.counter);
      },
      get ScreenUpdating() {
        return fake.ScreenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        fake.ScreenUpdating = v;
      },
      get DisplayAlerts() {
        return fake.DisplayAlerts;
      },
      set DisplayAlerts(v: boolean) {
        fake.DisplayAlerts = v;
      },
      ApiEvent: apiEvent,
      PluginStorage: storage,
      Name: 'WPS 表格',
      ribbonUI: undefined as unknown,
      Enum: undefined as unknown,
      CreateTaskPane(url: string, title?: string) {
        const p: TaskPaneState = { ID: fake.taskPanes.length + 1, url, Visible: false, DockPosition: 2, Width: 300, title };
        fake.taskPanes.push(p);
        return pane(p);
      },
      GetTaskPane(id: number) {
        const p = fake.taskPanes.find((x) => x.ID === id);
        if (!p) throw new FakeEtError('找不到任务窗格');
        return pane(p);
      },
    };
    return expose(app, 'Application', SPECS.Application, this.counter);
  }

  private fireSelection(wb: EtWorkbookState, sheet: string, address: string): void {
    wb.selection = { sheet, address };
    this.selections.push({ sheet, address });
    const state = wb.sheets.find((s) => s.name === sheet)!;
    const ctx = this.ctxFor(wb);
    const p = parseA1(address.split(':')[0])!;
    const ws = FakeWorksheet.wrap(ctx, state);
    const range = FakeRange.wrap(new FakeRange(ctx, state, p.row, p.col, p.row, p.col));
    for (const cb of this.listeners.get('SheetSelectionChange') ?? []) cb(ws, range);
  }

  // ---- test helpers (not part of the object model; not counted) ----------------------------

  sheet(name: string): EtSheetState {
    const s = this.wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  cell(sheet: string, address: string): EtCellState | undefined {
    const p = parseA1(address)!;
    return this.sheet(sheet).cells.get(key(p.row, p.col));
  }
  private edit(sheet: string, address: string, f: (c: EtCellState) => void): void {
    const p = parseA1(address)!;
    const s = this.sheet(sheet);
    const c: EtCellState = { ...(s.cells.get(key(p.row, p.col)) ?? { v: null }) };
    f(c);
    s.cells.set(key(p.row, p.col), c);
  }
  /** Plants formatting: fill as '#RRGGBB' (solid unless a pattern is given), bold. */
  format(sheet: string, address: string, f: { fill?: { color: string; pattern?: number; patternColor?: string } | null; bold?: boolean }): void {
    this.edit(sheet, address, (c) => {
      if (f.fill === null) delete c.fill;
      else if (f.fill) c.fill = { color: bgr(f.fill.color), pattern: f.fill.pattern ?? XL_SOLID, ...(f.fill.patternColor ? { patternColor: bgr(f.fill.patternColor) } : {}) };
      if (f.bold !== undefined) c.bold = f.bold;
    });
  }
  setComment(sheet: string, address: string, text: string, author = '张会计'): void {
    this.edit(sheet, address, (c) => (c.comment = { text, author }));
  }
  commentAt(sheet: string, address: string): string | undefined {
    return this.cell(sheet, address)?.comment?.text;
  }
  /** All comments of the active workbook as 'Sheet!A1'. */
  comments(): string[] {
    const out: string[] = [];
    for (const s of this.wb.sheets) for (const [k, c] of s.cells) if (c.comment) out.push(`${s.name}!${k}`);
    return out;
  }
  /** The user clicks a cell: the sheet becomes active and SheetSelectionChange fires. */
  userSelects(sheet: string, address: string): void {
    this.wb.activeSheet = sheet;
    this.fireSelection(this.wb, sheet, address);
  }
  /** File → Save, close and reopen: everything in the workbook persists. */
  reopen(options: FakeEtOptions = this.options): FakeEt {
    return new FakeEt(cloneState({ ...this.wb, closed: false }), options);
  }
  /** Opens another workbook (it becomes the active one). */
  openWorkbook(snapshot: WorkbookSnapshot, opts: { name?: string } = {}): void {
    this.workbooks.push(stateFromSnapshot(snapshot, { ...this.options, name: opts.name }));
    this.activeIndex = this.workbooks.length - 1;
  }
  activateWorkbook(name: string): void {
    const i = this.workbooks.findIndex((w) => w.name === name);
    if (i < 0) throw new Error(`no workbook ${name}`);
    this.activeIndex = i;
  }
  closeWorkbook(name: string): void {
    const w = this.workbooks.find((x) => x.name === name);
    if (!w) throw new Error(`no workbook ${name}`);
    w.closed = true;
    this.workbooks.splice(this.workbooks.indexOf(w), 1);
    this.activeIndex = Math.max(0, Math.min(this.activeIndex, this.workbooks.length - 1));
  }
  sheetState(name: string): EtSheetState {
    return this.sheet(name);
  }
}

export function createFakeEt(snapshot: WorkbookSnapshot | null, options: FakeEtOptions = {}): FakeEt {
  return new FakeEt(snapshot ? stateFromSnapshot(snapshot, options) : null, options);
}
