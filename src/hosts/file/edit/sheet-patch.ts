// Surgical edits of one worksheet part: the style index and/or content of given cells, with
// every other row, cell and element kept as its original text. Missing cells (a mark on an
// empty cell) and rows are inserted in order; a cell we inserted is removed again on restore.
import type { CellValue } from '../../../core/snapshot';
import { escapeOoxmlText, prefixOf } from '../xml';
import { setAttr } from './styles-edit';
import { columnName } from '../../../core/address';

export type Content = { keepFormula: true; v: CellValue } | { keepFormula: false; f?: string; v: CellValue };

export interface CellEdit {
  /** New style index; 0 removes the attribute (the default style). */
  s?: number;
  content?: Content;
  /** Remove the cell element when it ends up with no content (we inserted it for a mark). */
  removeIfBare?: boolean;
}

export type SheetEdits = Map<number, Map<number, CellEdit>>;

function colOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96;
    else break;
  }
  return c - 1;
}

const attrRe = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
function getA(tag: string, name: string): string | undefined {
  const m = attrRe(name).exec(tag);
  return m ? m[1].slice(1, -1) : undefined;
}
function dropA(tag: string, name: string): string {
  return tag.replace(attrRe(name), '');
}

/** Style index of each asked cell as it is now, and whether the cell element exists. */
export function stylesAt(xml: string, cells: [number, number][]): Map<string, { s: number; exists: boolean }> {
  const p = prefixOf(xml, 'worksheet');
  const want = new Map(cells.map(([r, c]) => [`${r}:${c}`, [r, c] as [number, number]]));
  const out = new Map<string, { s: number; exists: boolean }>();
  const cols: { min: number; max: number; s: number }[] = [];
  const colRe = new RegExp(`<${p}col\\b([^>]*?)/?>`, 'g');
  for (let m = colRe.exec(xml); m; m = colRe.exec(xml)) {
    const st = getA(m[1], 'style');
    if (st) cols.push({ min: Number(getA(m[1], 'min')) - 1, max: Number(getA(m[1], 'max')) - 1, s: Number(st) });
  }
  const rowStyle = new Map<number, number>();
  const rows = new Set([...want.values()].map(([r]) => r));
  const re = new RegExp(`<${p}(row|c)\\b([^>]*?)(/?)>`, 'g');
  let row = -1;
  let col = -1;
  const sd = xml.indexOf(`<${p}sheetData`);
  re.lastIndex = Math.max(sd, 0);
  const end = xml.indexOf(`</${p}sheetData>`);
  for (let m = re.exec(xml); m && m.index < end; m = re.exec(xml)) {
    if (m[1] === 'row') {
      const r = getA(m[2], 'r');
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      if (rows.has(row) && getA(m[2], 'customFormat') && /^(1|true)$/.test(getA(m[2], 'customFormat')!)) rowStyle.set(row, Number(getA(m[2], 's') ?? 0));
      continue;
    }
    const ref = getA(m[2], 'r');
    col = ref ? colOf(ref) : col + 1;
    const key = `${row}:${col}`;
    if (want.has(key)) out.set(key, { s: Number(getA(m[2], 's') ?? 0), exists: true });
  }
  for (const [key, [r, c]] of want) {
    if (out.has(key)) continue;
    const cs = cols.find((x) => c >= x.min && c <= x.max);
    out.set(key, { s: rowStyle.get(r) ?? cs?.s ?? 0, exists: false });
  }
  return out;
}

function valueXml(p: string, v: CellValue, formula: boolean): { t: string | null; body: string } {
  if (v === null || v === undefined) return { t: null, body: '' };
  if (typeof v === 'number') return { t: null, body: `<${p}v>${Number.isFinite(v) ? String(v) : '0'}</${p}v>` };
  if (typeof v === 'boolean') return { t: 'b', body: `<${p}v>${v ? 1 : 0}</${p}v>` };
  if (typeof v === 'object') return { t: 'e', body: `<${p}v>${escapeOoxmlText(v.error)}</${p}v>` };
  if (formula) return { t: 'str', body: `<${p}v>${escapeOoxmlText(v)}</${p}v>` };
  return { t: 'inlineStr', body: `<${p}is><${p}t xml:space="preserve">${escapeOoxmlText(v)}</${p}t></${p}is>` };
}

/** A cell element with the edit applied; '' when it is to be removed. */
function editCell(p: string, tag: string, inner: string | null, edit: CellEdit): string {
  let t = tag; // '<c r=".." s=".." t=".."' without the closing '>' or '/>'
  if (edit.s !== undefined) t = edit.s === 0 ? dropA(t, 's') : setAttr(t, 's', String(edit.s));
  let body = inner;
  if (edit.content) {
    const c = edit.content;
    let f = '';
    if (c.keepFormula) {
      const m = inner ? new RegExp(`<${p}f\\b(?:[^>]*?/>|[\\s\\S]*?</${p}f>)`).exec(inner) : null;
      f = m ? m[0] : '';
    } else if (c.f) f = `<${p}f>${escapeOoxmlText(c.f)}</${p}f>`;
    const v = valueXml(p, c.v, !!f);
    t = dropA(dropA(dropA(t, 't'), 'cm'), 'vm');
    if (v.t) t = setAttr(t, 't', v.t);
    body = f + v.body;
    if (!body) body = null;
  }
  if (edit.removeIfBare && !body) return '';
  return body === null ? `${t}/>` : `${t}>${body}</${p}c>`;
}

function patchRow(p: string, rowXml: string, r: number, edits: Map<number, CellEdit>): string {
  const selfClosing = /\/>$/.test(rowXml);
  const openEnd = rowXml.indexOf('>');
  const open = selfClosing ? rowXml.slice(0, openEnd - 1).trimEnd() + '>' : rowXml.slice(0, openEnd + 1);
  const body = selfClosing ? '' : rowXml.slice(openEnd + 1, rowXml.lastIndexOf(`</${p}row>`));
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  let col = -1;
  let k = 0;
  const re = new RegExp(`<${p}c\\b([^>]*?)(/?)>`, 'g');
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const ref = getA(m[1], 'r');
    col = ref ? colOf(ref) : col + 1;
    let end = re.lastIndex;
    let inner: string | null = null;
    if (m[2] !== '/') {
      const close = body.indexOf(`</${p}c>`, end);
      inner = body.slice(end, close);
      end = close + `</${p}c>`.length;
      re.lastIndex = end;
    }
    out += body.slice(last, m.index);
    while (k < pending.length && pending[k] < col) out += newCell(p, r, pending[k], edits.get(pending[k++])!);
    if (k < pending.length && pending[k] === col) out += editCell(p, `<${p}c${m[1].replace(/\s*\/$/, '')}`, inner, edits.get(pending[k++])!);
    else out += body.slice(m.index, end);
    last = end;
  }
  out += body.slice(last);
  while (k < pending.length) out += newCell(p, r, pending[k], edits.get(pending[k++])!);
  // A row we inserted (only its r attribute) and left empty goes again.
  if (!/<[\w.:-]*c\b/.test(out) && new RegExp(`^<${p}row r="\\d+">$`).test(open)) return '';
  return `${open}${out}</${p}row>`;
}

function newCell(p: string, r: number, c: number, edit: CellEdit): string {
  return editCell(p, `<${p}c r="${columnName(c)}${r + 1}"`, null, edit);
}

/** Applies cell edits to a worksheet's XML. */
export function patchSheet(xml: string, edits: SheetEdits): string {
  if (edits.size === 0) return xml;
  const p = prefixOf(xml, 'worksheet');
  let sdStart = xml.indexOf(`<${p}sheetData`);
  if (sdStart < 0) return xml;
  let gt = xml.indexOf('>', sdStart);
  if (xml[gt - 1] === '/') {
    xml = `${xml.slice(0, gt - 1).trimEnd()}></${p}sheetData>${xml.slice(gt + 1)}`;
    gt = xml.indexOf('>', sdStart);
  }
  const sdEnd = xml.indexOf(`</${p}sheetData>`, gt);
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let k = 0;
  let out = xml.slice(0, gt + 1);
  let last = gt + 1;
  let row = -1;
  const re = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, 'g');
  re.lastIndex = gt + 1;
  for (let m = re.exec(xml); m && m.index < sdEnd; m = re.exec(xml)) {
    const r = getA(m[1], 'r');
    row = r ? Number(r) - 1 : row + 1;
    let end = re.lastIndex;
    if (m[2] !== '/') {
      end = xml.indexOf(`</${p}row>`, end) + `</${p}row>`.length;
      re.lastIndex = end;
    }
    out += xml.slice(last, m.index);
    while (k < pending.length && pending[k] < row) out += patchRow(p, `<${p}row r="${pending[k] + 1}">`, pending[k], edits.get(pending[k++])!);
    if (k < pending.length && pending[k] === row) out += patchRow(p, xml.slice(m.index, end), row, edits.get(pending[k++])!);
    else out += xml.slice(m.index, end);
    last = end;
  }
  out += xml.slice(last, sdEnd);
  while (k < pending.length) out += patchRow(p, `<${p}row r="${pending[k] + 1}">`, pending[k], edits.get(pending[k++])!);
  return out + xml.slice(sdEnd);
}

// Top-level worksheet elements that come after legacyDrawing, in schema order.
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts'];

/** Adds <legacyDrawing r:id=".."/> where the schema wants it. */
export function addLegacyDrawing(xml: string, rId: string, relNs: string): string {
  const p = prefixOf(xml, 'worksheet');
  const decl = new RegExp(`xmlns:([\\w.-]+)="${relNs.replace(/[.]/g, '\\.')}"`).exec(xml);
  const el = decl ? `<${p}legacyDrawing ${decl[1]}:id="${rId}"/>` : `<${p}legacyDrawing xmlns:r="${relNs}" r:id="${rId}"/>`;
  const after = Math.max(xml.lastIndexOf(`</${p}sheetData>`), xml.lastIndexOf(`</${p}conditionalFormatting>`));
  const spots = AFTER_LEGACY.map((n) => xml.indexOf(`<${p}${n}`, after)).filter((i) => i >= 0);
  const ext = xml.indexOf(`<${p}extLst`, after);
  if (ext >= 0) spots.push(ext);
  const at = spots.length ? Math.min(...spots) : xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, at) + el + xml.slice(at);
}

/** The r:id of the sheet's legacyDrawing element, if any. */
export function legacyDrawingId(xml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?legacyDrawing\b([^>]*?)\/?>/.exec(xml);
  return m ? getA(m[1], '[\\w.-]+:id') : undefined;
}

export function removeLegacyDrawing(xml: string): string {
  return xml.replace(/<(?:[\w.-]+:)?legacyDrawing\b[^>]*?\/>/, '');
}
