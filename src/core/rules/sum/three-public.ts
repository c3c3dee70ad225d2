// 三公: 合计 = 出国 + 车辆小计 + 接待, 小计 = 购置 + 运行, for 预算数 and 决算数.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.three-public',
  family: 'sum',
  severity: 'error',
  description: '“三公”经费表：合计＝因公出国（境）费＋公务用车购置及运行费＋公务接待费，小计＝购置费＋运行费（预算数、决算数）',
  relations: (ctx) => groupRelations(ctx, ['three-public'], 'three-public'),
};
