// An indicator whose 实际完成值 misses its 年度指标值 (≥90% vs 88%, ≤4.5% vs 5%) yet has full marks.
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';
import { meetsTarget, parseMeasure, points, scoreUnits, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.target-met',
  family: 'scorecard',
  severity: 'warning',
  description: '实际完成值未达到年度指标值却得满分',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      for (const u of scoreUnits(sc)) {
        const w = valueOf(u.weights);
        const s = valueOf(u.scores);
        if (w === null || s === null || u.scores.length === 0 || w === 0 || s < w - 1e-9) continue;
        for (const ind of u.rows) {
          const t = parseMeasure(ind.target);
          const a = parseMeasure(ind.actual);
          if (!t || !a) continue;
          const ok = meetsTarget(t, a, /成本/.test(ind.level2) || /成本/.test(ind.level3));
          if (ok !== false) continue;
          out.push(
            findingAt(sc, ind.actualRef, `“${ind.level3.trim()}”实际完成值 ${ind.actual.trim()} 未达到年度指标值 ${ind.target.trim()}，却得满分 ${points(s)}`, {
              related: [ind.targetRef, u.scores[0].ref],
              expected: ind.target.trim(),
              actual: ind.actual.trim(),
            }),
          );
        }
      }
    }
    return out;
  },
};
