// Marks made by the offline page (a reviewer's annotated copy opened in WPS): the file host keeps
// its record as JSON in column A of a very hidden sheet (MARKS_SHEET), with exceljs fill and note
// objects. Clearing restores each cell's fill (a plain colour as recorded; anything else as No
// Fill) and its note (our comment removed, the user's text put back), then deletes the sheet.
// Marks on a protected sheet stay, with the record rewritten to hold just them.
import { carriesFileHostNote, parseRecordText, recordedFillRgb, recordedNoteText, recordTexts, type FileMark } from '../file/marks-record';
import { gridReader } from './cells';
import { XL_SHEET_HIDDEN, type EtApplication, type EtWorksheet } from './et';
import { hexToBgr, restoreFill } from './fill';
import type { SheetLookup } from './mark-ops';

function readMarks(recWs: EtWorksheet): FileMark[] | null {
  const used = recWs.UsedRange;
  const rows = used.Rows.Count;
  const cell = gridReader(used.Value2);
  let text = '';
  for (let i = 0; i < rows; i++) {
    const v = cell(i, 0);
    if (typeof v === 'string') text += v;
  }
  return parseRecordText(text);
}

/** Restores the offline page's marks; returns how many cells were restored. `sheets` reads each sheet's protection once. */
export function clearFileHostMarks(app: EtApplication, recWs: EtWorksheet, sheets: SheetLookup): number {
  const marks = readMarks(recWs);
  if (marks === null) return 0; // no valid record: a sheet of that name is the user's, left alone
  let restored = 0;
  const kept: FileMark[] = [];
  for (const m of marks) {
    const ws = sheets.get(m.sheet);
    if (!ws) continue;
    if (!sheets.writable(m.sheet)) {
      kept.push(m);
      continue;
    }
    const range = ws.Range(m.address);
    const rgb = recordedFillRgb(m.orig.fill);
    restoreFill(range.Interior, { color: rgb === null ? null : hexToBgr(rgb) });
    const comment = range.Comment;
    if (comment) {
      const current = comment.Text();
      const original = recordedNoteText(m.orig.note);
      // The file host appends its text to an officer's own comment: ours is anywhere in it.
      if (carriesFileHostNote(current)) {
        if (original !== null) comment.Text(original);
        else comment.Delete();
      }
    }
    restored++;
  }
  if (kept.length === 0) {
    // Deleting a sheet asks the user to confirm unless DisplayAlerts is off; a very hidden sheet
    // is made merely hidden first.
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      recWs.Visible = XL_SHEET_HIDDEN;
      recWs.Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
  } else {
    const parts = recordTexts(kept).map((t) => [t]);
    recWs.UsedRange.Clear();
    recWs.Range(`A1:A${parts.length}`).Value2 = parts;
  }
  return restored;
}
