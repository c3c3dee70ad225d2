// The host interface: the only thing the task pane talks to. The Excel host implements it
// over Office.js, the file host over an in-memory .xlsx (offline page, CLI), the WPS host over
// WPS 表格's object model (a WPS 加载项).
import type { SuggestedFix, Finding } from '../core/findings';
import type { WorkbookSnapshot } from '../core/snapshot';

export type HostKind = 'excel' | 'file' | 'wps';

export interface Progress {
  /** 0..1 when known. */
  fraction?: number;
  message: string;
}

/** A cell to write on an output sheet (指标计算, 情况说明, 补充信息). */
export interface OutputCell {
  value?: string | number | null;
  /** Excel formula without '=' (kept live). */
  formula?: string;
  /** Number format, e.g. '0.00' or '0.00%'. */
  numberFormat?: string;
  bold?: boolean;
}

export interface OutputSheet {
  name: string;
  /** Rows of cells from A1. */
  rows: OutputCell[][];
  /** Column widths in characters, optional. */
  columnWidths?: number[];
}

/** Result of a write that can be undone from the task pane. */
export interface AppliedFix {
  id: string;
  fix: SuggestedFix;
  /** What the cell held before, restored by undo (formula or value). */
  before: { value: string | number | boolean | null; formula?: string | null; /** Excel host: the number format, when the fix changed it. */ numberFormat?: string };
}

/**
 * The host application's theme the pane follows. Only light or dark: the pane keeps Fluent's own
 * tuned colours for each, so every text keeps its contrast whatever the Office theme's exact hues.
 */
export interface HostTheme {
  /** The host's background is dark (Office 深灰色/黑色 themes). */
  dark: boolean;
}

/** What a host can do; the pane greys out what is false and says why. */
export interface HostCapabilities {
  highlight: boolean;
  notes: boolean;
  writeSheets: boolean;
  /** Free text explaining missing requirement sets or other limits (Chinese). */
  limits: string[];
}

export interface WorkbookHost {
  kind: HostKind;
  capabilities(): Promise<HostCapabilities>;
  /** Reads every sheet into a snapshot. */
  readSnapshot(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot>;
  /** Activates the sheet and selects the cell or range (A1). */
  select(sheet: string, address: string): Promise<void>;
  /** Marks every finding's primary cell (fill by severity, note with the message where available). */
  highlight(findings: Finding[]): Promise<{ marked: number }>;
  /** Removes every mark the add-in made, restoring the exact original formatting. */
  clearHighlights(): Promise<{ restored: number }>;
  /** Writes a suggested fix; returns what is needed to undo it. */
  applyFix(fix: SuggestedFix): Promise<AppliedFix>;
  undoFix(applied: AppliedFix): Promise<void>;
  /** Does a sheet of this name exist? */
  hasSheet(name: string): Promise<boolean>;
  /**
   * Writes (creates or replaces the content of) an output sheet. With overwrite=false an
   * existing sheet is an error: the pane must ask first.
   */
  writeSheet(sheet: OutputSheet, opts: { overwrite: boolean }): Promise<void>;
  /** Subscribe to selection changes (sheet, A1 address); returns an unsubscribe function. */
  onSelectionChanged?(cb: (sheet: string, address: string) => void): () => void;
  /**
   * Small pane preferences (e.g. which notices the officer closed), kept with the document.
   * Optional pair: a host without them lets the pane keep preferences for the session only.
   */
  readPreference?(key: string): Promise<string | null>;
  writePreference?(key: string, value: string | null): Promise<void>;
  /** The host's theme (Office.context.officeTheme); without it the pane follows the system's colour scheme. */
  theme?(): HostTheme | null;
}
