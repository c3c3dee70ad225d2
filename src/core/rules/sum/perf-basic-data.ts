// Perf-basic-data: 三公经费 = its parts, 项目支出 total = Σ projects.
import type { Rule } from '../types';
import { groupRelations } from '../util/sum-rule';

export const rule: Rule = {
  id: 'sum.perf-basic-data',
  family: 'sum',
  severity: 'error',
  description: '绩效基础数据表：三公经费等于其组成之和，项目支出合计等于各项目之和',
  relations: (ctx) => groupRelations(ctx, ['perf-basic-data'], 'perf-basic-data'),
};
