// 三公 决算合计 above 预算合计 by more than rounding: spending beyond the budget needs a reason (warning).
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { compare } from '../util/cross';

export const rule: Rule = {
  id: 'sum.three-public-over-budget',
  family: 'sum',
  severity: 'warning',
  description: '“三公”经费决算合计不超过预算合计（超出须说明原因）',
  relations(ctx) {
    const out: Relation[] = [];
    for (const t of ctx.tablesOf('three-public')) {
      const r = compare({ primary: { table: t, fig: t.actual.total }, others: [{ table: t, fig: t.budget?.total }], mode: 'atMost', what: '“三公”经费决算数「合计」', basis: '预算数「合计」' });
      if (!r) continue;
      r.message = (ev) => `“三公”经费决算合计 ${fmt(ev.actual, r.decimals)} 超过预算合计 ${fmt(ev.expected, r.decimals)}，超出 ${fmt(ev.actual - ev.expected, r.decimals)}，请核实决算数或说明超预算原因`;
      r.quietRounding = true;
      out.push(r);
    }
    return out;
  },
};
