// An indicator scored below its 分值 must explain the deviation (偏差原因分析及改进措施).
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';
import { points, scoreUnits, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.deviation-reason',
  family: 'scorecard',
  severity: 'warning',
  description: '绩效指标得分低于分值时须填写偏差原因分析及改进措施',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      for (const u of scoreUnits(sc)) {
        const w = valueOf(u.weights);
        const s = valueOf(u.scores);
        if (w === null || s === null || u.scores.length === 0 || u.scores.every((f) => f.form === 'blank')) continue;
        if (s >= w - 1e-9) continue;
        if (u.rows.some((r) => r.deviation.trim() !== '')) continue;
        const row = u.rows[0];
        out.push(
          findingAt(sc, row.deviationRef ?? u.scores[0].ref, `“${row.level3.trim()}”扣 ${points(w - s)} 分（分值 ${points(w)}，得分 ${points(s)}），未填写偏差原因分析及改进措施`, {
            related: [u.scores[0].ref, u.weights[0]?.ref],
            expected: '偏差原因',
            actual: null,
          }),
        );
      }
    }
    return out;
  },
};
