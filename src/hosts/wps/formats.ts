// Number formats without a per-cell walk. ET's Range.NumberFormat is one string when every cell
// of the area shares it and null when they differ (VBA's documented behaviour, and WPS's own
// DisplayFormat.NumberFormat documentation: "如果指定区域中的所有单元格不具有相同的数字格式，则此
// 属性将返回 Null"). So the host asks areas: the whole used range first (one call, already made by
// the reader), then, per column, the span of its numeric cells, halving a span that mixes formats.
// Only cells holding numbers need a format (percentages and dates are told by it); text cells are
// left without one. Amount columns share one format, so a sheet costs about two calls per column.
import { a1 } from '../../core/address';
import { formatCode } from './cells';
import type { EtWorksheet } from './et';

export interface Box {
  /** 0-based row and column of the used range's top-left cell. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

export interface FormatResult {
  /** Format of numeric cell (i, j) of the box (relative), when it has one. */
  at: (i: number, j: number) => string | undefined;
  /** Calls into ET made. */
  calls: number;
  /** False when the call budget ran out before every numeric cell's format was known. */
  complete: boolean;
}

/**
 * `numericRows[j]` lists (ascending, relative) the rows of column j that hold numbers. `whole` is
 * the used range's NumberFormat (a string when uniform). `budget` bounds the calls for the sheet:
 * spans are examined breadth-first across columns, so when a sheet mixes formats on nearly every
 * row the budget runs out evenly and the columns that share one format are still read.
 */
export function readFormats(ws: EtWorksheet, box: Box, numericRows: number[][], whole: unknown, budget: number): FormatResult {
  const z0 = typeof whole === 'string' ? formatCode(whole) : undefined;
  if (typeof whole === 'string') return { at: () => z0, calls: 0, complete: true };
  const found = new Map<number, string>();
  let calls = 0;
  // Spans are index ranges into a column's numeric rows, so stretches without numbers are never asked about.
  const queue: [number, number, number][] = [];
  numericRows.forEach((rows, j) => {
    if (rows.length > 0) queue.push([j, 0, rows.length - 1]);
  });
  for (let q = 0; q < queue.length; q++) {
    if (calls + 2 > budget) return { at: (i, j) => found.get(i * box.cols + j), calls, complete: false };
    const [j, lo, hi] = queue[q];
    const rows = numericRows[j];
    calls += 2; // Range(), NumberFormat
    const z = ws.Range(`${a1(box.row0 + rows[lo], box.col0 + j)}:${a1(box.row0 + rows[hi], box.col0 + j)}`).NumberFormat;
    if (typeof z === 'string') {
      const code = formatCode(z);
      if (code) for (let k = lo; k <= hi; k++) found.set(rows[k] * box.cols + j, code);
    } else if (lo < hi) {
      const mid = (lo + hi) >> 1;
      queue.push([j, lo, mid], [j, mid + 1, hi]);
    }
  }
  return { at: (i, j) => found.get(i * box.cols + j), calls, complete: true };
}
