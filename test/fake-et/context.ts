// What every fake ET object shares: the options, the call counter, its workbook and the
// application-level switches (DisplayAlerts, events).
import type { CallCounter } from './expose';
import type { EtWorkbookState } from './state';

export interface FakeEtOptions {
  /**
   * How `Value2` gives a cell error: 'hresult' (default), COM's VT_ERROR as a negative integer
   * (e.g. -2146826281 for #DIV/0!, how COM bridges hand errors to scripts), or 'text' ('#DIV/0!').
   * WPS's documentation does not say; the host must handle both.
   */
  errorForm?: 'hresult' | 'text';
  /**
   * `MergeCells` of an area mixing merged and unmerged cells: 'null' (default, VBA's documented
   * Null) or 'true' (WPS's documentation: "如果区域包含合并单元格，则为 True").
   */
  mergeCellsMixed?: 'null' | 'true';
  /** What `NumberFormat` reports for General: 'General' (default) or a localised 'G/通用格式'. */
  generalName?: string;
  protectedSheets?: string[];
  veryHiddenSheets?: string[];
  /** false: `CustomDocumentProperties` fails (a build without it). */
  documentProperties?: boolean;
  /** Author of comments added through the object model. */
  author?: string;
  /** Workbook name (default: the snapshot's). */
  name?: string;
}

export interface EtCtx {
  opts: FakeEtOptions;
  counter: CallCounter;
  wb: EtWorkbookState;
  alive(): boolean;
  app: { DisplayAlerts: boolean; fireSelection(sheet: string, address: string): void; activateWorkbook(): void };
}
