// Runs every registered rule over the detected tables. Rules give findings of their own (check)
// and relations between figures (relations); the relations of all rules are diagnosed together
// (src/core/diagnosis), so one wrong cell is one finding on that cell. Every offered fix is then
// proven on a copy of the workbook (diagnosis/prove.ts). A rule that throws becomes one info
// finding ('规则执行失败') so that one bad rule never hides the others' findings.
import { parseA1, parseRangeA1 } from '../address';
import { defaultCatalogue } from '../catalogue/catalogue';
import type { Catalogue } from '../catalogue/catalogue';
import type { Finding, Severity } from '../findings';
import { SEVERITY_ORDER } from '../findings';
import type { WorkbookSnapshot } from '../snapshot';
import type { Detection, Table, TableKind, TableOfKind } from '../tables/types';
import { diagnose } from '../diagnosis/diagnose';
import type { Fold } from '../diagnosis/diagnose';
import type { DiagnosisFinding } from '../diagnosis/messages';
import { proveFixes } from '../diagnosis/prove';
import type { Relation } from '../diagnosis/relation';
import { plainValue } from '../diagnosis/relation';
import { AFTER, BEFORE } from '../diagnosis/structural/index';
import { RULES } from './registry';
import type { Rule, RuleContext, RuleFinding } from './types';

export interface CheckOptions {
  /** Rule ids to skip. */
  disabled?: string[];
  /** Re-check every offered fix on a copy of the workbook and keep only the safe ones (default true). */
  proveFixes?: boolean;
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
export function completeFinding(rule: Pick<Rule, 'id' | 'family' | 'severity'>, f: RuleFinding): Finding {
  return {
    ...f,
    rule: rule.id,
    family: rule.family,
    severity: f.severity ?? rule.severity,
    line: f.line ?? null,
    related: f.related ?? [],
  };
}

function failure(rule: Rule, err: unknown): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  return { rule: rule.id, family: rule.family, severity: 'info', sheet: null, cell: null, related: [], line: null, message: `规则执行失败：${rule.description}（${reason}），本项检查未完成，请人工核对` };
}

interface Collected {
  direct: Finding[];
  /** Every relation, or — when none is broken — only those that do not hold exactly. */
  relations: Relation[];
}

/** Each rule's relations, tagged with the rule; a rule that throws becomes one info finding. */
function eachRelation(rules: Rule[], ctx: RuleContext, direct: Finding[], fn: (r: Relation) => void): void {
  for (const rule of rules) {
    if (!rule.relations) continue;
    try {
      for (const r of rule.relations(ctx)) {
        r.rule = rule.id;
        fn(r);
      }
    } catch (err) {
      direct.push(failure(rule, err));
    }
  }
}

/**
 * A clean workbook needs no diagnosis: relations are evaluated as they are declared and only those
 * with a difference are passed on. When one is broken, the diagnosis weighs all of them: they are
 * declared once and kept for that case.
 */
function collect(rules: Rule[], ctx: RuleContext): Collected {
  const direct: Finding[] = [];
  for (const rule of rules) {
    if (!rule.check) continue;
    try {
      for (const f of rule.check(ctx)) direct.push(completeFinding(rule, f));
    } catch (err) {
      direct.push(failure(rule, err));
    }
  }
  const all: Relation[] = [];
  const noted: Relation[] = [];
  let broken = false;
  eachRelation(rules, ctx, direct, (r) => {
    all.push(r);
    const v = r.quick ? r.quick(plainValue) : r.evaluate(plainValue)?.verdict;
    if (v === 'mismatch') broken = true;
    if (v === 'mismatch' || v === 'rounding') noted.push(r);
  });
  return { direct, relations: broken ? all : noted };
}

function diagnosed(rules: Rule[], ctx: RuleContext, c: Collected): Finding[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const severityOf = (r: Relation): Severity => r.severity ?? byId.get(r.rule)?.severity ?? 'error';
  const { findings, folds } = diagnose(ctx, c.relations, severityOf, { before: BEFORE, detectors: AFTER });
  const out = findings.map((f: DiagnosisFinding) => completeFinding(byId.get(f.rule) as Rule, f));
  return [...out, ...fold(c.direct, folds, out, findings)];
}

/** Drop findings of other rules that a diagnosis finding accounts for, naming them in it. */
function fold(direct: Finding[], folds: Fold[], complete: Finding[], raw: DiagnosisFinding[]): Finding[] {
  if (folds.length === 0) return direct;
  // Related cells come compressed ('G19:H19', 'Sheet!C6'): every cell they cover.
  const keysOf = (sheet: string, text: string): string[] => {
    const bang = text.lastIndexOf('!');
    const s = bang >= 0 ? text.slice(0, bang).replace(/^'|'$/g, '') : sheet;
    const r = parseRangeA1(bang >= 0 ? text.slice(bang + 1) : text);
    if (!r || (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 400) return [];
    const out: string[] = [];
    for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) out.push(`${s}!${row},${col}`);
    return out;
  };
  return direct.filter((f) => {
    if (!f.sheet || !f.cell) return true;
    const k = keysOf(f.sheet, f.cell)[0];
    const rel = f.related.flatMap((r) => keysOf(f.sheet as string, r));
    const hit = folds.find((x) => x.rules.test(f.rule) && (x.cells.has(k) || (x.viaRelated && rel.some((r) => x.cells.has(r))) || (!!f.tableId && !!x.tables?.has(f.tableId))));
    if (!hit) return true;
    const into = complete[raw.indexOf(hit.into)];
    into.breaks = [...(into.breaks ?? []), { rule: f.rule, text: f.message }];
    return false;
  });
}

/** Every relation the rules declare for a workbook (what the diagnosis reasons over). */
export function relationsOf(wb: WorkbookSnapshot, detection: Detection, rules: Rule[] = RULES): Relation[] {
  const out: Relation[] = [];
  eachRelation(rules, makeContext(wb, detection), [], (r) => out.push(r));
  return out;
}

/** Run one rule on its own (its relations diagnosed among themselves), turning an exception into one info finding. */
export function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  const c = collect([rule], ctx);
  return diagnosed([rule], ctx, c);
}

export function runChecks(wb: WorkbookSnapshot, detection: Detection, opts: CheckOptions = {}, rules: Rule[] = RULES): Finding[] {
  const ctx = makeContext(wb, detection);
  const disabled = new Set(opts.disabled ?? []);
  const enabled = rules.filter((r) => !disabled.has(r.id));
  const findings = sortFindings(dedupe(diagnosed(enabled, ctx, collect(enabled, ctx))), wb);
  if (opts.proveFixes === false || !findings.some((f) => f.fix)) return findings;
  return proveFixes(wb, detection, findings, (w, d) => runChecks(w, d, { ...opts, proveFixes: false }, rules));
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
