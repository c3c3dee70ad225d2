// The department scorecard's 年度资金总额 全年执行数 is the department's whole spending: it should
// equal the summary's 本年支出合计 (warning: some localities score only 财政拨款).
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';
import { executedFigure } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'cross.dept-scorecard',
  family: 'cross',
  severity: 'warning',
  description: '部门整体支出绩效自评表年度资金总额全年执行数与收入支出决算总表本年支出合计一致',
  relations(ctx) {
    const s = ctx.table('summary');
    if (!s?.expenditureTotal) return [];
    return collect(
      scorecards(ctx, 'perf-dept-scorecard').map((d) => {
        const fig = executedFigure(d);
        if (!fig) return null;
        return compare({ primary: { table: d, fig }, others: [{ table: s, fig: s.expenditureTotal!.figure }], what: '部门整体支出绩效自评表「年度资金总额」全年执行数', basis: '收入支出决算总表「本年支出合计」' });
      }),
    );
  },
};
