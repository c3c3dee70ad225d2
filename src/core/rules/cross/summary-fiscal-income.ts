// The summary's three 财政拨款收入 lines equal the fiscal-summary's income lines.
import type { FundKey, SummaryIncomeKey } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { collect, compare, compareSides } from '../util/cross';

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
  check(ctx) {
    const s = ctx.table('summary');
    const fs = ctx.table('fiscal-summary');
    if (!s || !fs) return [];
    const out: (RuleFinding | null)[] = [];
    // When the income table's 财政拨款收入 agrees with the fiscal-summary, two tables outvote the summary.
    const inc = ctx.table('income');
    const incFiscal = inc?.total?.values.fiscal;
    const fsLines = PAIRS.map(([, fk]) => fs.income[fk]).filter((l) => l);
    const agree = !!(inc && incFiscal && fsLines.length > 0 && compareSides({ primary: { table: inc, fig: incFiscal }, others: fsLines.map((l) => ({ table: fs, fig: l!.figure })), what: '', basis: '' })?.verdict !== 'mismatch');
    for (const [sk, fk, name] of PAIRS) {
      const a = s.income[sk];
      const b = fs.income[fk];
      if (!a || !b) continue;
      if (agree)
        out.push(compare({ primary: { table: s, fig: a.figure }, others: [{ table: fs, fig: b.figure }], what: `收入支出决算总表「${name}」`, basis: `财政拨款收入支出决算总表「${name}」，与收入决算表一致`, related: [incFiscal?.ref] }));
      else out.push(compare({ primary: { table: fs, fig: b.figure }, others: [{ table: s, fig: a.figure }], what: `财政拨款收入支出决算总表「${name}」`, basis: `收入支出决算总表「${name}」` }));
    }
    return collect(out);
  },
};
