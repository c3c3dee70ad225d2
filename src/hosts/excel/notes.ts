// The message of a mark, attached to its cell as a note (ExcelApi 1.18) or, before notes, as a
// comment (ExcelApi 1.10). Ours are recognised by their prefix; a user's own note on a marked
// cell is kept in the marks record and put back on clear.
//
// As the reference documents them: notes through the worksheet's collection, keyed by a plain
// "A1" and added on a Range (a sheet-qualified string is not a documented form); comments added
// on a Range. Whether the API is there is decided by the requirement set *and* by the object
// model: the npm copy of office.js that intranet builds serve (OFFICE_JS=local) has no
// NoteCollection at all, while the Excel behind it reports ExcelApi 1.18.
import { markKey, NOTE_PREFIX } from '../file/mark-style';
import type { ApiSets, Ctx } from './env';
import type { ExcelMark, NoteKind } from './marks-record';

/** Which message APIs this office.js actually has (a proxy is made; nothing is sent). */
export interface ObjectModel {
  notes: boolean;
  comments: boolean;
}

export function objectModelOf(ctx: Ctx): ObjectModel {
  const wb = ctx.workbook as unknown as Record<string, unknown>;
  return { notes: wb.notes !== undefined && wb.notes !== null, comments: wb.comments !== undefined && wb.comments !== null };
}

export function noteMode(api: ApiSets, model: ObjectModel): NoteKind {
  if (api.has('1.18') && model.notes) return 'note';
  return api.has('1.10') && model.comments ? 'comment' : null;
}

/** Notes and comments of the cells one batch touches: probed in one sync, written in the next. */
export class MarkNotes {
  private readonly notes = new Map<string, Excel.Note>();
  private comments: Excel.CommentCollection | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly api: ApiSets,
    private readonly model: ObjectModel,
  ) {}

  get canProbeNotes(): boolean {
    return this.api.has('1.18') && this.model.notes;
  }

  /** Queues the load of a cell's note on a worksheet (read after the next sync), keyed by `sheet`. */
  probe(ws: Excel.Worksheet, sheet: string, address: string): void {
    if (!this.canProbeNotes) return;
    const note = ws.notes.getItemOrNullObject(address);
    note.load('content');
    this.notes.set(markKey(sheet, address), note);
  }

  /** The text of the cell's note as probed, or null. */
  existing(sheet: string, address: string): string | null {
    const note = this.notes.get(markKey(sheet, address));
    return note && !note.isNullObject ? note.content : null;
  }

  /** Queues the load of every comment (comments cannot be looked up by cell in one round trip). */
  loadComments(): void {
    if (!this.api.has('1.10') || !this.model.comments || this.comments) return;
    this.comments = this.ctx.workbook.comments;
    this.comments.load('items/id,items/content');
  }

  /** Deletes the comments we wrote earlier (their text starts with our prefix). */
  deleteOurComments(): void {
    if (!this.comments) return;
    for (const c of this.comments.items) if (typeof c.content === 'string' && c.content.startsWith(NOTE_PREFIX)) c.delete();
  }

  write(mode: NoteKind, ws: Excel.Worksheet, sheet: string, address: string, text: string): void {
    if (mode === 'note') {
      const note = this.notes.get(markKey(sheet, address));
      if (note && !note.isNullObject) note.content = text;
      else ws.notes.add(ws.getRange(address), text);
    } else if (mode === 'comment') {
      this.ctx.workbook.comments.add(ws.getRange(address), text);
    }
  }

  /**
   * Puts back the user's note a mark replaced; a note edited since (no longer ours) stays. Notes
   * are keyed by the sheet name on record, even when the sheet has been renamed since.
   */
  restore(m: ExcelMark, ws: Excel.Worksheet): void {
    if (m.noteKind !== 'note') return;
    const note = this.notes.get(markKey(m.sheet, m.address));
    if (!note) return;
    if (!note.isNullObject) {
      if (!note.content.startsWith(NOTE_PREFIX)) return;
      if (m.originalNote !== null) note.content = m.originalNote;
      else note.delete();
    } else if (m.originalNote !== null) {
      ws.notes.add(ws.getRange(m.address), m.originalNote);
    }
  }
}
