// Scorecards come in two kinds (department, project) that rules usually check alike.
import type { ScorecardTable } from '../../tables/types';
import type { RuleContext } from '../types';

export function scorecards(ctx: RuleContext, kind?: ScorecardTable['kind']): ScorecardTable[] {
  const kinds: ScorecardTable['kind'][] = kind ? [kind] : ['perf-dept-scorecard', 'perf-project-scorecard'];
  return kinds.flatMap((k) => ctx.tablesOf(k));
}
