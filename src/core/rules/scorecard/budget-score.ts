// 预算执行率得分 = min(执行率, 1) × 分值, where the rate may be the exact quotient or the printed rate.
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import type { ScorecardTable } from '../../tables/types';
import { readPercent, scaleOf } from '../util/figures';
import { findingAt } from '../util/report';
import { checkRate, divideIntervals, intervalOf } from '../util/tolerance';
import { scorecards } from '../util/ctx';
import { fundsRowCounts } from '../util/scorecard';
import { toHalfWidth } from '../../numbers';

export const rule: Rule = {
  id: 'scorecard.budget-score',
  family: 'scorecard',
  severity: 'error',
  description: '预算执行率得分等于 min(执行率, 100%) × 分值',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      if (!fundsRowCounts(sc)) out.push(...indicatorRow(sc));
      const r = sc.funds.total;
      if (!r?.score || r.score.form === 'blank' || r.score.value === null) continue;
      if (!r.weight || r.weight.value === null || r.weight.form === 'blank') continue;
      if (!r.executed || r.executed.value === null || !r.fullBudget || !r.fullBudget.value) continue;
      const w = r.weight.value;
      const half = scaleOf(sc).half;
      const exact = r.executed.value / r.fullBudget.value;
      const q = divideIntervals(intervalOf(r.executed.value, half), intervalOf(r.fullBudget.value, half)) ?? { lo: exact, hi: exact };
      let lo = Math.min(q.lo, 1) * w;
      let hi = Math.min(q.hi, 1) * w;
      const p = readPercent(ctx.workbook, r.rate, exact * 100);
      const printedOk = p ? checkRate(p.pct, p.decimals, r.executed.value, r.fullBudget.value, half, half)?.verdict !== 'mismatch' : false;
      if (p && printedOk) {
        // Scoring from the printed rate is accepted too, when that rate is itself right.
        const ph = 0.5 * Math.pow(10, -p.decimals);
        lo = Math.min(lo, (Math.min(p.pct - ph, 100) / 100) * w);
        hi = Math.max(hi, (Math.min(p.pct + ph, 100) / 100) * w);
      }
      const s = r.score.value;
      if (s >= lo - 0.005 - 1e-9 && s <= hi + 0.005 + 1e-9) continue;
      const expected = Math.min(exact, 1) * w;
      const e = a1(r.executed.ref.row, r.executed.ref.col);
      const b = a1(r.fullBudget.ref.row, r.fullBudget.ref.col);
      const wc = a1(r.weight.ref.row, r.weight.ref.col);
      out.push(
        findingAt(sc, r.score.ref, `预算执行率得分应为 ${fmt(expected)}（min(执行率 ${fmt(exact * 100)}%, 100%) × 分值 ${fmt(w, 2).replace(/\.00$/, '')}），实为 ${fmt(s)}，相差 ${fmt(Math.abs(s - expected))}`, {
          related: [r.executed.ref, r.fullBudget.ref, r.weight.ref, r.rate?.ref],
          expected,
          actual: s,
          fix: { ref: r.score.ref, formula: `MIN(${e}/${b},1)*${wc}`, value: Number(expected.toFixed(2)), previous: s, description: `预算执行率得分改为 ${fmt(expected)}` },
        }),
      );
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
      findingAt(sc, ind.score!.ref, `预算执行率得分应为 ${fmt(expected)}（min(实际完成值 ${ind.actual.trim()}, 100%) × 分值 ${fmt(w, 2).replace(/\.00$/, '')}），实为 ${fmt(s)}，相差 ${fmt(Math.abs(s - expected))}`, {
        severity: 'warning',
        related: [ind.actualRef, ind.weight!.ref],
        expected,
        actual: s,
      }),
    );
  }
  return out;
}
