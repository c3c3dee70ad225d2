// The file host's working copy of one sheet: the cells as read from the file, the cells changed
// since (fixes, recalculated results), or — for a sheet the host wrote whole — its output cells.
import type { Cell, CellRange, SheetSnapshot } from '../../core/snapshot';
import type { OutputSheet } from '../types';
import type { SheetEntry } from './package';
import { sameValue } from './recalc';
import type { SharedGroup } from './sheet-read';

export interface Change {
  /** The cell now; undefined when it was emptied. */
  cell: Cell | undefined;
  /** Only the cached result changed: the formula element is kept as it is in the file. */
  keepFormula: boolean;
}

export class SheetState {
  /** Changed cells, by r * 16384 + c. */
  readonly changes = new Map<number, Change>();
  private cachedSnapshot: SheetSnapshot | null = null;

  constructor(
    public name: string,
    /** The sheet in the opened file; null for a sheet written here. */
    readonly entry: SheetEntry | null,
    /** Cells as read (or, for an output sheet, as written and computed). */
    public base: SheetSnapshot,
    public shared: Map<string, SharedGroup>,
    /** Set when the sheet's content is written whole by the host (writeSheet). */
    public output: OutputSheet | null = null,
  ) {}

  cell(r: number, c: number): Cell | undefined {
    const ch = this.changes.get(r * 16384 + c);
    return ch ? ch.cell : this.base.cells[r]?.[c];
  }

  /** Sets a cell; a cell set back to what the file holds is no longer a change. */
  set(r: number, c: number, cell: Cell | undefined, keepFormula: boolean): void {
    this.cachedSnapshot = null;
    if (this.output) {
      (this.base.cells[r] ??= [])[c] = cell;
      return;
    }
    const key = r * 16384 + c;
    const orig = this.base.cells[r]?.[c];
    const same = (a: Cell | undefined, b: Cell | undefined) => (!a && !b) || (!!a && !!b && sameValue(a.v, b.v) && (a.f ?? '') === (b.f ?? ''));
    if (same(cell, orig)) this.changes.delete(key);
    else {
      const prev = this.changes.get(key);
      // Once the content itself changed, a later result-only update still rewrites the content.
      this.changes.set(key, { cell, keepFormula: keepFormula && (prev ? prev.keepFormula : true) });
    }
  }

  /** Forget the cached snapshot (the base was replaced). */
  touch(): void {
    this.cachedSnapshot = null;
  }

  /** The top-left cell of the merge holding (r, c), or (r, c). */
  master(r: number, c: number): [number, number] {
    const m = this.base.merges.find((x: CellRange) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
    return m ? [m.r1, m.c1] : [r, c];
  }

  snapshot(): SheetSnapshot {
    if (this.cachedSnapshot) return this.cachedSnapshot;
    const b = this.base;
    let cells = b.cells;
    if (this.changes.size) {
      cells = b.cells.slice();
      const copied = new Set<number>();
      for (const [key, ch] of this.changes) {
        const r = Math.floor(key / 16384);
        const c = key % 16384;
        if (!copied.has(r)) {
          cells[r] = (cells[r] ?? []).slice();
          copied.add(r);
        }
        cells[r][c] = ch.cell;
      }
    } else if (this.output) cells = b.cells.map((row) => row?.slice());
    const s: SheetSnapshot = { name: this.name, cells, merges: b.merges };
    if (b.protected) s.protected = true;
    if (b.hidden) s.hidden = true;
    this.cachedSnapshot = s;
    return s;
  }
}
