// The workbook: its collections and the selection.
import { parseRangeA1 } from '../../src/core/address';
import type { FakeRequestContext } from './context';
import type { FakeEventHandlers } from './fake-excel';
import { FakeCommentCollection, FakeNoteCollection } from './notes';
import { Proxy } from './proxy';
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

