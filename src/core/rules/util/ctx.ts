// Typed table accessors for the models that serve several kinds (CodedTable, ScorecardTable).
import type { CodedTable, ScorecardTable, Table, TableKind } from '../../tables/types';
import type { RuleContext } from '../types';

export function codedTables(ctx: RuleContext, kind: CodedTable['kind']): CodedTable[] {
  return (ctx.tablesOf(kind as TableKind) as Table[]) as CodedTable[];
}

export function codedTable(ctx: RuleContext, kind: CodedTable['kind']): CodedTable | null {
  return codedTables(ctx, kind)[0] ?? null;
}

export function scorecards(ctx: RuleContext, kind?: ScorecardTable['kind']): ScorecardTable[] {
  const kinds: ScorecardTable['kind'][] = kind ? [kind] : ['perf-dept-scorecard', 'perf-project-scorecard'];
  return kinds.flatMap((k) => (ctx.tablesOf(k as TableKind) as Table[]) as ScorecardTable[]);
}
