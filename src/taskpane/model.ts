// Pure view-model helpers of the task pane: grouping and filtering findings, matching the
// host's selection to a finding, previewing fixes, and turning core outputs into output sheets.
// No React, no Office: unit-tested in test/unit/taskpane.
import { a1, parseA1, parseRangeA1, rangeA1 } from '../core/address';
import type { Finding, Severity, SuggestedFix } from '../core/findings';
import type { Detection, TableKind } from '../core/tables/types';
import { TABLE_KIND_NAMES } from '../core/tables/types';
import type { Narrative } from '../core/narrative/types';
import { narrativeLines } from '../core/narrative/types';
import type { DerivedSheet } from '../core/recalc/recalc';
import type { OutputSheet } from '../hosts/types';
import type { SeverityCounts } from './model-base';
import { SEVERITIES, SEVERITY_LABELS } from './model-base';

export { NARRATIVE_SHEET_NAME, SEVERITIES, SEVERITY_LABELS, countBySeverity, narrativeToOutput } from './model-base';
export type { SeverityCounts } from './model-base';

/** '3 个错误，1 个警告，无提示' — the one-line summary a finance officer reads first. */
export function summaryText(c: SeverityCounts): string {
  if (c.error + c.warning + c.info === 0) return '未发现问题';
  return SEVERITIES.map((s) => (c[s] ? `${c[s]} 个${SEVERITY_LABELS[s]}` : `无${SEVERITY_LABELS[s]}`)).join('，');
}

export interface TableSummary {
  id: string;
  kind: TableKind;
  name: string;
  title: string;
  sheet: string;
  range: string;
  unit: string | null;
}

export function tableSummaries(detection: Detection | null | undefined): TableSummary[] {
  if (!detection) return [];
  return detection.tables.map((t) => ({
    id: t.id,
    kind: t.kind,
    name: TABLE_KIND_NAMES[t.kind] ?? t.kind,
    title: t.title,
    sheet: t.sheet,
    range: rangeA1(t.range),
    unit: t.unit,
  }));
}

/** A finding with its position in the full (unfiltered) list, which is its stable key in the pane. */
export interface IndexedFinding {
  index: number;
  finding: Finding;
}

export interface FindingGroup {
  /** Table id, '__narrative' for narrative findings, '__other' for findings outside any table. */
  key: string;
  title: string;
  /** Sheet of the table, shown under the title. */
  sheet?: string;
  counts: SeverityCounts;
  items: IndexedFinding[];
}

function tableOf(f: Finding, detection: Detection | null | undefined) {
  if (!detection) return undefined;
  if (f.tableId) {
    const t = detection.tables.find((x) => x.id === f.tableId);
    if (t) return t;
  }
  if (!f.sheet || !f.cell) return undefined;
  const p = parseA1(f.cell);
  if (!p) return undefined;
  return detection.tables.find(
    (t) => t.sheet === f.sheet && p.row >= t.range.r1 && p.row <= t.range.r2 && p.col >= t.range.c1 && p.col <= t.range.c2,
  );
}

/**
 * Groups findings by table (in the order tables were detected), then narrative, then the rest.
 * Within a group, errors come first. `filter` limits which severities are listed; counts are
 * always over all severities so that the filter never hides how many problems there are.
 */
export function groupFindings(
  findings: readonly Finding[],
  detection: Detection | null | undefined,
  filter: ReadonlySet<Severity> = new Set(SEVERITIES),
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const order: string[] = [];
  for (const t of detection?.tables ?? []) order.push(t.id);
  const ensure = (key: string, title: string, sheet?: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, title, sheet, counts: { error: 0, warning: 0, info: 0 }, items: [] };
      groups.set(key, g);
    }
    return g;
  };
  findings.forEach((f, index) => {
    let g: FindingGroup;
    if (f.family === 'narrative' || (f.sheet === null && f.line !== null)) g = ensure('__narrative', '情况说明');
    else {
      const t = tableOf(f, detection);
      if (t) g = ensure(t.id, TABLE_KIND_NAMES[t.kind] ?? t.kind, t.sheet);
      else g = ensure('__other', f.family === 'completeness' ? '完整性' : '其他');
    }
    g.counts[f.severity]++;
    if (filter.has(f.severity)) g.items.push({ index, finding: f });
  });
  const rank = (key: string) => {
    const i = order.indexOf(key);
    if (i >= 0) return i;
    return key === '__narrative' ? order.length + 1 : order.length;
  };
  const sevRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const out = [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key));
  for (const g of out) g.items.sort((a, b) => sevRank[a.finding.severity] - sevRank[b.finding.severity] || a.index - b.index);
  return out;
}

/** The visible findings in display order (what next/previous walk through). */
export function visibleOrder(groups: readonly FindingGroup[]): number[] {
  return groups.flatMap((g) => g.items.map((i) => i.index));
}

/** Next (dir=1) or previous (dir=-1) finding index in display order, wrapping around. */
export function stepFinding(order: readonly number[], current: number | null, dir: 1 | -1): number | null {
  if (order.length === 0) return null;
  const pos = current === null ? -1 : order.indexOf(current);
  if (pos < 0) return dir === 1 ? order[0] : order[order.length - 1];
  return order[(pos + dir + order.length) % order.length];
}

/** Splits 'Sheet!A1:B2' / "'My Sheet'!A1" / 'A1' into sheet and address. */
export function splitRef(ref: string, defaultSheet: string | null): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: defaultSheet, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

function rangeContains(address: string, row: number, col: number): boolean {
  const r = parseRangeA1(address.replace(/\$/g, ''));
  return !!r && row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

/**
 * The finding that matches a selection in the workbook: first a finding whose primary cell is the
 * selected cell (or lies in the selected range), else one whose related cells contain it. Among
 * several, the one in display order after `current` is chosen so repeated selection cycles through.
 */
export function matchSelection(
  findings: readonly Finding[],
  order: readonly number[],
  sheet: string,
  address: string,
): number | null {
  const sel = parseRangeA1(address.replace(/\$/g, '').split(',')[0]);
  if (!sel) return null;
  const primary: number[] = [];
  const related: number[] = [];
  for (const i of order) {
    const f = findings[i];
    if (!f || f.sheet === null) continue;
    if (f.sheet === sheet && f.cell) {
      const p = parseA1(f.cell);
      if (p && p.row >= sel.r1 && p.row <= sel.r2 && p.col >= sel.c1 && p.col <= sel.c2) {
        primary.push(i);
        continue;
      }
    }
    // Related cells only match a single-cell selection (a range selection is about primaries).
    if (sel.r1 === sel.r2 && sel.c1 === sel.c2) {
      for (const r of f.related) {
        const { sheet: rs, address: ra } = splitRef(r, f.sheet);
        if (rs === sheet && rangeContains(ra, sel.r1, sel.c1)) {
          related.push(i);
          break;
        }
      }
    }
  }
  if (primary.length) return primary[0];
  if (related.length) return related[0];
  return null;
}

export interface FixPreviewRow {
  index: number;
  /** 'Sheet!A1' */
  cell: string;
  before: string;
  after: string;
  description: string;
}

export function formatFixValue(fix: SuggestedFix): string {
  if (fix.formula) return `=${fix.formula}`;
  if (fix.value === undefined || fix.value === null) return '（空）';
  return String(fix.value);
}

function formatBefore(v: number | string | null | undefined): string {
  if (v === undefined || v === null || v === '') return '（空）';
  return String(v);
}

/** Every change 全部修正 would make, one row per finding with a fix (duplicates on one cell dropped). */
export function fixPreview(findings: readonly Finding[], indices?: readonly number[], applied: ReadonlySet<number> = new Set()): FixPreviewRow[] {
  const rows: FixPreviewRow[] = [];
  const seen = new Set<string>();
  const idx = indices ?? findings.map((_, i) => i);
  for (const i of idx) {
    const f = findings[i];
    if (!f?.fix || applied.has(i)) continue;
    const cell = `${f.fix.ref.sheet}!${a1(f.fix.ref.row, f.fix.ref.col)}`;
    if (seen.has(cell)) continue;
    seen.add(cell);
    rows.push({ index: i, cell, before: formatBefore(f.fix.previous), after: formatFixValue(f.fix), description: f.fix.description });
  }
  return rows;
}

export const DERIVED_SHEET_NAME = '指标计算';

export function derivedToOutput(d: DerivedSheet): OutputSheet {
  return { name: d.name || DERIVED_SHEET_NAME, rows: d.rows.map((r) => r.map((c) => ({ ...c }))), columnWidths: d.columnWidths };
}

export function narrativeText(n: Narrative): string {
  return [n.title, ...narrativeLines(n)].join('\n');
}

/** The cell a finding points at, as shown in the list: 'Sheet!A1', or '第 3 行' for narrative findings. */
export function findingLocation(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  if (f.line !== null && f.line !== undefined) return `第 ${f.line} 行`;
  return '';
}

/** Human text for an unknown thrown value (host errors surface as-is, never as [object Object]). */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** Office/Excel errors that mean "the sheet is protected" (codes and messages differ by host). */
export function isProtectionError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'AccessDenied') return true;
  const msg = errorText(e);
  return /protect|保护/i.test(msg);
}
