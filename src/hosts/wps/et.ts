// The part of WPS 表格's object model (ET) the WPS host uses, typed as it behaves. Every member
// name exists in wps-jsapi 1.0.5's declarations (test/fake-et/jsapi-conformance.ts fails
// otherwise), but those declarations are generated from the COM type library and get return
// types wrong: a COM method's out-parameter appears as a trailing `RHS?` argument and the method
// as `void` (e.g. `Range(Cell1?, Cell2?, RHS?: EtRange): void`, `Address(...): void`,
// `Item(Index?, RHS?): void`), and VARIANT properties as `number` (`Value2`, `Formula`,
// `UsedRange`, `ProtectContents`). The types below follow what the calls return, as shown by
// WPS's own JSAPI documentation (airsheet.wps.cn/docs/apiV2/excel/workbook/Range: `Value2` of an
// area is a two-dimensional array, `Address()` a string, `MergeArea` a Range) and the VBA object
// model ET mirrors (learn.microsoft.com/office/vba/api/excel.range.*).
//
// Every member access is a synchronous call into WPS; the host keeps their number proportional
// to sheets, merges and marks, never to cells.

/** A cell value as `Value2` gives it: numbers (dates as serial numbers), text, booleans, empty. */
export type EtScalar = number | string | boolean | null | undefined;

/** `Value2`/`Formula` of one cell is a scalar; of an area, rows of scalars. */
export type EtGrid = EtScalar | EtScalar[][];

export interface EtInterior {
  /** Fill colour as a BGR long (R + G·256 + B·65536); 16777215 for No Fill as for white. */
  Color: number;
  /** xlColorIndexNone (-4142) only for No Fill; an explicit white fill has an index (2). */
  ColorIndex: number;
  /** xlPatternNone (-4142), xlPatternSolid (1) or another xlPattern constant. */
  Pattern: number;
  PatternColor: number;
}

export interface EtFont {
  Bold: boolean | null;
}

export interface EtComment {
  /** `Text()` reads; `Text(s)` (Start omitted) replaces the whole text, keeping author and shape. */
  Text(text?: string, start?: number, overwrite?: boolean): string;
  Delete(): void;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  Value2: EtGrid;
  /** A formula cell gives '=…'; a constant gives its text. */
  Formula: EtGrid;
  /** The common format of the area, or null when its cells differ (VBA's documented Null). */
  NumberFormat: string | null;
  /** True when merged (VBA: null when the area mixes merged and unmerged cells). */
  MergeCells: boolean | null;
  /** The merged area holding this (single) cell, or the cell itself. */
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  /** The cell's comment (批注), null when it has none. */
  readonly Comment: EtComment | null;
  /** The text shown, for one cell (null for an area). */
  readonly Text: string | null;
  ColumnWidth: number | null;
  readonly Cells: EtRange;
  /** '$A$1' or '$A$1:$F$18'. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  Clear(): void;
  Select(): void;
  Item(row: number, column?: number): EtRange;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: number | boolean;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or sheet name. */
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet (after `after` when given) and returns it. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtDocumentProperty {
  readonly Name: string;
  readonly Value: unknown;
  Delete(): void;
}

export interface EtDocumentProperties {
  readonly Count: number;
  Item(index: number | string): EtDocumentProperty;
  Add(name: string, linkToContent: boolean, type: number, value: unknown): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtSheets;
  readonly CustomDocumentProperties: EtDocumentProperties;
  Activate(): void;
}

/** WPS 加载项 events (wps-jsapi index.d.ts: ApiEvent.AddApiEventListener('SheetSelectionChange', (sheet, range) => …)). */
export interface EtApiEvent {
  AddApiEventListener(event: string, callback: (...args: unknown[]) => void): void;
  RemoveApiEventListener(event: string, callback?: (...args: unknown[]) => void): void;
}

/** `window.Application` inside a WPS 表格 加载项 page. */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly Workbooks: unknown;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  readonly ApiEvent?: EtApiEvent;
}

// Constants (wps-jsapi lib.et.d.ts / lib.kso.d.ts enums).
export const XL_NONE = -4142; // xlNone = xlColorIndexNone = xlPatternNone
export const XL_SOLID = 1; // xlSolid = xlPatternSolid
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const MSO_PROPERTY_TYPE_STRING = 4; // KsoMsoDocProperties.msoPropertyTypeString
