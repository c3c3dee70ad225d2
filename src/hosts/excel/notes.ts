// The message of a mark, attached to its cell as a note (ExcelApi 1.18) or, before notes, as a
// comment (ExcelApi 1.10). Ours are recognised by their prefix; a user's own note on a marked
// cell is kept in the marks record and put back on clear.
import { quoteSheet } from '../../core/address';
import { NOTE_PREFIX } from '../file/mark-style';
import type { ApiSets, Ctx } from './env';
import { markKey, type ExcelMark, type NoteKind } from './marks-record';

export function noteMode(api: ApiSets): NoteKind {
  return api.has('1.18') ? 'note' : api.has('1.10') ? 'comment' : null;
}

/** Notes and comments of the cells one batch touches: probed in one sync, written in the next. */
export class MarkNotes {
  private readonly notes = new Map<string, Excel.Note>();
  private comments: Excel.CommentCollection | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly api: ApiSets,
  ) {}

  get canProbeNotes(): boolean {
    return this.api.has('1.18');
  }

  /** Queues the load of a cell's note (read after the next sync). */
  probe(sheet: string, address: string): void {
    const k = markKey(sheet, address);
    if (this.notes.has(k) || !this.canProbeNotes) return;
    const note = this.ctx.workbook.notes.getItemOrNullObject(`${quoteSheet(sheet)}!${address}`);
    note.load('content');
    this.notes.set(k, note);
  }

  /** The text of the cell's note as probed, or null. */
  existing(sheet: string, address: string): string | null {
    const note = this.notes.get(markKey(sheet, address));
    return note && !note.isNullObject ? note.content : null;
  }

  /** Queues the load of every comment (comments cannot be looked up by cell in one round trip). */
  loadComments(): void {
    if (!this.api.has('1.10') || this.comments) return;
    this.comments = this.ctx.workbook.comments;
    this.comments.load('items/id,items/content');
  }

  /** Deletes the comments we wrote earlier (their text starts with our prefix). */
  deleteOurComments(): void {
    if (!this.comments) return;
    for (const c of this.comments.items) if (typeof c.content === 'string' && c.content.startsWith(NOTE_PREFIX)) c.delete();
  }

  write(mode: NoteKind, sheet: string, address: string, text: string): void {
    if (mode === 'note') {
      const note = this.notes.get(markKey(sheet, address));
      if (note && !note.isNullObject) note.content = text;
      else this.ctx.workbook.notes.add(`${quoteSheet(sheet)}!${address}`, text);
    } else if (mode === 'comment') {
      this.ctx.workbook.comments.add(`${quoteSheet(sheet)}!${address}`, text);
    }
  }

  /** Puts back the user's note a mark replaced; a note edited since (no longer ours) stays. */
  restore(m: ExcelMark): void {
    if (m.noteKind !== 'note') return;
    const note = this.notes.get(markKey(m.sheet, m.address));
    if (!note) return;
    if (!note.isNullObject) {
      if (!note.content.startsWith(NOTE_PREFIX)) return;
      if (m.originalNote !== null) note.content = m.originalNote;
      else note.delete();
    } else if (m.originalNote !== null) {
      this.ctx.workbook.notes.add(`${quoteSheet(m.sheet)}!${m.address}`, m.originalNote);
    }
  }
}
