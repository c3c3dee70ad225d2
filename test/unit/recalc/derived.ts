// Runs recalc's formulas through the file host's Excel evaluator (src/hosts/file/formula-eval),
// over a workbook snapshot, so the recalc tests prove each emitted formula computes the figure
// recalc claims. A formula outside the evaluator's subset throws UnsupportedFormula: a test
// must fail rather than guess.
import type { DerivedSheet } from '../../../src/core/recalc/recalc';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { evaluateFormula, type EvalContext } from '../../../src/hosts/file/formula-eval';

export interface EvalOptions {
  /** Sheets whose formula cells are evaluated rather than read from their cached value. */
  recompute?: Set<string>;
}

/** An evaluation context over a snapshot; formula cells of `recompute` sheets are evaluated live. */
function snapshotContext(wb: WorkbookSnapshot, opts: EvalOptions): EvalContext {
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  const lower = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const busy = new Set<string>();
  const ctx: EvalContext = {
    get(sheet, r, c) {
      const cell: Cell | undefined = sheets.get(sheet)?.cells[r]?.[c];
      if (!cell) return null;
      if (cell.f && opts.recompute?.has(sheet)) {
        const key = `${sheet}!${r},${c}`;
        if (busy.has(key)) return { error: '#CIRC!' };
        busy.add(key);
        try {
          return evaluateFormula(cell.f, sheet, ctx);
        } finally {
          busy.delete(key);
        }
      }
      // An empty text constant is a blank cell (SheetJS/exceljs read some blanks so).
      return cell.v === '' && !cell.f ? null : cell.v;
    },
    sheetName: (name) => lower.get(name.toLowerCase()) ?? null,
    lastRow: (sheet) => Math.max(0, (sheets.get(sheet)?.cells.length ?? 1) - 1),
  };
  return ctx;
}

/** Evaluate one formula (with or without '=') as if it stood on `sheet`. */
export function evaluate(wb: WorkbookSnapshot, formula: string, sheet = '', opts: EvalOptions = {}): CellValue {
  return evaluateFormula(formula.startsWith('=') ? formula.slice(1) : formula, sheet, snapshotContext(wb, opts));
}

/** The derived sheet as a SheetSnapshot (formula + cached value), to be added to a workbook. */
export function derivedSheetSnapshot(ds: DerivedSheet): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  ds.rows.forEach((row, r) =>
    row.forEach((dc, c) => {
      if (dc.formula === undefined && (dc.value === undefined || dc.value === null)) return;
      const v = dc.formula !== undefined ? (dc.cachedValue ?? null) : (dc.value ?? null);
      const cell: Cell = { v };
      if (dc.formula !== undefined) cell.f = dc.formula.startsWith('=') ? dc.formula.slice(1) : dc.formula;
      (cells[r] ??= [])[c] = cell;
    }),
  );
  return { name: ds.name, cells, merges: [] };
}

export interface EvaluatedCell {
  row: number;
  col: number;
  /** The 指标 label of the row. */
  label: string;
  formula: string;
  cached: number | string | null | undefined;
  evaluated: CellValue;
}

/** Evaluate every formula of a derived sheet against the workbook (the sheet's own cells live). */
export function evaluateDerived(wb: WorkbookSnapshot, ds: DerivedSheet): EvaluatedCell[] {
  const full: WorkbookSnapshot = { name: wb.name, sheets: [...wb.sheets.filter((s) => s.name !== ds.name), derivedSheetSnapshot(ds)] };
  const opts = { recompute: new Set([ds.name]) };
  const out: EvaluatedCell[] = [];
  ds.rows.forEach((row, r) =>
    row.forEach((dc, c) => {
      if (dc.formula === undefined) return;
      out.push({ row: r, col: c, label: String(row[0]?.value ?? ''), formula: dc.formula, cached: dc.cachedValue, evaluated: evaluate(full, dc.formula, ds.name, opts) });
    }),
  );
  return out;
}

/** Row index of the row whose 指标 label is `label`, searching after the first row whose A cell contains `section`. */
export function rowOf(ds: DerivedSheet, label: string, section?: string): number {
  let start = 0;
  if (section) {
    start = ds.rows.findIndex((r) => typeof r[0]?.value === 'string' && (r[0].value as string).includes(section));
    if (start < 0) throw new Error(`no section ${section}`);
  }
  for (let r = start; r < ds.rows.length; r++) if (ds.rows[r][0]?.value === label) return r;
  throw new Error(`no row labelled ${label}${section ? ` after ${section}` : ''}; labels: ${ds.rows.map((r) => r[0]?.value ?? '').join(' | ')}`);
}

/** The evaluated 数值 (column C) of a row found by rowOf. */
export function valueOf(cells: EvaluatedCell[], ds: DerivedSheet, label: string, section?: string): CellValue {
  const row = rowOf(ds, label, section);
  const hit = cells.find((c) => c.row === row && c.col === 2);
  if (!hit) throw new Error(`row ${label} has no formula`);
  return hit.evaluated;
}
