// The income table's 财政拨款收入 合计 equals the fiscal-summary's 本年收入合计.
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

export const rule: Rule = {
  id: 'cross.income-fiscal',
  family: 'cross',
  severity: 'error',
  description: '收入决算表“财政拨款收入”合计与财政拨款收入支出决算总表“本年收入合计”一致',
  relations(ctx) {
    const inc = ctx.table('income');
    const fs = ctx.table('fiscal-summary');
    if (!inc?.total?.values.fiscal || !fs?.incomeTotal) return [];
    return collect([compare({ primary: { table: inc, fig: inc.total.values.fiscal }, others: [{ table: fs, fig: fs.incomeTotal.figure }], what: '收入决算表合计行「财政拨款收入」', basis: '财政拨款收入支出决算总表「本年收入合计」' })]);
  },
};
