// Basic-detail: 人员经费/公用经费合计 = Σ their 类, each 类 = Σ its 款.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.basic-detail',
  family: 'sum',
  severity: 'error',
  description: '基本支出明细表：人员经费合计、公用经费合计等于所属各类之和，各类等于所属各款之和',
  relations: (ctx) => groupRelations(ctx, ['basic-detail'], 'basic-detail'),
};
