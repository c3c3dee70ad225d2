// 标记 / 清除标记: fills by severity and the message as a note, reversibly. Marking and clearing
// any number of cells takes 2 syncs (one to read what is there, one to write), more only when
// the commands would pass the request budget or a recorded sheet has gone (inspect.ts). The
// record of originals is saved before anything is painted (marks-record.ts).
import { a1, parseA1 } from '../../core/address';
import type { Finding } from '../../core/findings';
import { MARK_STYLES, markKey, markTargets, noteText, officerNote } from '../file/mark-style';
import { utf8JsonBytes } from './cells';
import { friendly } from './errors';
import { loadFill, readFill, restoreFill } from './fills';
import { inspect } from './inspect';
import { readRecord, saveRecord, type ExcelMark } from './marks-record';
import { MarkNotes, noteMode } from './notes';
import { CELL_COMMAND_BYTES, Rounds } from './rounds';
import type { SheetTable } from './sheet-table';
import type { HostState } from './state';

/** The marks on record, found again by sheet id (a renamed sheet) or by sheet name. */
class OldMarks {
  private readonly byId = new Map<string, ExcelMark>();
  private readonly byName = new Map<string, ExcelMark>();
  constructor(
    readonly all: ExcelMark[],
    private readonly s: HostState,
  ) {
    for (const m of all) {
      if (m.sheetId) this.byId.set(`${m.sheetId}\u0000${m.address}`, m);
      this.byName.set(markKey(m.sheet, m.address), m);
    }
  }
  find(t: { sheet: string; address: string }): ExcelMark | undefined {
    const id = this.s.sheetIdOf(t.sheet);
    return (id ? this.byId.get(`${id}\u0000${t.address}`) : undefined) ?? this.byName.get(markKey(t.sheet, t.address));
  }
}

/** A writable live sheet for a recorded cell: null when deleted; 'protected' to keep it for later. */
function place(table: SheetTable, m: { sheet: string; sheetId?: string }) {
  const live = table.find(m);
  return !live ? null : live.protected ? ('protected' as const) : live;
}

export async function highlight(s: HostState, findings: Finding[]): Promise<{ marked: number }> {
  // Findings grouped by the cell they mark, re-anchored into merged areas.
  const targets = markTargets(findings, parseA1, a1, s.anchor);
  const old = new OldMarks(readRecord(s.env), s);
  const pattern = s.api.has('1.9');
  const budget = s.opts.budget;

  return s.run(async (ctx) => {
    const model = s.objectModel(ctx);
    const mode = noteMode(s.api, model);
    const notes = new MarkNotes(ctx, s.api, model);
    const fills = new Map<string, Excel.RangeFill>();
    // ---- sync 1: which sheets exist, what the cells hold now ----
    const table = await inspect(
      ctx,
      s,
      async (sheet) => {
        const reads = new Rounds(ctx, budget);
        for (const [k, t] of targets) {
          const ws = sheet(t);
          if (!ws || old.find(t)) continue; // an old mark's original is already on record
          await reads.room(CELL_COMMAND_BYTES);
          const fill = ws.getRange(t.address).format.fill;
          loadFill(fill, pattern);
          fills.set(k, fill);
        }
        if (!notes.canProbeNotes) return;
        for (const t of [...targets.values(), ...old.all.filter((m) => m.noteKind === 'note')]) {
          const ws = sheet(t);
          if (!ws) continue;
          await reads.room(CELL_COMMAND_BYTES / 2);
          notes.probe(ws, t.sheet, t.address);
        }
      },
      () => {
        if (mode === 'comment' || old.all.some((m) => m.noteKind === 'comment')) notes.loadComments();
      },
    );

    // ---- decide ----
    const next: ExcelMark[] = [];
    const reused = new Set<ExcelMark>();
    const paint: { mark: ExcelMark; ws: Excel.Worksheet; messages: string[] }[] = [];
    for (const [k, t] of targets) {
      const live = place(table, t);
      if (!live || live === 'protected') continue;
      const prev = old.find(t);
      let mark: ExcelMark;
      if (prev) {
        reused.add(prev);
        mark = { ...prev, sheet: t.sheet, sheetId: live.id, severity: t.severity, noteKind: mode };
      } else {
        const existing = notes.existing(t.sheet, t.address);
        mark = {
          sheet: t.sheet,
          sheetId: live.id,
          address: t.address,
          severity: t.severity,
          fill: readFill(fills.get(k)!, pattern),
          noteKind: mode,
          originalNote: officerNote(existing),
        };
      }
      next.push(mark);
      paint.push({ mark, ws: live.ws, messages: t.messages });
    }
    const unmark = old.all.filter((m) => !reused.has(m));
    const stuck = unmark.filter((m) => place(table, m) === 'protected');

    // The record first (old ∪ new), so an interrupted write can always be undone.
    await saveRecord(s.env, [...next, ...unmark]);

    // ---- sync 2: write ----
    const writes = new Rounds(ctx, budget);
    for (const m of unmark) {
      const live = place(table, m);
      if (!live || live === 'protected') continue;
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
      restoreFill(live.ws.getRange(m.address).format.fill, m.fill, pattern);
      notes.restore(m, live.ws);
    }
    notes.deleteOurComments(); // the fresh ones are added below
    for (const { mark, ws, messages } of paint) {
      const text = noteText(messages);
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(text));
      ws.getRange(mark.address).format.fill.color = MARK_STYLES[mark.severity].fill;
      notes.write(mode, ws, mark.sheet, mark.address, text);
    }
    try {
      await writes.flush();
    } catch (e) {
      // Comments cannot be looked up by cell without an extra round trip, so a cell that
      // already holds someone's comment thread makes add() fail. Paint the fills again
      // without comments (idempotent; the comments added so far carry our prefix and go on clear).
      if (mode !== 'comment') throw friendly(e, '标记单元格失败');
      const again = new Rounds(ctx, budget);
      for (const { mark, ws } of paint) {
        await again.room(CELL_COMMAND_BYTES);
        ws.getRange(mark.address).format.fill.color = MARK_STYLES[mark.severity].fill;
      }
      try {
        await again.flush();
      } catch (e2) {
        throw friendly(e2, '标记单元格失败');
      }
    }
    await saveRecord(s.env, [...next, ...stuck]);
    return { marked: next.length };
  });
}

/** Restores every cell the record names; marks on protected sheets stay on record for later. */
export async function clearOwnMarks(s: HostState): Promise<number> {
  const marks = readRecord(s.env);
  if (marks.length === 0) return 0;
  const pattern = s.api.has('1.9');
  return s.run(async (ctx) => {
    const model = s.objectModel(ctx);
    const notes = new MarkNotes(ctx, s.api, model);
    // ---- sync 1 ----
    const table = await inspect(
      ctx,
      s,
      async (sheet) => {
        if (!notes.canProbeNotes) return;
        const reads = new Rounds(ctx, s.opts.budget);
        for (const m of marks) {
          const ws = m.noteKind === 'note' ? sheet(m) : null;
          if (!ws) continue;
          await reads.room(CELL_COMMAND_BYTES / 2);
          notes.probe(ws, m.sheet, m.address);
        }
      },
      () => {
        if (marks.some((m) => m.noteKind === 'comment')) notes.loadComments();
      },
    );

    // ---- sync 2 ----
    const writes = new Rounds(ctx, s.opts.budget);
    const kept: ExcelMark[] = [];
    let restored = 0;
    for (const m of marks) {
      const live = place(table, m);
      if (!live) continue; // sheet deleted: nothing left to restore
      if (live === 'protected') {
        const now = table.find(m)!;
        kept.push({ ...m, sheet: now.name, sheetId: now.id }); // restore later, once unprotected
        continue;
      }
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
      restoreFill(live.ws.getRange(m.address).format.fill, m.fill, pattern);
      notes.restore(m, live.ws);
      restored++;
    }
    notes.deleteOurComments();
    try {
      await writes.flush();
    } catch (e) {
      throw friendly(e, '清除标记失败');
    }
    await saveRecord(s.env, kept);
    return restored;
  });
}
