// Notes (legacy comments) on marked cells, edited in the sheet's comments part and its VML
// drawing. Our text is appended to an officer's own note as one extra run and removed as
// exactly that run; a note we created is removed with its shape; parts we created and left
// empty are removed with their relationships. Threaded comments (Excel 365) are not touched.
import { escapeOoxmlText, prefixOf } from '../xml';
import { addLegacyDrawing, legacyDrawingId, removeLegacyDrawing } from './sheet-patch';
import { escapeRe, XML_HEAD, type PackageEditor } from './package-edit';

export const NOTE_AUTHOR = '决算助手';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const VML_CT = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';

export interface NoteChange {
  r: number;
  c: number;
  /** Our note text now, or null: the cell is no longer marked. */
  ours: string | null;
  /** The cell's own comment element before any mark (exact XML), or null when it had none. */
  original: string | null;
  /** Our note text in the file as opened (a reopened annotated copy), or null. */
  previous: string | null;
}

export interface RelTypes {
  comments: string;
  vmlDrawing: string;
  /** Namespace of r:id attributes. */
  relNs: string;
}

function a1(r: number, c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${r + 1}`;
}

function run(p: string, text: string, first: boolean): string {
  return `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${first ? '' : '\n'}${escapeOoxmlText(text)}</${p}t></${p}r>`;
}

/** The comment element with our text: a new comment, or the officer's with our run appended. */
export function annotate(p: string, original: string | null, text: string, ref: string, authorId: number): string {
  if (original === null) return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(p, text, true)}</${p}text></${p}comment>`;
  // A bare <t> becomes a run so that ours can follow it.
  let c = original.replace(new RegExp(`(<${p}text>)\\s*(<${p}t\\b[\\s\\S]*?</${p}t>)`), `$1<${p}r>$2</${p}r>`);
  const tail = new RegExp(`<${p}rPh\\b|<${p}phoneticPr\\b|</${p}text>`).exec(c);
  if (!tail) return original;
  c = c.slice(0, tail.index) + run(p, text, false) + c.slice(tail.index);
  return c;
}

/** Comment elements of a comments part by cell reference. */
export function commentsByRef(xml: string): Map<string, string> {
  const p = prefixOf(xml, 'comments');
  const out = new Map<string, string>();
  const re = new RegExp(`<${p}comment\\b[^>]*?\\sref="([^"]+)"[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.set(m[1].toUpperCase(), m[0]);
  return out;
}

function authors(xml: string, p: string): string[] {
  const sec = new RegExp(`<${p}authors>([\\s\\S]*?)</${p}authors>`).exec(xml);
  if (!sec) return [];
  return [...sec[1].matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, 'g'))].map((m) => m[1] ?? '');
}

/** Is this comment the placeholder Excel 365 writes for a threaded comment? */
function isThreaded(xml: string, comment: string): boolean {
  const p = prefixOf(xml, 'comments');
  const id = /authorId="(\d+)"/.exec(comment);
  return !!id && (authors(xml, p)[Number(id[1])] ?? '').startsWith('tc=');
}

function shapeRe(r: number, c: number): RegExp {
  return new RegExp(`<v:shape\\b(?:(?!</v:shape>)[\\s\\S])*?ObjectType="Note"(?:(?!</v:shape>)[\\s\\S])*?<x:Row>${r}</x:Row>\\s*<x:Column>${c}</x:Column>[\\s\\S]*?</v:shape>`);
}

function shape(id: number, r: number, c: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 10, ${c + 4}, 15, ${r + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

/** The officer's comment element on a cell as the part holds it now, or null. */
export function currentComment(editor: PackageEditor, sheetPath: string, r: number, c: number): string | null {
  const rel = editor.rels(sheetPath).find((x) => x.type === 'comments');
  const xml = rel ? editor.text(editor.target(sheetPath, rel)) : null;
  return xml ? (commentsByRef(xml).get(a1(r, c)) ?? null) : null;
}

/**
 * Applies note changes to one sheet. Returns the sheet XML (a legacyDrawing element may be added
 * or removed); comments and VML parts are written through the editor.
 */
export function applyNotes(editor: PackageEditor, sheetPath: string, sheetXml: string, changes: NoteChange[], types: RelTypes, block: number): string {
  if (changes.length === 0) return sheetXml;
  const rels = editor.rels(sheetPath);
  const cRel = rels.find((x) => x.type === 'comments');
  let commentsPath = cRel ? editor.target(sheetPath, cRel) : null;
  let comments = commentsPath ? editor.text(commentsPath) : null;
  const vId = legacyDrawingId(sheetXml);
  const vRel = vId ? rels.find((x) => x.id === vId) : undefined;
  let vmlPath = vRel ? editor.target(sheetPath, vRel) : null;
  let vml = vmlPath ? editor.text(vmlPath) : null;

  for (const ch of changes) {
    const ref = a1(ch.r, ch.c);
    const p = comments ? prefixOf(comments, 'comments') : '';
    const cur = comments ? (commentsByRef(comments).get(ref) ?? null) : null;
    if (cur && comments && isThreaded(comments, cur)) continue;
    const ourId = comments ? authors(comments, p).indexOf(NOTE_AUTHOR) : -1;
    let target: string | null;
    if (ch.ours === null) {
      if (ch.previous === null || cur === null) continue;
      const prevOurs = annotate(p, ch.original, ch.previous, ref, ourId);
      if (cur === prevOurs) target = ch.original;
      else if (cur.includes(run(p, ch.previous, ch.original === null))) {
        const stripped = cur.replace(run(p, ch.previous, ch.original === null), '');
        target = new RegExp(`<${p}text>\\s*</${p}text>`).test(stripped) ? null : stripped;
      } else continue; // edited since: leave the officer's text alone
    } else {
      if (!comments) {
        comments = `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList></commentList></comments>`;
      }
      const q = prefixOf(comments, 'comments');
      let id = authors(comments, q).indexOf(NOTE_AUTHOR);
      if (id < 0) {
        id = authors(comments, q).length;
        comments = comments.replace(new RegExp(`</${q}authors>`), `<${q}author>${NOTE_AUTHOR}</${q}author></${q}authors>`);
        if (!new RegExp(`<${q}authors>`).test(comments)) comments = comments.replace(new RegExp(`(<${q}comments\\b[^>]*>)`), `$1<${q}authors><${q}author>${NOTE_AUTHOR}</${q}author></${q}authors>`);
      }
      target = annotate(q, ch.original, ch.ours, ref, id);
    }
    // Write the comment element.
    const q = prefixOf(comments!, 'comments');
    if (cur !== null) comments = target === null ? comments!.replace(cur, '') : comments!.replace(cur, () => target!);
    else if (target !== null) {
      if (!new RegExp(`</${q}commentList>`).test(comments!)) comments = comments!.replace(new RegExp(`<${q}commentList\\s*/>`), `<${q}commentList></${q}commentList>`);
      comments = comments!.replace(new RegExp(`</${q}commentList>`), () => `${target}</${q}commentList>`);
    }
    // Keep the VML shape in step: one per note.
    const hasShape = vml ? shapeRe(ch.r, ch.c).test(vml) : false;
    if (target !== null && !hasShape) {
      vml ??= newVml(block);
      if (!/_x0000_t202/.test(vml)) vml = beforeClose(vml, SHAPETYPE);
      const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
      const idmap = /<o:idmap\b[^>]*data="(\d+)/.exec(vml);
      const next = Math.max(idmap ? Number(idmap[1]) * 1024 : 1024, ...ids) + 1;
      vml = beforeClose(vml, shape(next, ch.r, ch.c));
    } else if (target === null && hasShape && vml) {
      vml = vml.replace(shapeRe(ch.r, ch.c), '');
    }
  }

  // Comments part: write, create or remove.
  const noComments = !comments || !/<(?:[\w.-]+:)?comment\b/.test(comments.replace(/<(?:[\w.-]+:)?commentList\b/g, ''));
  if (commentsPath && cRel) {
    if (noComments && comments) {
      editor.remove(commentsPath);
      editor.removeRel(sheetPath, cRel.id);
      editor.removeOverride(commentsPath);
    } else if (comments) editor.update(commentsPath, dropOurAuthorIfUnused(comments));
  } else if (comments && !noComments) {
    commentsPath = editor.freePath((n) => `xl/comments${n}.xml`);
    editor.set(commentsPath, comments);
    editor.addRel(sheetPath, types.comments, commentsPath);
    editor.addOverride(commentsPath, COMMENTS_CT);
  }

  // VML part: write, create or remove (with the sheet's legacyDrawing element).
  const noShapes = !vml || !/<v:shape\b/.test(vml);
  if (vmlPath && vRel) {
    if (noShapes) {
      editor.remove(vmlPath);
      editor.removeRel(sheetPath, vRel.id);
      sheetXml = removeLegacyDrawing(sheetXml);
      editor.dropDefaultIfUnused('vml', VML_CT);
    } else editor.update(vmlPath, vml!);
  } else if (vml && !noShapes) {
    vmlPath = editor.freePath((n) => `xl/drawings/vmlDrawing${n}.vml`);
    editor.set(vmlPath, vml);
    editor.ensureDefault('vml', VML_CT);
    const id = editor.addRel(sheetPath, types.vmlDrawing, vmlPath);
    sheetXml = addLegacyDrawing(sheetXml, id, types.relNs);
  }
  return sheetXml;
}

/** Our author entry goes when no comment refers to it any more and it is the last author. */
function dropOurAuthorIfUnused(xml: string): string {
  const p = prefixOf(xml, 'comments');
  const list = authors(xml, p);
  const id = list.length - 1;
  if (id < 0 || list[id] !== NOTE_AUTHOR || new RegExp(`authorId="${id}"`).test(xml)) return xml;
  return xml.replace(new RegExp(`<${p}author>${escapeRe(NOTE_AUTHOR)}</${p}author>(</${p}authors>)`), '$1');
}

/** Inserts before the VML root's closing tag, keeping whatever follows it. */
function beforeClose(vml: string, el: string): string {
  const i = vml.lastIndexOf('</xml>');
  return i < 0 ? vml + el : vml.slice(0, i) + el + vml.slice(i);
}
