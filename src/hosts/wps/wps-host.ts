// The WPS host: the task pane's WorkbookHost over WPS 表格's object model (ET), as a WPS 加载项
// page sees it on window.Application. Every object-model call crosses into WPS synchronously,
// so the host reads each sheet's used range in bulk (read.ts) and spends further calls only on
// what bulk reads cannot give (mixed formats, merges) and on the cells it marks or writes.
// The workbook is the one that was active when it was read: marks, fixes and output sheets go
// to the workbook that was checked even if the user has switched to another tab since.
import { a1, parseA1 } from '../../core/address';
import type { Finding, SuggestedFix } from '../../core/findings';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { changedSinceCheck, contentOf, emptyFixProblem, literal, mergeAnchor, overwriteProblem, protectedFixMessage, sheetNameProblem, type CellAnchor } from '../cell-io';
import { MARKS_SHEET, markTargets } from '../file/mark-style';
import type { AppliedFix, HostCapabilities, OutputSheet, Progress, WorkbookHost } from '../types';
import { plainValue } from './cells';
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from './et';
import { clearFileHostMarks } from './file-marks';
import { applyMarks, removeMarks, sheetLookup, type MarkEnv } from './mark-ops';
import { writeOutput } from './output';
import { listSheets, readSheet } from './read';
import { openStore, type RecordStore } from './record';

export interface WpsHostOptions {
  /** Lets the pane repaint between sheets and batches of marks (default: a macrotask). */
  pause?: () => Promise<void>;
}

/** A message the host itself words for the finance officer: passed on as it is. */
class HostMessage extends Error {}

/** ET's error, in words a finance officer can act on. */
function friendly(e: unknown, what: string): Error {
  if (e instanceof HostMessage) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/断开|disconnected|已关闭|closed/i.test(msg)) return new Error(`${what}：工作簿已关闭。请在 WPS 表格中打开该工作簿后重新检查。`);
  if (/受保护|protected|只读|read-only/i.test(msg)) return new Error(`${what}：工作表受保护或单元格已锁定。请先撤销工作表保护（审阅 → 撤销工作表保护）。`);
  const err = new Error(`${what}：${msg}`);
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps' as const;
  private wb: EtWorkbook | null = null;
  private store: RecordStore | null = null;
  /** The cell a finding marks or a fix writes: the top-left of its merge (as last read), when it lies in one. */
  private anchor: CellAnchor = mergeAnchor([]);
  private hidden = new Set<string>();
  private gaps: string[] = [];
  private fileMarks = false;
  private readonly pause: () => Promise<void>;

  constructor(
    private readonly app: EtApplication,
    opts: WpsHostOptions = {},
  ) {
    this.pause = opts.pause ?? (() => new Promise((r) => setTimeout(r, 0)));
  }

  /** The checked workbook, or the active one before the first check. */
  private workbook(): EtWorkbook {
    const wb = this.wb ?? this.app.ActiveWorkbook;
    if (!wb) throw new HostMessage('WPS 表格中没有打开的工作簿。请先打开要检查的决算表格。');
    return wb;
  }
  private records(): RecordStore {
    this.store ??= openStore(this.workbook());
    return this.store;
  }
  /** A worksheet by name (ET's Item(name) fails or gives nothing for a missing one). */
  private sheet(name: string): EtWorksheet | null {
    const wss = this.workbook().Worksheets;
    try {
      return wss.Item(name) ?? null;
    } catch {
      return null;
    }
  }
  /** Turns screen updating off around many writes (faster, no flicker) and always back on. */
  private batch<T>(f: () => T): T {
    let prev: boolean | null = null;
    try {
      prev = this.app.ScreenUpdating;
      this.app.ScreenUpdating = false;
    } catch {
      prev = null; // a WPS without the switch: write with the screen updating
    }
    try {
      return f();
    } finally {
      if (prev !== null) this.app.ScreenUpdating = prev;
    }
  }

  async capabilities(): Promise<HostCapabilities> {
    const limits = [...this.gaps];
    if (this.app.ActiveWorkbook && !this.records().persistent) {
      limits.push('此 WPS 版本无法在工作簿中保存标记记录：关闭工作簿后，“清除标记”将无法恢复原有底色和批注。请在关闭工作簿前清除标记。');
    }
    return { highlight: true, notes: true, writeSheets: true, limits };
  }

  // ---- reading -------------------------------------------------------------------------

  async readSnapshot(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    onProgress?.({ fraction: 0, message: '正在读取工作表列表…' });
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new HostMessage('WPS 表格中没有打开的工作簿。请先打开要检查的决算表格。');
    this.wb = wb;
    this.store = null; // each read binds to the workbook active now
    try {
      const name = wb.Name;
      const { items, marksSheet } = listSheets(wb);
      this.fileMarks = marksSheet !== null;
      const sheets: WorkbookSnapshot['sheets'] = [];
      const gaps: string[] = [];
      for (const [i, ws] of items.entries()) {
        onProgress?.({ fraction: i / Math.max(1, items.length), message: `正在读取第 ${i + 1} / ${items.length} 张工作表…` });
        await this.pause();
        const r = readSheet(ws);
        sheets.push(r.sheet);
        gaps.push(...r.gaps);
      }
      this.gaps = gaps;
      this.anchor = mergeAnchor(sheets);
      this.hidden = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
      onProgress?.({ fraction: 1, message: `已读取 ${sheets.length} 张工作表` });
      return { name, sheets };
    } catch (e) {
      throw friendly(e, '读取工作簿失败');
    }
  }

  async hasSheet(name: string): Promise<boolean> {
    return this.guard('读取工作表列表失败', () => this.sheet(name) !== null);
  }

  private async guard<T>(what: string, f: () => T | Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw friendly(e, what);
    }
  }

  // ---- selection -----------------------------------------------------------------------

  async select(sheet: string, address: string): Promise<void> {
    if (this.hidden.has(sheet)) throw new HostMessage(`工作表“${sheet}”已隐藏，无法定位到 ${address}。请先取消隐藏该工作表。`);
    try {
      const ws = this.sheet(sheet);
      if (!ws) throw new HostMessage(`找不到工作表“${sheet}”，工作簿可能已被修改，请重新检查。`);
      this.workbook().Activate();
      ws.Activate();
      ws.Range(address.replace(/\$/g, '')).Select();
    } catch (e) {
      throw friendly(e, `无法定位到“${sheet}”!${address}`);
    }
  }

  onSelectionChanged(cb: (sheet: string, address: string) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) return () => undefined;
    const handler = (ws: unknown, range: unknown): void => {
      try {
        cb((ws as EtWorksheet).Name, (range as EtRange).Address(false, false).split(':')[0]);
      } catch {
        // selection sync is a convenience: never break the pane over it
      }
    };
    events.AddApiEventListener('SheetSelectionChange', handler as (...a: unknown[]) => void);
    return () => events.RemoveApiEventListener('SheetSelectionChange', handler as (...a: unknown[]) => void);
  }

  // ---- marks ---------------------------------------------------------------------------

  private markEnv(): MarkEnv {
    return { store: this.records(), sheets: sheetLookup((n) => this.sheet(n)), batch: (f) => this.batch(f), pause: this.pause };
  }

  async highlight(findings: Finding[]): Promise<{ marked: number }> {
    const targets = markTargets(findings, parseA1, a1, this.anchor);
    try {
      return { marked: await applyMarks(this.markEnv(), targets) };
    } catch (e) {
      throw friendly(e, '标记单元格失败');
    }
  }

  async clearHighlights(): Promise<{ restored: number }> {
    try {
      const env = this.markEnv();
      let restored = removeMarks(env);
      if (this.fileMarks) {
        // Item(name) ignores case, and no two sheets' names differ only in case: a sheet found
        // under another spelling means there is no record sheet.
        const recWs = this.sheet(MARKS_SHEET);
        if (recWs && recWs.Name === MARKS_SHEET) restored += this.batch(() => clearFileHostMarks(this.app, recWs, env.sheets));
        this.fileMarks = false;
      }
      return { restored };
    } catch (e) {
      throw friendly(e, '清除标记失败');
    }
  }

  // ---- writes --------------------------------------------------------------------------

  /** The sheet, after checking that it exists and is not protected. */
  private writableSheet(sheet: string, address: string): EtWorksheet {
    const ws = this.sheet(sheet);
    if (!ws) throw new HostMessage(`找不到工作表“${sheet}”`);
    if (ws.ProtectContents === true) throw new HostMessage(protectedFixMessage(sheet, address));
    return ws;
  }

  private fixAddress(fix: SuggestedFix): string {
    const p = this.anchor(fix.ref.sheet, fix.ref.row, fix.ref.col);
    return a1(p.row, p.col);
  }

  async applyFix(fix: SuggestedFix): Promise<AppliedFix> {
    const empty = emptyFixProblem(fix);
    if (empty) throw new HostMessage(empty);
    const { sheet } = fix.ref;
    const address = this.fixAddress(fix);
    return this.guard(`无法写入“${sheet}”!${address}`, () => {
      const cell = this.writableSheet(sheet, address).Range(address);
      const before = contentOf(plainValue(cell.Value2 as never), cell.Formula);
      const changed = changedSinceCheck(fix, before, sheet, address);
      if (changed) throw new HostMessage(changed);
      if (fix.formula !== undefined) cell.Formula = `=${fix.formula.replace(/^=/, '')}`;
      else cell.Value2 = literal(fix.value as string | number);
      return { id: `fix-${sheet}-${address}-${Date.now()}`, fix, before };
    });
  }

  async undoFix(applied: AppliedFix): Promise<void> {
    const { sheet } = applied.fix.ref;
    const address = this.fixAddress(applied.fix);
    const { value, formula } = applied.before;
    await this.guard(`无法撤销对“${sheet}”!${address} 的修改`, () => {
      const cell = this.writableSheet(sheet, address).Range(address);
      if (formula) cell.Formula = `=${formula}`;
      else cell.Value2 = value === null ? '' : typeof value === 'string' ? literal(value) : value;
    });
  }

  async writeSheet(out: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
    const problem = sheetNameProblem(out.name);
    if (problem) throw new HostMessage(problem);
    await this.guard(`无法写入工作表“${out.name}”`, () => {
      const existing = this.sheet(out.name);
      if (existing) {
        const problem = overwriteProblem(out.name, opts.overwrite, () => existing.ProtectContents === true);
        if (problem) throw new HostMessage(problem);
      }
      this.batch(() => {
        let ws: EtWorksheet;
        if (existing) {
          ws = existing;
          ws.Cells.Clear();
        } else {
          const wss = this.workbook().Worksheets;
          ws = wss.Add(undefined, wss.Item(wss.Count)); // Before omitted (undefined, not null: a COM optional argument)
          ws.Name = out.name;
        }
        writeOutput(ws, out);
      });
      // Marks on a replaced sheet are gone with its cells.
      const store = this.records();
      const rec = store.read();
      if (rec.marks.some((m) => m.sheet === out.name)) store.write(rec.marks.filter((m) => m.sheet !== out.name));
    });
  }
}
