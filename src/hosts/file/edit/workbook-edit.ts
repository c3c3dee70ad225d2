// Workbook-level edits: adding a sheet part (output sheets, the marks record), removing our
// record sheet exactly, asking Excel to recalculate on open after cells changed, and dropping
// the calculation chain when it may name cells that no longer hold formulas.
import type { SheetEntry } from '../package';
import { escapeXml, prefixOf } from '../xml';
import { escapeRe, insertBefore, type PackageEditor } from './package-edit';

export const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Namespaces of the workbook's flavour of OOXML (transitional, or strict). */
export function namespaces(workbookXml: string): { main: string; relNs: string; relType: (t: string) => string } {
  const strict = workbookXml.includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
  const main = strict ? 'http://purl.oclc.org/ooxml/spreadsheetml/main' : 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relNs = strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return { main, relNs, relType: (t) => `${relNs}/${t}` };
}

/** Adds a worksheet part and its <sheet> entry (last in the workbook); returns the part path. */
export function addSheet(editor: PackageEditor, wbPath: string, name: string, xml: string, state?: 'veryHidden'): string {
  const wb = editor.text(wbPath)!;
  const ns = namespaces(wb);
  const path = editor.freePath((n) => `xl/worksheets/sheet${n}.xml`);
  editor.set(path, xml);
  editor.addOverride(path, WORKSHEET_CT);
  const rId = editor.addRel(wbPath, ns.relType('worksheet'), path);
  const p = prefixOf(wb, 'workbook');
  const ids = [...wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const decl = new RegExp(`xmlns:([\\w.-]+)="${escapeRe(ns.relNs)}"`).exec(wb);
  const idAttr = decl ? `${decl[1]}:id="${rId}"` : `xmlns:r="${ns.relNs}" r:id="${rId}"`;
  const el = `<${p}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}"${state ? ` state="${state}"` : ''} ${idAttr}/>`;
  editor.set(wbPath, insertBefore(wb, new RegExp(`</${p}sheets>`), el));
  return path;
}

/** Removes a sheet we added (the marks record): its entry, relationship, part and content type. */
export function removeSheet(editor: PackageEditor, wbPath: string, entry: SheetEntry): void {
  let wb = editor.text(wbPath)!;
  const re = /<(?:[\w.-]+:)?sheet\b[^>]*?\/>/g;
  const all = [...wb.matchAll(re)];
  const index = all.findIndex((m) => new RegExp(`:id="${escapeRe(entry.rId)}"`).test(m[0]));
  if (index < 0) return;
  const m = all[index];
  wb = wb.slice(0, m.index!) + wb.slice(m.index! + m[0].length);
  if (index < all.length - 1) {
    // Sheet-local names and views number sheets by position: those after it move up one.
    wb = wb.replace(/(\blocalSheetId=")(\d+)"/g, (s, a: string, n: string) => (Number(n) > index ? `${a}${Number(n) - 1}"` : s));
    wb = wb.replace(/(\b(?:activeTab|firstSheet)=")(\d+)"/g, (s, a: string, n: string) => (Number(n) > index ? `${a}${Number(n) - 1}"` : s));
  }
  editor.set(wbPath, wb);
  editor.removeRel(wbPath, entry.rId);
  if (entry.path) {
    editor.remove(entry.path);
    editor.removeOverride(entry.path);
  }
}

/** Asks Excel to recalculate every formula when the file is opened (cells were changed here). */
export function fullCalcOnLoad(editor: PackageEditor, wbPath: string): void {
  const wb = editor.text(wbPath)!;
  const p = prefixOf(wb, 'workbook');
  const calc = new RegExp(`<${p}calcPr\\b([^>]*?)(/?)>`).exec(wb);
  if (calc) {
    if (/fullCalcOnLoad="(1|true)"/.test(calc[1])) return;
    const tag = /fullCalcOnLoad=/.test(calc[1]) ? calc[0].replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"') : calc[0].replace(/^<([\w.:-]+)/, '<$1 fullCalcOnLoad="1"');
    editor.set(wbPath, wb.slice(0, calc.index) + tag + wb.slice(calc.index + calc[0].length));
    return;
  }
  const later = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
  const spots = later.map((n) => wb.indexOf(`<${p}${n}`)).filter((i) => i >= 0);
  const at = spots.length ? Math.min(...spots) : wb.lastIndexOf(`</${p}workbook>`);
  editor.set(wbPath, `${wb.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${wb.slice(at)}`);
}

/** Drops xl/calcChain.xml: Excel rebuilds it, and a stale chain naming a non-formula cell makes Excel repair the file. */
export function dropCalcChain(editor: PackageEditor, wbPath: string): void {
  const rel = editor.rels(wbPath).find((r) => r.type === 'calcChain');
  if (!rel) return;
  const path = editor.target(wbPath, rel);
  editor.remove(path);
  editor.removeOverride(path);
  editor.removeRel(wbPath, rel.id);
}
