// What the file host agrees to read. Everything is checked before the work it bounds: the zip's
// central directory (declared sizes and ratios) before anything is inflated, the actual inflated
// size while inflating (declared sizes can lie), and the cell count while the sheets are read.
// A workbook past a limit is refused with a WorkbookReadError (the CLI's exit 2), never a crash.
// A real 部门决算 workbook is a few hundred KB, ~20 sheets and ~20,000 cells: the limits are
// a hundred times that and more, and far below what exhausts a browser tab or a CLI worker.

export const LIMITS = {
  /** Size of the file itself (compressed). */
  fileBytes: 200 * 1024 * 1024,
  /** Entries in the zip. */
  entries: 20_000,
  /** Sum of the declared uncompressed sizes of all parts. */
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed size of one XML part we parse (a sheet, the shared strings, styles). */
  partBytes: 256 * 1024 * 1024,
  /**
   * Uncompressed/compressed ratio of one part, checked for parts above `ratioFloorBytes`
   * (tiny parts compress oddly). Excel's own sheets stay under ~40:1; zip bombs are ~1000:1.
   * Apache POI uses the same 100:1 default.
   */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Non-empty cells in the whole workbook (values and formulas). */
  cells: 2_000_000,
  /** Merged areas in the whole workbook (each is kept as one range, never expanded). */
  merges: 200_000,
  /** Sheets in the workbook. */
  sheets: 1_000,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** The limits in force: LIMITS, with any given overrides (tests, callers with tighter budgets). */
export function limitsWith(over?: Partial<Limits>): Limits {
  return { ...LIMITS, ...over };
}

/** Human-readable size for messages: 512 MB, 1.2 GB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
