// Each income line of the summary must equal the income table's 合计 row for that source.
import type { SummaryIncomeKey } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

const SOURCES: [SummaryIncomeKey, string, string][] = [
  ['superior', 'superior', '上级补助收入'],
  ['business', 'business', '事业收入'],
  ['operating', 'operating', '经营收入'],
  ['affiliated', 'affiliated', '附属单位上缴收入'],
  ['other', 'other', '其他收入'],
];

export const rule: Rule = {
  id: 'cross.summary-income',
  family: 'cross',
  severity: 'error',
  description: '收入支出决算总表各项收入与收入决算表合计行按来源一致',
  relations(ctx) {
    const s = ctx.table('summary');
    const inc = ctx.table('income');
    if (!s || !inc || !inc.total) return [];
    const out: (Relation | null)[] = [];
    const row = inc.total.values;
    for (const [sk, ik, name] of SOURCES) {
      const line = s.income[sk];
      if (!line || !row[ik]) continue;
      out.push(compare({ primary: { table: s, fig: line.figure }, others: [{ table: inc, fig: row[ik] }], what: `收入支出决算总表「${name}」`, basis: `收入决算表合计行「${name}」` }));
    }
    // The summary splits 财政拨款收入 by fund; the income table has one column.
    const fiscal = (['fiscalGeneral', 'fiscalGovFund', 'fiscalStateCapital'] as const).map((k) => s.income[k]).filter((l) => l);
    if (fiscal.length === 1 && row.fiscal)
      out.push(compare({ primary: { table: s, fig: fiscal[0]!.figure }, others: [{ table: inc, fig: row.fiscal }], what: '收入支出决算总表「财政拨款收入」', basis: '收入决算表合计行「财政拨款收入」' }));
    else if (fiscal.length > 1 && row.fiscal)
      out.push(compare({ primary: { table: inc, fig: row.fiscal }, others: fiscal.map((l) => ({ table: s, fig: l!.figure })), what: '收入决算表合计行「财政拨款收入」', basis: '收入支出决算总表三项财政拨款收入之和' }));
    if (s.incomeTotal && row.total)
      out.push(compare({ primary: { table: s, fig: s.incomeTotal.figure }, others: [{ table: inc, fig: row.total }], what: '收入支出决算总表「本年收入合计」', basis: '收入决算表合计行「本年收入合计」' }));
    return collect(out);
  },
};
