// A cell's fill as ET exposes it (Range.Interior), recorded before a mark and put back exactly.
// ET, like Excel, reports No Fill as Color 16777215 — the same as an explicit white fill, which is
// not the same thing (white hides the gridlines). What tells them apart is ColorIndex (and
// Pattern): xlColorIndexNone / xlPatternNone (-4142) only for No Fill, a palette index (2 for
// white) and xlPatternSolid (1) for a fill. So No Fill is restored by setting ColorIndex to
// xlNone, and a fill by setting its Color (the colour shown, tint included) and, for a hatched
// fill, its Pattern and PatternColor. A theme colour comes back as the same RGB colour.
import { XL_NONE, XL_SOLID, type EtInterior } from './et';

export interface OriginalFill {
  /** BGR long; null = No Fill. */
  color: number | null;
  /** xlPattern constant, when not solid. */
  pattern?: number;
  patternColor?: number;
}

/** '#RRGGBB' → BGR long (R + G·256 + B·65536), ET's colour value. */
export function hexToBgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  return parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536;
}

/** 1–4 calls: ColorIndex tells No Fill at once; otherwise Color and Pattern (and PatternColor). */
export function readFill(it: EtInterior): OriginalFill {
  if (it.ColorIndex === XL_NONE) return { color: null };
  const color = it.Color;
  const pattern = it.Pattern;
  if (pattern === XL_NONE || pattern === null) return { color: null };
  const out: OriginalFill = { color };
  if (pattern !== XL_SOLID) {
    out.pattern = pattern;
    out.patternColor = it.PatternColor;
  }
  return out;
}

/** Paints a mark: a solid fill of `bgr` (a hatched original becomes solid while marked). */
export function paintFill(it: EtInterior, bgr: number, original: OriginalFill): void {
  it.Color = bgr;
  if (original.pattern !== undefined) it.Pattern = XL_SOLID;
}

export function restoreFill(it: EtInterior, f: OriginalFill): void {
  if (f.color === null) {
    it.ColorIndex = XL_NONE;
    return;
  }
  if (f.pattern !== undefined) it.Pattern = f.pattern;
  it.Color = f.color;
  if (f.patternColor !== undefined) it.PatternColor = f.patternColor;
}
