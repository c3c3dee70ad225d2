// A sheet as the readers see it: cells looked up through merges (without materialising huge
// merges), shown text, figures read from cells. Everything here is total: never throws.
import type { CellRef } from '../address';
import { readNumber } from '../numbers';
import type { CellRange, CellValue, SheetSnapshot } from '../snapshot';
import { cellText, normLabel } from '../text';
import type { Figure } from './types';

/** Merges looked up by cell without materialising every covered cell (huge merges stay cheap). */
export class MergeLookup {
  private readonly byRow = new Map<number, CellRange[]>();
  private readonly tall: CellRange[] = [];
  private readonly topLeft = new Map<number, CellRange>();
  constructor(merges: CellRange[], maxRow: number, maxCol: number) {
    for (const raw of merges) {
      if (!raw || !(raw.r1 >= 0) || !(raw.c1 >= 0) || !(raw.r2 >= raw.r1) || !(raw.c2 >= raw.c1)) continue;
      // Clip to the used extent: nothing beyond it can be asked about meaningfully.
      const m = { r1: raw.r1, c1: raw.c1, r2: Math.min(raw.r2, maxRow), c2: Math.min(raw.c2, maxCol) };
      if (m.r2 < m.r1 || m.c2 < m.c1) continue;
      if (m.r1 === m.r2 && m.c1 === m.c2) continue;
      this.topLeft.set(key(m.r1, m.c1), m);
      if (m.r2 - m.r1 > 64) this.tall.push(m);
      else
        for (let r = m.r1; r <= m.r2; r++) {
          const list = this.byRow.get(r);
          if (list) list.push(m);
          else this.byRow.set(r, [m]);
        }
    }
  }
  find(r: number, c: number): CellRange | undefined {
    const list = this.byRow.get(r);
    if (list) for (const m of list) if (c >= m.c1 && c <= m.c2) return m;
    for (const m of this.tall) if (r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2) return m;
    return undefined;
  }
  /** The merge whose top-left cell is (r, c). */
  at(r: number, c: number): CellRange | undefined {
    return this.topLeft.get(key(r, c));
  }
}

function key(r: number, c: number): number {
  return r * 16384 + c;
}

/** A sheet with merge-aware accessors; rows/cols are 0-based. */
export class Grid {
  readonly rows: number;
  readonly cols: number;
  readonly merges: MergeLookup;
  constructor(readonly sheet: SheetSnapshot) {
    let rows = 0;
    let cols = 0;
    const cells = Array.isArray(sheet.cells) ? sheet.cells : [];
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (!row || row.length === 0) continue;
      rows = r + 1;
      if (row.length > cols) cols = row.length;
    }
    // Merged titles and headers may reach beyond the last filled column (capped: merges can be absurd).
    const merges = Array.isArray(sheet.merges) ? sheet.merges : [];
    let mcols = cols;
    for (const m of merges) if (m && m.r1 < rows && m.c2 + 1 > mcols) mcols = m.c2 + 1;
    cols = Math.min(mcols, Math.max(cols + 64, 256));
    this.rows = rows;
    this.cols = cols;
    this.merges = new MergeLookup(Array.isArray(sheet.merges) ? sheet.merges : [], Math.max(rows - 1, 0), Math.max(cols - 1, 0));
  }
  get name(): string {
    return this.sheet.name;
  }
  value(r: number, c: number): CellValue {
    const row = this.sheet.cells[r];
    const cell = row ? row[c] : undefined;
    return cell ? cell.v : null;
  }
  /** Own text of the cell, trimmed. */
  text(r: number, c: number): string {
    return cellText(this.value(r, c)).trim();
  }
  /** Text shown at (r, c), looking through a merge to its top-left cell. */
  shown(r: number, c: number): string {
    const own = this.text(r, c);
    if (own !== '') return own;
    const m = this.merges.find(r, c);
    return m ? this.text(m.r1, m.c1) : '';
  }
  /** Normalised label at (r, c) through merges. */
  label(r: number, c: number): string {
    return normLabel(this.shown(r, c));
  }
  ref(r: number, c: number): CellRef {
    return { sheet: this.sheet.name, row: r, col: c };
  }
  fig(r: number, c: number): Figure {
    const rn = readCellNumber(this.value(r, c));
    const f: Figure = { value: rn.value, ref: this.ref(r, c), form: rn.form };
    if (rn.text !== undefined && rn.form !== 'blank') f.text = rn.text;
    return f;
  }
  /** Is the cell numeric (a number or a number stored as text)? */
  isNumeric(r: number, c: number): boolean {
    const f = readCellNumber(this.value(r, c)).form;
    return f === 'number' || f === 'text-number';
  }
  /** Non-empty own cells of a row within [c1, c2], as column indexes. */
  filledCols(r: number, c1: number, c2: number): number[] {
    const row = this.sheet.cells[r];
    const out: number[] = [];
    if (!row) return out;
    const end = Math.min(c2, row.length - 1);
    for (let c = Math.max(c1, 0); c <= end; c++) {
      const cell = row[c];
      if (cell && cellText(cell.v).trim() !== '') out.push(c);
    }
    return out;
  }
  /** The cell right of (r, c) holding the value of a 'label | value' pair, skipping the label's merge. */
  valueRightOf(r: number, c: number, c2: number): { text: string; col: number } | null {
    const m = this.merges.find(r, c);
    let start = (m ? m.c2 : c) + 1;
    for (let k = start; k <= c2; k++) {
      const t = this.shown(r, k);
      if (t !== '') return { text: t, col: this.merges.find(r, k)?.c1 ?? k };
    }
    return null;
  }
}

/** Zero-width characters PDF conversions and web pages leave in cells. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

/**
 * A cell read as a number: invisible characters dropped first, so that a cell that only looks
 * blank is blank (zero), never text that is no number (an input.invalid-number error).
 */
export function readCellNumber(v: CellValue): ReturnType<typeof readNumber> {
  if (typeof v !== 'string' || !INVISIBLE.test(v)) return readNumber(v);
  const r = readNumber(v.replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));
  return r.text !== undefined ? { ...r, text: v } : r;
}

