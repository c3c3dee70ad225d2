// Summary table: both sides' totals and 总计, and 收入总计 = 支出总计.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.summary',
  family: 'sum',
  severity: 'error',
  description: '收入支出决算总表：本年收入合计＝各项收入；本年支出合计＝各类支出；两侧总计的构成及相等',
  relations: (ctx) => groupRelations(ctx, ['summary'], 'summary'),
};
