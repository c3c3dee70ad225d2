// Notes (ExcelApi 1.18) and comments (ExcelApi 1.10).
import { a1, parseRangeA1 } from '../../src/core/address';
import type { CellRange } from '../../src/core/snapshot';
import { jsonBytes } from './bytes';
import type { FakeRequestContext } from './context';
import { findSheet, type FakeComment, type FakeNote, type FakeSheet } from './doc';
import { FakeOfficeError } from './errors';
import { FakeCollection, Proxy } from './proxy';
import type { FakeRange, RangeRef } from './range';

type Scope = (() => FakeSheet | null) | null;

/**
 * The cell a note or comment call names, as Excel accepts it. Notes (NoteCollection.add,
 * getItem*): a Range or a plain address such as "A1" — the reference documents no sheet-qualified
 * string, so the fake refuses one. Comments: a Range or a string that "must contain the full
 * address, including the sheet name". A sheet that does not exist is an invalid argument: it
 * fails the whole batch, *OrNullObject or not.
 */
export function cellTarget(ctx: FakeRequestContext, kind: 'note' | 'comment', scope: Scope, cellAddress: string | FakeRange): { sheet: FakeSheet; address: string } {
  const invalid = (why: string) => new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${String(cellAddress)}: ${why}).`);
  let sheet: FakeSheet | null;
  let range: CellRange | null;
  if (typeof cellAddress !== 'string') {
    const ref = (cellAddress as unknown as { resolveOrNull(): RangeRef | null }).resolveOrNull();
    if (!ref) throw invalid('the range does not exist');
    sheet = ref.sheet;
    range = ref.range;
  } else {
    const bang = cellAddress.lastIndexOf('!');
    if (kind === 'note' && bang >= 0) throw invalid('a note takes a Range or an address such as "A1"');
    if (kind === 'comment' && bang < 0) throw invalid('a comment address must include the sheet name');
    if (bang >= 0) {
      sheet = findSheet(ctx.doc, cellAddress.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
      if (!sheet) throw invalid('no such sheet');
    } else sheet = scope ? scope() : findSheet(ctx.doc, ctx.doc.activeSheet);
    range = parseRangeA1(cellAddress.slice(bang + 1).replace(/\$/g, ''));
  }
  if (!sheet) throw new FakeOfficeError('InvalidObjectPath', 'The collection belongs to a worksheet that does not exist.');
  if (!range) throw invalid('not an A1 address');
  if (range.r1 !== range.r2 || range.c1 !== range.c2) throw invalid('the range must be a single cell');
  return { sheet, address: a1(range.r1, range.c1) };
}

/** A sheet-scoped collection of a worksheet that turned out to be a null object. */
function onNullSheet(ctx: FakeRequestContext, scope: Scope): boolean {
  if (!scope || scope() !== null) return false;
  if (ctx.fake.nullObjectCalls === 'throw') throw new FakeOfficeError('InvalidObjectPath', 'A method was called on a null object (Worksheet).');
  return true;
}

export class FakeNoteCollection extends FakeCollection<FakeNote_> {
  constructor(
    ctx: FakeRequestContext,
    private readonly scope: (() => FakeSheet | null) | null,
  ) {
    super(ctx, () => ctx.doc.notes);
  }
  private inScope(): FakeNote[] {
    if (!this.scope) return this.context.doc.notes;
    const s = this.scope();
    return s ? this.context.doc.notes.filter((n) => n.sheet === s.name) : [];
  }
  protected makeItems(): FakeNote_[] {
    this.context.requireApi('1.18', 'NoteCollection');
    return this.inScope().map((n) => new FakeNote_(this.context, () => (this.context.doc.notes.includes(n) ? n : null)));
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote_ {
    const ctx = this.context;
    ctx.assertSameContext(cellAddress);
    let created: FakeNote | null = null;
    ctx.enqueue(() => {
      ctx.requireApi('1.18', 'NoteCollection.add');
      const t = cellTarget(ctx, 'note', this.scope, cellAddress);
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
        if (onNullSheet(ctx, this.scope)) return null;
        const t = cellTarget(ctx, 'note', this.scope, cellAddress);
        return ctx.doc.notes.find((n) => n.sheet === t.sheet.name && n.address === t.address) ?? null;
      },
      true,
    );
  }
}

export class FakeNote_ extends Proxy {
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

export class FakeCommentCollection extends FakeCollection<FakeComment_> {
  constructor(
    ctx: FakeRequestContext,
    private readonly scope: (() => FakeSheet | null) | null,
  ) {
    super(ctx, () => ctx.doc.comments);
  }
  protected makeItems(): FakeComment_[] {
    this.context.requireApi('1.10', 'CommentCollection');
    const s = this.scope ? this.scope() : null;
    return this.context.doc.comments.filter((c) => !this.scope || (s !== null && c.sheet === s.name)).map((c) => new FakeComment_(this.context, () => (this.context.doc.comments.includes(c) ? c : null)));
  }
  add(cellAddress: string | FakeRange, content: string): FakeComment_ {
    const ctx = this.context;
    ctx.assertSameContext(cellAddress);
    let created: FakeComment | null = null;
    ctx.enqueue(() => {
      ctx.requireApi('1.10', 'CommentCollection.add');
      const t = cellTarget(ctx, 'comment', this.scope, cellAddress);
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
      const t = cellTarget(ctx, 'comment', this.scope, cellAddress);
      const c = ctx.doc.comments.find((x) => x.sheet === t.sheet.name && x.address === t.address);
      if (!c) throw new FakeOfficeError('ItemNotFound', `No comment at ${t.address}.`);
      return c;
    });
  }
}

export class FakeComment_ extends Proxy {
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

