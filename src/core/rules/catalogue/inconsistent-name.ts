// Within one workbook the same 科目编码 carries the same name everywhere (no catalogue needed).
import type { Rule, RuleFinding } from '../types';
import type { CodeUse } from '../util/codes';
import { cleanName, codeUses, tableName } from '../util/codes';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'catalogue.inconsistent-name',
  family: 'catalogue',
  severity: 'warning',
  description: '同一科目编码在各表中的名称一致',
  check(ctx) {
    const out: RuleFinding[] = [];
    const byCode = new Map<string, CodeUse[]>();
    for (const u of codeUses(ctx)) {
      const k = `${u.system}:${u.code}`;
      byCode.set(k, [...(byCode.get(k) ?? []), u]);
    }
    for (const [, uses] of byCode) {
      const names = new Map<string, CodeUse[]>();
      for (const u of uses) {
        const n = cleanName(u.name);
        if (!n) continue;
        names.set(n, [...(names.get(n) ?? []), u]);
      }
      if (names.size < 2) continue;
      // The majority name (or the catalogue's) is taken as the reference; the others are reported.
      const cat = ctx.catalogue.get(uses[0].system, uses[0].code);
      const ranked = [...names.entries()].sort((a, b) => (cat && cleanName(cat.name) === b[0] ? 1 : 0) - (cat && cleanName(cat.name) === a[0] ? 1 : 0) || b[1].length - a[1].length);
      const [, ref] = ranked[0];
      const first = ref[0];
      for (const [, group] of ranked.slice(1))
        for (const u of group)
          out.push(
            findingAt(u.table, u.nameRef, `科目 ${u.code} 在${tableName(u.table)}中名为“${u.name.trim()}”，在${tableName(first.table)}中名为“${first.name.trim()}”，同一科目名称应一致`, {
              related: [first.nameRef],
              expected: first.name.trim(),
              actual: u.name.trim(),
            }),
          );
    }
    return out;
  },
};
