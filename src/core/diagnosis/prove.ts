// Fixes proven safe, as ESLint re-lints after fixing: every offered fix is applied to a copy of the
// workbook and the whole check runs again; the fix stays only if its finding is gone and no new
// error or warning appeared. 全部修正 applies them all at once, so the set is proven too.
import type { Finding, SuggestedFix } from '../findings';
import { readNumber } from '../numbers';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { Detection } from '../tables/types';
import { detectTables } from '../tables/detect';

export type Recheck = (wb: WorkbookSnapshot, detection: Detection) => Finding[];

/**
 * Re-checks allowed per check, by workbook size (each is a full check; fixes beyond are withheld
 * rather than offered unproven): a few thousand figures re-check in tens of milliseconds.
 */
function maxProofs(wb: WorkbookSnapshot): number {
  let cells = 0;
  for (const s of wb.sheets) for (const row of s.cells) if (row) cells += row.length;
  return cells > 40000 ? 8 : cells > 10000 ? 24 : 60;
}

const refKey = (sheet: string, row: number, col: number) => `${sheet}!${row},${col}`;
const serious = (f: Finding) => f.severity !== 'info';
const place = (f: Finding) => (f.sheet && f.cell ? `${f.sheet}|${f.cell}` : `${f.rule}|${f.message}`);

/** A copy of the workbook with the fixes written (values, and formulas with their value). */
export function applyFixes(wb: WorkbookSnapshot, fixes: SuggestedFix[]): WorkbookSnapshot {
  const sheets = wb.sheets.slice();
  for (const fix of fixes) {
    const i = sheets.findIndex((s) => s.name === fix.ref.sheet);
    if (i < 0) continue;
    const src = sheets[i];
    const cells = src.cells === wb.sheets[i].cells ? src.cells.slice() : src.cells;
    const row = (cells[fix.ref.row] ?? []).slice();
    const old = row[fix.ref.col];
    const cell: Cell = { v: fix.value ?? null };
    if (fix.formula) cell.f = fix.formula;
    if (old?.z) cell.z = old.z;
    row[fix.ref.col] = cell;
    cells[fix.ref.row] = row;
    sheets[i] = { ...src, cells } as SheetSnapshot;
  }
  return { ...wb, sheets };
}

/**
 * The detection of the fixed copy. A number written where a figure was read changes no table's
 * shape: the figures are re-read from the copy. Text (a 科目 name or code) may: detect afresh.
 */
function detectionOf(before: Detection, wb: WorkbookSnapshot, fixes: SuggestedFix[]): Detection {
  if (fixes.some((f) => typeof f.value !== 'number')) return detectTables(wb);
  const patched = new Map<string, Cell>();
  for (const f of fixes) patched.set(refKey(f.ref.sheet, f.ref.row, f.ref.col), { v: f.value as number });
  const found = new Set<string>();
  const seen = new Map<object, unknown>();
  const clone = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    const hit = seen.get(x as object);
    if (hit) return hit;
    if (Array.isArray(x)) {
      const a: unknown[] = [];
      seen.set(x, a);
      for (const v of x) a.push(clone(v));
      return a;
    }
    const o: Record<string, unknown> = {};
    seen.set(x as object, o);
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) o[k] = clone(v);
    const ref = o.ref as { sheet?: string; row?: number; col?: number } | undefined;
    if (ref && typeof ref.sheet === 'string' && 'value' in o) {
      const key = refKey(ref.sheet, ref.row as number, ref.col as number);
      const cell = patched.get(key);
      if (cell) {
        found.add(key);
        if ('form' in o) {
          const r = readNumber(cell.v);
          o.value = r.value;
          o.form = r.form;
          delete o.text;
        } else o.value = cell.v;
      }
    }
    return o;
  };
  const out = clone(before) as Detection;
  return found.size === patched.size ? out : detectTables(wb);
}

/** Is the check after the fixes better in every way: the fixed findings gone, nothing new? */
function safe(before: Finding[], after: Finding[], fixed: Finding[]): boolean {
  const was = new Set(before.filter(serious).map(place));
  const now = after.filter(serious);
  if (now.some((f) => !was.has(place(f)))) return false;
  const left = new Set(now.map(place));
  if (fixed.some((f) => left.has(place(f)))) return false;
  return now.length < before.filter(serious).length;
}

function attempt(wb: WorkbookSnapshot, detection: Detection, before: Finding[], fixed: Finding[], recheck: Recheck): boolean {
  const fixes = fixed.map((f) => f.fix as SuggestedFix);
  if (fixes.some((x) => x.value === undefined || x.value === null)) return false;
  const copy = applyFixes(wb, fixes);
  try {
    return safe(before, recheck(copy, detectionOf(detection, copy, fixes)), fixed);
  } catch {
    return false;
  }
}

/** The findings with only the fixes that passed, alone and all together. */
export function proveFixes(wb: WorkbookSnapshot, detection: Detection, findings: Finding[], recheck: Recheck): Finding[] {
  const offered = findings.filter((f) => f.fix);
  const proven: Finding[] = [];
  for (const f of offered.slice(0, maxProofs(wb))) if (attempt(wb, detection, findings, [f], recheck)) proven.push(f);
  let set = proven;
  if (set.length > 1 && !attempt(wb, detection, findings, set, recheck)) {
    // Keep the fixes that still pass together, in reporting order.
    const kept: Finding[] = [];
    for (const f of set) if (attempt(wb, detection, findings, [...kept, f], recheck)) kept.push(f);
    set = kept;
  }
  const ok = new Set(set);
  return findings.map((f) => {
    if (!f.fix || ok.has(f)) return f;
    const { fix: _withheld, ...rest } = f;
    return rest;
  });
}
