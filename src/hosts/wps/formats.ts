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
 * the used range's NumberFormat (a string when uniform). `budget` bounds the calls for the sheet.
 */
export function readFormats(ws: EtWorksheet, box: Box, numericRows: number[][], whole: unknown, budget: number): FormatResult {
  const z0 = typeof whole === 'string' ? formatCode(whole) : undefined;
  if (typeof whole === 'string') return { at: () => z0, calls: 0, complete: true };
  const found = new Map<number, string>();
  let calls = 0;
  let complete = true;
  const ask = (j: number, r1: number, r2: number): string | null => {
    calls += 2; // Range(), NumberFormat
    const z = ws.Range(`${a1(box.row0 + r1, box.col0 + j)}:${a1(box.row0 + r2, box.col0 + j)}`).NumberFormat;
    return typeof z === 'string' ? z : null;
  };
  for (let j = 0; j < box.cols; j++) {
    const rows = numericRows[j];
    if (!rows || rows.length === 0) continue;
    // Spans are index ranges into `rows`, so stretches without numbers are never asked about.
    const stack: [number, number][] = [[0, rows.length - 1]];
    while (stack.length > 0) {
      const [lo, hi] = stack.pop()!;
      if (calls + 2 > budget) {
        complete = false;
        break;
      }
      const z = ask(j, rows[lo], rows[hi]);
      if (z !== null) {
        const code = formatCode(z);
        if (code) for (let k = lo; k <= hi; k++) found.set(rows[k] * box.cols + j, code);
        continue;
      }
      if (lo === hi) continue; // one cell always has one format; nothing more to learn
      const mid = (lo + hi) >> 1;
      stack.push([mid + 1, hi], [lo, mid]);
    }
    if (!complete) break;
  }
  return { at: (i, j) => found.get(i * box.cols + j), calls, complete };
}
