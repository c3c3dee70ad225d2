// A 科目名称 that differs from the catalogue's name for its code (swapped characters, old names).
import type { Rule, RuleFinding } from '../types';
import { cleanName, codeUses } from '../util/codes';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'catalogue.name-mismatch',
  family: 'catalogue',
  severity: 'warning',
  description: '科目名称与科目目录中该编码的名称一致',
  check(ctx) {
    const out: RuleFinding[] = [];
    const hinted = new Set<string>();
    const uses = codeUses(ctx);
    for (const u of uses) {
      const e = ctx.catalogue.get(u.system, u.code);
      if (!e || !u.name.trim()) continue;
      if (cleanName(e.name) === cleanName(u.name)) continue;
      const actual = u.name.trim();
      if (e.verified)
        out.push(
          findingAt(u.table, u.nameRef, `科目 ${u.code} 名称应为“${e.name}”，实为“${actual}”`, {
            related: [u.codeRef],
            expected: e.name,
            actual,
            fix: { ref: u.nameRef, value: e.name, previous: u.name, description: `科目名称改为“${e.name}”` },
          }),
        );
      else {
        // A name written from memory is a hint, never more: once per code and name.
        const k = `${u.system}:${u.code}:${cleanName(u.name)}`;
        if (hinted.has(k)) continue;
        hinted.add(k);
        const same = uses.filter((x) => x !== u && x.system === u.system && x.code === u.code && cleanName(x.name) === cleanName(u.name)).map((x) => x.nameRef);
        out.push(findingAt(u.table, u.nameRef, `科目 ${u.code} 名称可能应为“${e.name}”（目录名称待核实，可能已更名），实为“${actual}”`, { severity: 'info', related: same, expected: e.name, actual }));
      }
    }
    return out;
  },
};
