// A 款 or 项 whose parent 类/款 row is not listed in the same table.
import { Catalogue } from '../../catalogue/catalogue';
import type { CodedTable } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';

const KINDS = ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'] as const;

export const rule: Rule = {
  id: 'catalogue.missing-parent',
  family: 'catalogue',
  severity: 'warning',
  description: '款、项科目的上级类、款科目在同一表中列示',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const kind of KINDS)
      for (const t of ctx.tablesOf(kind) as CodedTable[]) {
        const codes = new Set(t.items.map((r) => r.code).filter((c): c is string => !!c));
        const reported = new Set<string>();
        for (const r of t.items) {
          if (!r.code) continue;
          const parent = Catalogue.parentCode(r.code);
          if (!parent || codes.has(parent) || reported.has(parent)) continue;
          reported.add(parent);
          const known = ctx.catalogue.get('function', parent);
          out.push(findingAt(t, r.codeRefs[0] ?? r.nameRef, `${r.code} ${r.name.trim()} 的上级科目 ${parent}${known ? ` ${known.name}` : ''} 未在本表列示`, { expected: parent, actual: null }));
        }
      }
    return out;
  },
};
