// The diagnosis over the whole workbook. Every relation every rule declares is evaluated; the
// broken ones are grouped by shared cells, and each group is explained by the fewest cells whose
// change makes every relation hold (one finding per such cell, folding the relations it upsets),
// by a structural fault (one finding), or — when nothing small explains it — reported as is.
import type { CellRef } from '../address';
import type { RuleContext } from '../rules/types';
import type { DiagnosisFinding, SeverityOf } from './messages';
import { ambiguousFinding, culpritFinding, relationFinding } from './messages';
import type { Problem } from './problem';
import { buildProblem } from './problem';
import type { Relation } from './relation';
import { figKey, refKey } from './relation';
import type { Diagnosis } from './search';
import { components, minimalDiagnoses } from './search';
import type { Detector } from './structural/types';

export interface Fold {
  cells: Set<string>;
  rules: RegExp;
  into: DiagnosisFinding;
  /** Also fold findings that name one of the cells among their related cells. */
  viaRelated?: boolean;
  /** Also fold findings about these whole tables (by table id). */
  tables?: Set<string>;
}

/** Findings of other rules that follow from a wrong score or weight (扣分 without reason, 满分 below target, blank). */
const FOLLOWERS = /^scorecard\.(deviation-reason|target-met|required-fields)$/;

export interface DiagnosisOutput {
  findings: DiagnosisFinding[];
  /** Findings of other rules to fold into a diagnosis finding (same cell, matching rule). */
  folds: Fold[];
}

export interface DiagnoseOptions {
  /** Largest set of wrong cells searched for (more and the relations are reported as they are). */
  maxSize?: number;
  /** Consistency checks allowed per group of broken relations. */
  budget?: number;
  /** Consistency checks allowed in all (a workbook in pieces is reported as it is, not searched for minutes). */
  totalBudget?: number;
  /** Structural faults tested before any single cell is blamed (their shape is unmistakable). */
  before?: Detector[];
  /** Structural faults tested on what no single cell explains. */
  detectors?: Detector[];
}

const SCORECARDS = new Set(['perf-dept-scorecard', 'perf-project-scorecard']);

export function diagnose(ctx: RuleContext, relations: Relation[], severityOf: SeverityOf, opts: DiagnoseOptions = {}): DiagnosisOutput {
  const maxSize = opts.maxSize ?? 3;
  const budget = opts.budget ?? 20000;
  const shared = { left: opts.totalBudget ?? 100000 };
  const p = buildProblem(relations);
  const findings: DiagnosisFinding[] = [];
  const folds: Fold[] = [];
  for (const [r, ev] of p.evals) if (ev.verdict === 'rounding' && !r.quietRounding) findings.push(relationFinding(p, r, severityOf));

  const report = (ds: Diagnosis[], group: Relation[]): boolean => {
    const best = ds.length > 1 ? tieBreak(p, ds, group) : ds;
    if (best.length === 1) {
      const d = best[0];
      for (const k of d.cells) {
        let rels = group.filter((r) => r.cells.some((c) => figKey(c.fig) === k));
        // A cell changed only so that another culprit's fix leaves its total intact.
        if (rels.length === 0) rels = [...d.assignment.touched].filter((r) => r.cells.some((c) => figKey(c.fig) === k));
        const v = d.assignment.values.get(k) as number;
        const f = culpritFinding(p, k, v, rels, severityOf);
        findings.push(f);
        folds.push({ cells: new Set([k]), rules: FOLLOWERS, into: f, viaRelated: true });
        // A stray figure in a table noted as empty: the note's contradiction is the same slip.
        const t = p.cell(k).table;
        if (v === 0 && t) folds.push({ cells: new Set(), rules: /^completeness\.empty-note$/, into: f, tables: new Set([t.id]) });
      }
      return true;
    }
    if (best[0].cells.length === 1) {
      const f = ambiguousFinding(p, group, best.map((d) => d.cells[0]), severityOf);
      findings.push(f);
      folds.push({ cells: new Set(best.map((d) => d.cells[0])), rules: FOLLOWERS, into: f, viaRelated: true });
      return true;
    }
    return false;
  };

  const explained = new Set<Relation>();
  const runDetectors = (dets: Detector[], broken: Relation[]) => {
    for (const det of dets) {
      const rest = broken.filter((r) => !explained.has(r));
      if (rest.length === 0) return;
      for (const res of det({ ctx, problem: p, broken: rest, severityOf })) {
        findings.push(res.finding);
        for (const r of res.explains) explained.add(r);
        if (res.fold) folds.push({ cells: new Set(res.fold.cells.map(refKey)), rules: res.fold.rules, into: res.finding });
      }
    }
  };
  // Faults with a shape of their own first (a subtotal repeated as an item, a rate on the wrong base).
  runDetectors(opts.before ?? [], p.broken);
  // Then one wrong cell per group of broken relations.
  const hard: Relation[] = [];
  for (const group of components(p.broken.filter((r) => !explained.has(r)), p)) {
    // Only bounds broken (决算 above 预算, a part above its whole): a fact to explain, not a slip to fix.
    if (group.every((r) => r.bound)) {
      hard.push(...group);
      continue;
    }
    const single = minimalDiagnoses(p, group, { maxSize: 1, budget, shared });
    if (single.length === 0 || !report(single, group)) hard.push(...group);
  }
  // What no single cell explains: shifted columns, miscoded rows, a 合计 row from elsewhere.
  runDetectors(opts.detectors ?? [], hard);
  for (const group of components(hard.filter((r) => !explained.has(r)), p)) {
    const ds = group.every((r) => r.bound) ? [] : minimalDiagnoses(p, group, { maxSize, budget, shared }, 2);
    if (ds.length > 0 && report(ds, group)) continue;
    for (const r of group) findings.push(relationFinding(p, r, severityOf));
  }
  return { findings, folds };
}

/**
 * Equally small diagnoses: prefer filling a 合计 left empty while its items hold money, then a
 * 得分 left blank, then values that agree exactly with their copy in another table. Still tied:
 * the figures cannot tell.
 */
function tieBreak(p: Problem, ds: Diagnosis[], group: Relation[]): Diagnosis[] {
  const score = (d: Diagnosis): number[] => {
    let emptyTotal = 0;
    let blankScore = 0;
    let copies = 0;
    const get = (f: { ref: CellRef; value: number | null }) => d.assignment.values.get(refKey(f.ref)) ?? f.value;
    for (const k of d.cells) {
      const c = p.cell(k);
      const v = d.assignment.values.get(k) ?? 0;
      if ((c.fig.value ?? 0) === 0 && v !== 0 && group.some((r) => refKey(r.anchor) === k)) emptyTotal++;
      if (c.fig.form === 'blank' && c.table && SCORECARDS.has(c.table.kind) && /得分/.test(c.label ?? '')) blankScore++;
    }
    for (const r of d.assignment.touched) if (r.copy && r.evaluate(get)?.verdict === 'equal') copies++;
    return [emptyTotal, blankScore, copies];
  };
  const scored = ds.map((d) => ({ d, s: score(d) }));
  const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const top = scored.reduce((m, x) => (cmp(x.s, m) > 0 ? x.s : m), scored[0].s);
  return scored.filter((x) => cmp(x.s, top) === 0).map((x) => x.d);
}

