// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column. A total left blank or zero while
// its 其中 rows hold money is the one to fill (the diagnosis prefers an empty total).
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { equationRelation } from '../util/equations';
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
      for (const e of tableEquations(sc)) {
        if (e.group !== 'scorecard-funds') continue;
        const rel = equationRelation(e);
        // Money amounts of a scorecard are never negative: a 上年结转 of −X is no repair.
        for (const c of rel.cells) c.nonNegative = true;
        const own = rel.message;
        rel.message = (ev) => {
          const m = own(ev);
          const empty = e.total.form === 'blank' || e.total.value === 0;
          return empty && ev.expected !== 0 && ev.verdict === 'mismatch' ? `${e.what}未填（为${e.total.form === 'blank' ? '空白' : '零'}），其中各项合计 ${fmt(ev.expected)}：${m}` : m;
        };
        out.push(rel);
      }
    return out;
  },
};
