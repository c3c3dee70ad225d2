// Marks made by the offline page (a reviewer's annotated copy opened in WPS): the file host keeps
// its record as JSON in column A of a very hidden sheet (MARKS_SHEET), with exceljs fill and note
// objects. Clearing restores each cell's fill (a plain colour as recorded; anything else as No
// Fill) and its note (our comment removed, the user's text put back), then deletes the sheet.
// Marks on a protected sheet stay, with the record rewritten to hold just them.
import { parseA1 } from '../../core/address';
import { NOTE_PREFIX } from '../file/mark-style';
import { gridReader } from './cells';
import { XL_SHEET_HIDDEN, type EtApplication, type EtWorksheet } from './et';
import { hexToBgr, restoreFill } from './fill';

type ExcelJsFill = { type?: string; pattern?: string; fgColor?: { argb?: string } } | null | undefined;
interface FileHostMark {
  sheet: string;
  address: string;
  orig?: { fill?: ExcelJsFill; note?: unknown };
}

function fillColor(fill: ExcelJsFill): number | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? hexToBgr(argb.slice(-6)) : null;
}

function noteText(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

function readMarks(recWs: EtWorksheet): FileHostMark[] {
  const used = recWs.UsedRange;
  const rows = used.Rows.Count;
  const cell = gridReader(used.Value2);
  let text = '';
  for (let i = 0; i < rows; i++) {
    const v = cell(i, 0);
    if (typeof v === 'string') text += v;
  }
  try {
    const rec = JSON.parse(text) as { version?: number; marks?: FileHostMark[] };
    return rec?.version === 1 && Array.isArray(rec.marks) ? rec.marks.filter((m) => typeof m?.sheet === 'string' && typeof m?.address === 'string' && parseA1(m.address)) : [];
  } catch {
    return [];
  }
}

/** Restores the offline page's marks; returns how many cells were restored. */
export function clearFileHostMarks(app: EtApplication, recWs: EtWorksheet, sheetsByName: (name: string) => EtWorksheet | null): number {
  const marks = readMarks(recWs);
  let restored = 0;
  const kept: FileHostMark[] = [];
  for (const m of marks) {
    const ws = sheetsByName(m.sheet);
    if (!ws) continue;
    if (ws.ProtectContents === true) {
      kept.push(m);
      continue;
    }
    const range = ws.Range(m.address);
    const color = fillColor(m.orig?.fill);
    restoreFill(range.Interior, { color });
    const comment = range.Comment;
    if (comment) {
      const current = comment.Text();
      const original = noteText(m.orig?.note);
      if (current.startsWith(NOTE_PREFIX)) {
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
    const json = JSON.stringify({ version: 1, marks: kept });
    const parts: string[][] = [];
    for (let i = 0; i < json.length; i += 32000) parts.push([json.slice(i, i + 32000)]);
    recWs.UsedRange.Clear();
    recWs.Range(`A1:A${parts.length}`).Value2 = parts;
  }
  return restored;
}
