// Pure view-model of the 补充信息 sheet in the pane: the form rows (every known key with its value
// on the sheet), the writes a save makes (only changed cells, new keys appended below the last used
// row), the reason slots of a generated 情况说明, and the text of a sheet's column A for checking.
// No React, no Office. Runtime values of the core (key list, prefix, readers) come in as `api`
// (the lazily loaded engine), so this module stays out of the pane's initial bundle weight.
import { parseNumberText, toHalfWidth } from '../core/numbers';
import type { CellRef } from '../core/address';
import type { SuggestedFix } from '../core/findings';
import type { SheetSnapshot, WorkbookSnapshot, CellValue } from '../core/snapshot';
import type { Detection, Supplement, SupplementEntry, Table } from '../core/tables/types';
import type { Narrative } from '../core/narrative/types';
import type { OutputSheet } from '../hosts/types';
import type { SupplementKeyDef } from '../core/narrative/supplement-keys';

export const SUPPLEMENT_SHEET_NAME = '补充信息';
export const MISSING_SUP_PREFIX = '补充信息缺少：';
export const REASON_PLACEHOLDER = '【请填写原因】';

/** What this module needs from the core (`src/core/index.ts`, via the lazy engine). */
export interface SupplementApi {
  SUPPLEMENT_KEYS: readonly SupplementKeyDef[];
  REASON_PREFIX: string;
  REASON_TOPICS: readonly string[];
  supplementTemplate(): [string, string, string][];
}

/** The key as the generator compares it: half-width, ':' for '：', no spaces (core normKey). */
export function normKey(k: string): string {
  return toHalfWidth(k).replace(/：/g, ':').replace(/[\s\u3000]+/g, '');
}

function isBlank(v: string | number | null | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A fresh 补充信息 sheet: header, then every key with a blank value and its hint. */
export function supplementSheet(api: SupplementApi): OutputSheet {
  // Blank values stay empty cells (not empty strings), as if never typed.
  const rows = api.supplementTemplate().map((r, i) => r.map((v) => ({ value: v === '' ? null : v, bold: i === 0 || undefined })));
  return { name: SUPPLEMENT_SHEET_NAME, rows, columnWidths: [30, 24, 60] };
}

/** Keys the narrative reported missing ('补充信息缺少：上年收支总计' → '上年收支总计'). */
export function missingSupplementKeys(n: Narrative | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const m of n?.missing ?? []) if (m.startsWith(MISSING_SUP_PREFIX)) out.add(m.slice(MISSING_SUP_PREFIX.length).trim());
  return out;
}

export interface SupplementFieldRow {
  def: SupplementKeyDef;
  key: string;
  /** The value on the sheet (null when blank or the key is absent). */
  current: string | number | null;
  /** Column-B cell of the entry that holds the value; null when the key is not on the sheet. */
  ref: CellRef | null;
  /** The narrative needs it and it is not there. */
  neededByNarrative: boolean;
}

export interface SupplementReasonEntry {
  subject: string;
  value: string | number | null;
  ref: CellRef;
}

export interface SupplementModel {
  sheet: string;
  rows: SupplementFieldRow[];
  /** Entries whose key is not known (shown as information, never deleted). */
  unknown: SupplementEntry[];
  /** 原因:… entries by normalised subject. */
  reasons: Map<string, SupplementReasonEntry>;
}

/** Canonical key of every accepted spelling (key and aliases), normalised. */
function canonicalMap(defs: readonly SupplementKeyDef[], prefix: string): Map<string, SupplementKeyDef> {
  const m = new Map<string, SupplementKeyDef>();
  for (const d of defs) {
    if (d.key.startsWith(prefix)) continue;
    m.set(normKey(d.key), d);
    for (const a of d.aliases ?? []) m.set(normKey(a), d);
  }
  return m;
}

/**
 * The form over the sheet's entries. For a key given twice, the entry the generator reads wins:
 * the last non-blank one (the reader lets later values override), else the first blank one.
 */
export function supplementModel(api: SupplementApi, sup: Supplement, missing: ReadonlySet<string> = new Set()): SupplementModel {
  const prefix = normKey(api.REASON_PREFIX);
  const canon = canonicalMap(api.SUPPLEMENT_KEYS, prefix);
  const byKey = new Map<string, SupplementEntry>();
  const unknown: SupplementEntry[] = [];
  const reasons = new Map<string, SupplementReasonEntry>();
  for (const e of sup.entries) {
    const k = normKey(String(e.key ?? ''));
    if (!k) continue;
    if (k.startsWith(prefix)) {
      const subject = k.slice(prefix.length);
      // The template's example line (原因:<科目编码或名称或主题>) is not a reason.
      if (!subject || /^<.*>$/.test(subject)) continue;
      const prev = reasons.get(subject);
      if (!prev || !isBlank(e.value)) reasons.set(subject, { subject, value: e.value, ref: e.ref });
      continue;
    }
    const d = canon.get(k);
    if (!d) {
      if (k !== '项目' && k !== '键') unknown.push(e);
      continue;
    }
    const prev = byKey.get(d.key);
    if (!prev || !isBlank(e.value)) byKey.set(d.key, e);
  }
  const rows: SupplementFieldRow[] = api.SUPPLEMENT_KEYS.filter((d) => !normKey(d.key).startsWith(prefix)).map((def) => {
    const e = byKey.get(def.key);
    const current = e && !isBlank(e.value) ? (typeof e.value === 'string' ? e.value.trim() : e.value) : null;
    return { def, key: def.key, current, ref: e ? e.ref : null, neededByNarrative: missing.has(def.key) && current === null };
  });
  return { sheet: sup.sheet, rows, unknown, reasons };
}

/** The value as shown in an input (no thousands separators, so it can be edited and re-parsed). */
export function inputText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

export type ParsedInput = { ok: true; value: string | number | null } | { ok: false; error: string };

/** Counting units officers type after a number (3个, 2辆). */
const COUNT_UNITS = /(个|辆|人次|人|次|批次|批|台|套|项)$/;

/** Parses what the officer typed: '' → null; numbers accept '1,031.37', full-width digits, 万元 / units. */
export function parseInput(def: Pick<SupplementKeyDef, 'type'>, text: string): ParsedInput {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (def.type === 'text') return { ok: true, value: t };
  const n = parseNumberText(toHalfWidth(t).replace(/\s+/g, '').replace(COUNT_UNITS, ''));
  if (n === null) return { ok: false, error: `“${t}”不是数字。金额以万元为单位，可写作 1,031.37。` };
  return { ok: true, value: n };
}

function sameValue(a: string | number | null, b: string | number | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') {
    const na = typeof a === 'number' ? a : parseNumberText(a);
    const nb = typeof b === 'number' ? b : parseNumberText(b);
    return na !== null && nb !== null ? na === nb : String(a).trim() === String(b).trim();
  }
  return a.trim() === b.trim();
}

export interface SavePlan {
  /** Cell writes, in order (appended keys: column A then column B). */
  fixes: SuggestedFix[];
  /** Keys (or 原因:subject) that change. */
  changed: string[];
  /** Input errors by key; nothing is written while there is one. */
  errors: Map<string, string>;
}

/**
 * The writes a save makes: only values that differ from the sheet. An existing key's value cell
 * is overwritten; a key not on the sheet gets a new row below `lastRow` (0-based last used row).
 * `reasons` maps a subject (科目编码/名称/主题) to the reason text typed for it.
 */
export function planSave(
  api: SupplementApi,
  model: SupplementModel,
  edits: ReadonlyMap<string, string>,
  reasons: ReadonlyMap<string, string>,
  lastRow: number,
): SavePlan {
  const fixes: SuggestedFix[] = [];
  const changed: string[] = [];
  const errors = new Map<string, string>();
  let next = lastRow + 1;
  const sheet = model.sheet;
  const write = (key: string, ref: CellRef | null, previous: string | number | null, value: string | number | null) => {
    changed.push(key);
    if (ref) {
      fixes.push({ ref, value: value ?? '', previous, description: `补充信息 ${key}：${inputText(previous) || '（空）'} → ${inputText(value) || '（空）'}` });
      return;
    }
    const row = next++;
    fixes.push({ ref: { sheet, row, col: 0 }, value: key, previous: null, description: `补充信息 新增 ${key}` });
    fixes.push({ ref: { sheet, row, col: 1 }, value: value ?? '', previous: null, description: `补充信息 ${key}：${inputText(value)}` });
  };
  for (const r of model.rows) {
    const text = edits.get(r.key);
    if (text === undefined) continue;
    const p = parseInput(r.def, text);
    if (!p.ok) {
      errors.set(r.key, p.error);
      continue;
    }
    if (sameValue(r.current, p.value)) continue;
    if (p.value === null && !r.ref) continue;
    write(r.key, r.ref, r.current, p.value);
  }
  for (const [subject, text] of reasons) {
    const s = normKey(subject);
    if (!s) continue;
    const value = text.trim() === '' ? null : text.trim();
    const e = model.reasons.get(s);
    const current = e && !isBlank(e.value) ? String(e.value).trim() : null;
    if (sameValue(current, value)) continue;
    if (value === null && !e) continue;
    write(`${api.REASON_PREFIX}${subject}`, e ? e.ref : null, current, value);
  }
  if (errors.size) return { fixes: [], changed: [], errors };
  return { fixes, changed, errors };
}

/** 0-based index of the last row with any non-blank cell (-1 for an empty sheet). */
export function lastUsedRow(sheet: SheetSnapshot | undefined): number {
  if (!sheet) return -1;
  for (let r = sheet.cells.length - 1; r >= 0; r--) {
    const row = sheet.cells[r];
    if (row && row.some((c) => c && c.v !== null && c.v !== '')) return r;
  }
  return -1;
}

export function findSheet(wb: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const t = name.trim();
  return wb.sheets.find((s) => s.name.trim() === t);
}

function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return '';
  return String(v);
}

/**
 * The text of a sheet's column A, one line per row from row 1, so that line n is cell An and a
 * narrative finding's line number points straight at its cell. Trailing blank rows are dropped.
 */
export function sheetColumnText(sheet: SheetSnapshot): string {
  const lines: string[] = [];
  for (let r = 0; r < sheet.cells.length; r++) lines.push(valueText(sheet.cells[r]?.[0]?.v).replace(/\r?\n/g, ' '));
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n');
}

/** Sheets worth offering for 检查工作表中的文字: not a detected table, with text in column A; 情况说明 first. */
export function textSheetChoices(wb: WorkbookSnapshot, detection: Detection | null | undefined): string[] {
  const tableSheets = new Set((detection?.tables ?? []).map((t) => t.sheet));
  const names = wb.sheets
    .filter((s) => !tableSheets.has(s.name) && s.name.trim() !== SUPPLEMENT_SHEET_NAME && s.cells.some((row) => typeof row?.[0]?.v === 'string' && (row[0].v as string).trim() !== ''))
    .map((s) => s.name);
  return names.sort((a, b) => Number(/情况说明/.test(b)) - Number(/情况说明/.test(a)));
}

// ---- reason slots ----

/** One 主要原因是… slot of a generated narrative. */
export interface ReasonSlot {
  /** Subject the generator looks up first (科目编码, 科目名称 or a REASON_TOPICS entry). */
  subject: string;
  /** Readable label: the topic, or '2080106 就业管理事务'. */
  label: string;
  /** The sentence before the slot, shortened. */
  context: string;
  /** The reason now in the text, or null where it shows 【请填写原因】. */
  current: string | null;
  section: number;
  paragraph: number;
}

const MARK = (i: number) => `⟦原因${i}⟧`;

/**
 * The subject a slot's reason is written under: the one already holding the reason shown (a 项
 * explained by its name keeps that row), else the subject the generator looks up first.
 */
export function slotSubject(slot: ReasonSlot, model: SupplementModel | null): string {
  if (!model || slot.current === null || model.reasons.has(normKey(slot.subject))) return slot.subject;
  for (const e of model.reasons.values()) if (String(e.value ?? '').trim().replace(/[。；;.]+$/, '') === slot.current) return e.subject;
  return slot.subject;
}

/** Subjects the generator can look a reason up under: the topics, then codes and names of 项. */
export function reasonCandidates(api: SupplementApi, detection: Detection): { subject: string; label: string }[] {
  const out: { subject: string; label: string }[] = api.REASON_TOPICS.map((t) => ({ subject: t, label: t }));
  const seen = new Set(out.map((o) => o.subject));
  const add = (subject: string | null | undefined, label: string) => {
    if (!subject || seen.has(normKey(subject))) return;
    seen.add(normKey(subject));
    out.push({ subject, label });
  };
  // The generator asks for a 项's reason by its code, then its name (一般公共预算财政拨款支出决算表).
  for (const t of detection.tables as Table[]) {
    if (t.kind !== 'general-budget') continue;
    for (const r of t.items) {
      const name = r.name.trim();
      if (r.code) add(r.code, name ? `${r.code} ${name}` : r.code);
      if (name) add(name, name);
    }
  }
  return out;
}

/**
 * A copy of the detection whose 补充信息 gives every candidate subject a distinct marker reason,
 * so the narrative generated from it shows which subject each 主要原因是… slot reads.
 */
export function probeDetection(api: SupplementApi, detection: Detection, candidates: { subject: string }[]): Detection {
  const prefix = normKey(api.REASON_PREFIX);
  const sheet = detection.supplement?.sheet ?? SUPPLEMENT_SHEET_NAME;
  const kept = (detection.supplement?.entries ?? []).filter((e) => !normKey(String(e.key ?? '')).startsWith(prefix));
  const marks: SupplementEntry[] = candidates.map((c, i) => ({ key: `${api.REASON_PREFIX}${c.subject}`, value: MARK(i), ref: { sheet, row: 100000 + i, col: 1 } }));
  return { ...detection, supplement: { sheet, entries: [...kept, ...marks] } };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The end of the sentence before the slot ('…决算数大于年初预算数的主要原因是'), so the field reads on from it. */
function contextBefore(text: string): string {
  return text.length > 56 ? `…${text.slice(-56)}` : text;
}

/**
 * Aligns the real narrative with the probe (same text, markers where reasons go) and lists every
 * reason slot with what it shows now. Paragraphs that do not align are skipped, never guessed.
 */
export function reasonSlots(real: Narrative, probe: Narrative, candidates: { subject: string; label: string }[]): ReasonSlot[] {
  const out: ReasonSlot[] = [];
  if (real.sections.length !== probe.sections.length) return out;
  real.sections.forEach((sec, si) => {
    const psec = probe.sections[si];
    if (psec.paragraphs.length !== sec.paragraphs.length) return;
    sec.paragraphs.forEach((para, pi) => {
      const pp = psec.paragraphs[pi];
      const parts = pp.split(/⟦原因(\d+)⟧/);
      if (parts.length === 1) return;
      let re = '^';
      const ids: number[] = [];
      for (let k = 0; k < parts.length; k++) {
        if (k % 2 === 0) re += escapeRe(parts[k]);
        else {
          ids.push(Number(parts[k]));
          re += '([\\s\\S]*?)';
        }
      }
      const m = new RegExp(re + '$').exec(para);
      if (!m) return;
      let before = '';
      ids.forEach((id, k) => {
        before += parts[2 * k];
        const cand = candidates[id];
        if (!cand) return;
        const shown = m[k + 1];
        out.push({
          subject: cand.subject,
          label: cand.label,
          context: contextBefore(before),
          current: shown === REASON_PLACEHOLDER ? null : shown,
          section: si,
          paragraph: pi,
        });
        before += shown;
      });
    });
  });
  return out;
}
