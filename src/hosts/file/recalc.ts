// Recomputes the cached results of formula cells after a write, as Excel would on opening the
// file, but only for formulas that depend (directly or through other formulas) on a changed
// cell: a formula the write cannot affect keeps the result Excel saved, even where this small
// evaluator would round differently. A cycle, or a formula outside the evaluator's scope, keeps
// its cached value too.
import type { Cell, CellValue, SheetSnapshot } from '../../core/snapshot';
import { evaluateFormula, UnsupportedFormula, type EvalContext } from './formula-eval';

export interface Recalculated {
  sheet: string;
  r: number;
  c: number;
  v: CellValue;
}

export function cellKey(sheet: string, r: number, c: number): string {
  return `${sheet}\u0000${r}\u0000${c}`;
}

function isErr(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (isErr(a) || isErr(b)) return isErr(a) && isErr(b) && a.error === b.error;
  return a === b;
}

/** New results of the formulas that depend on `changed` (keys from cellKey), where they differ. */
export function recalculate(sheets: SheetSnapshot[], changed: Set<string>): Recalculated[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const lower = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const memo = new Map<string, { v: CellValue; tainted: boolean }>();
  const busy = new Set<string>();
  const frames: boolean[] = [];
  const out: Recalculated[] = [];

  const visit = (sheet: string, r: number, c: number): { v: CellValue; tainted: boolean } => {
    const k = cellKey(sheet, r, c);
    const cell: Cell | undefined = byName.get(sheet)?.cells[r]?.[c];
    if (!cell || !cell.f) return { v: cell ? cell.v : null, tainted: changed.has(k) };
    const hit = memo.get(k);
    if (hit) return hit;
    if (busy.has(k)) return { v: cell.v, tainted: false }; // circular reference: keep the cached value
    busy.add(k);
    frames.push(changed.has(k));
    let v: CellValue = cell.v;
    try {
      v = evaluateFormula(cell.f, sheet, ctx);
      // Excel keeps 15 significant digits: 0.1+0.2 is 0.3 there, not 0.30000000000000004.
      if (typeof v === 'number') v = Number(v.toPrecision(15));
    } catch (e) {
      if (!(e instanceof UnsupportedFormula) && !(e instanceof RangeError)) throw e;
      v = cell.v;
    }
    const tainted = frames.pop()!;
    busy.delete(k);
    const res = { v: tainted ? v : cell.v, tainted };
    memo.set(k, res);
    if (tainted && !sameValue(v, cell.v)) out.push({ sheet, r, c, v });
    return res;
  };
  const ctx: EvalContext = {
    get: (sheet, r, c) => {
      const x = visit(sheet, r, c);
      if (x.tainted && frames.length) frames[frames.length - 1] = true;
      return x.v;
    },
    sheetName: (name) => lower.get(name.toLowerCase()) ?? null,
    lastRow: (sheet) => Math.max(0, (byName.get(sheet)?.cells.length ?? 1) - 1),
  };
  for (const s of sheets) s.cells.forEach((row, r) => row?.forEach((cell, c) => cell?.f && visit(s.name, r, c)));
  return out;
}
