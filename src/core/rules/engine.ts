// Runs every registered rule over the detected tables. A rule that throws becomes one info
// finding ('规则执行失败') so that one bad rule never hides the others' findings.
import { parseA1, parseRangeA1 } from '../address';
import { defaultCatalogue } from '../catalogue/catalogue';
import type { Catalogue } from '../catalogue/catalogue';
import type { Finding } from '../findings';
import { SEVERITY_ORDER } from '../findings';
import type { WorkbookSnapshot } from '../snapshot';
import type { Detection, Table, TableKind, TableOfKind } from '../tables/types';
import { RULES } from './registry';
import type { Rule, RuleContext, RuleFinding } from './types';

export interface CheckOptions {
  /** Rule ids to skip. */
  disabled?: string[];
}

export function makeContext(wb: WorkbookSnapshot, detection: Detection, catalogue: Catalogue = defaultCatalogue()): RuleContext {
  const byKind = new Map<TableKind, Table[]>();
  // Tables on visible sheets first: a hidden sheet often keeps a stale copy of a table, which must
  // not become the one the cross-table checks compare against.
  const hidden = new Set(wb.sheets.filter((s) => s.hidden).map((s) => s.name));
  const ordered = [...detection.tables.filter((t) => !hidden.has(t.sheet)), ...detection.tables.filter((t) => hidden.has(t.sheet))];
  for (const t of ordered) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  return {
    workbook: wb,
    detection,
    catalogue,
    tablesOf: <K extends TableKind>(kind: K) => (byKind.get(kind) ?? []) as TableOfKind<K>[],
    table: <K extends TableKind>(kind: K) => ((byKind.get(kind) ?? [])[0] ?? null) as TableOfKind<K> | null,
  };
}

/** Fill the rule's metadata into its findings. */
export function completeFinding(rule: Rule, f: RuleFinding): Finding {
  return {
    ...f,
    rule: rule.id,
    family: rule.family,
    severity: f.severity ?? rule.severity,
    line: f.line ?? null,
    related: f.related ?? [],
  };
}

/** Run one rule, turning an exception into a single info finding. */
export function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  try {
    return rule.check(ctx).map((f) => completeFinding(rule, f));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return [
      {
        rule: rule.id,
        family: rule.family,
        severity: 'info',
        sheet: null,
        cell: null,
        related: [],
        line: null,
        message: `规则执行失败：${rule.description}（${reason}），本项检查未完成，请人工核对`,
      },
    ];
  }
}

export function runChecks(wb: WorkbookSnapshot, detection: Detection, opts: CheckOptions = {}, rules: Rule[] = RULES): Finding[] {
  const ctx = makeContext(wb, detection);
  const disabled = new Set(opts.disabled ?? []);
  const all: Finding[] = [];
  for (const rule of rules) if (!disabled.has(rule.id)) all.push(...runRule(rule, ctx));
  return sortFindings(linkEvidence(dedupe(all)), wb);
}

/**
 * A broken total whose culprit the table alone cannot tell (no fix offered) while a cross-table
 * error on one of its items accounts for the whole difference: say so, and list that cell first.
 */
export function linkEvidence(findings: Finding[]): Finding[] {
  const cross = findings.filter((f) => f.family === 'cross' && f.severity === 'error' && typeof f.expected === 'number' && typeof f.actual === 'number' && f.sheet && f.cell);
  if (cross.length === 0) return findings;
  return findings.map((f) => {
    if (f.family !== 'sum' || f.severity !== 'error' || f.fix || typeof f.expected !== 'number' || typeof f.actual !== 'number' || !f.sheet) return f;
    const d = f.actual - f.expected;
    const inRange = (cell: string) => f.related.some((r) => !r.includes('!') && covers(r, cell));
    const c = cross.find((x) => x.sheet === f.sheet && inRange(x.cell as string) && Math.abs(d + ((x.actual as number) - (x.expected as number))) <= 0.005 * (f.related.length + 2) + 1e-9);
    if (!c) return f;
    return { ...f, related: [c.cell as string, ...f.related], message: `${f.message}；表间核对显示 ${c.cell} 与其他表不符且正好相差此数，应先核对 ${c.cell}` };
  });
}

function covers(range: string, cell: string): boolean {
  const r = parseRangeA1(range);
  const p = parseA1(cell);
  return !!r && !!p && p.row >= r.r1 && p.row <= r.r2 && p.col >= r.c1 && p.col <= r.c2;
}

/** Same rule, same cell, same message: reported once. */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = `${f.rule}\u0000${f.sheet}\u0000${f.cell}\u0000${f.line}\u0000${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

/** Severity first, then workbook order: sheet, row, column; then rule id. */
export function sortFindings(findings: Finding[], wb: WorkbookSnapshot): Finding[] {
  const sheetIndex = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const pos = (f: Finding) => {
    const p = f.cell ? parseA1(f.cell) : null;
    return { s: f.sheet === null ? -1 : sheetIndex.get(f.sheet) ?? 9999, r: p?.row ?? -1, c: p?.col ?? -1 };
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.p.s - b.p.s || a.p.r - b.p.r || a.p.c - b.p.c || (a.f.line ?? 0) - (b.f.line ?? 0) || a.f.rule.localeCompare(b.f.rule) || a.i - b.i)
    .map((x) => x.f);
}
