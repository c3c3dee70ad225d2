// All 分值 (indicators, merged groups once, plus the 预算执行率 分值) add up to the 总分 分值, which is 100.
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule } from '../types';
import { distinct, fundsRowCounts, indicatorBy, isBlank, points } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.weight-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表全部分值之和等于总分分值，且总分为100分',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx)) {
      const weights = distinct([fundsRowCounts(sc) ? sc.funds.total?.weight : null, ...sc.indicators.map((i) => i.weight)]).filter((f) => f.form !== 'blank');
      if (weights.length === 0) continue;
      const byWeight = indicatorBy(sc.indicators, 'weight');
      const label = (i: number) => {
        const ind = byWeight.get(weights[i]);
        return ind ? `“${ind.level3.trim()}”分值` : '预算执行率分值';
      };
      const items = weights.map((f, i) => ({ fig: f, coef: -1, table: sc, label: label(i), nonNegative: true }));
      const tw = sc.totalRow?.weight;
      if (tw && !isBlank(tw) && tw.value !== null) {
        const twCell = { fig: tw, coef: 1, table: sc, label: '总分分值', nonNegative: true };
        out.push(linear({ table: sc, terms: [twCell, ...items], tolerance: 0, decimals: 2, what: '总分分值', basis: '各指标分值之和', message: (ev) => `总分分值应为 ${points(ev.expected)}（各指标分值之和），实为 ${points(ev.actual)}，相差 ${points(Math.abs(ev.actual - ev.expected))}` }));
        out.push(linear({ table: sc, terms: [twCell], constant: 100, tolerance: 0, decimals: 2, what: '总分分值', basis: '100 分', message: (ev) => `总分分值应为 100，实为 ${points(ev.actual)}，相差 ${points(Math.abs(ev.actual - 100))}` }));
      } else {
        out.push(
          linear({
            table: sc,
            anchorTerm: false,
            anchor: sc.totalRow?.labelRef ?? weights[0].ref,
            terms: items.map((t) => ({ ...t, coef: 1 })),
            constant: 100,
            tolerance: 0,
            decimals: 2,
            what: '各指标分值之和',
            basis: '100 分',
            message: (ev) => `各指标分值之和应为 100，实为 ${points(ev.actual)}，相差 ${points(Math.abs(ev.actual - 100))}`,
          }),
        );
      }
    }
    return out;
  },
};
