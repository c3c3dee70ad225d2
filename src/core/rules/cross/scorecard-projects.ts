// Each project scorecard's 全年执行数 equals its project's row in the perf-basic-data table.
// Names are matched fuzzily (the same project is often written two ways); an uncertain match
// never yields an error.
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import type { PerfBasicDataTable, ScorecardTable, TripleRow } from '../../tables/types';
import type { Rule, RuleContext, RuleFinding } from '../types';
import { compare } from '../util/cross';
import { scaleOf } from '../util/figures';
import { bestMatch } from '../util/match';
import { executedFigure } from '../util/scorecard';
import { findingAt } from '../util/report';
import { scorecards } from '../util/ctx';

interface Pairing {
  sc: ScorecardTable;
  pb: PerfBasicDataTable;
  match: { item: TripleRow; score: number; second: number } | null;
}

// Matching names is the costly part: once per detection for both halves of the rule.
const cache = new WeakMap<object, Pairing[]>();

function pairings(ctx: RuleContext): Pairing[] {
  const hit = cache.get(ctx.detection);
  if (hit) return hit;
  const out: Pairing[] = [];
  cache.set(ctx.detection, out);
  const pb = ctx.table('perf-basic-data');
  if (!pb || pb.projects.length === 0) return out;
  for (const sc of scorecards(ctx, 'perf-project-scorecard')) {
    const fig = executedFigure(sc);
    if (!fig || fig.value === null || !sc.name.trim()) continue;
    const m = bestMatch(sc.name, pb.projects, (p) => p.label);
    out.push({ sc, pb, match: m && m.score >= 0.6 && m.item.actual ? m : null });
  }
  return out;
}

export const rule: Rule = {
  id: 'cross.scorecard-projects',
  family: 'cross',
  severity: 'error',
  description: '项目支出绩效自评表的全年执行数与绩效评价基础数据表中该项目的本年决算数一致',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { sc, pb, match } of pairings(ctx)) {
      if (match) continue;
      const fig = executedFigure(sc)!;
      out.push(findingAt(sc, sc.nameRef ?? fig.ref, `项目“${sc.name.trim()}”在绩效评价基础数据表中找不到对应项目行，无法核对全年执行数 ${fmt(fig.value as number, scaleOf(sc).decimals)}`, { severity: 'info', related: [pb.titleRef] }));
    }
    return out;
  },
  relations(ctx) {
    const out: Relation[] = [];
    for (const { sc, pb, match: m } of pairings(ctx)) {
      if (!m) continue;
      const certain = m.score >= 0.9 && m.second < m.score;
      const r = compare({
        primary: { table: sc, fig: executedFigure(sc) },
        others: [{ table: pb, fig: m.item.actual }],
        what: `项目“${sc.name.trim()}”全年执行数`,
        basis: `绩效评价基础数据表“${m.item.label.trim()}”本年决算数${certain ? '' : '（按项目名称近似匹配）'}`,
        severity: certain ? undefined : 'warning',
        related: [m.item.labelRef],
      });
      if (r) out.push(r);
    }
    return out;
  },
};
