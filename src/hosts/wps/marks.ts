// Marking cells in WPS: a fill by severity and the messages as a comment (批注), with the cell's
// original fill and comment recorded first (record.ts) so clearing puts them back exactly. A
// user's own comment is not deleted: its text is replaced (Comment.Text(s) keeps author and
// shape) and put back on clear; a comment the user has edited since is left alone.
import type { Severity } from '../../core/findings';
import { MARK_STYLES, NOTE_PREFIX, officerNote } from '../file/mark-style';
import type { EtComment, EtRange, EtWorksheet } from './et';
import { hexToBgr, paintFill, readFill, restoreFill } from './fill';
import type { WpsMark } from './record';

export interface Target {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
}

/** What a cell holds before it is marked (a few calls: fill and comment). */
export function recordOriginal(range: EtRange, t: Target): { mark: WpsMark; comment: EtComment | null } {
  const fill = readFill(range.Interior);
  const comment = range.Comment;
  const existing = comment ? comment.Text() : null;
  return {
    mark: { sheet: t.sheet, address: t.address, severity: t.severity, fill, originalComment: officerNote(existing) },
    comment,
  };
}

/** Paints the fill and writes the note; `comment` is the cell's comment if already fetched. */
export function paint(range: EtRange, mark: WpsMark, text: string, comment: EtComment | null | undefined): void {
  paintFill(range.Interior, hexToBgr(MARK_STYLES[mark.severity].fill), mark.fill);
  const c = comment === undefined ? range.Comment : comment;
  if (c) c.Text(text);
  else range.AddComment(text);
}

/** Restores one mark's fill and comment. */
export function restore(ws: EtWorksheet, m: WpsMark): void {
  const range = ws.Range(m.address);
  restoreFill(range.Interior, m.fill);
  const c = range.Comment;
  if (c) {
    if (!c.Text().startsWith(NOTE_PREFIX)) return; // edited by the user since: theirs now
    if (m.originalComment !== null) c.Text(m.originalComment);
    else c.Delete();
  } else if (m.originalComment !== null) {
    // Our comment was deleted by hand; the user's original comes back.
    range.AddComment(m.originalComment);
  }
}
