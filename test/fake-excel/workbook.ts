// The workbook: its collections and the selection.
import { parseRangeA1 } from '../../src/core/address';
import type { FakeRequestContext } from './context';
import type { FakeEventHandlers } from './fake-excel';
import { FakeCommentCollection, FakeNoteCollection } from './notes';
import { Proxy } from './proxy';
import { dateSerial } from './convert';
import type { FakeDoc } from './doc';
import { FakeRange } from './range';
import { FakeSettingCollection } from './settings';
import { FakeWorksheetCollection } from './worksheets';

export class FakeWorkbook extends Proxy {
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
    // The npm copy of office.js has no NoteCollection: the property does not exist there.
    if (this.context.fake.officeJs === 'npm') return undefined as unknown as FakeNoteCollection;
    return this.navProxy('notes', () => new FakeNoteCollection(this.context, null));
  }
  get protection(): FakeWorkbookProtection {
    return this.navProxy('protection', () => new FakeWorkbookProtection(this.context, () => this.context.doc));
  }
  get functions(): FakeFunctions {
    return new FakeFunctions(this.context);
  }
  protected override navigate(prop: string): Proxy | undefined {
    return prop === 'protection' ? this.protection : undefined;
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


/** workbook.protection (ExcelApi 1.7): structure protection. */
export class FakeWorkbookProtection extends Proxy {
  protected scalars(): string[] {
    return ['protected'];
  }
  protected read(prop: string): unknown {
    this.context.requireApi('1.7', 'WorkbookProtection');
    return prop === 'protected' ? this.target<FakeDoc>().workbookProtected : undefined;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/** workbook.functions (ExcelApi 1.2): only DATE, which reveals the workbook's date system. */
export class FakeFunctions {
  constructor(private readonly context: FakeRequestContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    const ctx = this.context;
    return new FakeFunctionResult(ctx, () => {
      ctx.requireApi('1.2', 'Functions.date');
      const v = dateSerial(year, month, day, ctx.doc.date1904);
      return v === null || v < 0 ? { error: '#NUM!', value: null } : { error: null, value: v };
    });
  }
}

export class FakeFunctionResult extends Proxy {
  protected scalars(): string[] {
    return ['value', 'error'];
  }
  protected read(prop: string): unknown {
    const r = this.target<{ error: string | null; value: number | null }>();
    return prop === 'value' ? r.value : prop === 'error' ? r.error : undefined;
  }
  get value(): number | null {
    return this.get('value');
  }
  get error(): string | null {
    return this.get('error');
  }
}
