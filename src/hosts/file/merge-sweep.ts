// Which cells lie inside a merged area without being its top-left cell, asked in row order (as
// the sheet XML lists cells). Merged areas are held as ranges: the rows currently crossed by
// merges are kept sorted by first column and searched, so a merge costs nothing per cell it
// covers, whatever its area (A20:XFD1048576 included).
import type { CellRange } from '../../core/snapshot';

export class MergeSweep {
  private readonly byTop: CellRange[];
  private next = 0;
  private active: CellRange[] = [];
  private row = -1;
  private minEnd = Infinity;

  constructor(merges: CellRange[]) {
    this.byTop = merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1).sort((a, b) => a.r1 - b.r1);
  }

  /** True when (r, c) is covered by a merge and is not that merge's top-left cell. */
  isHidden(r: number, c: number): boolean {
    if (this.byTop.length === 0) return false;
    if (r !== this.row) this.advance(r);
    const a = this.active;
    let lo = 0;
    let hi = a.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid].c1 <= c) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (hit < 0) return false;
    const m = a[hit];
    return c <= m.c2 && !(r === m.r1 && c === m.c1);
  }

  private advance(r: number): void {
    if (r < this.row) {
      // Rows out of order (not what Excel writes): start the sweep again.
      this.next = 0;
      this.active = [];
      this.minEnd = Infinity;
    }
    this.row = r;
    if (this.minEnd < r) {
      this.active = this.active.filter((m) => m.r2 >= r);
      this.minEnd = this.active.reduce((x, m) => Math.min(x, m.r2), Infinity);
    }
    while (this.next < this.byTop.length && this.byTop[this.next].r1 <= r) {
      const m = this.byTop[this.next++];
      if (m.r2 < r) continue;
      let i = this.active.length;
      while (i > 0 && this.active[i - 1].c1 > m.c1) i--;
      this.active.splice(i, 0, m);
      if (m.r2 < this.minEnd) this.minEnd = m.r2;
    }
  }
}
