// The summary's three 财政拨款收入 lines equal the fiscal-summary's income lines.
import type { FundKey, SummaryIncomeKey } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

const PAIRS: [SummaryIncomeKey, FundKey, string][] = [
  ['fiscalGeneral', 'general', '一般公共预算财政拨款收入'],
  ['fiscalGovFund', 'govFund', '政府性基金预算财政拨款收入'],
  ['fiscalStateCapital', 'stateCapital', '国有资本经营预算财政拨款收入'],
];

export const rule: Rule = {
  id: 'cross.summary-fiscal-income',
  family: 'cross',
  severity: 'error',
  description: '收入支出决算总表的财政拨款收入与财政拨款收入支出决算总表收入一致',
  relations(ctx) {
    const s = ctx.table('summary');
    const fs = ctx.table('fiscal-summary');
    if (!s || !fs) return [];
    const out: (Relation | null)[] = [];
    for (const [sk, fk, name] of PAIRS) {
      const a = s.income[sk];
      const b = fs.income[fk];
      if (!a || !b) continue;
      out.push(compare({ primary: { table: s, fig: a.figure }, others: [{ table: fs, fig: b.figure }], what: `收入支出决算总表「${name}」`, basis: `财政拨款收入支出决算总表「${name}」` }));
    }
    return collect(out);
  },
};
