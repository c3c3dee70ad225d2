// How the add-in marks a finding, shared by the Excel host and the file host so a workbook
// looks the same whichever host marked it. Fill colours are those of Excel's built-in 「差」/
// 「适中」 cell styles, plus a light blue for info. Hosts paint the fill only (see excel-host.ts
// on why text colour is left alone); `font` is the matching text colour for UIs that draw
// their own grid (the offline page).
import type { Severity } from '../../core/findings';

export interface MarkStyle {
  /** Fill colour '#RRGGBB'. */
  fill: string;
  /** Text colour '#RRGGBB' readable on the fill, for UIs painting their own cells. */
  font: string;
}

export const MARK_STYLES: Record<Severity, MarkStyle> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

/** Name of the very hidden sheet in which the file host keeps its marks record inside the .xlsx. */
export const MARKS_SHEET = '_juesuan_marks';

/** Key of the workbook setting in which the Excel host keeps its marks record. */
export const MARKS_SETTING = 'juesuan.marks';

/** Prefix of the notes the add-in writes, so a note is recognisable as ours. */
export const NOTE_PREFIX = '决算助手：';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface MarkTarget {
  sheet: string;
  /** Normalised A1 of one cell (top-left when the finding names a range). */
  address: string;
  row: number;
  col: number;
  severity: Severity;
  /** All messages for this cell, most severe first. */
  messages: string[];
}

/**
 * Groups findings by target cell: one mark per cell, the most severe severity wins and every
 * message is kept (a cell may break several rules).
 */
export function groupFindings(
  findings: { sheet: string | null; cell: string | null; severity: Severity; message: string }[],
  parse: (a1: string) => { row: number; col: number } | null,
  toA1: (row: number, col: number) => string,
): MarkTarget[] {
  const byKey = new Map<string, MarkTarget & { ranked: { rank: number; message: string }[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const first = f.cell.replace(/\$/g, '').split(':')[0];
    const p = parse(first);
    if (!p) continue;
    const address = toA1(p.row, p.col);
    const key = `${f.sheet}\u0000${address}`;
    let t = byKey.get(key);
    if (!t) {
      t = { sheet: f.sheet, address, row: p.row, col: p.col, severity: f.severity, messages: [], ranked: [] };
      byKey.set(key, t);
    }
    if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
    if (!t.ranked.some((m) => m.message === f.message)) t.ranked.push({ rank: RANK[f.severity], message: f.message });
  }
  return [...byKey.values()].map(({ ranked, ...t }) => ({
    ...t,
    messages: ranked.sort((a, b) => a.rank - b.rank).map((m) => m.message),
  }));
}

/** The officer's own note or comment in a cell about to be marked (kept to restore); null for none or for one of ours. */
export function officerNote(existing: string | null): string | null {
  return existing !== null && !existing.startsWith(NOTE_PREFIX) ? existing : null;
}

/** The note text for a mark. */
export function noteText(messages: string[]): string {
  return NOTE_PREFIX + (messages.length === 1 ? messages[0] : messages.map((m, i) => `${i + 1}. ${m}`).join('\n'));
}
