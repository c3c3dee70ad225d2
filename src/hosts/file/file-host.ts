// The file host: WorkbookHost over an opened .xlsx package, for the offline page (WPS users,
// reviewers without Excel) and the CLI. Runs in the browser and in Node alike, so no Node
// imports. Reading is bounded (xlsx-read.ts); marks, fixes and output sheets are kept as
// changes and applied to the original package only when it is saved (save.ts), so the
// annotated copy differs from the original in exactly those places. Marks are real cell
// formatting plus a record of what they replaced; the record travels inside the saved .xlsx (a
// very hidden sheet) so a reopened file can still be cleaned, here or in Excel.
import { a1, parseA1 } from '../../core/address';
import type { Finding, Severity, SuggestedFix } from '../../core/findings';
import type { Cell, CellValue, WorkbookSnapshot } from '../../core/snapshot';
import type { AppliedFix, HostCapabilities, OutputSheet, Progress, WorkbookHost } from '../types';
import { emptyFixProblem, ERROR_VALUES, overwriteProblem, protectedFixMessage, sheetNameProblem } from '../cell-io';
import { MARKS_SHEET, markTargets } from './mark-style';
import type { FileMark } from './marks-record';
import type { XlsxPackage } from './package';
import { cellKey, recalculate } from './recalc';
import { savePackage } from './save';
import { SheetState } from './sheet-state';
import type { ReadWorkbook } from './workbook-read';
import { isRecordName } from './workbook-read';
import { openWorkbook, type ReadOptions } from './xlsx-read';

export { WorkbookReadError } from './read-error';

export interface FileMarkInfo {
  sheet: string;
  address: string;
  severity: Severity;
  message: string;
}

export type FileChange = { kind: 'marks' | 'cells' | 'sheets' };

function plain(v: CellValue): string | number | boolean | null {
  return typeof v === 'object' && v !== null ? v.error : v;
}

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  private cached: WorkbookSnapshot | null = null;
  private readonly sheets: SheetState[];
  private readonly markMap = new Map<string, FileMark>();
  private readonly replaced = new Set<string>();
  private sel: { sheet: string; address: string } | null = null;
  private readonly selectionListeners = new Set<(sheet: string, address: string) => void>();
  private readonly changeListeners = new Set<(e: FileChange) => void>();
  private fixCounter = 0;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly book: ReadWorkbook,
    /** Display name of the source file. */
    readonly name: string,
    /** 'xls' when the file was converted from the legacy format on open. */
    readonly convertedFrom: 'xls' | null,
  ) {
    this.sheets = book.sheets.map((s) => new SheetState(s.entry.name, s.entry, s.snapshot, s.shared));
    // Marks of an annotated copy are known again, so they can be replaced or cleared.
    for (const m of book.record?.marks ?? []) if (this.findSheet(m.sheet)) this.markMap.set(`${m.sheet}!${m.address}`, { ...m, messages: [...m.messages] });
  }

  /** Opens .xlsx bytes, or legacy .xls bytes (converted; saving always produces .xlsx). */
  static async open(data: ArrayBuffer | Uint8Array, name: string, opts: ReadOptions = {}): Promise<FileHost> {
    const { pkg, book, convertedFrom } = await openWorkbook(data, name, opts);
    return new FileHost(pkg, book, name, convertedFrom);
  }

  /** File name to save under: the source name with an .xlsx extension. */
  get saveName(): string {
    return /\.(xlsx|xlsm|xls)$/i.test(this.name) ? this.name.replace(/\.(xlsx|xlsm|xls)$/i, '.xlsx') : `${this.name}.xlsx`;
  }

  // ---- reading -------------------------------------------------------------------------

  /** The current content; cached until the next write. */
  snapshot(): WorkbookSnapshot {
    if (!this.cached) this.cached = { name: this.name, sheets: this.sheets.map((s) => s.snapshot()) };
    return this.cached;
  }

  async readSnapshot(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    onProgress?.({ fraction: 0, message: '正在读取工作簿…' });
    const snap = this.snapshot();
    onProgress?.({ fraction: 1, message: `已读取 ${snap.sheets.length} 张工作表` });
    return snap;
  }

  async capabilities(): Promise<HostCapabilities> {
    const limits: string[] = [];
    if (this.convertedFrom === 'xls') limits.push('此文件为旧版 .xls 格式，已在内存中转换：保存时生成 .xlsx 文件，只保留单元格内容、数字格式和合并单元格（图表、图片和单元格样式不会保留）；原文件不受影响。');
    limits.push('离线版只计算常用函数（SUM、ROUND、IF、IFERROR 等）：写入后，其他函数的公式保留文件中原有的计算结果，在 Excel 或 WPS 中打开后会重新计算。');
    if (this.convertedFrom !== 'xls') limits.push('“保存标注副本”另存一个新文件：只改动被标记单元格的底纹和批注、应用的修正和写入的工作表，其余内容（图表、图片、批注、数据验证、保护设置等）原样保留；原文件不受影响。');
    return { highlight: true, notes: true, writeSheets: true, limits };
  }

  async hasSheet(name: string): Promise<boolean> {
    return this.findSheet(name) !== undefined || this.otherSheet(name) !== undefined;
  }

  // ---- selection -----------------------------------------------------------------------

  selection(): { sheet: string; address: string } | null {
    return this.sel;
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!this.findSheet(sheet)) throw new Error(`找不到工作表“${sheet}”`);
    this.sel = { sheet, address: address.replace(/\$/g, '').toUpperCase() };
    for (const cb of [...this.selectionListeners]) cb(this.sel.sheet, this.sel.address);
  }

  onSelectionChanged(cb: (sheet: string, address: string) => void): () => void {
    this.selectionListeners.add(cb);
    return () => this.selectionListeners.delete(cb);
  }

  /** Subscribe to every write (cells, sheets, marks); returns an unsubscribe function. */
  onChange(cb: (e: FileChange) => void): () => void {
    this.changeListeners.add(cb);
    return () => this.changeListeners.delete(cb);
  }

  private changed(kind: FileChange['kind']): void {
    if (kind !== 'marks') this.cached = null;
    for (const cb of [...this.changeListeners]) cb({ kind });
  }

  // ---- marks ---------------------------------------------------------------------------

  /** The current marks, for the offline grid to paint. */
  marks(): FileMarkInfo[] {
    return [...this.markMap.values()].map((m) => ({ sheet: m.sheet, address: m.address, severity: m.severity, message: m.messages.join('\n') }));
  }

  /**
   * Marks each finding's primary cell (the top-left cell of its merge). Replaces the previous set
   * of marks; a cell still flagged keeps its first-recorded original. Nothing is written to the
   * package until it is saved.
   */
  async highlight(findings: Finding[]): Promise<{ marked: number }> {
    const next = new Map<string, FileMark>();
    // Two findings landing in the same merge make one mark holding both messages.
    const targets = markTargets(findings, parseA1, a1, (sheet, row, col) => {
      const s = this.findSheet(sheet);
      if (!s) return null;
      const [r, c] = s.master(row, col);
      return { sheet: s.name, row: r, col: c };
    });
    for (const t of targets.values()) {
      const key = `${t.sheet}!${t.address}`;
      const prev = this.markMap.get(key);
      next.set(key, { sheet: t.sheet, address: t.address, severity: t.severity, messages: t.messages, orig: prev?.orig ?? { fill: null, note: null } });
    }
    this.markMap.clear();
    for (const [k, m] of next) this.markMap.set(k, m);
    this.changed('marks');
    return { marked: next.size };
  }

  async clearHighlights(): Promise<{ restored: number }> {
    const restored = this.markMap.size;
    this.markMap.clear();
    this.changed('marks');
    return { restored };
  }

  // ---- writes --------------------------------------------------------------------------

  private findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A chart sheet (or other non-worksheet) of that name. */
  private otherSheet(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.pkg.sheets.find((s) => s.kind !== 'worksheet' && s.name.toLowerCase() === lower)?.name;
  }

  private writable(sheet: string, row: number, col: number): { s: SheetState; r: number; c: number } {
    const s = this.findSheet(sheet);
    if (!s) throw new Error(`找不到工作表“${sheet}”`);
    if (s.base.protected) throw new Error(protectedFixMessage(s.name, a1(row, col)));
    const [r, c] = s.master(row, col);
    return { s, r, c };
  }

  async applyFix(fix: SuggestedFix): Promise<AppliedFix> {
    const empty = emptyFixProblem(fix);
    if (empty) throw new Error(empty);
    const { s, r, c } = this.writable(fix.ref.sheet, fix.ref.row, fix.ref.col);
    const old = s.cell(r, c);
    const before = { value: old ? plain(old.v) : null, formula: old?.f ?? null };
    // No calculation engine: the suggested value, when given, stands as the formula's result
    // until recalculation below computes it (when it can).
    const cell: Cell = fix.formula !== undefined ? { v: fix.value ?? null, f: fix.formula.replace(/^=/, '') } : { v: fix.value ?? null };
    if (old?.z) cell.z = old.z;
    s.set(r, c, cell, false);
    this.recalculate(new Set([cellKey(s.name, r, c)]));
    this.changed('cells');
    return { id: `file-fix-${++this.fixCounter}`, fix, before };
  }

  async undoFix(applied: AppliedFix): Promise<void> {
    const { ref } = applied.fix;
    const { s, r, c } = this.writable(ref.sheet, ref.row, ref.col);
    const { value, formula } = applied.before;
    const v: CellValue = typeof value === 'string' && ERROR_VALUES.has(value) ? { error: value } : (value ?? null);
    const old = s.cell(r, c);
    const cell: Cell | undefined = formula ? { v, f: formula } : v === null ? undefined : { v };
    if (cell && (old?.z ?? s.base.cells[r]?.[c]?.z)) cell.z = old?.z ?? s.base.cells[r]?.[c]?.z;
    s.set(r, c, cell, false);
    this.recalculate(new Set([cellKey(s.name, r, c)]));
    this.changed('cells');
  }

  async writeSheet(sheet: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw new Error(problem);
    if (sheet.name.toLowerCase() === MARKS_SHEET || isRecordName(sheet.name)) throw new Error(`“${sheet.name}”是决算助手保留的工作表名称`);
    const other = this.otherSheet(sheet.name);
    if (other) throw new Error(`“${other}”已是图表工作表（或宏表）的名称，请换一个名称`);
    const existing = this.findSheet(sheet.name);
    if (existing) {
      const problem = overwriteProblem(existing.name, opts.overwrite, () => existing.base.protected === true);
      if (problem) throw new Error(problem);
    }

    const cells: (Cell | undefined)[][] = [];
    sheet.rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (!spec) return;
        const cell: Cell | undefined = spec.formula ? { v: null, f: spec.formula.replace(/^=/, '') } : spec.value !== undefined && spec.value !== null ? { v: spec.value } : undefined;
        if (!cell) return;
        if (spec.numberFormat && spec.numberFormat !== 'General') cell.z = spec.numberFormat;
        (cells[r] ??= [])[c] = cell;
      }),
    );
    const base = { name: existing?.name ?? sheet.name, cells, merges: [] };
    const state = existing ?? new SheetState(sheet.name, null, base, new Map());
    // Replace in place: same position and name, fresh content (no stale cells or merges).
    state.base = base;
    state.shared = new Map();
    state.changes.clear();
    state.output = sheet;
    if (existing) {
      if (existing.entry) this.replaced.add(existing.name.toLowerCase());
      for (const [k, m] of this.markMap) if (m.sheet === existing.name) this.markMap.delete(k);
    } else this.sheets.push(state);
    state.touch();
    const changed = new Set<string>();
    cells.forEach((row, r) => row?.forEach((cell, c) => cell && changed.add(cellKey(state.name, r, c))));
    this.recalculate(changed);
    this.changed('sheets');
  }

  /** Fresh results for the formulas that depend on the changed cells. */
  private recalculate(changed: Set<string>): void {
    this.cached = null;
    for (const { sheet, r, c, v } of recalculate(this.snapshot().sheets, changed)) {
      const s = this.findSheet(sheet)!;
      const cur = s.cell(r, c)!;
      s.set(r, c, { ...cur, v }, true);
    }
    this.cached = null;
  }

  // ---- saving --------------------------------------------------------------------------

  /** The annotated workbook as .xlsx bytes: the original package with exactly our changes. */
  async saveXlsx(): Promise<Uint8Array> {
    // Large parts are inflated ahead, natively where possible; the edit itself is synchronous.
    const marked = new Set([...this.markMap.values(), ...(this.book.record?.marks ?? [])].map((m) => m.sheet));
    const busy = this.sheets.filter((s) => !s.output && (s.changes.size > 0 || marked.has(s.name))).map((s) => s.entry?.path);
    await this.pkg.load([...busy, this.pkg.workbookPart('styles')]);
    return savePackage({ pkg: this.pkg, sheets: this.sheets, marks: this.markMap, record: this.book.record, replaced: this.replaced });
  }
}
