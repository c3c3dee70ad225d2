// The little XML the file host needs: attributes of one tag, entity (un)escaping, OOXML's
// _xHHHH_ escapes, relationships and the namespace prefix a part uses for its elements.
// Parts are handled as text so that everything not understood is kept exactly as it was.

const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag's inner text (`r="A1" s="3"`), values unescaped. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[localName(m[1])] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** One attribute of a start tag, or undefined (faster than attrs() on hot paths). */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 || qname.startsWith('xmlns') ? qname : qname.slice(i + 1);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text for an OOXML string element: control characters Excel cannot store become _xHHHH_. */
export function escapeOoxmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/_(?=x[0-9a-fA-F]{4}_)/g, '_x005F_').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`));
}

/** OOXML strings escape characters XML cannot hold as _xHHHH_ (and a literal one as _x005F_xHHHH_). */
export function decodeOoxmlString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The prefix ('' or 'x:') a part uses for the element named `root`. */
export function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${root}[\\s>/]`).exec(xml);
  return m && m[1] ? m[1] : '';
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Relationships of a .rels part. `type` is the last path segment (worksheet, styles, …). */
export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = /<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = attrs(m[1]);
    if (!a.Id || !a.Target) continue;
    out.push({ id: a.Id, type: (a.Type ?? '').split('/').pop() ?? '', target: a.Target, external: a.TargetMode === 'External' });
  }
  return out;
}

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const dir = fromPart.slice(0, fromPart.lastIndexOf('/') + 1);
  return normalise(dir + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(path).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Target of `to` written relative to the folder of `from` (both package paths). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
