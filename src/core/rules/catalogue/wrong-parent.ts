// A 项 listed under a 款 (or a 款 under a 类) that is not its parent: in sheet order, the nearest
// row above of the parent level must be its parent.
import type { CodedTable } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';

const KINDS = ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'] as const;

export const rule: Rule = {
  id: 'catalogue.wrong-parent',
  family: 'catalogue',
  severity: 'warning',
  description: '项列在所属款之下、款列在所属类之下（按表内顺序）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const kind of KINDS)
      for (const t of ctx.tablesOf(kind) as CodedTable[]) {
        // Items are in reading order: sheet order, then the rows of a continuation on another sheet.
        const rows = t.items;
        let lastClass: (typeof rows)[number] | null = null;
        let lastSection: (typeof rows)[number] | null = null;
        for (const r of rows) {
          const c = r.code;
          if (!c) continue;
          if (c.length === 3) {
            lastClass = r;
            lastSection = null;
          } else if (c.length === 5) {
            if (lastClass && !c.startsWith(lastClass.code as string))
              out.push(findingAt(t, r.codeRefs[0] ?? r.nameRef, `款 ${c} ${r.name.trim()} 列在类 ${lastClass.code} ${lastClass.name.trim()} 之下，应属于类 ${c.slice(0, 3)}`, { related: [lastClass.codeRefs[0]], expected: c.slice(0, 3), actual: lastClass.code }));
            lastSection = r;
          } else if (c.length === 7) {
            if (lastSection && !c.startsWith(lastSection.code as string))
              out.push(findingAt(t, r.codeRefs[0] ?? r.nameRef, `项 ${c} ${r.name.trim()} 列在款 ${lastSection.code} ${lastSection.name.trim()} 之下，应属于款 ${c.slice(0, 5)}`, { related: [lastSection.codeRefs[0]], expected: c.slice(0, 5), actual: lastSection.code }));
            else if (!lastSection && lastClass && !c.startsWith(lastClass.code as string))
              out.push(findingAt(t, r.codeRefs[0] ?? r.nameRef, `项 ${c} ${r.name.trim()} 列在类 ${lastClass.code} ${lastClass.name.trim()} 之下，应属于类 ${c.slice(0, 3)}`, { related: [lastClass.codeRefs[0]], expected: c.slice(0, 3), actual: lastClass.code }));
          }
        }
      }
    return out;
  },
};
