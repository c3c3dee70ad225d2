// The file host: WorkbookHost over an in-memory exceljs workbook, for the offline page (WPS
// users, reviewers without Excel) and the CLI. Runs in the browser and in Node alike, so no
// Node imports. Marks are real cell formatting plus a record of what they replaced; the record
// travels inside the saved .xlsx (a very hidden sheet) so a reopened file can still be cleaned.
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../core/address';
import type { Finding, Severity, SuggestedFix } from '../../core/findings';
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot';
import type { AppliedFix, HostCapabilities, OutputSheet, Progress, WorkbookHost } from '../types';
import { groupFindings, MARK_STYLES, MARKS_SHEET, noteText } from './mark-style';
import { sheetFromExcelJs, WorkbookReadError } from './xlsx-read';
import { evaluateFormula, UnsupportedFormula, type EvalContext } from './formula-eval';
import { convertXls, isCfb } from './xls-convert';

type Fill = ExcelJS.Fill;
type Note = ExcelJS.Comment | string;

/** One mark and what it replaced. JSON-serialisable: it is saved inside the workbook. */
interface FileMark {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
  /** Original formatting; null means the cell had none (No Fill / no note). */
  orig: { fill: Fill | null; note: Note | null };
}

interface MarksRecord {
  version: 1;
  marks: FileMark[];
}

export interface FileMarkInfo {
  sheet: string;
  address: string;
  severity: Severity;
  message: string;
}

export type FileChange = { kind: 'marks' | 'cells' | 'sheets' };

const KNOWN_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);
/** Longest text Excel keeps in one cell; the record is split into cells of this size. */
const CELL_TEXT_MAX = 32000;

function clone<T>(v: T): T {
  return v === undefined || v === null ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b;
}

/**
 * exceljs shares one style object between all cells loaded with the same style id, so a cell's
 * style is replaced by a copy before any change (otherwise one fill would paint many cells).
 */
function setStyle(cell: ExcelJS.Cell, patch: { fill?: Fill | null }): void {
  const style = { ...(cell.style as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) delete style[k];
    else style[k] = v;
  }
  cell.style = style as Partial<ExcelJS.Style>;
}

function removeNote(cell: ExcelJS.Cell): void {
  // exceljs has no public API to delete a note. It keeps the note on the cell and copies it into
  // the value's model when the model is read, so both places are cleared.
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  const model = c._value?.model;
  if (model && typeof model === 'object') delete model.comment;
}

/** The master cell of a merge, or the cell itself. */
function masterOf(cell: ExcelJS.Cell): ExcelJS.Cell {
  return cell.isMerged && cell.master ? cell.master : cell;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return !!(p && p.sheet);
}

/** Excel's rules for sheet names; the message says which one is broken. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return '工作表名称不能为空';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符（\\ / ? * [ ] :）`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  if (name.toLowerCase() === 'history') return '“History”是 Excel 保留的工作表名称';
  return null;
}

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  private cached: WorkbookSnapshot | null = null;
  private readonly markMap = new Map<string, FileMark>();
  private sel: { sheet: string; address: string } | null = null;
  private readonly selectionListeners = new Set<(sheet: string, address: string) => void>();
  private readonly changeListeners = new Set<(e: FileChange) => void>();
  private fixCounter = 0;

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    /** Display name of the source file. */
    readonly name: string,
    /** 'xls' when the file was converted from the legacy format on open. */
    readonly convertedFrom: 'xls' | null,
  ) {}

  /** Opens .xlsx bytes, or legacy .xls bytes (converted; saving always produces .xlsx). */
  static async open(data: ArrayBuffer | Uint8Array, name: string): Promise<FileHost> {
    let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    let convertedFrom: 'xls' | null = null;
    if (isCfb(bytes)) {
      bytes = await convertXls(bytes, name);
      convertedFrom = 'xls';
    } else if (!isZip(bytes)) {
      throw new WorkbookReadError(`${name}: 不是有效的 .xlsx 或 .xls 文件（not an Excel workbook)`);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookReadError(`${name}: 无法读取 .xlsx 文件（${(e as Error).message.split('\n')[0]}）`);
    }
    const host = new FileHost(wb, name, convertedFrom);
    host.takeRecord();
    return host;
  }

  /** File name to save under: the source name with an .xlsx extension. */
  get saveName(): string {
    return /\.(xlsx|xlsm|xls)$/i.test(this.name) ? this.name.replace(/\.(xlsx|xlsm|xls)$/i, '.xlsx') : `${this.name}.xlsx`;
  }

  // ---- reading -------------------------------------------------------------------------

  /** The current content; cached until the next write. */
  snapshot(): WorkbookSnapshot {
    if (!this.cached) this.cached = { name: this.name, sheets: this.wb.worksheets.map(sheetFromExcelJs) };
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
    if (this.convertedFrom === 'xls') limits.push('此文件为旧版 .xls 格式，已在内存中转换；保存时将生成 .xlsx 文件（单元格样式可能未完整保留）。');
    limits.push('离线版只计算常用函数（SUM、ROUND、IF、IFERROR 等）：写入后，其他函数的公式保留文件中原有的计算结果，在 Excel 或 WPS 中打开后会重新计算。');
    limits.push('“保存标注副本”由浏览器生成新文件：图表、图片等对象可能不会保留；原文件不受影响。');
    return { highlight: true, notes: true, writeSheets: true, limits };
  }

  async hasSheet(name: string): Promise<boolean> {
    return this.findSheet(name) !== undefined;
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
   * Marks each finding's primary cell. Replaces the previous set of marks: cells no longer
   * flagged get their formatting back, cells still flagged keep their first-recorded original.
   */
  async highlight(findings: Finding[]): Promise<{ marked: number }> {
    const targets = groupFindings(findings, parseA1, a1).filter((t) => this.findSheet(t.sheet));
    const next = new Map<string, FileMark>();
    for (const t of targets) {
      const ws = this.findSheet(t.sheet)!;
      const cell = masterOf(ws.getCell(t.row + 1, t.col + 1));
      const address = cell.address;
      const key = `${ws.name}!${address}`;
      if (next.has(key)) {
        // Two findings landed in the same merge: keep one mark holding both messages.
        const m = next.get(key)!;
        for (const msg of t.messages) if (!m.messages.includes(msg)) m.messages.push(msg);
        if (rank(t.severity) < rank(m.severity)) m.severity = t.severity;
        this.paint(cell, m);
        continue;
      }
      const prev = this.markMap.get(key);
      const orig = prev ? prev.orig : { fill: clone(cell.style.fill) ?? null, note: clone(cell.note as Note | undefined) ?? null };
      const mark: FileMark = { sheet: ws.name, address, severity: t.severity, messages: [...t.messages], orig };
      this.paint(cell, mark);
      next.set(key, mark);
    }
    for (const [key, m] of this.markMap) if (!next.has(key)) this.restore(m);
    this.markMap.clear();
    for (const [k, m] of next) this.markMap.set(k, m);
    this.changed('marks');
    return { marked: next.size };
  }

  async clearHighlights(): Promise<{ restored: number }> {
    let restored = 0;
    for (const m of this.markMap.values()) if (this.restore(m)) restored++;
    this.markMap.clear();
    this.changed('marks');
    return { restored };
  }

  /** A mark is a fill and a note; the text colour is left alone, as in the Excel host. */
  private paint(cell: ExcelJS.Cell, m: FileMark): void {
    const st = MARK_STYLES[m.severity];
    setStyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.fill) }, bgColor: { indexed: 64 } } as Fill });
    cell.note = { texts: [{ text: noteText(m.messages) }] } as ExcelJS.Comment;
  }

  private restore(m: FileMark): boolean {
    const ws = this.findSheet(m.sheet);
    if (!ws) return false; // the sheet was deleted or replaced: nothing left to restore
    const cell = ws.getCell(m.address);
    setStyle(cell, { fill: clone(m.orig.fill) });
    if (m.orig.note !== null) cell.note = clone(m.orig.note) as ExcelJS.Comment;
    else removeNote(cell);
    return true;
  }

  /** Moves the marks record out of the workbook (it is written back on save). */
  private takeRecord(): void {
    const ws = this.wb.worksheets.find((w) => w.name === MARKS_SHEET);
    if (!ws) return;
    let text = '';
    for (let r = 1; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, 1).value;
      if (typeof v === 'string') text += v;
    }
    this.wb.removeWorksheet(ws.id);
    try {
      const rec = JSON.parse(text) as MarksRecord;
      if (rec && rec.version === 1 && Array.isArray(rec.marks)) {
        for (const m of rec.marks) {
          if (typeof m.sheet === 'string' && typeof m.address === 'string' && m.orig && MARK_STYLES[m.severity]) this.markMap.set(`${m.sheet}!${m.address}`, m);
        }
      }
    } catch {
      // A damaged record only means old marks cannot be removed automatically; the data is intact.
    }
  }

  // ---- writes --------------------------------------------------------------------------

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.wb.worksheets.find((w) => w.name.toLowerCase() === lower);
  }

  private writableCell(sheet: string, row: number, col: number): ExcelJS.Cell {
    const ws = this.findSheet(sheet);
    if (!ws) throw new Error(`找不到工作表“${sheet}”`);
    if (isProtected(ws)) {
      throw new Error(`工作表“${ws.name}”受保护，无法写入 ${a1(row, col)}。请先撤销工作表保护（审阅 → 撤销工作表保护），再应用修正。`);
    }
    return masterOf(ws.getCell(row + 1, col + 1));
  }

  async applyFix(fix: SuggestedFix): Promise<AppliedFix> {
    if (fix.formula === undefined && fix.value === undefined) throw new Error('该修正没有可写入的值或公式');
    const cell = this.writableCell(fix.ref.sheet, fix.ref.row, fix.ref.col);
    const before = cellContent(cell);
    detachSharedFormula(cell);
    if (fix.formula !== undefined) {
      const formula = fix.formula.replace(/^=/, '');
      // No calculation engine here: the suggested value, when given, stands as the cached result.
      cell.value = (fix.value !== undefined ? { formula, result: fix.value } : { formula }) as ExcelJS.CellFormulaValue;
    } else {
      cell.value = fix.value as string | number;
    }
    this.recalculate();
    this.changed('cells');
    return { id: `file-fix-${++this.fixCounter}`, fix, before };
  }

  async undoFix(applied: AppliedFix): Promise<void> {
    const { ref } = applied.fix;
    const cell = this.writableCell(ref.sheet, ref.row, ref.col);
    const { value, formula } = applied.before;
    detachSharedFormula(cell);
    const asValue = (v: typeof value): ExcelJS.CellValue => (typeof v === 'string' && KNOWN_ERRORS.has(v) ? ({ error: v } as ExcelJS.CellErrorValue) : v);
    if (formula) cell.value = { formula, result: value === null ? undefined : asValue(value) } as ExcelJS.CellFormulaValue;
    else cell.value = asValue(value);
    this.recalculate();
    this.changed('cells');
  }

  async writeSheet(sheet: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw new Error(problem);
    if (sheet.name === MARKS_SHEET) throw new Error(`“${MARKS_SHEET}”是决算助手保留的工作表名称`);
    const existing = this.findSheet(sheet.name);
    let ws: ExcelJS.Worksheet;
    if (existing) {
      if (!opts.overwrite) throw new Error(`工作表“${existing.name}”已存在。请确认是否覆盖其内容。`);
      if (isProtected(existing)) throw new Error(`工作表“${existing.name}”受保护，无法覆盖。请先撤销工作表保护。`);
      // Replace the sheet in place: same position, fresh content (no stale cells, merges or widths).
      const orderNo = (existing as unknown as { orderNo: number }).orderNo;
      const name = existing.name;
      this.wb.removeWorksheet(existing.id);
      for (const [k, m] of this.markMap) if (m.sheet === name) this.markMap.delete(k);
      ws = this.wb.addWorksheet(name);
      (ws as unknown as { orderNo: number }).orderNo = orderNo;
    } else {
      ws = this.wb.addWorksheet(sheet.name);
    }
    sheet.rows.forEach((cells, r) => {
      cells.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        if (c.formula) cell.value = { formula: c.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
        else if (c.value !== undefined && c.value !== null) cell.value = c.value;
        if (c.numberFormat) cell.numFmt = c.numberFormat;
        if (c.bold) cell.font = { bold: true };
      });
    });
    sheet.columnWidths?.forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
    this.recalculate();
    this.changed('sheets');
  }

  /**
   * Recomputes the cached results of formula cells after a write, as Excel would on opening
   * the file: each formula is evaluated once, its precedents first (so chains are right), a
   * cycle keeps its cached value, and a formula outside the evaluator's scope keeps its cached
   * value too. Only results that changed are written back.
   */
  private recalculate(): void {
    this.cached = null;
    const snap = this.snapshot();
    const byName = new Map(snap.sheets.map((s) => [s.name, s]));
    const lower = new Map(snap.sheets.map((s) => [s.name.toLowerCase(), s.name]));
    const memo = new Map<string, CellValue>();
    const busy = new Set<string>();
    const changed: { sheet: string; r: number; c: number; v: CellValue }[] = [];
    const value = (sheet: string, r: number, c: number): CellValue => {
      const s = byName.get(sheet);
      const cell = s?.cells[r]?.[c];
      if (!s || !cell) return null;
      if (!cell.f) return cell.v;
      const k = `${sheet}\u0000${r}\u0000${c}`;
      if (memo.has(k)) return memo.get(k)!;
      if (busy.has(k)) return cell.v; // circular reference: Excel would warn; keep the cached value
      busy.add(k);
      let v: CellValue = cell.v;
      try {
        v = evaluateFormula(cell.f, sheet, ctx);
        // Excel keeps 15 significant digits: 0.1+0.2 is 0.3 there, not 0.30000000000000004.
        if (typeof v === 'number') v = Number(v.toPrecision(15));
      } catch (e) {
        if (!(e instanceof UnsupportedFormula) && !(e instanceof RangeError)) throw e;
      }
      busy.delete(k);
      memo.set(k, v);
      if (!sameValue(v, cell.v)) changed.push({ sheet, r, c, v });
      return v;
    };
    const ctx: EvalContext = {
      get: value,
      sheetName: (name) => lower.get(name.toLowerCase()) ?? null,
      lastRow: (sheet) => Math.max(0, (byName.get(sheet)?.cells.length ?? 1) - 1),
    };
    for (const s of snap.sheets) s.cells.forEach((row, r) => row?.forEach((cell, c) => cell?.f && value(s.name, r, c)));
    for (const { sheet, r, c, v } of changed) {
      const cell = this.findSheet(sheet)!.getCell(r + 1, c + 1);
      const cur = cell.value as unknown as Record<string, unknown>;
      const result = v === null ? undefined : isErrorValue(v) ? { error: v.error } : v;
      cell.value = { ...cur, result } as ExcelJS.CellFormulaValue;
    }
    this.cached = null;
  }

  // ---- saving --------------------------------------------------------------------------

  /** The annotated workbook as .xlsx bytes (marks as fills and notes, plus their record). */
  async saveXlsx(): Promise<Uint8Array> {
    let recordSheet: ExcelJS.Worksheet | null = null;
    if (this.markMap.size > 0) {
      recordSheet = this.wb.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
      const text = JSON.stringify({ version: 1, marks: [...this.markMap.values()] } satisfies MarksRecord);
      for (let i = 0, r = 1; i < text.length; i += CELL_TEXT_MAX, r++) recordSheet.getCell(r, 1).value = text.slice(i, i + CELL_TEXT_MAX);
    }
    try {
      const buf = await this.wb.xlsx.writeBuffer();
      return new Uint8Array(buf as ArrayBuffer);
    } finally {
      if (recordSheet) this.wb.removeWorksheet(recordSheet.id);
    }
  }
}

/**
 * Before overwriting the master of a shared formula, give every cell that shares it its own
 * formula text: otherwise they would point at a master that no longer holds one.
 */
function detachSharedFormula(cell: ExcelJS.Cell): void {
  const v = cell.value as { formula?: string; shareType?: string; ref?: string } | null;
  if (!v || typeof v !== 'object' || !('formula' in v) || !v.shareType) return;
  const address = cell.address;
  cell.worksheet.eachRow((row) => {
    row.eachCell((c) => {
      const cv = c.value as { sharedFormula?: string; result?: ExcelJS.CellValue } | null;
      if (cv && typeof cv === 'object' && cv.sharedFormula === address) {
        c.value = { formula: c.formula, result: cv.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
}

function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isErrorValue(a) || isErrorValue(b)) return isErrorValue(a) && isErrorValue(b) && a.error === b.error;
  return a === b;
}

function rank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

/** A cell's content in AppliedFix form (formula text and its cached value). */
function cellContent(cell: ExcelJS.Cell): AppliedFix['before'] {
  const v = cell.value as unknown;
  const plain = (x: unknown): string | number | boolean | null => {
    if (x === null || x === undefined) return null;
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
    if (x instanceof Date) return x.toISOString().slice(0, 10);
    const o = x as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
    return String(x);
  };
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown };
    // A shared-formula child reports the master's text; its own text is what Excel shows.
    const own = (cell as unknown as { formula?: string }).formula ?? o.formula ?? o.sharedFormula ?? null;
    return { value: plain(o.result), formula: own };
  }
  return { value: plain(v), formula: null };
}
