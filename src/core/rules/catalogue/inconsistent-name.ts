// Within one workbook the same 科目编码 carries the same name everywhere (no catalogue needed).
// Where the catalogue already proves a name wrong (catalogue.name-mismatch, error or warning),
// that name is reported there once, not here again.
import type { ClassificationSystem } from '../../catalogue/catalogue';
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
    const year = ctx.detection.year;
    const byCode = new Map<string, CodeUse[]>();
    for (const u of codeUses(ctx)) {
      const k = `${u.system}:${u.code}`;
      byCode.set(k, [...(byCode.get(k) ?? []), u]);
    }
    for (const [, uses] of byCode) {
      const system = uses[0].system as ClassificationSystem;
      const names = new Map<string, CodeUse[]>();
      for (const u of uses) {
        const n = cleanName(u.name);
        if (!n) continue;
        names.set(n, [...(names.get(n) ?? []), u]);
      }
      if (names.size < 2) continue;
      const grade = (u: CodeUse) => ctx.catalogue.checkName(system, u.code, u.name, year);
      // Names the catalogue accepts come first, then the majority.
      const ranked = [...names.entries()].sort((a, b) => Number(grade(b[1][0]).status === 'match') - Number(grade(a[1][0]).status === 'match') || b[1].length - a[1].length);
      const [, ref] = ranked[0];
      const first = ref[0];
      for (const [, group] of ranked.slice(1)) {
        const g = grade(group[0]);
        if (g.status === 'mismatch' && g.severity !== 'info') continue;
        for (const u of group)
          out.push(
            findingAt(u.table, u.nameRef, `科目 ${u.code} 在${tableName(u.table)}中名为“${u.name.trim()}”，在${tableName(first.table)}中名为“${first.name.trim()}”，同一科目名称应一致`, {
              related: [first.nameRef],
              expected: first.name.trim(),
              actual: u.name.trim(),
            }),
          );
      }
    }
    return out;
  },
};
