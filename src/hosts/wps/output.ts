// Writing an output sheet (指标计算, 情况说明, 补充信息) through ET: the whole grid in one
// Formula assignment (formulas stay live; text that looks like a formula is kept as text), number
// formats and bold per run of equal cells, and column widths — ET's ColumnWidth is in characters,
// the unit OutputSheet uses. Calls grow with runs and columns, not cells.
import { a1, columnName } from '../../core/address';
import type { OutputCell, OutputSheet } from '../types';
import { literal, outputValue } from '../cell-io';
import type { EtWorksheet } from './et';

/** Runs of equal keys along one line: [start, end, key]. */
function runs<K>(n: number, keyAt: (i: number) => K | undefined): [number, number, K][] {
  const out: [number, number, K][] = [];
  for (let i = 0; i < n; i++) {
    const k = keyAt(i);
    if (k === undefined) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === k) last[1] = i;
    else out.push([i, i, k]);
  }
  return out;
}

export function writeOutput(ws: EtWorksheet, out: OutputSheet): void {
  const cols = out.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const rows = out.rows.length;
  const cell = (i: number, j: number): OutputCell | undefined => out.rows[i]?.[j];
  if (rows > 0 && cols > 0) {
    const area = ws.Range(`A1:${a1(rows - 1, cols - 1)}`);
    for (let j = 0; j < cols; j++) {
      for (const [r1, r2, z] of runs(rows, (i) => cell(i, j)?.numberFormat)) ws.Range(`${a1(r1, j)}:${a1(r2, j)}`).NumberFormat = z;
    }
    area.Formula = out.rows.map((r) => Array.from({ length: cols }, (_, j) => outputValue(r[j], literal)));
    for (let i = 0; i < rows; i++) {
      for (const [c1, c2] of runs(cols, (j) => (cell(i, j)?.bold ? true : undefined))) ws.Range(`${a1(i, c1)}:${a1(i, c2)}`).Font.Bold = true;
    }
  }
  out.columnWidths?.forEach((w, j) => {
    if (w > 0) ws.Range(`${columnName(j)}:${columnName(j)}`).ColumnWidth = w;
  });
}
