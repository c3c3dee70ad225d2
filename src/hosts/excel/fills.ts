// Reading a cell's fill so that a mark can be undone exactly, and putting it back.
//
// Why fill.pattern and fill.tintAndShade: Excel reports a cell with No Fill as fill.color
// '#FFFFFF', the same as an explicit white fill, yet the two differ (white hides the gridlines).
// From ExcelApi 1.9 the fill tells them apart: pattern 'None', or, on builds that report a null
// pattern for both, tintAndShade null for No Fill and a number for any fill (the Excel team's
// advice in office-js issue #4900). We load color, pattern, patternColor and tintAndShade on
// each target cell (single cells, so no "mixed" nulls). Before 1.9 white is restored as No Fill,
// and capabilities() says so. fill.color is the colour shown, tint included (as VBA's
// Interior.Color), so a restore sets that colour and not the tint again (a theme fill comes
// back as plain RGB).
//
// Why the font is left alone: Office.js reports an "Automatic" font colour as '#000000' and has
// no way to set a colour back to Automatic, so a mark that recoloured text could not be undone
// exactly. The light fills keep black text readable; the severity is in the fill and the note.

export interface OriginalFill {
  /** null = No Fill. */
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

export function loadFill(fill: Excel.RangeFill, withPattern: boolean): void {
  fill.load(withPattern ? 'color,pattern,patternColor,tintAndShade' : 'color');
}

export function readFill(fill: Excel.RangeFill, withPattern: boolean): OriginalFill {
  if (withPattern) {
    const pattern = fill.pattern as string | null;
    const tint = fill.tintAndShade;
    if (pattern === 'None' || tint === null) return { color: null };
    const out: OriginalFill = { color: fill.color };
    if (pattern && pattern !== 'Solid') out.pattern = pattern;
    if (pattern && pattern !== 'Solid' && fill.patternColor) out.patternColor = fill.patternColor;
    if (tint) out.tintAndShade = tint;
    return out;
  }
  // Without ExcelApi 1.9, '#FFFFFF' is what Excel reports for No Fill: treat it as such.
  const c = (fill.color ?? '').toUpperCase();
  return c === '#FFFFFF' || c === '' ? { color: null } : { color: fill.color };
}

export function restoreFill(fill: Excel.RangeFill, original: OriginalFill, withPattern: boolean): void {
  if (original.color === null) {
    fill.clear();
    return;
  }
  fill.color = original.color;
  if (!withPattern) return;
  if (original.pattern && original.pattern !== 'Solid' && original.pattern !== 'None') fill.pattern = original.pattern as Excel.FillPattern;
  if (original.patternColor) fill.patternColor = original.patternColor;
  // Not tintAndShade: fill.color already reports the tinted colour Excel shows, so setting the
  // tint again would lighten a "Lighter 80%" header a second time, nearly to white.
}
