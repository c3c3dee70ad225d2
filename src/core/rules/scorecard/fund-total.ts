// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column. A total left blank or zero while
// its 其中 rows hold money is the one to fill (the diagnosis prefers an empty total).
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { tableEquations } from '../util/table-equations';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.fund-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表年度资金总额等于当年财政拨款＋上年结转资金＋其他资金（逐列）',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx))
      for (const rel of tableEquations(sc)) {
        if (rel.eq.group !== 'scorecard-funds') continue;
        rel.nonNegative = true;
        rel.emptyNote = true;
        out.push(rel);
      }
    return out;
  },
};
