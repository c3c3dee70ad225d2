// Marks made by the offline page (a reviewer's annotated copy opened in Excel): the file host
// keeps its record in a very hidden sheet. Read it and list the sheets (sync 1), look at the notes
// (sync 2), restore and drop the record (sync 3). Fills come back as recorded when they were plain colours; a
// theme-coloured original, which Office.js cannot set, becomes No Fill.
import { MARKS_SHEET } from '../file/mark-style';
import { carriesFileHostNote, parseRecordText, recordedFillRgb, recordedNoteText, recordTexts, type FileMark } from '../file/marks-record';
import { errorCode, friendly } from './errors';
import { CELL_COMMAND_BYTES, Rounds } from './rounds';
import { queueWorkbookProtection, SheetTable } from './sheet-table';
import type { HostState } from './state';

export async function clearFileHostMarks(s: HostState): Promise<number> {
  const { api } = s;
  return s.run(async (ctx) => {
    const recWs = ctx.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
    const used = recWs.getUsedRangeOrNullObject(true);
    used.load('values');
    const table = SheetTable.queue(ctx, api);
    const workbookLocked = queueWorkbookProtection(ctx, api);
    await ctx.sync();
    if (recWs.isNullObject || used.isNullObject) {
      s.fileMarks = false;
      return 0;
    }
    const marks = parseRecordText(used.values.map((r) => (typeof r[0] === 'string' ? r[0] : '')).join(''));
    if (marks === null) {
      // No valid record: a sheet of that name is the user's, and is left alone.
      s.fileMarks = false;
      return 0;
    }

    const live = table();
    const notes = new Map<FileMark, Excel.Note>();
    if (api.has('1.18') && s.objectModel(ctx).notes) {
      for (const m of marks) {
        const ws = live.find(m)?.ws;
        if (!ws) continue;
        const note = ws.notes.getItemOrNullObject(m.address);
        note.load('content');
        notes.set(m, note);
      }
      await ctx.sync();
    }

    /** Queues the restores; the record sheet goes first (deleted, or emptied when the structure is locked). */
    const queue = async (structureLocked: boolean): Promise<number> => {
      const kept = marks.filter((m) => live.find(m)?.protected);
      if (kept.length === 0 && !structureLocked) {
        // A very hidden sheet has to be made visible-able before Excel lets it go.
        if (api.has('1.2')) recWs.visibility = 'Hidden' as Excel.SheetVisibility;
        recWs.delete();
      } else {
        used.clear();
        const parts = recordTexts(kept).map((t) => [t]);
        recWs.getRange(`A1:A${parts.length}`).values = parts;
      }
      let restored = 0;
      const writes = new Rounds(ctx, s.opts.budget);
      for (const m of marks) {
        const sheet = live.find(m);
        if (!sheet || sheet.protected) continue;
        await writes.room(CELL_COMMAND_BYTES);
        const fill = sheet.ws.getRange(m.address).format.fill;
        const rgb = recordedFillRgb(m.orig.fill);
        if (rgb) fill.color = `#${rgb}`;
        else fill.clear();
        const note = notes.get(m);
        // The file host appends its text to an officer's own note: ours is anywhere in it.
        if (note && !note.isNullObject && carriesFileHostNote(note.content)) {
          const original = recordedNoteText(m.orig.note);
          if (original !== null) note.content = original;
          else note.delete();
        }
        restored++;
      }
      await writes.flush();
      s.fileMarks = kept.length > 0;
      return restored;
    };
    try {
      return await queue(workbookLocked());
    } catch (e) {
      // Workbook structure protection that this Excel cannot report (before ExcelApi 1.7): the
      // delete came first in the batch and failed alone; empty the record instead.
      if (errorCode(e) !== 'AccessDenied' || workbookLocked()) throw friendly(e, '清除离线版标记失败');
      try {
        return await queue(true);
      } catch (e2) {
        throw friendly(e2, '清除离线版标记失败');
      }
    }
  });
}
