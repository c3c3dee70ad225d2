// Shared body of the intra-table sum rules: the relations of one equation group of some table kinds.
import type { Table, TableKind } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import type { RuleContext } from '../types';
import { tableEquations } from './table-equations';

export function groupRelations(ctx: RuleContext, kinds: TableKind[], group: string): Relation[] {
  const out: Relation[] = [];
  for (const kind of kinds) for (const t of ctx.tablesOf(kind) as Table[]) for (const e of tableEquations(t)) if (e.eq.group === group) out.push(e);
  return out;
}
