// Marking and clearing a set of cells (which cells: markTargets in file/mark-style.ts): in which
// order (the record is written before any cell changes, so an interrupted run can always be
// undone), and what waits (cells on protected sheets).
import { markKey, noteText } from '../file/mark-style';
import type { EtComment, EtRange, EtWorksheet } from './et';
import { paint, recordOriginal, restore, type Target } from './marks';
import type { RecordStore, WpsMark } from './record';

/** Sheets by name for one operation, each looked up (and its protection read) once. */
export interface SheetLookup {
  get(name: string): EtWorksheet | null;
  writable(name: string): boolean;
}

export function sheetLookup(find: (name: string) => EtWorksheet | null): SheetLookup {
  const cache = new Map<string, { ws: EtWorksheet | null; writable: boolean }>();
  const entry = (name: string) => {
    let e = cache.get(name);
    if (!e) {
      const ws = find(name);
      e = { ws, writable: !!ws && ws.ProtectContents !== true };
      cache.set(name, e);
    }
    return e;
  };
  return { get: (n) => entry(n).ws, writable: (n) => entry(n).writable };
}

export interface MarkEnv {
  store: RecordStore;
  sheets: SheetLookup;
  /** Runs many writes with screen updating off. */
  batch<T>(f: () => T): T;
  /** Lets the pane repaint. */
  pause(): Promise<void>;
}

/**
 * Marks the targets, restoring cells marked before and no longer flagged. A cell already on record
 * keeps its first-recorded original. Returns how many cells are marked.
 */
export async function applyMarks(env: MarkEnv, targets: Map<string, Target>): Promise<number> {
  const { store, sheets } = env;
  const old = store.read().marks;
  const oldByKey = new Map(old.map((m) => [markKey(m.sheet, m.address), m]));
  const next: WpsMark[] = [];
  const work: { range: EtRange; mark: WpsMark; text: string; comment?: EtComment | null }[] = [];
  let n = 0;
  for (const [k, t] of targets) {
    if (!sheets.writable(t.sheet)) continue; // missing or protected: nothing to mark
    const range = sheets.get(t.sheet)!.Range(t.address);
    const prev = oldByKey.get(k);
    const text = noteText(t.messages);
    if (prev) {
      const mark = { ...prev, severity: t.severity };
      next.push(mark);
      work.push({ range, mark, text });
    } else {
      const { mark, comment } = recordOriginal(range, t);
      next.push(mark);
      work.push({ range, mark, text, comment });
    }
    if (++n % 200 === 0) await env.pause();
  }
  const nextKeys = new Set(next.map((m) => markKey(m.sheet, m.address)));
  const unmark = old.filter((m) => !nextKeys.has(markKey(m.sheet, m.address)));
  const stuck = unmark.filter((m) => sheets.get(m.sheet) && !sheets.writable(m.sheet));

  // The record first (old ∪ new), so an interrupted write can always be undone.
  store.write([...next, ...unmark]);
  env.batch(() => {
    for (const m of unmark) if (sheets.writable(m.sheet)) restore(sheets.get(m.sheet)!, m);
    for (const w of work) paint(w.range, w.mark, w.text, w.comment);
  });
  store.write([...next, ...stuck]);
  return next.length;
}

/** Restores every recorded cell; marks on protected sheets stay on record. Returns how many were restored. */
export function removeMarks(env: Omit<MarkEnv, 'pause'>): number {
  const { store, sheets } = env;
  const rec = store.read();
  const kept: WpsMark[] = [];
  let restored = 0;
  env.batch(() => {
    for (const m of rec.marks) {
      if (!sheets.get(m.sheet)) continue; // sheet deleted: nothing left to restore
      if (!sheets.writable(m.sheet)) {
        kept.push(m); // restore later, once the sheet is unprotected
        continue;
      }
      restore(sheets.get(m.sheet)!, m);
      restored++;
    }
  });
  if (rec.marks.length > 0) store.write(kept);
  return restored;
}
