// Gov-fund / state-capital rows: 年末 = 年初 + 本年收入 − 本年支出.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.fund-balance',
  family: 'sum',
  severity: 'error',
  description: '政府性基金（国有资本经营）预算表逐行：年末结转和结余＝年初结转和结余＋本年收入－本年支出',
  relations: (ctx) => groupRelations(ctx, ['gov-fund', 'state-capital'], 'balance'),
};
