// Fiscal-summary: per fund column and per row, and the grand totals.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.fiscal-summary',
  family: 'sum',
  severity: 'error',
  description: '财政拨款收入支出决算总表：按资金来源逐列、逐行合计，收支总计相等',
  relations: (ctx) => groupRelations(ctx, ['fiscal-summary'], 'fiscal-summary'),
};
