// The 总分 得分 equals the sum of all 得分 (merged groups once, plus the 预算执行率 得分).
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule } from '../types';
import { relatedText } from '../util/report';
import { distinct, fundsRowCounts, indicatorBy, isBlank } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.score-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表总分得分等于各项得分之和',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx)) {
      const ts = sc.totalRow?.score;
      if (!ts || ts.value === null) continue;
      const scores = distinct([fundsRowCounts(sc) ? sc.funds.total?.score : null, ...sc.indicators.map((i) => i.score)]);
      if (scores.length === 0) continue;
      const byScore = indicatorBy(sc.indicators, 'score');
      const label = (i: number) => {
        const ind = byScore.get(scores[i]);
        return ind ? `“${ind.level3.trim()}”得分` : '预算执行率得分';
      };
      out.push(
        linear({
          table: sc,
          terms: [{ fig: ts, coef: 1, table: sc, label: '总分得分', nonNegative: true }, ...scores.map((f, i) => ({ fig: f, coef: -1, table: sc, label: label(i), nonNegative: true }))],
          tolerance: 0.005,
          decimals: 2,
          what: '总分得分',
          basis: '各项得分之和',
          message: (ev) => `总分得分应为 ${fmt(ev.expected)}（各项得分之和），实为 ${isBlank(ts) ? '空白' : fmt(ev.actual)}，相差 ${fmt(Math.abs(ev.actual - ev.expected))}`,
          formulaFor: (fig) => (fig === ts ? `SUM(${relatedText(scores.map((s) => s.ref), ts.ref.sheet).join(',')})` : undefined),
        }),
      );
    }
    return out;
  },
};
