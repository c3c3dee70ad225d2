// Appends the cell styles the file host needs to styles.xml, leaving every existing record in
// place (cells keep their style indexes): a copy of a marked cell's style with the mark's fill,
// and plain styles for output sheets (bold, number format). Identical records are reused, so
// marking a reopened copy again does not grow the file.
import type { FileMark } from '../marks-record';
import { builtinFormatId } from '../styles-read';
import { attrs, escapeXml, prefixOf } from '../xml';

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Sets (or adds) an attribute in a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  const end = /\s*\/?>$/.exec(tag);
  return end ? `${tag.slice(0, end.index)} ${name}="${value}"${tag.slice(end.index)}` : `${tag} ${name}="${value}"`;
}

export class StylesEditor {
  private xml: string;
  private readonly p: string;
  private readonly cache = new Map<string, number>();

  constructor(xml: string | null) {
    this.xml = xml ?? MINIMAL;
    this.p = prefixOf(this.xml, 'styleSheet');
  }

  get text(): string {
    return this.xml;
  }

  /** Child elements of a top-level section, as their full text. */
  private children(section: string, child: string): string[] {
    const p = this.p;
    const start = this.xml.indexOf(`<${p}${section}`);
    if (start < 0) return [];
    const openEnd = this.xml.indexOf('>', start);
    if (this.xml[openEnd - 1] === '/') return [];
    const end = this.xml.indexOf(`</${p}${section}>`, openEnd);
    const body = this.xml.slice(openEnd + 1, end);
    const out: string[] = [];
    const re = new RegExp(`<${p}${child}(?=[\\s>/])`, 'g');
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const gt = body.indexOf('>', m.index);
      if (body[gt - 1] === '/') {
        out.push(body.slice(m.index, gt + 1));
        re.lastIndex = gt + 1;
      } else {
        const close = `</${p}${child}>`;
        const e = body.indexOf(close, gt);
        out.push(body.slice(m.index, e + close.length));
        re.lastIndex = e + close.length;
      }
    }
    return out;
  }

  /** Index of `el` among the section's children, appending it when absent. */
  private ensure(section: string, child: string, el: string): number {
    const list = this.children(section, child);
    const i = list.indexOf(el);
    if (i >= 0) return i;
    const p = this.p;
    let start = this.xml.indexOf(`<${p}${section}`);
    if (start < 0) {
      // Missing section: insert it where the schema wants it.
      const later = ORDER.slice(ORDER.indexOf(section) + 1).map((s) => this.xml.indexOf(`<${p}${s}`)).filter((x) => x >= 0);
      const at = later.length ? Math.min(...later) : this.xml.lastIndexOf(`</${p}styleSheet>`);
      this.xml = `${this.xml.slice(0, at)}<${p}${section} count="0"></${p}${section}>${this.xml.slice(at)}`;
      start = at;
    }
    let openEnd = this.xml.indexOf('>', start);
    if (this.xml[openEnd - 1] === '/') {
      this.xml = `${this.xml.slice(0, openEnd - 1)}></${p}${section}>${this.xml.slice(openEnd + 1)}`;
      openEnd = this.xml.indexOf('>', start);
    }
    const close = this.xml.indexOf(`</${p}${section}>`, openEnd);
    const openTag = setAttr(this.xml.slice(start, openEnd + 1), 'count', String(list.length + 1));
    this.xml = this.xml.slice(0, start) + openTag + this.xml.slice(openEnd + 1, close) + el + this.xml.slice(close);
    return list.length;
  }

  /** A copy of cell style `base` with a solid fill of colour `argb` ('FFRRGGBB'). */
  fillXf(base: number, argb: string): number {
    const key = `fill:${base}:${argb}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const fillId = this.ensure('fills', 'fill', fill);
    const xfs = this.children('cellXfs', 'xf');
    const src = xfs[base] ?? xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const gt = src.indexOf('>') + (src[src.indexOf('>') - 1] === '/' ? -1 : 0);
    const tag = setAttr(setAttr(src.slice(0, gt), 'fillId', String(fillId)), 'applyFill', '1');
    const index = this.ensure('cellXfs', 'xf', tag + src.slice(gt));
    this.cache.set(key, index);
    return index;
  }

  /** The fill of cell style `xf` as the marks record keeps it (solid colours; null for none). */
  fillOf(xf: number): FileMark['orig']['fill'] {
    const x = this.children('cellXfs', 'xf')[xf];
    if (!x) return null;
    const fill = this.children('fills', 'fill')[Number(attrs(x.slice(0, x.indexOf('>'))).fillId ?? 0)];
    if (!fill) return null;
    const pf = /<(?:[\w.-]+:)?patternFill\b([^>]*)/.exec(fill);
    const type = pf ? attrs(pf[1]).patternType : undefined;
    if (!type || type === 'none') return null;
    const fg = /<(?:[\w.-]+:)?fgColor\b([^>]*)/.exec(fill);
    const rgb = fg ? attrs(fg[1]).rgb : undefined;
    return rgb ? { type: 'pattern', pattern: type, fgColor: { argb: rgb } } : { type: 'pattern', pattern: type };
  }

  /** A style for an output cell: the default font (bold or not) and a number format. */
  outputXf(bold: boolean, numFmt: string | undefined): number {
    const key = `out:${bold}:${numFmt ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    let fontId = 0;
    if (bold) {
      const base = this.children('fonts', 'font')[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
      const gt = base.indexOf('>');
      const open = base[gt - 1] === '/' ? base.slice(0, gt - 1) + '>' : base.slice(0, gt + 1);
      const body = base[gt - 1] === '/' ? `</${p}font>` : base.slice(gt + 1);
      fontId = this.ensure('fonts', 'font', `${open}<${p}b/>${body.replace(new RegExp(`<${p}b/>`), '')}`);
    }
    let fmtId = 0;
    if (numFmt && numFmt !== 'General') {
      fmtId = builtinFormatId(numFmt) ?? this.customFormat(numFmt);
    }
    const apply = `${fmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}`;
    const index = this.ensure('cellXfs', 'xf', `<${p}xf numFmtId="${fmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`);
    this.cache.set(key, index);
    return index;
  }

  private customFormat(code: string): number {
    let max = 163;
    for (const el of this.children('numFmts', 'numFmt')) {
      const a = attrs(el);
      if (a.formatCode === code) return Number(a.numFmtId);
      max = Math.max(max, Number(a.numFmtId) || 0);
    }
    this.ensure('numFmts', 'numFmt', `<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`);
    return max + 1;
  }
}
