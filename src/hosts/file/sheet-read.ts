// A lean reader of one worksheet part: one pass over the XML text that keeps the cells holding
// something (value or formula, with the cached result and number format), the merged areas as
// ranges and the protection flag. Its cost is the size of the XML: merges, validations and the
// declared dimension are never expanded, whatever area they claim.
import { parseRangeA1 } from '../../core/address';
import type { Cell, CellRange, CellValue } from '../../core/snapshot';
import type { Limits } from './limits';
import { MergeSweep } from './merge-sweep';
import { WorkbookReadError } from './read-error';
import { shiftFormula } from './shared-formula';
import { itemText } from './shared-strings';
import type { CellStyles } from './styles-read';
import { attr, attrs, decodeOoxmlString, prefixOf, unescapeXml } from './xml';

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

/** Fast attribute lookup for the attributes Excel writes as ` name="…"`; falls back to a regex. */
function quick(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i < 0) return tag.indexOf(name) < 0 ? undefined : attr(tag, name);
  const j = tag.indexOf('"', i + key.length);
  const v = tag.slice(i + key.length, j);
  return v.indexOf('&') < 0 ? v : unescapeXml(v);
}

/** Excel serial day → ISO date, as exceljs gave it (the snapshot has always carried dates so). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

function between(inner: string, open: string, close: string): string | undefined {
  const i = inner.indexOf(open);
  if (i < 0) return undefined;
  const j = inner.indexOf(close, i + open.length);
  return j < 0 ? undefined : inner.slice(i + open.length, j);
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
  const mergeRe = new RegExp(`<${p}mergeCell\\b([^>]*?)/?>`, 'g');
  mergeRe.lastIndex = sdEnd;
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    const range = parseRangeA1(attrs(m[1]).ref ?? '');
    if (!range) continue;
    if (--ctx.budget.merges < 0) throw new WorkbookReadError(`${ctx.name}: 合并单元格区域超过 ${ctx.limits.merges.toLocaleString('en-US')} 个，超过可读取的上限`);
    merges.push(range);
  }
  const prot = new RegExp(`<${p}sheetProtection\\b([^>]*)>`).exec(xml.slice(sdEnd));
  const sweep = new MergeSweep(merges);

  const re = new RegExp(`<${p}(row|c)\\b([^>]*?)(/?)>`, 'g');
  const cClose = `</${p}c>`;
  const fOpen = `<${p}f`;
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  re.lastIndex = sdStart;
  let row = -1;
  let col = -1;
  for (let m = re.exec(xml); m && m.index < sdEnd; m = re.exec(xml)) {
    const tag = m[2];
    if (m[1] === 'row') {
      const r = quick(tag, 'r');
      row = r !== undefined && Number(r) >= 1 ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    let inner = '';
    if (m[3] !== '/') {
      const end = xml.indexOf(cClose, re.lastIndex);
      if (end < 0) break;
      inner = xml.slice(re.lastIndex, end);
      re.lastIndex = end + cClose.length;
    }
    // A cell without r (allowed) is the one after the previous cell of its row.
    const ref = quick(tag, 'r');
    const pos = ref !== undefined ? parseRef(ref) : null;
    col = pos ? pos[1] : col + 1;
    const r = pos ? pos[0] : Math.max(row, 0);
    const c = col;
    if (!inner) continue;

    const t = quick(tag, 't');
    let f: string | undefined;
    const fi = inner.indexOf(fOpen);
    if (fi >= 0 && /[\s>/]/.test(inner[fi + fOpen.length])) {
      const gt = inner.indexOf('>', fi);
      const fTag = inner.slice(fi + fOpen.length, gt);
      const selfClosing = fTag.endsWith('/');
      const text = selfClosing ? '' : unescapeXml(inner.slice(gt + 1, inner.indexOf(`</${p}f>`, gt)));
      const ft = quick(fTag, 't');
      if (ft === 'shared') {
        const si = quick(fTag, 'si') ?? '';
        const group = shared.get(si);
        if (text && !group) shared.set(si, { r, c, formula: text, members: [] });
        else if (group) {
          group.members.push([r, c]);
          f = shiftFormula(group.formula, r - group.r, c - group.c);
        }
        if (text && !f) f = text;
      } else if (ft !== 'dataTable' && text) f = text;
    }
    const raw = inner.indexOf(vOpen) >= 0 ? between(inner, vOpen, vClose) : undefined;
    let v: CellValue = null;
    const s = Number(quick(tag, 's') ?? 0);
    if (t === 's') v = raw !== undefined ? (ctx.strings[Number(raw)] ?? '') : null;
    else if (t === 'inlineStr') v = itemText(between(inner, `<${p}is>`, `</${p}is>`) ?? '', p);
    else if (t === 'str') v = raw !== undefined ? decodeOoxmlString(unescapeXml(raw)) : null;
    else if (t === 'b') v = raw !== undefined ? raw === '1' || raw === 'true' : null;
    else if (t === 'e') v = raw !== undefined ? { error: unescapeXml(raw) } : null;
    else if (t === 'd') v = raw !== undefined ? unescapeXml(raw).slice(0, 10) : null;
    else if (raw !== undefined && raw !== '') {
      const n = Number(raw);
      v = Number.isNaN(n) ? unescapeXml(raw) : ctx.styles.isDate[s] ? serialToIsoDate(n, ctx.date1904) : n;
    }
    if ((v === null || v === '') && !f) continue;
    if (sweep.isHidden(r, c)) continue; // inside a merge: only its top-left cell holds the value
    if (--ctx.budget.cells < 0) throw new WorkbookReadError(`${ctx.name}: 非空单元格超过 ${ctx.limits.cells.toLocaleString('en-US')} 个，超过可读取的上限`);
    const cell: Cell = { v };
    if (f) cell.f = f;
    const z = ctx.styles.format[s];
    if (z) cell.z = z;
    (cells[r] ??= [])[c] = cell;
  }
  const pa = prot ? attrs(prot[1]).sheet : undefined;
  return { cells, merges, protected: pa === '1' || pa === 'true', shared };
}
