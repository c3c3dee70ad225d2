// No 得分 may exceed its 分值; the 总分 得分 may not exceed the 总分 分值 (or 100).
import type { Figure } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule } from '../types';
import { isBlank, points, scoreUnits } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.score-cap',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表每项得分不超过其分值，总分得分不超过总分分值',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx)) {
      const units: { weights: Figure[]; scores: Figure[]; label: string }[] = scoreUnits(sc).map((u) => ({ weights: u.weights, scores: u.scores, label: u.rows[0].level3.trim() }));
      const fr = sc.funds.total;
      if (fr?.weight && fr.score) units.push({ weights: [fr.weight], scores: [fr.score], label: '预算执行率' });
      for (const u of units) {
        if (u.scores.length === 0 || u.weights.length === 0) continue;
        const terms = [...u.scores.map((f) => ({ fig: f, coef: 1, table: sc, label: `“${u.label}”得分`, nonNegative: true })), ...u.weights.map((f) => ({ fig: f, coef: -1, table: sc, label: `“${u.label}”分值`, nonNegative: true }))];
        out.push(linear({ table: sc, terms, op: '<=', tolerance: 0, decimals: 2, what: `“${u.label}”得分`, basis: '分值', message: (ev) => `“${u.label}”得分 ${points(ev.actual)} 超过分值 ${points(ev.expected)}，超出 ${points(ev.actual - ev.expected)}` }));
      }
      const ts = sc.totalRow?.score;
      if (!ts || isBlank(ts)) continue;
      const tw = sc.totalRow?.weight;
      const cap = tw && !isBlank(tw) ? tw : null;
      const terms = [{ fig: ts, coef: 1, table: sc, label: '总分得分', nonNegative: true }, ...(cap ? [{ fig: cap, coef: -1, table: sc, label: '总分分值', nonNegative: true }] : [])];
      out.push(linear({ table: sc, terms, op: '<=', constant: cap ? 0 : 100, tolerance: 0, decimals: 2, what: '总分得分', basis: cap ? '总分分值' : '100 分', message: (ev) => `总分得分 ${points(ev.actual)} 超过${cap ? '总分分值' : '满分'} ${points(ev.expected)}，超出 ${points(ev.actual - ev.expected)}` }));
    }
    return out;
  },
};
