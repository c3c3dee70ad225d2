// Shared body of the intra-table sum rules: evaluate a table's equations, report one group.
import type { Table, TableKind } from '../../tables/types';
import type { RuleContext, RuleFinding } from '../types';
import { equationFindings } from './equations';
import { evaluatedEquations } from './table-equations';

export function groupFindings(ctx: RuleContext, kinds: TableKind[], group: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const kind of kinds) for (const t of ctx.tablesOf(kind) as Table[]) out.push(...equationFindings(evaluatedEquations(t), group));
  return out;
}
