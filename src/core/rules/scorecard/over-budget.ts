// 全年执行数 above 全年预算数: spending beyond the adjusted budget needs an explanation (warning).
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule } from '../types';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.over-budget',
  family: 'scorecard',
  severity: 'warning',
  description: '绩效自评表全年执行数超过全年预算数',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx))
      for (const r of Object.values(sc.funds)) {
        if (!r?.executed || !r.fullBudget || r.fullBudget.form === 'blank') continue;
        const label = r.label.trim();
        out.push(
          linear({
            table: sc,
            terms: [
              { fig: r.executed, coef: 1, table: sc, label: `${label}「全年执行数」`, nonNegative: true },
              { fig: r.fullBudget, coef: -1, table: sc, label: `${label}「全年预算数」`, nonNegative: true },
            ],
            op: '<=',
            tolerance: 0.01,
            quietRounding: true,
            decimals: 2,
            what: `${label}全年执行数`,
            basis: '全年预算数',
            message: (ev) => `${label}全年执行数 ${fmt(ev.actual)} 超过全年预算数 ${fmt(ev.expected)}，超出 ${fmt(ev.actual - ev.expected)}，请核实或说明`,
          }),
        );
      }
    return out;
  },
};
