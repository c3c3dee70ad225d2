// Worksheets: the collection, one sheet, its protection.
import { parseRangeA1 } from '../../src/core/address';
import type { CellRange } from '../../src/core/snapshot';
import type { FakeRequestContext } from './context';
import { findSheet, unkey, type FakeDoc, type FakeSheet } from './doc';
import { FakeOfficeError, notLoaded } from './errors';
import type { FakeEventHandlers } from './fake-excel';
import { FakeCommentCollection, FakeNoteCollection } from './notes';
import { FakeCollection, Proxy } from './proxy';
import { FakeRange } from './range';

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc.sheets);
  }
  protected makeItems(): FakeWorksheet[] {
    const ctx = this.context;
    return ctx.doc.sheets.map((s) => new FakeWorksheet(ctx, () => (ctx.doc.sheets.includes(s) ? s : null)));
  }
  getItem(name: string): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(ctx, () => {
      const s = byNameOrId(ctx.doc, name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (worksheet '${name}').`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ctx = this.context;
    return new FakeWorksheet(ctx, () => byNameOrId(ctx.doc, name), true);
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
      assertStructureUnprotected(ctx.doc);
      if (findSheet(ctx.doc, wanted)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (worksheet '${wanted}').`);
      ctx.doc.sheets.push({ uid: ctx.doc.nextSheetUid++, name: wanted, visibility: 'Visible', protected: false, cells: new Map(), merges: [], widths: new Map() });
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

export class FakeWorksheet extends Proxy {
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
        return sheetId(s);
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
    this.context.enqueue(() => {
      assertStructureUnprotected(this.context.doc);
      renameSheet(this.context.doc, this.target<FakeSheet>(), v);
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.2', 'Worksheet.visibility (set)');
      assertStructureUnprotected(ctx.doc);
      this.target<FakeSheet>().visibility = v as FakeSheet['visibility'];
    });
  }
  get position(): number {
    return this.get('position');
  }
  get id(): string {
    return this.get('id');
  }
  get protection(): FakeWorksheetProtection {
    return this.navProxy('protection', () => new FakeWorksheetProtection(this.context, this.child((s: FakeSheet) => s)));
  }
  get comments(): FakeCommentCollection {
    return this.navProxy('comments', () => new FakeCommentCollection(this.context, this.child((s: FakeSheet) => s)));
  }
  get notes(): FakeNoteCollection {
    // The npm copy of office.js has no NoteCollection: the property does not exist there.
    if (this.context.fake.officeJs === 'npm') return undefined as unknown as FakeNoteCollection;
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
      assertStructureUnprotected(ctx.doc);
      // Excel refuses to delete a very hidden sheet (and the last visible one).
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'This operation is not allowed on a very hidden worksheet.');
      if (s.visibility === 'Visible' && ctx.doc.sheets.filter((x) => x.visibility === 'Visible').length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      ctx.doc.sheets.splice(ctx.doc.sheets.indexOf(s), 1);
      ctx.doc.notes = ctx.doc.notes.filter((n) => n.sheet !== s.name);
      ctx.doc.comments = ctx.doc.comments.filter((n) => n.sheet !== s.name);
    });
  }
}

export class FakeWorksheetProtection extends Proxy {
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


/** Workbook structure protection refuses adding, deleting, renaming and hiding sheets. */
export function assertStructureUnprotected(doc: FakeDoc): void {
  if (doc.workbookProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected: sheets cannot be added, deleted, renamed or hidden.');
}

/** Renames a sheet; its notes and comments go with it. */
export function renameSheet(doc: FakeDoc, sheet: FakeSheet, name: string): void {
  const other = findSheet(doc, name);
  if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
  for (const n of doc.notes) if (n.sheet === sheet.name) n.sheet = name;
  for (const c of doc.comments) if (c.sheet === sheet.name) c.sheet = name;
  if (doc.activeSheet === sheet.name) doc.activeSheet = name;
  if (doc.selection.sheet === sheet.name) doc.selection = { ...doc.selection, sheet: name };
  sheet.name = name;
}

/** Worksheet ids are stable for the sheet's life: renaming keeps it, deleting another does not shift it. */
export function sheetId(s: FakeSheet): string {
  return `{sheet-${s.uid}}`;
}

/** The key of getItem*: a name or an id, as in Office.js. */
function byNameOrId(doc: FakeDoc, key: string): FakeSheet | null {
  const m = /^\{sheet-(\d+)\}$/.exec(key);
  return m ? (doc.sheets.find((s) => s.uid === Number(m[1])) ?? null) : findSheet(doc, key);
}
