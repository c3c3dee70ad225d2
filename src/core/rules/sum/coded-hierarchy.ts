// By the code hierarchy, a 类 equals the sum of its 款 and a 款 the sum of its 项.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.coded-hierarchy',
  family: 'sum',
  severity: 'error',
  description: '类等于所属各款之和、款等于所属各项之和（按科目编码层级）',
  relations: (ctx) => groupRelations(ctx, ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'], 'coded-hierarchy'),
};
