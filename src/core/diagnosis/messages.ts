// Findings out of a diagnosis, in the officer's words: the wrong cell, the figure it should hold,
// and the relations it upsets (此数导致 3 处不符：…); or, when the figures cannot tell, the cells
// that could be wrong; or the broken relation on its own.
import { a1 } from '../address';
import type { CellRef } from '../address';
import type { BrokenRelation, Severity, SuggestedFix } from '../findings';
import { SEVERITY_ORDER } from '../findings';
import { fmt } from '../numbers';
import { TABLE_KIND_NAMES } from '../tables/types';
import type { Table } from '../tables/types';
import type { RuleFinding } from '../rules/types';
import { findingAt, mismatchMessage } from '../rules/util/report';
import type { Problem } from './problem';
import { cellDecimals } from './problem';
import type { Relation, RelationEval } from './relation';
import { figKey, refKey } from './relation';

/** A finding the diagnosis produced, with the rule it is filed under. */
export type DiagnosisFinding = RuleFinding & { rule: string; severity: Severity };

export type SeverityOf = (r: Relation) => Severity;

export function tableTitle(t: Table): string {
  if ((t.kind === 'perf-project-scorecard' || t.kind === 'perf-dept-scorecard') && t.name.trim()) return `${TABLE_KIND_NAMES[t.kind]}「${t.name.trim()}」`;
  return TABLE_KIND_NAMES[t.kind];
}

/** '支出决算表 208 社会保障和就业支出「基本支出」': the table, the row and the column of a cell. */
export function cellLabel(p: Problem, key: string): string {
  const c = p.cell(key);
  const base = c.label ?? a1(c.fig.ref.row, c.fig.ref.col);
  if (!c.table || /表/.test(base) || base.startsWith('补充信息')) return base;
  return `${tableTitle(c.table)} ${base}`;
}

/** 'C9' on the anchor's sheet, 'Sheet!C9' elsewhere. */
function cellName(ref: CellRef, sheet: string): string {
  return (ref.sheet === sheet ? '' : `${ref.sheet}!`) + a1(ref.row, ref.col);
}

const REL = { '=': '≠', lt: '<', gt: '>' };

/** '合计「本年支出合计」＝各类之和（878.77 ≠ 877.77）'. */
export function brokenText(r: Relation, ev: RelationEval): string {
  const d = r.decimals;
  const sign = r.statement.includes('≥') ? REL.lt : r.statement.includes('≤') ? REL.gt : REL['='];
  return `${r.statement}（${fmt(ev.actual, d)} ${sign} ${fmt(ev.expected, d)}）`;
}

export function maxSeverity(rels: Relation[], severityOf: SeverityOf): Severity {
  return rels.map(severityOf).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])[0] ?? 'error';
}

function relatedOf(rels: Relation[], except: string[]): CellRef[] {
  const skip = new Set(except);
  const out: CellRef[] = [];
  for (const r of rels) {
    for (const c of r.cells) if (!skip.has(figKey(c.fig))) out.push(c.fig.ref);
    if (!skip.has(refKey(r.anchor))) out.push(r.anchor);
    for (const x of r.related ?? []) out.push(x);
  }
  return out;
}

/** One finding for a cell the diagnosis names: what it should be, and what it upsets. */
export function culpritFinding(p: Problem, key: string, value: number, rels: Relation[], severityOf: SeverityOf): DiagnosisFinding {
  const c = p.cell(key);
  const fig = c.fig;
  const d = cellDecimals(p, key);
  const label = cellLabel(p, key);
  const blank = fig.form === 'blank' && value !== 0;
  // Filed under the equality this cell is the total (or primary side) of, else the first equality.
  const anchoredHere = (r: Relation) => r.anchor.sheet === fig.ref.sheet && r.anchor.row === fig.ref.row && r.anchor.col === fig.ref.col;
  const main = rels.find((r) => !r.bound && anchoredHere(r)) ?? rels.find(anchoredHere) ?? rels.find((r) => !r.bound) ?? rels[0];
  const texts: BrokenRelation[] = rels.map((r) => ({ rule: r.rule, text: brokenText(r, p.evals.get(r) as RelationEval) }));
  const upset = texts.length === 1 ? `此数使“${texts[0].text}”不成立` : `此数导致 ${texts.length} 处不符：${texts.map((t, i) => `${i + 1}. ${t.text}`).join('；')}`;
  // A total left at zero while its items hold money reads as unfilled, not as a difference.
  const zeroTotal = !blank && fig.value === 0 && value !== 0 && rels.some(anchoredHere);
  const head = blank ? `${label}未填写，应为 ${fmt(value, d)}` : zeroTotal ? `${label}未填（为零），应为 ${fmt(value, d)}` : mismatchMessage(label, value, fig.value as number, d);
  const message = `${head}。${upset}。改为 ${fmt(value, d)} 后${texts.length === 1 ? '即' : '以上各处均'}相符`;
  const formula = main.formulaFor?.(fig) ?? rels.map((r) => r.formulaFor?.(fig)).find((f) => f);
  const fix: SuggestedFix = { ref: fig.ref, value: c.toCell ? c.toCell(value) : value, previous: fig.value ?? fig.text ?? null, description: `${label}${blank ? '填为' : '改为'} ${fmt(value, d)}` };
  if (formula) fix.formula = formula;
  const severity: Severity = blank ? 'warning' : maxSeverity(rels, severityOf);
  return {
    ...findingAt(c.table, fig.ref, message, { related: relatedOf(rels, [key]), expected: value, actual: blank ? null : fig.value, fix }),
    rule: main.rule,
    severity,
    breaks: texts,
  };
}

/** One finding for broken relations that any of several cells would mend: the candidates, no fix. */
export function ambiguousFinding(p: Problem, rels: Relation[], candidates: string[], severityOf: SeverityOf): DiagnosisFinding {
  const main = rels[0];
  const ev = p.evals.get(main) as RelationEval;
  const labels = candidates.map((k) => `${cellLabel(p, k)}（${cellName(p.cell(k).fig.ref, main.anchor.sheet)}）`);
  const what = rels.length > 1 ? `；另有 ${rels.length - 1} 处因同一数不符：${rels.slice(1).map((r) => brokenText(r, p.evals.get(r) as RelationEval)).join('；')}` : '';
  const message = `${main.message(ev)}${what}。无法确定是哪一格有误：${labels.join('、')}中任一格改正均可使${rels.length > 1 ? '各处' : '此处'}相符，请核对原始数据后修改`;
  return {
    ...findingAt(main.table, main.anchor, message, { related: relatedOf(rels, []), expected: ev.expected, actual: ev.actual }),
    rule: main.rule,
    severity: maxSeverity(rels, severityOf),
    candidates: candidates.map((k) => cellName(p.cell(k).fig.ref, main.anchor.sheet)),
    breaks: rels.map((r) => ({ rule: r.rule, text: brokenText(r, p.evals.get(r) as RelationEval) })),
  };
}

/** A relation reported on its own: today's message on its anchor (rounding notes too). */
export function relationFinding(p: Problem, r: Relation, severityOf: SeverityOf): DiagnosisFinding {
  const ev = p.evals.get(r) as RelationEval;
  const severity: Severity = ev.verdict === 'mismatch' ? severityOf(r) : 'info';
  const f = findingAt(r.table, r.anchor, r.message(ev), { related: relatedOf([r], [refKey(r.anchor)]), expected: ev.expected, actual: ev.actual, fix: ev.verdict === 'mismatch' ? r.ownFix?.(ev) : undefined });
  return { ...f, rule: r.rule, severity };
}
