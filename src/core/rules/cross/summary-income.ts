// Each income line of the summary must equal the income table's 合计 row for that source.
import type { SummaryIncomeKey } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { collect, compare, compareSides } from '../util/cross';

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
  check(ctx) {
    const s = ctx.table('summary');
    const inc = ctx.table('income');
    if (!s || !inc || !inc.total) return [];
    const out: (RuleFinding | null)[] = [];
    const row = inc.total.values;
    for (const [sk, ik, name] of SOURCES) {
      const line = s.income[sk];
      if (!line || !row[ik]) continue;
      out.push(compare({ primary: { table: s, fig: line.figure }, others: [{ table: inc, fig: row[ik] }], what: `收入支出决算总表「${name}」`, basis: `收入决算表合计行「${name}」` }));
    }
    // The summary splits 财政拨款收入 by fund; the income table has one column.
    const fiscal = (['fiscalGeneral', 'fiscalGovFund', 'fiscalStateCapital'] as const).map((k) => s.income[k]).filter((l) => l);
    // With a fiscal-summary that agrees with the income table, a differing summary line is
    // reported line by line by cross.summary-fiscal-income instead.
    const fsum = ctx.table('fiscal-summary');
    const fsLines = fsum ? (['general', 'govFund', 'stateCapital'] as const).map((k) => fsum.income[k]).filter((l) => l) : [];
    const settled = !!(fsum && row.fiscal && fsLines.length > 0 && compareSides({ primary: { table: inc, fig: row.fiscal }, others: fsLines.map((l) => ({ table: fsum, fig: l!.figure })), what: '', basis: '' })?.verdict !== 'mismatch');
    if (fiscal.length > 0 && row.fiscal && !(settled && fiscal.length > 1)) {
      const [first, ...rest] = fiscal;
      if (rest.length === 0)
        out.push(compare({ primary: { table: s, fig: first!.figure }, others: [{ table: inc, fig: row.fiscal }], what: '收入支出决算总表「财政拨款收入」', basis: '收入决算表合计行「财政拨款收入」' }));
      else
        out.push(
          compare({
            primary: { table: inc, fig: row.fiscal },
            others: fiscal.map((l) => ({ table: s, fig: l!.figure })),
            what: '收入决算表合计行「财政拨款收入」',
            basis: '收入支出决算总表三项财政拨款收入之和',
          }),
        );
    }
    if (s.incomeTotal && row.total)
      out.push(compare({ primary: { table: s, fig: s.incomeTotal.figure }, others: [{ table: inc, fig: row.total }], what: '收入支出决算总表「本年收入合计」', basis: '收入决算表合计行「本年收入合计」' }));
    return collect(out);
  },
};
