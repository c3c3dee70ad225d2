// Range formats: fill (No Fill reads '#FFFFFF' as in Excel; pattern and tint from ExcelApi 1.9), font, widths.
import { DEFAULT_FONT_COLOR, DEFAULT_WHITE, key, type FakeCell, type FakeFill } from './doc';
import { versionAtLeast } from './options';
import { Proxy, type LoadSpec } from './proxy';
import { assertWritable, cellsOf, type RangeRef } from './range';

/** Excel's tint/shade on a colour's HSL luminance: t > 0 lightens towards white, t < 0 darkens. */
export function applyTint(hex: string, t: number): string {
  const n = parseInt(hex.replace('#', ''), 16);
  let [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => x / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  const c = (1 - Math.abs(2 * l - 1)) * sat;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = l - c / 2;
  [r, g, b] = h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  const out = [r, g, b].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('');
  return `#${out.toUpperCase()}`;
}


export class FakeRangeFormat extends Proxy {
  protected scalars(): string[] {
    return ['columnWidth'];
  }
  protected read(prop: string): unknown {
    const { sheet, range } = this.target<RangeRef>();
    if (prop === 'columnWidth') return sheet.widths.get(range.c1) ?? 48;
    return undefined;
  }
  protected override navigate(prop: string): Proxy | undefined {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    return undefined;
  }
  get fill(): FakeRangeFill {
    return this.navProxy('fill', () => new FakeRangeFill(this.context, this.child((r: RangeRef) => r)));
  }
  get font(): FakeRangeFont {
    return this.navProxy('font', () => new FakeRangeFont(this.context, this.child((r: RangeRef) => r)));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(w: number) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.2', 'RangeFormat.columnWidth');
      const { sheet, range } = this.target<RangeRef>();
      for (let c = range.c1; c <= range.c2; c++) sheet.widths.set(c, w);
    });
  }
  autofitColumns(): void {
    this.context.enqueue(() => this.context.requireApi('1.2', 'RangeFormat.autofitColumns'));
  }
}

/** Uniform value over a range, or null when the cells differ (as Excel reports). */
export function uniform<T>(ref: RangeRef, f: (c: FakeCell | undefined) => T): T | null {
  let first: T | undefined;
  let set = false;
  for (const [i, j] of cellsOf(ref.range)) {
    const v = f(ref.sheet.cells.get(key(i, j)));
    if (!set) {
      first = v;
      set = true;
    } else if (v !== first) return null;
  }
  return first ?? null;
}

export function editCells(ref: RangeRef, f: (c: FakeCell) => void): void {
  assertWritable(ref);
  for (const [i, j] of cellsOf(ref.range)) {
    const c = ref.sheet.cells.get(key(i, j)) ?? { v: null };
    f(c);
    ref.sheet.cells.set(key(i, j), c);
  }
}

export function normColor(c: string): string {
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const v = named[c.toLowerCase()] ?? c;
  return v.startsWith('#') ? v.toUpperCase() : `#${v.toUpperCase()}`;
}

export class FakeRangeFill extends Proxy {
  protected scalars(): string[] {
    return ['color', 'pattern', 'patternColor', 'tintAndShade'];
  }
  protected read(prop: string): unknown {
    const ref = this.target<RangeRef>();
    if (prop === 'color') return uniform(ref, (c) => c?.fill?.color ?? DEFAULT_WHITE);
    if (prop === 'pattern') {
      this.context.requireApi('1.9', 'RangeFill.pattern');
      const none = this.context.fake.noFillPattern;
      return uniform(ref, (c) => (c?.fill ? c.fill.pattern : none));
    }
    if (prop === 'tintAndShade') {
      this.context.requireApi('1.9', 'RangeFill.tintAndShade');
      return uniform(ref, (c) => (c?.fill ? (c.fill.tintAndShade ?? 0) : null));
    }
    if (prop === 'patternColor') {
      this.context.requireApi('1.9', 'RangeFill.patternColor');
      return uniform(ref, (c) => c?.fill?.patternColor ?? null);
    }
    return undefined;
  }
  override load(spec?: LoadSpec): this {
    // A bare load() must not touch 1.9 properties on older hosts.
    if (spec === undefined && !versionAtLeast(this.context.fake.excelApi, '1.9')) return super.load('color');
    return super.load(spec);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() =>
      editCells(this.target<RangeRef>(), (c) => {
        const fill: FakeFill = { color: normColor(v), pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
        if (c.fill?.patternColor) fill.patternColor = c.fill.patternColor;
        c.fill = fill;
      }),
    );
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(p: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.pattern');
      editCells(this.target<RangeRef>(), (c) => {
        if (p === 'None') delete c.fill;
        else c.fill = { ...(c.fill ?? { color: DEFAULT_WHITE }), pattern: p };
      });
    });
  }
  get patternColor(): string | null {
    return this.get('patternColor');
  }
  get tintAndShade(): number | null {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.tintAndShade');
      // Like Excel: color reports the colour shown, tint included ("Blue, Accent 1, Lighter 80%"
      // reads #DDEBF7 with tintAndShade 0.8), so a tint set now lightens or darkens that colour.
      editCells(this.target<RangeRef>(), (c) => {
        const base = c.fill ?? { color: DEFAULT_WHITE, pattern: 'Solid' };
        c.fill = { ...base, color: applyTint(base.color ?? DEFAULT_WHITE, v), tintAndShade: v };
      });
    });
  }
  set patternColor(v: string) {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.9', 'RangeFill.patternColor');
      editCells(this.target<RangeRef>(), (c) => (c.fill = { ...(c.fill ?? { color: DEFAULT_WHITE, pattern: 'Solid' }), patternColor: normColor(v) }));
    });
  }
  clear(): void {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => delete c.fill));
  }
}

export class FakeRangeFont extends Proxy {
  protected scalars(): string[] {
    return ['color', 'bold'];
  }
  protected read(prop: string): unknown {
    const ref = this.target<RangeRef>();
    if (prop === 'color') return uniform(ref, (c) => c?.font?.color ?? DEFAULT_FONT_COLOR);
    if (prop === 'bold') return uniform(ref, (c) => !!c?.font?.bold);
    return undefined;
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => (c.font = { ...c.font, color: normColor(v) })));
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.context.enqueue(() => editCells(this.target<RangeRef>(), (c) => (c.font = { ...c.font, bold: v })));
  }
}

