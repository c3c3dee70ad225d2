// The record of what every mark replaced, kept in the document's settings (key 'juesuan.marks')
// and written before anything is painted, so 清除标记 restores the cells exactly, even after the
// workbook was saved, closed and reopened.
//
// Why Office.context.document.settings (and not workbook.settings): the common API's settings
// are loaded with the add-in and read synchronously, so the record is known before the first
// sync and highlight/clear stay at 2 syncs; they exist on every Excel version (ExcelApi 1.1
// included) and saveAsync stores them in the document.
import type { Severity } from '../../core/findings';
import { MARKS_SETTING } from '../file/mark-style';
import type { ExcelEnv } from './env';
import type { OriginalFill } from './fills';
import { saveSettings } from './preferences';

/** How a mark's message was attached: a note (1.18), a comment (1.10) or nothing. */
export type NoteKind = 'note' | 'comment' | null;

export interface ExcelMark {
  sheet: string;
  /** Worksheet.id at marking time, so a renamed sheet is still found (absent in older records). */
  sheetId?: string;
  address: string;
  severity: Severity;
  fill: OriginalFill;
  noteKind: NoteKind;
  /** The user's own note we replaced (restored on clear); null when the cell had none. */
  originalNote: string | null;
}

interface MarksRecord {
  version: 1;
  marks: ExcelMark[];
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export function readRecord(env: ExcelEnv): ExcelMark[] {
  const raw = env.settings.get(MARKS_SETTING) as unknown;
  const rec = typeof raw === 'string' ? safeParse(raw) : raw;
  if (rec && typeof rec === 'object' && (rec as MarksRecord).version === 1 && Array.isArray((rec as MarksRecord).marks)) {
    return (rec as MarksRecord).marks.filter((m) => typeof m?.sheet === 'string' && typeof m?.address === 'string');
  }
  return [];
}

export async function saveRecord(env: ExcelEnv, marks: ExcelMark[]): Promise<void> {
  if (marks.length === 0) env.settings.remove(MARKS_SETTING);
  else env.settings.set(MARKS_SETTING, { version: 1, marks } satisfies MarksRecord);
  await saveSettings(env.settings, '无法保存标记记录', '');
}
