// The perf-basic-data 项目支出 total equals the expenditure table's 项目支出 合计.
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

export const rule: Rule = {
  id: 'cross.perf-projects',
  family: 'cross',
  severity: 'error',
  description: '绩效评价基础数据表项目支出合计（本年决算数）等于支出决算表“项目支出”合计',
  relations(ctx) {
    const pb = ctx.table('perf-basic-data');
    const ex = ctx.table('expenditure');
    const exProject = ex?.total?.values.project;
    if (!pb || !ex || !exProject) return [];
    const fig = pb.projectTotal?.actual;
    if (fig) return collect([compare({ primary: { table: pb, fig }, others: [{ table: ex, fig: exProject }], what: '绩效评价基础数据表项目支出合计「本年决算数」', basis: '支出决算表合计行「项目支出」' })]);
    // No total line: the projects themselves must add up to the table's 项目支出.
    const projs = pb.projects.map((p) => p.actual).filter((f) => f);
    if (projs.length === 0) return [];
    return collect([compare({ primary: { table: ex, fig: exProject }, others: projs.map((f) => ({ table: pb, fig: f })), what: '支出决算表合计行「项目支出」', basis: '绩效评价基础数据表各项目本年决算数之和' })]);
  },
};
