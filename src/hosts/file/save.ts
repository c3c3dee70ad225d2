// Builds the annotated copy by editing the opened package: marked cells get a copy of their
// style with the mark's fill and our note; changed cells get their new content; output sheets
// and the marks record are written whole; parts nothing touched are copied byte for byte.
import { parseA1 } from '../../core/address';
import type { Cell } from '../../core/snapshot';
import { MARK_STYLES, MARKS_SHEET, noteText } from './mark-style';
import { recordTexts, type FileMark } from './marks-record';
import type { SheetEntry, XlsxPackage } from './package';
import { itemText } from './shared-strings';
import type { SheetState } from './sheet-state';
import { applyNotes, currentComment, type NoteChange } from './edit/notes';
import { worksheetXml, type OutCell } from './edit/output-sheet';
import { PackageEditor } from './edit/package-edit';
import { patchSheet, stylesAt, type CellEdit, type SheetEdits } from './edit/sheet-patch';
import { StylesEditor } from './edit/styles-edit';
import { addSheet, dropCalcChain, fullCalcOnLoad, namespaces, removeSheet } from './edit/workbook-edit';

const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface SaveInput {
  pkg: XlsxPackage;
  sheets: SheetState[];
  /** Marks now, by `${sheet}!${address}`. */
  marks: Map<string, FileMark>;
  /** The marks record of the opened file, if it had one. */
  record: { entry: SheetEntry; marks: FileMark[] } | null;
  /** Names (lower case) of original sheets replaced by output sheets since opening. */
  replaced: Set<string>;
}

function edit(edits: SheetEdits, r: number, c: number): CellEdit {
  let row = edits.get(r);
  if (!row) edits.set(r, (row = new Map()));
  let e = row.get(c);
  if (!e) row.set(c, (e = {}));
  return e;
}

function commentText(xml: string | null): string | null {
  if (!xml) return null;
  const p = /<([\w.-]+:)?comment\b/.exec(xml)?.[1] ?? '';
  const body = new RegExp(`<${p}text>([\\s\\S]*)</${p}text>`).exec(xml);
  return body ? itemText(body[1], p) : '';
}

/** A name for the record sheet that no sheet of the officer's uses. */
function recordName(pkg: XlsxPackage, record: SaveInput['record']): string {
  if (record) return record.entry.name;
  const used = new Set(pkg.sheets.map((s) => s.name.toLowerCase()));
  if (!used.has(MARKS_SHEET)) return MARKS_SHEET;
  for (let n = 2; ; n++) if (!used.has(`${MARKS_SHEET}_${n}`)) return `${MARKS_SHEET}_${n}`;
}

export function savePackage(input: SaveInput): Uint8Array {
  const { pkg, sheets, marks, record } = input;
  const editor = new PackageEditor(pkg);
  const wbPath = pkg.workbookPath;
  const ns = namespaces(editor.text(wbPath)!);
  const stylesPath = pkg.workbookPart('styles');
  const styles = new StylesEditor(stylesPath ? editor.text(stylesPath) : null);
  const types = { comments: ns.relType('comments'), vmlDrawing: ns.relType('vmlDrawing'), relNs: ns.relNs };
  let cellsChanged = false;
  let chainStale = false;

  // Sheets written here get their parts first, so that marks on them are handled like any other.
  const paths = new Map<SheetState, string>();
  for (const s of sheets) {
    if (s.entry?.path) paths.set(s, s.entry.path);
    else paths.set(s, addSheet(editor, wbPath, s.name, ''));
  }

  const recordNow: FileMark[] = [];
  sheets.forEach((s, index) => {
    const path = paths.get(s)!;
    const edits: SheetEdits = new Map();
    let xml: string;
    if (s.output) {
      xml = worksheetXml(ns.main, outputCells(s, styles), s.output.columnWidths);
      cellsChanged = true;
      if (s.entry) {
        chainStale = true;
        // The old content's notes and drawings belong to it, not to the new content.
        for (const rel of editor.rels(path)) {
          if (rel.type === 'comments' || rel.type === 'vmlDrawing') {
            const target = editor.target(path, rel);
            editor.remove(target);
            editor.removeOverride(target);
          }
          editor.removeRel(path, rel.id);
        }
      }
    } else {
      xml = pkg.text(path)!;
      pkg.drop(path);
      for (const [key, ch] of s.changes) {
        const r = Math.floor(key / 16384);
        const c = key % 16384;
        const e = edit(edits, r, c);
        e.content = ch.keepFormula ? { keepFormula: true, v: ch.cell?.v ?? null } : { keepFormula: false, f: ch.cell?.f, v: ch.cell?.v ?? null };
        cellsChanged = true;
        if (!ch.keepFormula && s.base.cells[r]?.[c]?.f && !ch.cell?.f) chainStale = true;
        // The first cell of a shared formula changes: the cells sharing it get their own formula text.
        for (const g of s.shared.values()) {
          if (g.r !== r || g.c !== c || ch.keepFormula) continue;
          for (const [mr, mc] of g.members) {
            const own = s.cell(mr, mc);
            const me = edit(edits, mr, mc);
            if (!me.content || me.content.keepFormula) me.content = { keepFormula: false, f: own?.f, v: own?.v ?? null };
          }
        }
      }
    }

    // Marks: every cell marked now or in the opened file's record.
    const now = [...marks.values()].filter((m) => m.sheet === s.name);
    const before = record && !input.replaced.has(s.name.toLowerCase()) && !(s.output && !s.entry) ? record.marks.filter((m) => m.sheet === s.name) : [];
    const cells = new Map<string, { cur?: FileMark; prev?: FileMark }>();
    for (const m of before) cells.set(m.address, { prev: m });
    for (const m of now) cells.set(m.address, { ...cells.get(m.address), cur: m });
    if (cells.size === 0) {
      editor.update(path, patchSheet(xml, edits));
      return;
    }
    const fresh = [...cells.entries()].filter(([, x]) => !x.prev).map(([a]) => a);
    const found = stylesAt(
      xml,
      fresh.map((a) => {
        const p = parseA1(a)!;
        return [p.row, p.col] as [number, number];
      }),
    );
    const notes: NoteChange[] = [];
    for (const [address, { cur, prev }] of cells) {
      const { row: r, col: c } = parseA1(address)!;
      let orig = prev?.orig;
      if (!orig) {
        const st = found.get(`${r}:${c}`)!;
        const noteXml = currentComment(editor, path, r, c);
        orig = { fill: styles.fillOf(st.s), note: commentText(noteXml), s: st.s, noteXml };
        if (!st.exists) orig.noCell = true;
      }
      const e = edit(edits, r, c);
      if (cur) {
        e.s = styles.fillXf(orig.s ?? 0, `FF${MARK_STYLES[cur.severity].fill.slice(1).toUpperCase()}`);
        cur.orig = orig;
        recordNow.push(cur);
      } else {
        e.s = orig.s ?? 0;
        if (orig.noCell) e.removeIfBare = true;
      }
      notes.push({ r, c, ours: cur ? noteText(cur.messages) : null, original: orig.noteXml ?? null, previous: prev ? noteText(prev.messages) : null });
    }
    xml = patchSheet(xml, edits);
    editor.update(path, applyNotes(editor, path, xml, notes, types, index + 1));
  });

  // The record of the marks, for a later clean-up (here or in Excel).
  if (recordNow.length) {
    const rows: OutCell[][] = recordTexts(recordNow).map((t) => [{ v: t }]);
    const xml = worksheetXml(ns.main, rows);
    if (record?.entry.path) editor.update(record.entry.path, xml);
    else addSheet(editor, wbPath, recordName(pkg, record), xml, 'veryHidden');
  } else if (record) removeSheet(editor, wbPath, record.entry);

  if (stylesPath) editor.update(stylesPath, styles.text);
  else if (styles.text !== new StylesEditor(null).text) {
    editor.set('xl/styles.xml', styles.text);
    editor.addOverride('xl/styles.xml', STYLES_CT);
    editor.addRel(wbPath, ns.relType('styles'), 'xl/styles.xml');
  }
  if (cellsChanged) fullCalcOnLoad(editor, wbPath);
  if (chainStale) dropCalcChain(editor, wbPath);
  return editor.write();
}

/** Output cells with their styles (bold, number format) resolved to style indexes. */
function outputCells(s: SheetState, styles: StylesEditor): (OutCell | undefined)[][] {
  const out: (OutCell | undefined)[][] = [];
  s.output!.rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      if (!spec) return;
      const cell: Cell | undefined = s.base.cells[r]?.[c];
      const st = spec.bold || spec.numberFormat ? styles.outputXf(!!spec.bold, spec.numberFormat) : 0;
      if (!cell && !st) return;
      (out[r] ??= [])[c] = { v: cell?.v ?? null, f: cell?.f, s: st };
    }),
  );
  return out;
}
