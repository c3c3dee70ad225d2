// 标记 / 清除标记: fills by severity and the message as a note, reversibly. Marking and clearing
// any number of cells takes 2 syncs (one to read what is there, one to write), more only when
// the commands would pass the request budget. The record of originals is saved before anything
// is painted (marks-record.ts).
import { a1, parseA1 } from '../../core/address';
import type { Finding, Severity } from '../../core/findings';
import { groupFindings, MARK_STYLES, NOTE_PREFIX, noteText } from '../file/mark-style';
import { utf8JsonBytes } from './cells';
import type { Ctx } from './env';
import { friendly } from './errors';
import { loadFill, readFill, restoreFill } from './fills';
import { markKey, readRecord, saveRecord, type ExcelMark } from './marks-record';
import { MarkNotes, noteMode } from './notes';
import { CELL_COMMAND_BYTES, Rounds } from './rounds';
import type { HostState } from './state';

interface Target {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
}

const rank = (s: Severity): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

/** Worksheets by name, loaded with their protection, in the current batch. */
class Sheets {
  private readonly byName = new Map<string, Excel.Worksheet>();
  constructor(
    private readonly ctx: Ctx,
    private readonly s: HostState,
  ) {}
  queue(names: Iterable<string>): void {
    for (const name of names) {
      if (this.byName.has(name)) continue;
      const ws = this.s.api.has('1.4') ? this.ctx.workbook.worksheets.getItemOrNullObject(name) : this.ctx.workbook.worksheets.getItem(name);
      ws.load('name');
      if (this.s.api.has('1.2')) ws.protection.load('protected');
      this.byName.set(name, ws);
    }
  }
  /** Before the sync: the worksheet proxy (a null object when the sheet is missing). */
  get(name: string): Excel.Worksheet {
    return this.byName.get(name)!;
  }
  /** After the sync: the worksheet, or null when it no longer exists. */
  alive(name: string): Excel.Worksheet | null {
    const ws = this.byName.get(name);
    return ws && !ws.isNullObject ? ws : null;
  }
  isProtected(name: string): boolean {
    const ws = this.alive(name);
    return !!ws && this.s.api.has('1.2') && ws.protection.protected;
  }
}

/** Findings grouped by the cell they mark, re-anchored into merged areas. */
function targetsOf(s: HostState, findings: Finding[]): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const t of groupFindings(findings, parseA1, a1)) {
    const p = s.anchor(t.sheet, t.row, t.col);
    const address = a1(p.row, p.col);
    const k = markKey(t.sheet, address);
    const prev = targets.get(k);
    if (!prev) targets.set(k, { sheet: t.sheet, address, severity: t.severity, messages: [...t.messages] });
    else {
      if (rank(t.severity) < rank(prev.severity)) prev.severity = t.severity;
      for (const m of t.messages) if (!prev.messages.includes(m)) prev.messages.push(m);
    }
  }
  return targets;
}

export async function highlight(s: HostState, findings: Finding[]): Promise<{ marked: number }> {
  const targets = targetsOf(s, findings);
  const old = readRecord(s.env);
  const oldByKey = new Map(old.map((m) => [markKey(m.sheet, m.address), m]));
  const mode = noteMode(s.api);
  const pattern = s.api.has('1.9');
  const budget = s.opts.budget;

  return s.env.run(async (ctx) => {
    // ---- sync 1: what is there now ----
    const sheets = new Sheets(ctx, s);
    sheets.queue([...[...targets.values()].map((t) => t.sheet), ...old.map((m) => m.sheet)]);
    const notes = new MarkNotes(ctx, s.api);
    const reads = new Rounds(ctx, budget);
    const probes = new Map<string, Excel.RangeFill>();
    for (const [k, t] of targets) {
      if (oldByKey.has(k)) continue; // its original is already on record
      await reads.room(CELL_COMMAND_BYTES);
      const fill = sheets.get(t.sheet).getRange(t.address).format.fill;
      loadFill(fill, pattern);
      probes.set(k, fill);
    }
    if (notes.canProbeNotes) {
      for (const t of [...targets.values(), ...old.filter((m) => m.noteKind === 'note')]) {
        await reads.room(CELL_COMMAND_BYTES / 2);
        notes.probe(t.sheet, t.address);
      }
    }
    if (mode === 'comment' || old.some((m) => m.noteKind === 'comment')) notes.loadComments();
    await reads.flush();

    // ---- decide ----
    const next: ExcelMark[] = [];
    const paint: { mark: ExcelMark; messages: string[] }[] = [];
    for (const [k, t] of targets) {
      if (!sheets.alive(t.sheet) || sheets.isProtected(t.sheet)) continue;
      const prev = oldByKey.get(k);
      let mark: ExcelMark;
      if (prev) mark = { ...prev, severity: t.severity, noteKind: mode };
      else {
        const existing = notes.existing(t.sheet, t.address);
        mark = {
          sheet: t.sheet,
          address: t.address,
          severity: t.severity,
          fill: readFill(probes.get(k)!, pattern),
          noteKind: mode,
          originalNote: existing !== null && !existing.startsWith(NOTE_PREFIX) ? existing : null,
        };
      }
      next.push(mark);
      paint.push({ mark, messages: t.messages });
    }
    const nextKeys = new Set(next.map((m) => markKey(m.sheet, m.address)));
    const unmark = old.filter((m) => !nextKeys.has(markKey(m.sheet, m.address)));
    const stuck = unmark.filter((m) => sheets.alive(m.sheet) && sheets.isProtected(m.sheet));

    // The record first (old ∪ new), so an interrupted write can always be undone.
    await saveRecord(s.env, [...next, ...unmark]);

    // ---- sync 2: write ----
    const writes = new Rounds(ctx, budget);
    for (const m of unmark) {
      const ws = sheets.alive(m.sheet);
      if (!ws || stuck.includes(m)) continue;
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
      restoreFill(ws.getRange(m.address).format.fill, m.fill, pattern);
      notes.restore(m);
    }
    notes.deleteOurComments(); // the fresh ones are added below
    for (const { mark, messages } of paint) {
      const text = noteText(messages);
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(text));
      sheets.alive(mark.sheet)!.getRange(mark.address).format.fill.color = MARK_STYLES[mark.severity].fill;
      notes.write(mode, mark.sheet, mark.address, text);
    }
    try {
      await writes.flush();
    } catch (e) {
      // Comments cannot be looked up by cell without an extra round trip, so a cell that
      // already holds someone's comment thread makes add() fail. Paint the fills again
      // without comments (idempotent; the comments added so far carry our prefix and go on clear).
      if (mode !== 'comment') throw friendly(e, '标记单元格失败');
      const again = new Rounds(ctx, budget);
      for (const { mark } of paint) {
        await again.room(CELL_COMMAND_BYTES);
        sheets.alive(mark.sheet)!.getRange(mark.address).format.fill.color = MARK_STYLES[mark.severity].fill;
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
  return s.env.run(async (ctx) => {
    // ---- sync 1 ----
    const sheets = new Sheets(ctx, s);
    sheets.queue(marks.map((m) => m.sheet));
    const notes = new MarkNotes(ctx, s.api);
    const reads = new Rounds(ctx, s.opts.budget);
    if (notes.canProbeNotes) {
      for (const m of marks) {
        if (m.noteKind !== 'note') continue;
        await reads.room(CELL_COMMAND_BYTES / 2);
        notes.probe(m.sheet, m.address);
      }
    }
    if (marks.some((m) => m.noteKind === 'comment')) notes.loadComments();
    await reads.flush();

    // ---- sync 2 ----
    const writes = new Rounds(ctx, s.opts.budget);
    const kept: ExcelMark[] = [];
    let restored = 0;
    for (const m of marks) {
      const ws = sheets.alive(m.sheet);
      if (!ws) continue; // sheet deleted: nothing left to restore
      if (sheets.isProtected(m.sheet)) {
        kept.push(m); // restore later, once the sheet is unprotected
        continue;
      }
      await writes.room(CELL_COMMAND_BYTES + utf8JsonBytes(m.originalNote));
      restoreFill(ws.getRange(m.address).format.fill, m.fill, pattern);
      notes.restore(m);
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
