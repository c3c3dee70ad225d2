// Each project scorecard's 全年执行数 equals its project's row in the perf-basic-data table.
// Names are matched fuzzily (the same project is often written two ways); an uncertain match
// never yields an error.
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { compare } from '../util/cross';
import { scaleOf } from '../util/figures';
import { bestMatch } from '../util/match';
import { executedFigure } from '../util/scorecard';
import { findingAt } from '../util/report';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'cross.scorecard-projects',
  family: 'cross',
  severity: 'error',
  description: '项目支出绩效自评表的全年执行数与绩效评价基础数据表中该项目的本年决算数一致',
  check(ctx) {
    const pb = ctx.table('perf-basic-data');
    if (!pb || pb.projects.length === 0) return [];
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx, 'perf-project-scorecard')) {
      const fig = executedFigure(sc);
      if (!fig || fig.value === null || !sc.name.trim()) continue;
      const m = bestMatch(sc.name, pb.projects, (p) => p.label);
      if (!m || m.score < 0.6 || !m.item.actual) {
        out.push(
          findingAt(sc, sc.nameRef ?? fig.ref, `项目“${sc.name.trim()}”在绩效评价基础数据表中找不到对应项目行，无法核对全年执行数 ${fmt(fig.value, scaleOf(sc).decimals)}`, { severity: 'info', related: [pb.titleRef] }),
        );
        continue;
      }
      const certain = m.score >= 0.9 && m.second < m.score;
      const f = compare({
        primary: { table: sc, fig },
        others: [{ table: pb, fig: m.item.actual }],
        what: `项目“${sc.name.trim()}”全年执行数`,
        basis: `绩效评价基础数据表“${m.item.label.trim()}”本年决算数${certain ? '' : '（按项目名称近似匹配）'}`,
        severity: certain ? undefined : 'warning',
        related: [m.item.labelRef],
      });
      if (f) out.push(f);
    }
    return out;
  },
};
