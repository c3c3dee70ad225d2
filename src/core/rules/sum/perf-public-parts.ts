// The 其中 rows under 公用经费 in the perf-basic-data table are parts of it: together they cannot exceed it.
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { compare } from '../util/cross';

export const rule: Rule = {
  id: 'sum.perf-public-parts',
  family: 'sum',
  severity: 'error',
  description: '绩效评价基础数据表公用经费“其中”各行之和不超过公用经费',
  relations(ctx) {
    const out: Relation[] = [];
    for (const t of ctx.tablesOf('perf-basic-data')) {
      if (!t.publicFunds || t.publicFundsParts.length === 0) continue;
      for (const [col, name] of [
        ['prior', '上年决算数'],
        ['budget', '本年预算数'],
        ['actual', '本年决算数'],
      ] as const) {
        const total = t.publicFunds[col];
        const parts = t.publicFundsParts.map((p) => p[col]).filter((f) => f);
        if (!total || parts.length === 0) continue;
        const r = compare({ primary: { table: t, fig: total }, others: parts.map((fig) => ({ table: t, fig })), mode: 'atLeast', what: `公用经费「${name}」`, basis: '其中各行之和' });
        if (r) out.push(r);
      }
    }
    return out;
  },
};
