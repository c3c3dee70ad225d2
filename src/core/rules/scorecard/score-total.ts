// The 总分 得分 equals the sum of all 得分 (merged groups once, plus the 预算执行率 得分).
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { findingAt, relatedText } from '../util/report';
import { distinct, fundsRowCounts, isBlank, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.score-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表总分得分等于各项得分之和',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const ts = sc.totalRow?.score;
      if (!ts || ts.value === null) continue;
      const scores = distinct([fundsRowCounts(sc) ? sc.funds.total?.score : null, ...sc.indicators.map((i) => i.score)]);
      const sum = valueOf(scores);
      if (sum === null || scores.length === 0) continue;
      const diff = ts.value - sum;
      if (Math.abs(diff) <= 0.005 + 1e-9 && !isBlank(ts)) continue;
      const args = relatedText(scores.map((s) => s.ref), ts.ref.sheet).join(',');
      out.push(
        findingAt(sc, ts.ref, `总分得分应为 ${fmt(sum)}（各项得分之和），实为 ${isBlank(ts) ? '空白' : fmt(ts.value)}，相差 ${fmt(Math.abs(diff))}`, {
          related: scores.map((s) => s.ref),
          expected: sum,
          actual: isBlank(ts) ? null : ts.value,
          fix: { ref: ts.ref, formula: `SUM(${args})`, value: sum, previous: ts.value, description: `总分得分改为各项得分之和 ${fmt(sum)}` },
        }),
      );
    }
    return out;
  },
};
