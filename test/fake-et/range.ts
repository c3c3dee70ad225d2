// The fake Range and what hangs off it (Interior, Font, Comment), with ET's semantics:
// - Value2 / Formula of one cell are scalars, of an area rows of scalars (0-based JS arrays);
// - NumberFormat, Interior.Color, Font.Bold of an area are null unless every cell agrees;
// - MergeCells is true / false, or null for a mixed area (VBA) — or true (option);
// - MergeArea and Text apply to one cell; AddComment fails where a comment exists;
// - No Fill reads as Color 16777215 (white) with ColorIndex and Pattern xlNone (-4142);
// - writing to a protected sheet, part of a merged area, or selecting on an inactive sheet fails.
import { a1, columnName } from '../../src/core/address';
import type { EtCtx } from './context';
import { formulaOf, textOf, value2Of, writeCell } from './cells';
import { expose, FakeEtError } from './expose';
import { SPECS } from './specs';
import { colorIndexOf, key, paletteColor, unkey, WHITE, XL_NONE, XL_SOLID, type EtCellState, type EtSheetState } from './state';

export type SheetFactory = (s: EtSheetState) => unknown;

export class FakeRange {
  constructor(
    readonly ctx: EtCtx,
    readonly sheet: EtSheetState,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
    readonly view: 'cells' | 'rows' | 'columns' = 'cells',
    readonly sheetProxy: SheetFactory = () => undefined,
  ) {}

  static wrap(r: FakeRange): FakeRange {
    return expose(r, 'Range', SPECS.Range, r.ctx.counter, r.ctx.alive);
  }

  private sub(r1: number, c1: number, r2: number, c2: number, view: FakeRange['view'] = 'cells'): FakeRange {
    return FakeRange.wrap(new FakeRange(this.ctx, this.sheet, r1, c1, r2, c2, view, this.sheetProxy));
  }
  private get rows(): number {
    return this.r2 - this.r1 + 1;
  }
  private get cols(): number {
    return this.c2 - this.c1 + 1;
  }
  private single(): boolean {
    return this.rows === 1 && this.cols === 1;
  }
  private cell(r: number, c: number): EtCellState | undefined {
    return this.sheet.cells.get(key(r, c));
  }
  /** Stored cells inside the area, without walking a huge empty area. */
  private stored(): [number, number, EtCellState][] {
    const out: [number, number, EtCellState][] = [];
    if (this.rows * this.cols <= this.sheet.cells.size) {
      for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) {
        const x = this.cell(r, c);
        if (x) out.push([r, c, x]);
      }
      return out;
    }
    for (const [k, x] of this.sheet.cells) {
      const [r, c] = unkey(k);
      if (r >= this.r1 && r <= this.r2 && c >= this.c1 && c <= this.c2) out.push([r, c, x]);
    }
    return out;
  }
  /** The value every cell of the area shares (empty cells count as `empty`), else null. */
  private uniform<T>(get: (c: EtCellState) => T, empty: T): T | null {
    const stored = this.stored();
    let first: { v: T } | null = stored.length < this.rows * this.cols ? { v: empty } : null;
    for (const [, , c] of stored) {
      const v = get(c);
      if (!first) first = { v };
      else if (v !== first.v) return null;
    }
    return first ? first.v : empty;
  }
  private grid<T>(get: (c: EtCellState | undefined) => T): T | T[][] {
    if (this.single()) return get(this.cell(this.r1, this.c1));
    const out: T[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: T[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(get(this.cell(r, c)));
      out.push(row);
    }
    return out;
  }
  private edit(what: string): void {
    if (this.sheet.protected) throw new FakeEtError(`不能设置 Range 类的 ${what} 属性：您试图更改的单元格或图表受保护，因而是只读的。`);
  }
  private mutate(r: number, c: number, f: (cell: EtCellState) => void): void {
    const k = key(r, c);
    const cell: EtCellState = { ...(this.sheet.cells.get(k) ?? { v: null }) };
    f(cell);
    if (cell.v === null && !cell.f && !cell.z && !cell.fill && !cell.bold && !cell.comment) this.sheet.cells.delete(k);
    else this.sheet.cells.set(k, cell);
  }
  private eachCell(f: (r: number, c: number) => void): void {
    if (this.rows * this.cols > 1_000_000) throw new FakeEtError('区域过大');
    for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) f(r, c);
  }
  private write(v: unknown, what: string): void {
    this.edit(what);
    for (const m of this.sheet.merges) {
      const overlaps = m.r1 <= this.r2 && m.r2 >= this.r1 && m.c1 <= this.c2 && m.c2 >= this.c1;
      const inside = m.r1 >= this.r1 && m.r2 <= this.r2 && m.c1 >= this.c1 && m.c2 <= this.c2;
      const anchorOnly = this.single() && m.r1 === this.r1 && m.c1 === this.c1;
      if (overlaps && !inside && !anchorOnly) throw new FakeEtError('不能对合并单元格的一部分进行此操作。');
    }
    if (Array.isArray(v)) {
      if (v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) throw new FakeEtError(`${what}：数组大小与区域（${this.rows}×${this.cols}）不符`);
      v.forEach((row: unknown[], i) => row.forEach((x, j) => writeCell(this.ctx, this.sheet, this.r1 + i, this.c1 + j, x)));
    } else this.eachCell((r, c) => writeCell(this.ctx, this.sheet, r, c, v));
  }

  get Worksheet(): unknown {
    return this.sheetProxy(this.sheet);
  }
  get Row(): number {
    return this.r1 + 1;
  }
  get Column(): number {
    return this.c1 + 1;
  }
  get Rows(): FakeRange {
    return this.sub(this.r1, this.c1, this.r2, this.c2, 'rows');
  }
  get Columns(): FakeRange {
    return this.sub(this.r1, this.c1, this.r2, this.c2, 'columns');
  }
  get Cells(): FakeRange {
    return this.sub(this.r1, this.c1, this.r2, this.c2, 'cells');
  }
  get Count(): number {
    return this.view === 'rows' ? this.rows : this.view === 'columns' ? this.cols : this.rows * this.cols;
  }
  Item(row: number, column?: number): FakeRange {
    if (this.view === 'rows') return this.sub(this.r1 + row - 1, this.c1, this.r1 + row - 1, this.c2);
    if (this.view === 'columns') return this.sub(this.r1, this.c1 + row - 1, this.r2, this.c1 + row - 1);
    if (column === undefined) {
      const i = row - 1;
      return this.sub(this.r1 + Math.floor(i / this.cols), this.c1 + (i % this.cols), this.r1 + Math.floor(i / this.cols), this.c1 + (i % this.cols));
    }
    if (row < 1 || column < 1) throw new FakeEtError('下标越界');
    return this.sub(this.r1 + row - 1, this.c1 + column - 1, this.r1 + row - 1, this.c1 + column - 1);
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const cell = (r: number, c: number): string => `${columnAbsolute ? '$' : ''}${columnName(c)}${rowAbsolute ? '$' : ''}${r + 1}`;
    return this.single() ? cell(this.r1, this.c1) : `${cell(this.r1, this.c1)}:${cell(this.r2, this.c2)}`;
  }

  get Value2(): unknown {
    return this.grid((c) => value2Of(this.ctx, c));
  }
  set Value2(v: unknown) {
    this.write(v, 'Value2');
  }
  get Formula(): unknown {
    return this.grid((c) => formulaOf(c));
  }
  set Formula(v: unknown) {
    this.write(v, 'Formula');
  }
  get Text(): string | null {
    return this.single() ? textOf(this.cell(this.r1, this.c1)) : null;
  }
  get NumberFormat(): string | null {
    const general = this.ctx.opts.generalName ?? 'General';
    return this.uniform((c) => c.z ?? general, general);
  }
  set NumberFormat(z: unknown) {
    this.edit('NumberFormat');
    if (typeof z !== 'string') throw new FakeEtError('类型不匹配');
    const general = z === 'General' || z === 'G/通用格式' || z === '';
    this.eachCell((r, c) =>
      this.mutate(r, c, (cell) => {
        if (general) delete cell.z;
        else cell.z = z;
      }),
    );
  }

  get MergeCells(): boolean | null {
    let merged = 0;
    for (const m of this.sheet.merges) {
      const h = Math.min(m.r2, this.r2) - Math.max(m.r1, this.r1) + 1;
      const w = Math.min(m.c2, this.c2) - Math.max(m.c1, this.c1) + 1;
      if (h > 0 && w > 0) merged += h * w;
    }
    if (merged === 0) return false;
    if (merged === this.rows * this.cols) return true;
    return this.ctx.opts.mergeCellsMixed === 'true' ? true : null;
  }
  get MergeArea(): FakeRange {
    if (!this.single()) throw new FakeEtError('MergeArea 只应用于单个单元格');
    const m = this.sheet.merges.find((x) => this.r1 >= x.r1 && this.r1 <= x.r2 && this.c1 >= x.c1 && this.c1 <= x.c2);
    return m ? this.sub(m.r1, m.c1, m.r2, m.c2) : this.sub(this.r1, this.c1, this.r1, this.c1);
  }

  get Interior(): FakeInterior {
    return expose(new FakeInterior(this), 'Interior', SPECS.Interior, this.ctx.counter, this.ctx.alive);
  }
  get Font(): FakeFont {
    return expose(new FakeFont(this), 'Font', SPECS.Font, this.ctx.counter, this.ctx.alive);
  }
  /** Internal: read each cell, or set through `mutate` after the protection check. */
  uniformOf<T>(get: (c: EtCellState) => T, empty: T): T | null {
    return this.uniform(get, empty);
  }
  setEach(what: string, f: (cell: EtCellState) => void): void {
    this.edit(what);
    this.eachCell((r, c) => this.mutate(r, c, f));
  }

  get Comment(): FakeComment | null {
    const c = this.cell(this.r1, this.c1);
    return c?.comment ? expose(new FakeComment(this.ctx, this.sheet, this.r1, this.c1), 'Comment', SPECS.Comment, this.ctx.counter, this.ctx.alive) : null;
  }
  AddComment(text?: string): FakeComment {
    if (!this.single()) throw new FakeEtError('AddComment 只能用于单个单元格');
    if (this.cell(this.r1, this.c1)?.comment) throw new FakeEtError('应用程序定义或对象定义错误（单元格已有批注）');
    this.setEach('Comment', (cell) => {
      cell.comment = { text: text ?? '', author: this.ctx.opts.author ?? 'WPS 用户' };
    });
    return this.Comment!;
  }
  ClearComments(): void {
    this.edit('Comment');
    for (const [r, c, cell] of this.stored()) if (cell.comment) this.mutate(r, c, (x) => delete x.comment);
  }
  Clear(): void {
    this.edit('Clear');
    for (const [r, c] of this.stored()) this.sheet.cells.delete(key(r, c));
    this.sheet.merges = this.sheet.merges.filter((m) => !(m.r1 >= this.r1 && m.r2 <= this.r2 && m.c1 >= this.c1 && m.c2 <= this.c2));
  }
  Select(): void {
    if (this.ctx.wb.activeSheet !== this.sheet.name) throw new FakeEtError('Range 类的 Select 方法无效（工作表未激活）');
    const address = this.single() ? a1(this.r1, this.c1) : `${a1(this.r1, this.c1)}:${a1(this.r2, this.c2)}`;
    this.ctx.app.fireSelection(this.sheet.name, address);
  }
  get ColumnWidth(): number | null {
    const w = new Set<number>();
    for (let c = this.c1; c <= Math.min(this.c2, this.c1 + 500); c++) w.add(this.sheet.widths.get(c) ?? 8.38);
    return w.size === 1 ? [...w][0] : null;
  }
  set ColumnWidth(w: number) {
    this.edit('ColumnWidth');
    if (typeof w !== 'number' || w < 0 || w > 255) throw new FakeEtError('不能设置 Range 类的 ColumnWidth 属性');
    for (let c = this.c1; c <= this.c2; c++) this.sheet.widths.set(c, w);
  }
}

export class FakeInterior {
  constructor(private readonly r: FakeRange) {}
  get Color(): number | null {
    return this.r.uniformOf((c) => c.fill?.color ?? WHITE, WHITE);
  }
  set Color(n: number) {
    if (typeof n !== 'number') throw new FakeEtError('类型不匹配');
    this.r.setEach('Interior.Color', (c) => {
      c.fill = { color: n, pattern: c.fill && c.fill.pattern !== XL_NONE ? c.fill.pattern : XL_SOLID, ...(c.fill?.patternColor !== undefined ? { patternColor: c.fill.patternColor } : {}) };
    });
  }
  get ColorIndex(): number | null {
    return this.r.uniformOf((c) => (c.fill ? colorIndexOf(c.fill.color) : XL_NONE), XL_NONE);
  }
  set ColorIndex(i: number) {
    this.r.setEach('Interior.ColorIndex', (c) => {
      if (i === XL_NONE) delete c.fill;
      else c.fill = { color: paletteColor(i), pattern: XL_SOLID };
    });
  }
  get Pattern(): number | null {
    return this.r.uniformOf((c) => c.fill?.pattern ?? XL_NONE, XL_NONE);
  }
  set Pattern(p: number) {
    this.r.setEach('Interior.Pattern', (c) => {
      if (p === XL_NONE) delete c.fill;
      else c.fill = { ...(c.fill ?? { color: WHITE }), pattern: p };
    });
  }
  get PatternColor(): number | null {
    return this.r.uniformOf((c) => c.fill?.patternColor ?? 0, 0);
  }
  set PatternColor(n: number) {
    this.r.setEach('Interior.PatternColor', (c) => {
      if (c.fill) c.fill = { ...c.fill, patternColor: n };
    });
  }
  get TintAndShade(): number {
    return 0;
  }
}

export class FakeFont {
  constructor(private readonly r: FakeRange) {}
  get Bold(): boolean | null {
    return this.r.uniformOf((c) => !!c.bold, false);
  }
  set Bold(b: boolean) {
    this.r.setEach('Font.Bold', (c) => {
      if (b) c.bold = true;
      else delete c.bold;
    });
  }
}

export class FakeComment {
  constructor(
    private readonly ctx: EtCtx,
    private readonly sheet: EtSheetState,
    private readonly r: number,
    private readonly c: number,
  ) {}
  private get state(): { text: string; author: string } {
    const s = this.sheet.cells.get(key(this.r, this.c))?.comment;
    if (!s) throw new FakeEtError('批注已被删除');
    return s;
  }
  get Author(): string {
    return this.state.author;
  }
  /** Text() reads; Text(s) with Start omitted replaces; with Start inserts (Overwrite replaces from there). */
  Text(text?: string, start?: number, overwrite?: boolean): string {
    const s = this.state;
    if (text === undefined) return s.text;
    if (this.sheet.protected) throw new FakeEtError('工作表受保护，不能修改批注');
    const cell = this.sheet.cells.get(key(this.r, this.c))!;
    let next: string;
    if (start === undefined) next = text;
    else {
      const i = Math.max(0, start - 1);
      next = s.text.slice(0, i) + text + s.text.slice(overwrite ? i + text.length : i);
    }
    this.sheet.cells.set(key(this.r, this.c), { ...cell, comment: { ...s, text: next } });
    return next;
  }
  Delete(): void {
    if (this.sheet.protected) throw new FakeEtError('工作表受保护，不能删除批注');
    const k = key(this.r, this.c);
    const cell = { ...this.sheet.cells.get(k)! };
    delete cell.comment;
    if (cell.v === null && !cell.f && !cell.z && !cell.fill && !cell.bold) this.sheet.cells.delete(k);
    else this.sheet.cells.set(k, cell);
    void this.ctx;
  }
}
