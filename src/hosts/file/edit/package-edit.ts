// Edits to a workbook package as text splices: a part is rewritten only when something in it
// must change, every other part is copied as its original compressed bytes. Additions (a
// relationship, a content type) are inserted as whole elements and removed as exactly those
// elements, so marking and then clearing gives the original text back.
import type { XlsxPackage } from '../package';
import { escapeXml, parseRels, relsPathOf, resolveTarget, relativeTarget, type Relationship } from '../xml';
import { writeZip, type OutPart } from '../zip';

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class PackageEditor {
  private readonly changed = new Map<string, string | null>();
  private readonly added: string[] = [];

  constructor(readonly pkg: XlsxPackage) {}

  has(path: string): boolean {
    return this.changed.has(path) ? this.changed.get(path) !== null : this.pkg.has(path);
  }

  /** The current text of a part (edited or original), or null. */
  text(path: string): string | null {
    if (this.changed.has(path)) return this.changed.get(path)!;
    return this.pkg.has(path) ? this.pkg.text(path) : null;
  }

  set(path: string, text: string): void {
    if (!this.pkg.has(path) && !this.changed.has(path)) this.added.push(path);
    else if (!this.pkg.has(path) && this.changed.get(path) === null) this.added.push(path);
    this.changed.set(path, text);
  }

  /** Sets a part only if its text really changed (an unchanged part stays a byte copy). */
  update(path: string, text: string): void {
    if (this.text(path) !== text) this.set(path, text);
  }

  remove(path: string): void {
    this.changed.set(path, null);
  }

  /** A path not used in the package: xl/comments{n}.xml → the first free n. */
  freePath(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  // ---- relationships ----------------------------------------------------------------------

  rels(part: string): Relationship[] {
    const t = this.text(relsPathOf(part));
    return t ? parseRels(t) : [];
  }

  /** Adds a relationship from `part` to `target` (a package path); returns its id. */
  addRel(part: string, typeUri: string, target: string): string {
    const path = relsPathOf(part);
    const xml = this.text(path) ?? `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = new Set(parseRels(xml).map((r) => r.id));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${typeUri}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
    this.set(path, appendChild(xml, 'Relationships', el));
    return id;
  }

  /** Removes the relationship `id` of `part`; an emptied .rels part goes too. */
  removeRel(part: string, id: string): void {
    const path = relsPathOf(part);
    const xml = this.text(path);
    if (!xml) return;
    const re = new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${id}"[^>]*/>`);
    const next = xml.replace(re, '');
    // A .rels part left without relationships goes, so a cleared copy regains its original shape.
    if (parseRels(next).length === 0) this.remove(path);
    else this.update(path, next);
  }

  /** The part a relationship of `part` points at. */
  target(part: string, rel: Relationship): string {
    return resolveTarget(part, rel.target);
  }

  // ---- content types ----------------------------------------------------------------------

  addOverride(path: string, contentType: string): void {
    const ct = this.text('[Content_Types].xml')!;
    if (new RegExp(`PartName="/${escapeRe(path)}"`, 'i').test(ct)) return;
    this.set('[Content_Types].xml', appendChild(ct, 'Types', `<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/>`));
  }

  removeOverride(path: string): void {
    const ct = this.text('[Content_Types].xml')!;
    this.update('[Content_Types].xml', ct.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${escapeRe(path)}"[^>]*/>`, 'i'), ''));
  }

  ensureDefault(ext: string, contentType: string): void {
    const ct = this.text('[Content_Types].xml')!;
    if (new RegExp(`Extension="${ext}"`, 'i').test(ct)) return;
    this.set('[Content_Types].xml', appendChild(ct, 'Types', `<Default Extension="${ext}" ContentType="${contentType}"/>`));
  }

  /** Removes a Default content type exactly as ensureDefault wrote it, when no part uses the extension. */
  dropDefaultIfUnused(ext: string, contentType: string): void {
    const suffix = `.${ext}`;
    const used = [...this.pkg.zip.entries.map((e) => e.name), ...this.added].some((p) => this.has(p) && p.toLowerCase().endsWith(suffix));
    if (used) return;
    const ct = this.text('[Content_Types].xml')!;
    this.update('[Content_Types].xml', ct.replace(`<Default Extension="${ext}" ContentType="${contentType}"/>`, ''));
  }

  // ---- output -------------------------------------------------------------------------------

  /** The package as zip bytes: original order, unchanged parts copied byte for byte, new parts last. */
  write(): Uint8Array {
    const enc = new TextEncoder();
    const parts: OutPart[] = [];
    for (const e of this.pkg.zip.entries) {
      if (!this.changed.has(e.name)) parts.push({ name: e.name, copy: e });
      else if (this.changed.get(e.name) !== null) parts.push({ name: e.name, data: enc.encode(this.changed.get(e.name)!) });
    }
    for (const path of this.added) {
      const t = this.changed.get(path);
      if (t !== null && t !== undefined && !this.pkg.has(path)) parts.push({ name: path, data: enc.encode(t) });
    }
    return writeZip(this.pkg.zip, dedupe(parts));
  }
}

function dedupe(parts: OutPart[]): OutPart[] {
  const seen = new Set<string>();
  return parts.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Inserts `el` just before the first match of `close` (a closing tag); appends when absent. */
export function insertBefore(xml: string, close: RegExp, el: string): string {
  const m = close.exec(xml);
  return m ? xml.slice(0, m.index) + el + xml.slice(m.index) : xml + el;
}

/** Appends `el` as the last child of the root element `root` (also when the root is self-closing). */
export function appendChild(xml: string, root: string, el: string): string {
  const close = new RegExp(`</((?:[\\w.-]+:)?${root})>\\s*$`).exec(xml);
  if (close) return xml.slice(0, close.index) + el + xml.slice(close.index);
  const self = new RegExp(`<((?:[\\w.-]+:)?${root})\\b([^>]*?)\\s*/>`).exec(xml);
  if (self) return `${xml.slice(0, self.index)}<${self[1]}${self[2]}>${el}</${self[1]}>${xml.slice(self.index + self[0].length)}`;
  return xml + el;
}
