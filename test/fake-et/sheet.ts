// The fake Worksheet and Worksheets collection: 1-based Item(i) or Item(name) (case-insensitive;
// a missing one fails, as in ET), Add() after a sheet, UsedRange as the box of everything used
// (values, formats, fills, comments, merges), Activate() refused for a hidden sheet and Delete()
// refused while DisplayAlerts would put a confirmation dialog in front of the user.
import { parseA1, columnIndex } from '../../src/core/address';
import type { EtCtx } from './context';
import { expose, FakeEtError, rawOf } from './expose';
import { FakeRange } from './range';
import { SPECS } from './specs';
import { COLS, MAX_ROWS, unkey, type EtSheetState } from './state';

/** Excel's and ET's rules for a sheet name. */
function checkName(name: unknown, others: string[]): void {
  if (typeof name !== 'string' || !name.trim() || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeEtError('工作表名称无效');
  }
  if (others.some((n) => n.toLowerCase() === name.toLowerCase())) throw new FakeEtError('该名称已被占用，请尝试其他名称。');
}

export class FakeWorksheet {
  constructor(
    readonly ctx: EtCtx,
    readonly state: EtSheetState,
  ) {}
  static wrap(ctx: EtCtx, state: EtSheetState): FakeWorksheet {
    return expose(new FakeWorksheet(ctx, state), 'Worksheet', SPECS.Worksheet, ctx.counter, () => ctx.alive() && ctx.wb.sheets.includes(state));
  }
  private range(r1: number, c1: number, r2: number, c2: number): FakeRange {
    return FakeRange.wrap(new FakeRange(this.ctx, this.state, r1, c1, r2, c2, 'cells', (s) => FakeWorksheet.wrap(this.ctx, s)));
  }

  get Name(): string {
    return this.state.name;
  }
  set Name(name: string) {
    checkName(
      name,
      this.ctx.wb.sheets.filter((s) => s !== this.state).map((s) => s.name),
    );
    if (this.ctx.wb.activeSheet === this.state.name) this.ctx.wb.activeSheet = name;
    this.state.name = name;
  }
  get Index(): number {
    return this.ctx.wb.sheets.indexOf(this.state) + 1;
  }
  get Visible(): number {
    return this.state.visible;
  }
  set Visible(v: number | boolean) {
    const next = v === true ? -1 : v === false ? 0 : v;
    if (next !== -1 && next !== 0 && next !== 2) throw new FakeEtError('不能设置 Worksheet 类的 Visible 属性');
    if (next !== -1 && this.ctx.wb.sheets.filter((s) => s.visible === -1 && s !== this.state).length === 0) throw new FakeEtError('工作簿中至少须含有一张可视工作表');
    this.state.visible = next;
  }
  get ProtectContents(): boolean {
    return this.state.protected;
  }
  get UsedRange(): FakeRange {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const k of this.state.cells.keys()) {
      const [r, c] = unkey(k);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    for (const m of this.state.merges) {
      r1 = Math.min(r1, m.r1);
      c1 = Math.min(c1, m.c1);
      r2 = Math.max(r2, m.r2);
      c2 = Math.max(c2, m.c2);
    }
    return r2 < 0 ? this.range(0, 0, 0, 0) : this.range(r1, c1, r2, c2);
  }
  get Cells(): FakeRange {
    return this.range(0, 0, MAX_ROWS - 1, COLS - 1);
  }
  /** 'A1', 'A1:F18', 'A:C' (whole columns). */
  Range(address: string): FakeRange {
    const text = String(address).replace(/\$/g, '').trim();
    const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
    if (cols) return this.range(0, columnIndex(cols[1]), MAX_ROWS - 1, columnIndex(cols[2]));
    const [a, b] = text.split(':');
    const p = parseA1(a ?? '');
    const q = b === undefined ? p : parseA1(b);
    if (!p || !q || text.split(':').length > 2) throw new FakeEtError(`Worksheet 类的 Range 方法无效：${address}`);
    return this.range(Math.min(p.row, q.row), Math.min(p.col, q.col), Math.max(p.row, q.row), Math.max(p.col, q.col));
  }
  Activate(): void {
    if (this.state.visible !== -1) throw new FakeEtError('Worksheet 类的 Activate 方法无效（工作表已隐藏）');
    this.ctx.wb.activeSheet = this.state.name;
  }
  Delete(): void {
    if (this.ctx.app.DisplayAlerts) throw new FakeEtError('删除工作表会弹出确认对话框，等待用户操作（DisplayAlerts 为 true）');
    const wb = this.ctx.wb;
    if (wb.sheets.filter((s) => s.visible === -1 && s !== this.state).length === 0) throw new FakeEtError('工作簿中至少须含有一张可视工作表');
    wb.sheets = wb.sheets.filter((s) => s !== this.state);
    if (wb.activeSheet === this.state.name) wb.activeSheet = wb.sheets.find((s) => s.visible === -1)!.name;
  }
}

export class FakeSheets {
  constructor(readonly ctx: EtCtx) {}
  static wrap(ctx: EtCtx): FakeSheets {
    return expose(new FakeSheets(ctx), 'Sheets', SPECS.Sheets, ctx.counter, ctx.alive);
  }
  get Count(): number {
    return this.ctx.wb.sheets.length;
  }
  Item(index: number | string): FakeWorksheet {
    const sheets = this.ctx.wb.sheets;
    const s = typeof index === 'number' ? sheets[index - 1] : sheets.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
    if (!s || (typeof index === 'number' && index < 1)) throw new FakeEtError('下标越界');
    return FakeWorksheet.wrap(this.ctx, s);
  }
  /** Add(Before, After): the new sheet goes before `before`, after `after`, or before the active sheet. */
  Add(before?: FakeWorksheet | null, after?: FakeWorksheet | null): FakeWorksheet {
    const wb = this.ctx.wb;
    let n = wb.sheets.length + 1;
    while (wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const state: EtSheetState = { name: `Sheet${n}`, visible: -1, protected: false, cells: new Map(), merges: [], widths: new Map() };
    const anchor = (x: FakeWorksheet | null | undefined): EtSheetState | undefined => (x ? rawOf(x).state : undefined);
    const a = anchor(after);
    const b = anchor(before);
    let at = wb.sheets.findIndex((s) => s.name === wb.activeSheet);
    if (a) at = wb.sheets.indexOf(a) + 1;
    else if (b) at = wb.sheets.indexOf(b);
    wb.sheets.splice(Math.max(0, at), 0, state);
    wb.activeSheet = state.name;
    return FakeWorksheet.wrap(this.ctx, state);
  }
}
