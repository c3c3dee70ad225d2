// A lean reader of one worksheet part: one pass over the XML text that keeps the cells holding
// something (value or formula, with the cached result and number format), the merged areas as
// ranges and the protection flag. Its cost is the size of the XML: merges, validations and the
// declared dimension are never expanded, whatever area they claim.
import type { Cell, CellRange, CellValue } from '../../core/snapshot';
import { serialToIso } from '../cell-io';
import type { Limits } from './limits';
import { MergeSweep } from './merge-sweep';
import { WorkbookReadError } from './read-error';
import { shiftFormula } from './shared-formula';
import { itemText } from './shared-strings';
import type { CellStyles } from './styles-read';
import { attr, decodeOoxmlString, prefixOf, unescapeXml } from './xml';

export interface ReadContext {
  /** File name, for messages. */
  name: string;
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  /** What is left of the workbook's cell and merge allowance (shared by all its sheets). */
  budget: { cells: number; merges: number };
  limits: Limits;
}

export interface SharedGroup {
  r: number;
  c: number;
  formula: string;
  /** The other cells of the group, [row, col]. */
  members: [number, number][];
}

export interface ReadSheet {
  cells: (Cell | undefined)[][];
  merges: CellRange[];
  protected: boolean;
  shared: Map<string, SharedGroup>;
}

/** 'AB12' → [11, 27]; null when it is not a cell address. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > 1048576 || col > 16384) return null;
  return [row - 1, col - 1];
}

/** Value of attribute `name` in the start tag xml[start, end): fast for ` name="…"`, exact for any other spelling. */
function attrIn(xml: string, start: number, end: number, name: string): string | undefined {
  // Scanned within the tag only: an absent attribute must not cost a search of the whole part.
  const key = ` ${name}="`;
  for (let i = start; i < end; i++) {
    if (xml.charCodeAt(i) !== 32 || !xml.startsWith(key, i)) continue;
    const j = xml.indexOf('"', i + key.length);
    const v = xml.substring(i + key.length, j);
    return v.indexOf('&') < 0 ? v : unescapeXml(v);
  }
  const tag = xml.substring(start, end);
  return /['\t\n\r]/.test(tag) ? attr(tag, name) : undefined;
}

function isDelim(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13; // space > / tab LF CR
}

/** 'A1:B2' → range, without regular expressions (a sheet may hold many merges). */
function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(':');
  const a = parseRef((colon < 0 ? ref : ref.slice(0, colon)).replace(/\$/g, ''));
  const b = colon < 0 ? a : parseRef(ref.slice(colon + 1).replace(/\$/g, ''));
  if (!a || !b) return null;
  return { r1: Math.min(a[0], b[0]), c1: Math.min(a[1], b[1]), r2: Math.max(a[0], b[0]), c2: Math.max(a[1], b[1]) };
}

// The r, s and t attributes of the cell tag being read, found in one pass without allocating.
let tagRow = -1;
let tagCol = -1;
let tagStyle = 0;
let tagType: string | undefined;

function scanCellTag(xml: string, start: number, end: number): void {
  tagRow = -1;
  tagCol = -1;
  tagStyle = 0;
  tagType = undefined;
  let odd = false;
  for (let i = start; i < end; i++) {
    const ch = xml.charCodeAt(i);
    if (ch !== 32) {
      if (ch === 39 || ch === 9 || ch === 10 || ch === 13) odd = true;
      continue;
    }
    const name = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) continue; // ` x="`
    const q = xml.indexOf('"', i + 4);
    if (name === 114) {
      // r="AB12"
      let col = 0;
      let k = i + 4;
      for (; k < q; k++) {
        const c = xml.charCodeAt(k);
        if (c >= 65 && c <= 90) col = col * 26 + c - 64;
        else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
        else break;
      }
      let row = 0;
      for (; k < q; k++) {
        const c = xml.charCodeAt(k);
        if (c < 48 || c > 57) break;
        row = row * 10 + c - 48;
      }
      if (k === q && col >= 1 && col <= 16384 && row >= 1 && row <= 1048576) {
        tagRow = row - 1;
        tagCol = col - 1;
      }
    } else if (name === 115) {
      let n = 0;
      for (let k = i + 4; k < q; k++) n = n * 10 + xml.charCodeAt(k) - 48;
      tagStyle = n >= 0 && Number.isFinite(n) ? n : 0;
    } else if (name === 116) tagType = xml.substring(i + 4, q);
    i = q;
  }
  if (odd) {
    // Quotes or spacing Excel does not write: read the attributes exactly.
    const tag = xml.substring(start, end);
    const ref = attr(tag, 'r');
    const pos = ref !== undefined ? parseRef(ref) : null;
    tagRow = pos ? pos[0] : -1;
    tagCol = pos ? pos[1] : -1;
    tagStyle = Number(attr(tag, 's') ?? 0) || 0;
    tagType = attr(tag, 't');
  }
}

export function readSheetXml(xml: string, ctx: ReadContext): ReadSheet {
  const p = prefixOf(xml, 'worksheet');
  const cells: (Cell | undefined)[][] = [];
  const shared = new Map<string, SharedGroup>();
  let sdStart = xml.indexOf(`<${p}sheetData`);
  let sdEnd = sdStart < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, sdStart);
  if (sdEnd < 0) sdEnd = sdStart < 0 ? 0 : sdStart; // <sheetData/> or none: no cells
  if (sdStart < 0) sdStart = 0;

  const merges: CellRange[] = [];
  const mOpen = `<${p}mergeCell`;
  for (let i = xml.indexOf(mOpen, sdEnd); i >= 0; i = xml.indexOf(mOpen, i + mOpen.length)) {
    if (!isDelim(xml.charCodeAt(i + mOpen.length))) continue;
    const gt = xml.indexOf('>', i);
    const range = parseRange(attrIn(xml, i, gt, 'ref') ?? '');
    if (!range) continue;
    if (--ctx.budget.merges < 0) throw new WorkbookReadError(`${ctx.name}: 合并单元格区域超过 ${ctx.limits.merges.toLocaleString('en-US')} 个，超过可读取的上限`);
    merges.push(range);
  }
  const protAt = xml.indexOf(`<${p}sheetProtection`, sdEnd);
  const pa = protAt >= 0 ? attrIn(xml, protAt, xml.indexOf('>', protAt), 'sheet') : undefined;
  const sweep = new MergeSweep(merges);

  const rowOpen = `<${p}row`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is>`;
  let row = -1;
  let col = -1;
  let i = sdStart;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= sdEnd) break;
    i = lt + 1;
    if (xml.startsWith(rowOpen, lt) && isDelim(xml.charCodeAt(lt + rowOpen.length))) {
      const gt = xml.indexOf('>', lt);
      const r = Number(attrIn(xml, lt, gt, 'r'));
      row = r >= 1 ? r - 1 : row + 1;
      col = -1;
      i = gt + 1;
      continue;
    }
    if (!xml.startsWith(cOpen, lt) || !isDelim(xml.charCodeAt(lt + cOpen.length))) continue;
    const gt = xml.indexOf('>', lt);
    scanCellTag(xml, lt + cOpen.length, gt);
    // A cell without r (allowed) is the one after the previous cell of its row.
    col = tagCol >= 0 ? tagCol : col + 1;
    const r = tagRow >= 0 ? tagRow : Math.max(row, 0);
    const c = col;
    if (xml.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue; // <c …/>: no content
    }
    const close = xml.indexOf(cClose, gt);
    if (close < 0) break;
    i = close + cClose.length;
    const t = tagType;
    const s = tagStyle;

    // Children found by hopping over '<' inside the cell only: nothing is searched past it.
    let fAt = -1;
    let vAt = -1;
    let isAt = -1;
    for (let k = xml.indexOf('<', gt + 1); k >= 0 && k < close; k = xml.indexOf('<', k + 1)) {
      const n = k + 1 + p.length;
      if (p && !xml.startsWith(p, k + 1)) continue;
      const ch = xml.charCodeAt(n);
      if (ch === 102 && fAt < 0 && isDelim(xml.charCodeAt(n + 1))) fAt = k;
      else if (ch === 118 && vAt < 0 && xml.charCodeAt(n + 1) === 62) vAt = k;
      else if (ch === 105 && isAt < 0 && xml.charCodeAt(n + 1) === 115 && xml.charCodeAt(n + 2) === 62) isAt = k;
    }
    let f: string | undefined;
    if (fAt >= 0) {
      const fgt = xml.indexOf('>', fAt);
      const selfClosing = xml.charCodeAt(fgt - 1) === 47;
      const text = selfClosing ? '' : unescapeXml(xml.substring(fgt + 1, xml.indexOf(`</${p}f>`, fgt)));
      const ft = attrIn(xml, fAt, fgt, 't');
      if (ft === 'shared') {
        const si = attrIn(xml, fAt, fgt, 'si') ?? '';
        const group = shared.get(si);
        if (text && !group) shared.set(si, { r, c, formula: text, members: [] });
        else if (group) {
          group.members.push([r, c]);
          f = shiftFormula(group.formula, r - group.r, c - group.c);
        }
        if (text && !f) f = text;
      } else if (ft !== 'dataTable' && text) f = text;
    }
    const raw = vAt >= 0 ? xml.substring(vAt + vOpen.length, xml.indexOf(vClose, vAt)) : undefined;
    let v: CellValue = null;
    if (t === undefined || t === 'n') {
      if (raw !== undefined && raw !== '') {
        const n = +raw;
        v = Number.isNaN(n) ? unescapeXml(raw) : ctx.styles.isDate[s] ? serialToIso(n, ctx.date1904) : n;
      }
    } else if (t === 's') v = raw !== undefined ? (ctx.strings[+raw] ?? '') : null;
    else if (t === 'inlineStr') v = isAt >= 0 ? itemText(xml.substring(isAt + isOpen.length, xml.indexOf(`</${p}is>`, isAt)), p) : ''; else if (t === 'str') v = raw !== undefined ? decodeOoxmlString(unescapeXml(raw)) : null;
    else if (t === 'b') v = raw !== undefined ? raw === '1' || raw === 'true' : null;
    else if (t === 'e') v = raw !== undefined ? { error: unescapeXml(raw) } : null;
    else if (t === 'd') v = raw !== undefined ? unescapeXml(raw).slice(0, 10) : null;
    if ((v === null || v === '') && !f) continue;
    if (sweep.isHidden(r, c)) continue; // inside a merge: only its top-left cell holds the value
    if (--ctx.budget.cells < 0) throw new WorkbookReadError(`${ctx.name}: 非空单元格超过 ${ctx.limits.cells.toLocaleString('en-US')} 个，超过可读取的上限`);
    const cell: Cell = { v };
    if (f) cell.f = f;
    const z = ctx.styles.format[s];
    if (z) cell.z = z;
    (cells[r] ??= [])[c] = cell;
  }
  return { cells, merges, protected: pa === '1' || pa === 'true', shared };
}
