// No 得分 may exceed its 分值.
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';
import { scoreUnits, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

const n = (v: number) => fmt(v, 2).replace(/\.00$/, '');

export const rule: Rule = {
  id: 'scorecard.score-cap',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表每项得分不超过其分值',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const units = scoreUnits(sc).map((u) => ({ weights: u.weights, scores: u.scores, label: u.rows[0].level3.trim() }));
      const fr = sc.funds.total;
      if (fr?.weight && fr.score) units.push({ weights: [fr.weight], scores: [fr.score], label: '预算执行率' });
      for (const u of units) {
        const w = valueOf(u.weights);
        const s = valueOf(u.scores);
        if (w === null || s === null || u.scores.length === 0 || u.weights.length === 0) continue;
        if (s > w + 1e-9)
          out.push(findingAt(sc, u.scores[0].ref, `“${u.label}”得分 ${n(s)} 超过分值 ${n(w)}，超出 ${n(s - w)}`, { related: u.weights.map((f) => f.ref), expected: w, actual: s }));
      }
    }
    return out;
  },
};
