// 全年执行数 above 全年预算数: spending beyond the adjusted budget needs an explanation (warning).
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { scorecards } from '../util/ctx';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'scorecard.over-budget',
  family: 'scorecard',
  severity: 'warning',
  description: '绩效自评表全年执行数超过全年预算数',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx))
      for (const r of Object.values(sc.funds)) {
        if (!r?.executed || r.executed.value === null || !r.fullBudget || r.fullBudget.value === null || r.fullBudget.form === 'blank') continue;
        const over = r.executed.value - r.fullBudget.value;
        if (over <= 0.01 + 1e-9) continue;
        out.push(findingAt(sc, r.executed.ref, `${r.label.trim()}全年执行数 ${fmt(r.executed.value)} 超过全年预算数 ${fmt(r.fullBudget.value)}，超出 ${fmt(over)}，请核实或说明`, { related: [r.fullBudget.ref], expected: r.fullBudget.value, actual: r.executed.value }));
      }
    return out;
  },
};
