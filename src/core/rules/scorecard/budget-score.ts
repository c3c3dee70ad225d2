// 预算执行率得分 = min(执行率, 1) × 分值, where the rate may be the exact quotient or the printed rate.
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { Rule, RuleContext, RuleFinding } from '../types';
import type { ScorecardTable } from '../../tables/types';
import type { RelCell, Relation, Solution, ValueOf } from '../../diagnosis/relation';
import { figKey } from '../../diagnosis/relation';
import { scaleOf } from '../util/figures';
import { percentView } from '../util/rates';
import { findingAt } from '../util/report';
import { checkRate, divideIntervals, intervalOf } from '../util/tolerance';
import { scorecards } from '../util/ctx';
import { fundsRowCounts, points } from '../util/scorecard';
import { roundHalfUp, toHalfWidth } from '../../numbers';

/** 预算执行率得分 = min(全年执行数 ÷ 全年预算数, 1) × 分值, also accepted from a printed rate that is itself right. */
function scoreRelation(ctx: RuleContext, sc: ScorecardTable): Relation | null {
  const r = sc.funds.total;
  if (!r?.score || r.score.form === 'blank' || r.score.value === null) return null;
  if (!r.weight || r.weight.value === null || r.weight.form === 'blank') return null;
  if (!r.executed || r.executed.value === null || !r.fullBudget || !r.fullBudget.value) return null;
  const { score, weight, executed, fullBudget } = r;
  const half = scaleOf(sc).half;
  const view = percentView(ctx.workbook, r.rate, (executed.value as number) / (fullBudget.value as number) * 100);
  const bounds = (get: ValueOf) => {
    const w = get(weight);
    const e = get(executed);
    const f = get(fullBudget);
    if (w === null || e === null || f === null || f <= 0) return null;
    const exact = e / f;
    const q = divideIntervals(intervalOf(e, half), intervalOf(f, half)) ?? { lo: exact, hi: exact };
    let lo = Math.min(q.lo, 1) * w;
    let hi = Math.min(q.hi, 1) * w;
    const p = view ? get(view.fig) : null;
    if (view && p !== null && checkRate(p, view.decimals, e, f, half, half)?.verdict !== 'mismatch') {
      const ph = 0.5 * Math.pow(10, -view.decimals);
      lo = Math.min(lo, (Math.min(p - ph, 100) / 100) * w);
      hi = Math.max(hi, (Math.min(p + ph, 100) / 100) * w);
    }
    return { lo: lo - 0.005 - 1e-9, hi: hi + 0.005 + 1e-9, expected: Math.min(exact, 1) * w, w, e, f };
  };
  const label = '预算执行率得分';
  const wc = a1(weight.ref.row, weight.ref.col);
  const formula = `MIN(${a1(executed.ref.row, executed.ref.col)}/${a1(fullBudget.ref.row, fullBudget.ref.col)},1)*${wc}`;
  const cells: RelCell[] = [
    { fig: score, table: sc, label, nonNegative: true },
    { fig: weight, table: sc, label: '预算执行率分值', nonNegative: true },
    { fig: executed, table: sc, label: `${r.label.trim()}「全年执行数」`, nonNegative: true },
    { fig: fullBudget, table: sc, label: `${r.label.trim()}「全年预算数」`, nonNegative: true },
  ];
  if (view) cells.push({ fig: view.fig, table: sc, label: `${r.label.trim()}「执行率」`, nonNegative: true, decimals: view.decimals, toCell: view.toCell });
  return {
    rule: '',
    table: sc,
    anchor: score.ref,
    cells,
    statement: '预算执行率得分＝min(执行率, 100%)×分值',
    decimals: 2,
    evaluate(get) {
      const b = bounds(get);
      const s = get(score);
      if (!b || s === null) return null;
      const ok = s >= b.lo && s <= b.hi;
      return { verdict: ok ? 'equal' : 'mismatch', expected: b.expected, actual: s, tolerance: 0.005 };
    },
    solve(fig, get): Solution | null {
      const k = figKey(fig);
      if (k === figKey(score)) {
        const b = bounds(get);
        return b ? { lo: b.lo, hi: b.hi, point: roundHalfUp(b.expected, 2), exact: true } : null;
      }
      const s = get(score);
      const w = get(weight);
      const e = get(executed);
      const f = get(fullBudget);
      if (s === null || w === null || e === null || f === null || w <= 0) return null;
      const full = s >= w - 0.005;
      if (k === figKey(weight)) return e > 0 && f > 0 ? { lo: 0, hi: Infinity, point: roundHalfUp(s / Math.min(e / f, 1), 2), exact: false } : null;
      if (k === figKey(executed)) return full ? { lo: f - half, hi: Infinity, point: f, exact: false } : { lo: (s - 0.005) / w * f - half, hi: (s + 0.005) / w * f + half, point: roundHalfUp((s / w) * f, 2), exact: true };
      if (k === figKey(fullBudget)) return full ? { lo: 0, hi: e + half, point: e, exact: false } : s > 0 ? { lo: (w * e) / (s + 0.005) - half, hi: (w * e) / Math.max(s - 0.005, 1e-9) + half, point: roundHalfUp((w * e) / s, 2), exact: true } : null;
      // The printed rate only widens what is accepted: changing it cannot mend the score.
      return null;
    },
    message(ev) {
      const w = weight.value as number;
      const exact = (executed.value as number) / (fullBudget.value as number);
      return `预算执行率得分应为 ${fmt(ev.expected)}（min(执行率 ${fmt(exact * 100)}%, 100%) × 分值 ${points(w)}），实为 ${fmt(ev.actual)}，相差 ${fmt(Math.abs(ev.actual - ev.expected))}`;
    },
    formulaFor: (fig) => (figKey(fig) === figKey(score) ? formula : undefined),
  };
}

export const rule: Rule = {
  id: 'scorecard.budget-score',
  family: 'scorecard',
  severity: 'error',
  description: '预算执行率得分等于 min(执行率, 100%) × 分值',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) if (!fundsRowCounts(sc)) out.push(...indicatorRow(sc));
    return out;
  },
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx)) {
      const rel = scoreRelation(ctx, sc);
      if (rel) out.push(rel);
    }
    return out;
  },
};

/**
 * Templates that list 预算执行率 as an indicator row (实际完成值 '90%') score it the same way:
 * min(执行率, 100%) × 分值. A warning, since the row's own 评分标准 is not in the table.
 */
function indicatorRow(sc: ScorecardTable): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const ind of sc.indicators) {
    if (!/^预算执行率$/.test(ind.level3.trim()) && !(/预算执行/.test(ind.level2) && !ind.level3.trim())) continue;
    const w = ind.weight?.value;
    const s = ind.score?.value;
    if (w === null || w === undefined || s === null || s === undefined || ind.score?.form === 'blank') continue;
    const m = /^\s*(\d+(?:\.(\d+))?)\s*%\s*$/.exec(toHalfWidth(ind.actual));
    if (!m) continue;
    const pct = Number(m[1]);
    const h = 0.5 * Math.pow(10, -(m[2]?.length ?? 0));
    const lo = (Math.min(pct - h, 100) / 100) * w;
    const hi = (Math.min(pct + h, 100) / 100) * w;
    if (s >= lo - 0.005 - 1e-9 && s <= hi + 0.005 + 1e-9) continue;
    const expected = (Math.min(pct, 100) / 100) * w;
    out.push(
      findingAt(sc, ind.score!.ref, `预算执行率得分应为 ${fmt(expected)}（min(实际完成值 ${ind.actual.trim()}, 100%) × 分值 ${points(w)}），实为 ${fmt(s)}，相差 ${fmt(Math.abs(s - expected))}`, {
        severity: 'warning',
        related: [ind.actualRef, ind.weight!.ref],
        expected,
        actual: s,
      }),
    );
  }
  return out;
}
