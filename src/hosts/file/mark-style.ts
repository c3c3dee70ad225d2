// How the add-in marks a finding, shared by the Excel host and the file host so a workbook
// looks the same whichever host marked it. Fill colours are those of Excel's built-in 「差」/
// 「适中」 cell styles, plus a light blue for info. Hosts paint the fill only (see excel-host.ts
// on why text colour is left alone); `font` is the matching text colour for UIs that draw
// their own grid (the offline page).
import { SEVERITY_ORDER, type Severity } from '../../core/findings';

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

export interface MarkTarget {
  sheet: string;
  /** Normalised A1 of one cell (top-left when the finding names a range). */
  address: string;
  row: number;
  col: number;
  severity: Severity;
  /** All messages for this cell, most severe first (markTargets appends those of cells merged into it after). */
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
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[t.severity]) t.severity = f.severity;
    if (!t.ranked.some((m) => m.message === f.message)) t.ranked.push({ rank: SEVERITY_ORDER[f.severity], message: f.message });
  }
  return [...byKey.values()].map(({ ranked, ...t }) => ({
    ...t,
    messages: ranked.sort((a, b) => a.rank - b.rank).map((m) => m.message),
  }));
}

/** Key of one marked cell in the hosts' maps of marks. */
export const markKey = (sheet: string, address: string): string => `${sheet}\u0000${address}`;

/**
 * Where a host marks a cell: the top-left of the merge holding it, and the sheet under the host's
 * own spelling of its name; null when the host has no such sheet (the cell is not marked).
 */
export type MarkAnchor = (sheet: string, row: number, col: number) => { sheet?: string; row: number; col: number } | null;

/**
 * One mark per cell as a host paints it: findings grouped per cell (groupFindings), each cell
 * moved to its anchor, and cells that land on the same anchor grouped again — the most severe
 * severity wins, and messages are kept in order (the first cell's, then the next one's new ones).
 * Keyed by markKey(sheet, address), in the order the anchored cells first appear.
 */
export function markTargets(
  findings: { sheet: string | null; cell: string | null; severity: Severity; message: string }[],
  parse: (a1: string) => { row: number; col: number } | null,
  toA1: (row: number, col: number) => string,
  anchor: MarkAnchor,
): Map<string, MarkTarget> {
  const out = new Map<string, MarkTarget>();
  for (const t of groupFindings(findings, parse, toA1)) {
    const p = anchor(t.sheet, t.row, t.col);
    if (!p) continue;
    const sheet = p.sheet ?? t.sheet;
    const address = toA1(p.row, p.col);
    const k = markKey(sheet, address);
    const prev = out.get(k);
    if (!prev) out.set(k, { sheet, address, row: p.row, col: p.col, severity: t.severity, messages: [...t.messages] });
    else {
      if (SEVERITY_ORDER[t.severity] < SEVERITY_ORDER[prev.severity]) prev.severity = t.severity;
      for (const m of t.messages) if (!prev.messages.includes(m)) prev.messages.push(m);
    }
  }
  return out;
}

/** The officer's own note or comment in a cell about to be marked (kept to restore); null for none or for one of ours. */
export function officerNote(existing: string | null): string | null {
  return existing !== null && !existing.startsWith(NOTE_PREFIX) ? existing : null;
}

/** The note text for a mark. */
export function noteText(messages: string[]): string {
  return NOTE_PREFIX + (messages.length === 1 ? messages[0] : messages.map((m, i) => `${i + 1}. ${m}`).join('\n'));
}
