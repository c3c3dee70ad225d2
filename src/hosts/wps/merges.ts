// Merged areas without a per-cell walk. ET answers two questions cheaply: Range.MergeCells of an
// area (false when nothing in it is merged; true or null otherwise — VBA gives null for a mix,
// WPS's documentation says "如果区域包含合并单元格，则为 True", so both are read as "something is
// merged here") and Range.MergeArea of one cell (the merged area holding it, or the cell itself).
// Starting from the used range: an area with nothing merged is done in one question; otherwise the
// merged area at its top-left cell, if any, is recorded and the rest of the area (up to four
// rectangles) is examined the same way; if the top-left cell is not merged the area is halved.
// The values already read prune most questions: merging keeps only the top-left cell's value, so
// every other cell of a merged area is empty — an area without empty cells holds no part of a merge
// but anchors (found from their empty cells), and a non-empty cell whose right and lower neighbours
// are filled cannot start one. Each merge costs a handful of calls plus a logarithmic search.
import { a1, parseRangeA1, rangeA1 } from '../../core/address';
import type { CellRange } from '../../core/snapshot';
import type { EtWorksheet } from './et';

export interface MergeResult {
  merges: CellRange[];
  calls: number;
  complete: boolean;
}

const overlaps = (a: CellRange, b: CellRange): boolean => a.r1 <= b.r2 && a.r2 >= b.r1 && a.c1 <= b.c2 && a.c2 >= b.c1;

/** `r` without `m` (which overlaps it), as up to four rectangles. */
function subtract(r: CellRange, m: CellRange): CellRange[] {
  const out: CellRange[] = [];
  if (m.r1 > r.r1) out.push({ r1: r.r1, c1: r.c1, r2: m.r1 - 1, c2: r.c2 });
  if (m.r2 < r.r2) out.push({ r1: m.r2 + 1, c1: r.c1, r2: r.r2, c2: r.c2 });
  const r1 = Math.max(r.r1, m.r1);
  const r2 = Math.min(r.r2, m.r2);
  if (m.c1 > r.c1) out.push({ r1, c1: r.c1, r2, c2: m.c1 - 1 });
  if (m.c2 < r.c2) out.push({ r1, c1: m.c2 + 1, r2, c2: r.c2 });
  return out;
}

/** Counts empty cells of any rectangle in O(1) (prefix sums over the used range's values). */
function emptyCounter(box: CellRange, isEmpty: (r: number, c: number) => boolean): (r: CellRange) => number {
  const w = box.c2 - box.c1 + 2;
  const h = box.r2 - box.r1 + 2;
  const sum = new Int32Array(w * h);
  for (let i = 1; i < h; i++) {
    for (let j = 1; j < w; j++) {
      const e = isEmpty(box.r1 + i - 1, box.c1 + j - 1) ? 1 : 0;
      sum[i * w + j] = e + sum[(i - 1) * w + j] + sum[i * w + j - 1] - sum[(i - 1) * w + j - 1];
    }
  }
  return (r) => {
    const i1 = r.r1 - box.r1;
    const j1 = r.c1 - box.c1;
    const i2 = r.r2 - box.r1 + 1;
    const j2 = r.c2 - box.c1 + 1;
    return sum[i2 * w + j2] - sum[i1 * w + j2] - sum[i2 * w + j1] + sum[i1 * w + j1];
  };
}

/**
 * `merged` is the used range's MergeCells, already read by the caller; `isEmpty(r, c)` tells
 * (sheet coordinates) whether Value2 gave nothing for a cell of the box.
 */
export function findMerges(ws: EtWorksheet, box: CellRange, merged: unknown, isEmpty: (r: number, c: number) => boolean, budget: number): MergeResult {
  const merges: CellRange[] = [];
  let calls = 0;
  if (merged === false || merged === 0) return { merges, calls, complete: true };
  const empties = emptyCounter(box, isEmpty);
  /** Could the merge holding this cell (if any) be learnt from it? Empty cells, and anchors with an empty neighbour. */
  const worthAsking = (r: number, c: number): boolean =>
    isEmpty(r, c) || (c < box.c2 && isEmpty(r, c + 1)) || (r < box.r2 && isEmpty(r + 1, c));
  const stack: { r: CellRange; known?: boolean }[] = [{ r: box, known: true }];
  while (stack.length > 0) {
    const { r, known } = stack.pop()!;
    const hit = merges.find((m) => overlaps(m, r));
    if (hit) {
      for (const piece of subtract(r, hit)) stack.push({ r: piece });
      continue;
    }
    if (empties(r) === 0) continue; // no room for a merged cell other than anchors
    if (calls + 5 > budget) return { merges, calls, complete: false };
    const single = r.r1 === r.r2 && r.c1 === r.c2;
    if (!known && !single) {
      calls += 2; // Range(), MergeCells
      const m: unknown = ws.Range(rangeA1(r)).MergeCells;
      if (m === false || m === 0) continue;
    }
    if (worthAsking(r.r1, r.c1)) {
      calls += 3; // Range(), MergeArea, Address()
      const area = parseRangeA1(ws.Range(a1(r.r1, r.c1)).MergeArea.Address(false, false).replace(/\$/g, ''));
      if (area && (area.r1 !== area.r2 || area.c1 !== area.c2)) {
        merges.push(area);
        stack.push({ r });
        continue;
      }
    }
    if (single) continue;
    // The top-left cell is not merged: halve the longer side.
    if (r.r2 - r.r1 >= r.c2 - r.c1) {
      const mid = (r.r1 + r.r2) >> 1;
      stack.push({ r: { ...r, r1: mid + 1 } }, { r: { ...r, r2: mid } });
    } else {
      const mid = (r.c1 + r.c2) >> 1;
      stack.push({ r: { ...r, c1: mid + 1 } }, { r: { ...r, c2: mid } });
    }
  }
  return { merges, calls, complete: true };
}
