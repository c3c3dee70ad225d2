// Row totals equal the sum of the row's parts (本年收入合计, 本年支出合计, 小计).
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.row-parts',
  family: 'sum',
  severity: 'error',
  description: '行内合计等于各组成列之和：本年收入合计＝各项收入；本年支出合计＝基本＋项目＋上缴上级＋经营＋对附属单位补助；小计＝基本＋项目',
  relations: (ctx) => groupRelations(ctx, ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'], 'row-parts'),
};
