// Building findings: related-cell lists compressed into ranges, and the Chinese message frames.
import type { CellRef } from '../../address';
import { a1, rangeA1 } from '../../address';
import type { Severity, SuggestedFix } from '../../findings';
import { fmt } from '../../numbers';
import type { Table } from '../../tables/types';
import type { RuleFinding } from '../types';

/**
 * Related cells as the CLI prints them: contiguous cells of one column (or row) become 'F7:F9';
 * cells on another sheet than `fromSheet` carry 'Sheet!'.
 */
export function relatedText(refs: (CellRef | null | undefined)[], fromSheet: string | null): string[] {
  const seen = new Set<string>();
  const list: CellRef[] = [];
  for (const r of refs) {
    if (!r) continue;
    const k = `${r.sheet}\u0000${r.row}\u0000${r.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    list.push(r);
  }
  const out: string[] = [];
  const bySheet = new Map<string, CellRef[]>();
  for (const r of list) {
    const l = bySheet.get(r.sheet) ?? [];
    l.push(r);
    bySheet.set(r.sheet, l);
  }
  for (const [sheet, refsOfSheet] of bySheet) {
    const prefix = sheet === fromSheet ? '' : `${sheet}!`;
    const used = new Set<CellRef>();
    // Vertical runs first (amount columns), then horizontal runs, then single cells.
    const byCol = new Map<number, CellRef[]>();
    for (const r of refsOfSheet) byCol.set(r.col, [...(byCol.get(r.col) ?? []), r]);
    const runs: string[] = [];
    for (const [, cells] of byCol) {
      cells.sort((x, y) => x.row - y.row);
      let i = 0;
      while (i < cells.length) {
        let j = i;
        while (j + 1 < cells.length && cells[j + 1].row === cells[j].row + 1) j++;
        if (j > i) {
          runs.push(prefix + rangeA1({ r1: cells[i].row, c1: cells[i].col, r2: cells[j].row, c2: cells[j].col }));
          for (let k = i; k <= j; k++) used.add(cells[k]);
        }
        i = j + 1;
      }
    }
    const rest = refsOfSheet.filter((r) => !used.has(r));
    const byRow = new Map<number, CellRef[]>();
    for (const r of rest) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
    for (const [, cells] of byRow) {
      cells.sort((x, y) => x.col - y.col);
      let i = 0;
      while (i < cells.length) {
        let j = i;
        while (j + 1 < cells.length && cells[j + 1].col === cells[j].col + 1) j++;
        runs.push(prefix + (j > i ? rangeA1({ r1: cells[i].row, c1: cells[i].col, r2: cells[j].row, c2: cells[j].col }) : a1(cells[i].row, cells[i].col)));
        i = j + 1;
      }
    }
    out.push(...runs);
  }
  return out;
}

/** `合计应为 877.77，实为 878.77，相差 1.00` (with an optional basis after the expected value). */
export function mismatchMessage(what: string, expected: number, actual: number, digits = 2, basis?: string): string {
  const b = basis ? `（${basis}）` : '';
  return `${what}应为 ${fmt(expected, digits)}${b}，实为 ${fmt(actual, digits)}，相差 ${fmt(Math.abs(actual - expected), digits)}`;
}

/** Suffix for a difference inside the rounding tolerance. */
export function roundingNote(tolerance: number, digits = 2): string {
  return `，在四舍五入误差范围内（容差 ${fmt(tolerance, digits === 0 ? 1 : 3)}），请核对尾差`;
}

export interface FindingOpts {
  related?: (CellRef | null | undefined)[];
  severity?: Severity;
  expected?: number | string | null;
  actual?: number | string | null;
  fix?: SuggestedFix;
}

/** A finding on `ref` in `table`. */
export function findingAt(table: Table | null, ref: CellRef, message: string, opts: FindingOpts = {}): RuleFinding {
  const f: RuleFinding = {
    sheet: ref.sheet,
    cell: a1(ref.row, ref.col),
    related: relatedText((opts.related ?? []).filter((r) => !r || r.sheet !== ref.sheet || r.row !== ref.row || r.col !== ref.col), ref.sheet),
    message,
    tableId: table?.id ?? null,
  };
  if (opts.severity) f.severity = opts.severity;
  if (opts.expected !== undefined) f.expected = typeof opts.expected === 'number' ? round10(opts.expected) : opts.expected;
  if (opts.actual !== undefined) f.actual = typeof opts.actual === 'number' ? round10(opts.actual) : opts.actual;
  if (opts.fix) f.fix = opts.fix;
  return f;
}

function round10(v: number): number {
  return Number(v.toFixed(10));
}
