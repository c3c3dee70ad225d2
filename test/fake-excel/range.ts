// Ranges: values, formulas, number formats, merged areas, selection, clearing.
import { a1 } from '../../src/core/address';
import type { CellRange } from '../../src/core/snapshot';
import { isCellError } from '../../src/core/snapshot';
import { jsonBytes } from './bytes';
import { DEFAULT_FONT_COLOR, DEFAULT_WHITE, key, NO_FILL, unkey, type FakeCell, type FakeSheet } from './doc';
import { FakeOfficeError } from './errors';
import { evaluate } from './evaluate';
import { convertInput, isDateCode, serialDate } from './convert';
import { FakeRangeFormat } from './format';
import { FakeCollection, Proxy } from './proxy';
import { FakeClientResult, FakeWorksheet } from './worksheets';

export interface RangeRef {
  sheet: FakeSheet;
  range: CellRange;
}

export function quoteName(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rangeText(r: CellRange): string {
  const tl = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${a1(r.r2, r.c2)}`;
}

export function* cellsOf(r: CellRange): Generator<[number, number]> {
  for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) yield [i, j];
}

export function grid<T>(r: CellRange, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.r1; i <= r.r2; i++) {
    const row: T[] = [];
    for (let j = r.c1; j <= r.c2; j++) row.push(f(i, j));
    out.push(row);
  }
  return out;
}

/** Range.values etc. are refused past this many cells ("get operations": RangeExceedsLimit). */
export const MAX_READ_CELLS = 5_000_000;
const CELL_DATA = new Set(['values', 'formulas', 'numberFormat', 'text', 'valueTypes']);

/** Range.text: what the cell shows; dates as yyyy/m/d in the workbook's date system. */
function shownText(c: FakeCell | undefined, date1904: boolean): string {
  const v = displayValue(c);
  if (typeof v === 'number' && isDateCode(c?.z)) {
    const d = serialDate(v, date1904);
    return `${d.y}/${d.m}/${d.d}`;
  }
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

export function displayValue(c: FakeCell | undefined): string | number | boolean {
  if (!c || c.v === null || c.v === undefined) return '';
  if (isCellError(c.v)) return c.v.error;
  return c.v;
}

export function assertWritable(ref: RangeRef): void {
  if (ref.sheet.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is protected and therefore read-only.');
}

/** Shapes a scalar-or-2D input to the range, as Excel does (a scalar fills the whole range). */
export function shape<T>(r: CellRange, input: T | T[][], what: string): T[][] {
  const rows = r.r2 - r.r1 + 1;
  const cols = r.c2 - r.c1 + 1;
  if (!Array.isArray(input)) return grid(r, () => input);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return input;
}

export class FakeRange extends Proxy {
  protected scalars(): string[] {
    return ['address', 'addressLocal', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes'];
  }
  protected read(prop: string): unknown {
    const { sheet, range } = this.target<RangeRef>();
    if (CELL_DATA.has(prop) && (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1) > MAX_READ_CELLS) {
      throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${MAX_READ_CELLS}).`);
    }
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteName(sheet.name)}!${rangeText(range)}`;
      case 'rowCount':
        return range.r2 - range.r1 + 1;
      case 'columnCount':
        return range.c2 - range.c1 + 1;
      case 'rowIndex':
        return range.r1;
      case 'columnIndex':
        return range.c1;
      case 'cellCount':
        return (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1);
      case 'values':
        return grid(range, (i, j) => displayValue(sheet.cells.get(key(i, j))));
      case 'text':
        return grid(range, (i, j) => shownText(sheet.cells.get(key(i, j)), this.context.doc.date1904));
      case 'formulas':
        return grid(range, (i, j) => {
          const c = sheet.cells.get(key(i, j));
          return c?.f ? `=${c.f}` : displayValue(c);
        });
      case 'numberFormat':
        return grid(range, (i, j) => sheet.cells.get(key(i, j))?.z ?? 'General');
      case 'valueTypes':
        return grid(range, (i, j) => {
          const v = sheet.cells.get(key(i, j))?.v;
          if (v === null || v === undefined || v === '') return 'Empty';
          if (isCellError(v)) return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
    }
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    if (prop === 'format') return this.format;
    if (prop === 'worksheet') return this.worksheet;
    return undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set values(input: unknown) {
    this.write('values', input);
  }
  set formulas(input: unknown) {
    this.write('formulas', input);
  }
  set numberFormat(input: unknown) {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      const data = shape(ref.range, input as string | string[][], 'numberFormat');
      for (const [i, j] of cellsOf(ref.range)) {
        const z = String(data[i - ref.range.r1][j - ref.range.c1] ?? 'General');
        const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
        if (z === 'General') delete c.z;
        else c.z = z;
        ref.sheet.cells.set(key(i, j), c);
      }
    }, jsonBytes(input));
  }
  private write(kind: 'values' | 'formulas', input: unknown): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      const data = shape(ref.range, input as unknown, kind);
      for (const [i, j] of cellsOf(ref.range)) {
        const x = data[i - ref.range.r1][j - ref.range.c1];
        const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
        if (typeof x === 'string' && c.z === '@') {
          // A Text-formatted cell keeps what is written, formulas and numbers alike.
          delete c.f;
          c.v = x === '' ? null : x;
        } else if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
          c.f = x.slice(1);
          c.v = evaluate(ctx.doc, ref.sheet, c.f);
        } else if (typeof x === 'string' && x.startsWith("'")) {
          // Excel's quote prefix: the rest is text, whatever it looks like.
          delete c.f;
          c.v = x.slice(1) === '' ? null : x.slice(1);
        } else if (typeof x === 'string' && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(x)) {
          delete c.f;
          c.v = { error: x };
        } else if (typeof x === 'string' && x !== '') {
          // Typed-in conversion: '001' → 1, '12%' → 0.12, '(100)' → -100, 'TRUE' → true, dates → serials.
          delete c.f;
          const conv = convertInput(x, ctx.doc.date1904);
          c.v = conv.v;
          if (conv.z && !c.z) c.z = conv.z;
        } else {
          delete c.f;
          c.v = x === '' || x === null || x === undefined ? null : (x as FakeCell['v']);
        }
        ref.sheet.cells.set(key(i, j), c);
      }
    }, jsonBytes(input));
  }

  get format(): FakeRangeFormat {
    return this.navProxy('format', () => new FakeRangeFormat(this.context, this.child((r: RangeRef) => r)));
  }
  get worksheet(): FakeWorksheet {
    return this.navProxy('worksheet', () => new FakeWorksheet(this.context, this.child((r: RangeRef) => r.sheet)));
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.child((r: RangeRef) => ({ sheet: r.sheet, range: { r1: r.range.r1 + row, c1: r.range.c1 + column, r2: r.range.r1 + row, c2: r.range.c1 + column } })));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    const ctx = this.context;
    return new FakeRange(
      ctx,
      this.child((r: RangeRef) => {
        ctx.requireApi('1.2', 'Range.getResizedRange');
        const r2 = r.range.r2 + deltaRows;
        const c2 = r.range.c2 + deltaColumns;
        if (r2 < r.range.r1 || c2 < r.range.c1) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid (getResizedRange).');
        return { sheet: r.sheet, range: { ...r.range, r2, c2 } };
      }),
    );
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const ctx = this.context;
    return new FakeRangeAreas(
      ctx,
      this.child((r: RangeRef) => {
        ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
        // Like Excel: only merges whose top-left cell lies in the range (office-js issue #3611),
        // and a failure past 512 of them (documented on Range.getMergedAreasOrNullObject).
        const inside = r.sheet.merges.filter((m) => m.r1 >= r.range.r1 && m.r1 <= r.range.r2 && m.c1 >= r.range.c1 && m.c1 <= r.range.c2);
        if (inside.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', `There are more than ${MAX_MERGED_AREAS} merged areas in the range.`);
        return inside.length ? { sheet: r.sheet, areas: inside } : null;
      }),
      true,
    );
  }
  getCellProperties(opts: { format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { color?: boolean; bold?: boolean } } }): FakeClientResult<unknown[][]> {
    const ctx = this.context;
    const result = new FakeClientResult<unknown[][]>();
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'Range.getCellProperties');
      const ref = this.target<RangeRef>();
      const data = grid(ref.range, (i, j) => {
        const c = ref.sheet.cells.get(key(i, j));
        const fill = c?.fill ?? NO_FILL;
        const format: Record<string, unknown> = {};
        if (opts.format?.fill) {
          const f: Record<string, unknown> = {};
          if (opts.format.fill.color) f.color = fill.color ?? DEFAULT_WHITE;
          if (opts.format.fill.pattern) f.pattern = fill.pattern;
          format.fill = f;
        }
        if (opts.format?.font) {
          const f: Record<string, unknown> = {};
          if (opts.format.font.color) f.color = c?.font?.color ?? DEFAULT_FONT_COLOR;
          if (opts.format.font.bold) f.bold = !!c?.font?.bold;
          format.font = f;
        }
        return { format };
      });
      ctx.responseBytes += jsonBytes(data);
      ctx.stage(() => result._set(data));
    });
    return result;
  }
  select(): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      if (ctx.doc.activeSheet !== ref.sheet.name) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation (select a range on the active sheet).');
      ctx.doc.selection = { sheet: ref.sheet.name, address: rangeText(ref.range) };
      ctx.fake.queueSelectionEvent(ref.sheet.name, rangeText(ref.range));
    });
  }
  clear(applyTo?: string): void {
    const ctx = this.context;
    ctx.enqueue(() => {
      const ref = this.target<RangeRef>();
      assertWritable(ref);
      // Only existing cells: a whole-sheet clear must not walk 17 billion positions.
      for (const [k, c] of [...ref.sheet.cells]) {
        const [i, j] = unkey(k);
        if (i < ref.range.r1 || i > ref.range.r2 || j < ref.range.c1 || j > ref.range.c2) continue;
        if (applyTo === 'Contents') {
          c.v = null;
          delete c.f;
        } else if (applyTo === 'Formats') {
          delete c.fill;
          delete c.font;
          delete c.z;
        } else ref.sheet.cells.delete(k);
      }
      if (applyTo !== 'Contents') ref.sheet.merges = ref.sheet.merges.filter((m) => !(m.r1 >= ref.range.r1 && m.r2 <= ref.range.r2 && m.c1 >= ref.range.c1 && m.c2 <= ref.range.c2));
    });
  }
}

/** Excel's tint/shade on a colour's HSL luminance: t > 0 lightens towards white, t < 0 darkens. */

/** Range.getMergedAreasOrNullObject "will fail to return the result" past this many areas. */
export const MAX_MERGED_AREAS = 512;

export class FakeRangeAreas extends Proxy {
  protected scalars(): string[] {
    return ['address', 'areaCount'];
  }
  protected read(prop: string): unknown {
    const t = this.target<{ sheet: FakeSheet; areas: CellRange[] }>();
    // As documented for RangeAreas.address: "Sheet1!A1:B4, Sheet1!D1:D4" (comma and space).
    if (prop === 'address') return t.areas.map((m) => `${quoteName(t.sheet.name)}!${rangeText(m)}`).join(', ');
    if (prop === 'areaCount') return t.areas.length;
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    return prop === 'areas' ? this.areas : undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.navProxy('areas', () => new FakeRangeCollection(this.context, this.child((t: { sheet: FakeSheet; areas: CellRange[] }) => t)));
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  protected makeItems(): FakeRange[] {
    const t = this.target<{ sheet: FakeSheet; areas: CellRange[] }>();
    return t.areas.map((m) => new FakeRange(this.context, () => ({ sheet: t.sheet, range: m })));
  }
}

