// Reads a whole workbook package into snapshot sheets (within the limits), keeping what the
// file host needs to edit it later: each sheet's part path, visibility and shared formulas, and
// whether a sheet is our marks record.
import type { SheetSnapshot } from '../../core/snapshot';
import { MARKS_SHEET } from './mark-style';

import { parseRecord, type FileMark } from './marks-record';
import type { SheetEntry, XlsxPackage } from './package';
import { readSharedStrings } from './shared-strings';
import { readSheetXml, type SharedGroup } from './sheet-read';
import { readCellStyles, type CellStyles } from './styles-read';

/** Our record sheet's name: MARKS_SHEET, or MARKS_SHEET_2… when a sheet of the officer's has that name. */
export function isRecordName(name: string): boolean {
  return name === MARKS_SHEET || new RegExp(`^${MARKS_SHEET}_\\d+$`).test(name);
}

export interface ReadWorksheet {
  entry: SheetEntry;
  snapshot: SheetSnapshot;
  shared: Map<string, SharedGroup>;
}

export interface ReadWorkbook {
  /** Worksheets in workbook order, our marks record excluded. */
  sheets: ReadWorksheet[];
  /** Our marks record, when the file holds one. */
  record: { entry: SheetEntry; marks: FileMark[] } | null;
  styles: CellStyles;
}

export async function readWorkbook(pkg: XlsxPackage): Promise<ReadWorkbook> {
  const stylesPath = pkg.workbookPart('styles');
  const stringsPath = pkg.workbookPart('sharedStrings');
  await pkg.load([stylesPath, stringsPath]);
  const ctx = {
    name: pkg.name,
    strings: readSharedStrings(stringsPath ? pkg.text(stringsPath) : null),
    styles: readCellStyles(stylesPath ? pkg.text(stylesPath) : null),
    date1904: pkg.date1904,
    budget: { cells: pkg.limits.cells, merges: pkg.limits.merges },
    limits: pkg.limits,
  };
  const sheets: ReadWorksheet[] = [];
  let record: ReadWorkbook['record'] = null;
  for (const entry of pkg.sheets) {
    if (entry.kind !== 'worksheet' || !entry.path) continue;
    await pkg.load([entry.path]);
    const xml = pkg.text(entry.path)!;
    pkg.drop(entry.path); // read once; the file host inflates it again only to edit it
    const read = readSheetXml(xml, ctx);
    if (isRecordName(entry.name) && entry.state === 'veryHidden' && !record) {
      const marks = parseRecord(read.cells);
      if (marks) {
        record = { entry, marks };
        continue;
      }
    }
    const snapshot: SheetSnapshot = { name: entry.name, cells: read.cells, merges: read.merges };
    if (read.protected) snapshot.protected = true;
    if (entry.state !== 'visible') snapshot.hidden = true;
    sheets.push({ entry, snapshot, shared: read.shared });
  }
  return { sheets, record, styles: ctx.styles };
}
