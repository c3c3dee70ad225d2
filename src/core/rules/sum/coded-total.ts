// The 合计 row equals the sum of the top-level (类) rows, column by column.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.coded-total',
  family: 'sum',
  severity: 'error',
  description: '合计行等于各类（顶层科目）之和，逐列检查',
  relations: (ctx) => groupRelations(ctx, ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'], 'coded-total'),
};
