// All 分值 (indicators, merged groups once, plus the 预算执行率 分值) add up to the 总分 分值, which is 100.
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';
import { distinct, fundsRowCounts, isBlank, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

const n = (v: number) => fmt(v, 2).replace(/\.00$/, '');

export const rule: Rule = {
  id: 'scorecard.weight-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表全部分值之和等于总分分值，且总分为100分',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const weights = distinct([fundsRowCounts(sc) ? sc.funds.total?.weight : null, ...sc.indicators.map((i) => i.weight)]).filter((f) => f.form !== 'blank');
      const sum = valueOf(weights);
      if (sum === null || weights.length === 0) continue;
      const tw = sc.totalRow?.weight;
      if (tw && !isBlank(tw) && tw.value !== null) {
        if (Math.abs(tw.value - sum) > 1e-6)
          out.push(findingAt(sc, tw.ref, `总分分值应为 ${n(sum)}（各指标分值之和），实为 ${n(tw.value)}，相差 ${n(Math.abs(tw.value - sum))}`, { related: weights.map((w) => w.ref), expected: sum, actual: tw.value }));
        if (Math.abs(tw.value - 100) > 1e-6) out.push(findingAt(sc, tw.ref, `总分分值应为 100，实为 ${n(tw.value)}，相差 ${n(Math.abs(tw.value - 100))}`, { expected: 100, actual: tw.value }));
      } else if (Math.abs(sum - 100) > 1e-6) {
        const anchor = sc.totalRow?.labelRef ?? weights[0].ref;
        out.push(findingAt(sc, anchor, `各指标分值之和应为 100，实为 ${n(sum)}，相差 ${n(Math.abs(sum - 100))}`, { related: weights.map((w) => w.ref), expected: 100, actual: sum }));
      }
    }
    return out;
  },
};
