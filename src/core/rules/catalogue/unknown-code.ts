// A 科目编码 missing from every system of the shipped catalogue: information only (catalogues
// change yearly; ours has ~1,700 codes with provenance but no official list behind it).
import type { Rule, RuleFinding } from '../types';
import type { CodeUse } from '../util/codes';
import { codeUses } from '../util/codes';
import { findingAt } from '../util/report';

const MAX_SINGLE = 20;

export const rule: Rule = {
  id: 'catalogue.unknown-code',
  family: 'catalogue',
  severity: 'info',
  description: '科目编码不在内置科目目录中（目录不完整，仅作提示）',
  check(ctx) {
    const out: RuleFinding[] = [];
    const byCode = new Map<string, CodeUse[]>();
    for (const u of codeUses(ctx)) {
      // Known in any system counts (a 5xx 政府经济分类 code in a 基本支出 table is still a real code).
      if (ctx.catalogue.lookup(u.code).length > 0) continue;
      const k = `${u.system}:${u.code}`;
      const l = byCode.get(k);
      if (l) l.push(u);
      else byCode.set(k, [u]);
    }
    const groups = [...byCode.values()];
    // A handful is useful one by one; hundreds (a catalogue of another year or locality) are one hint.
    for (const [u, ...others] of groups.slice(0, MAX_SINGLE))
      out.push(findingAt(u.table, u.codeRef, `科目编码 ${u.code}（${u.name.trim()}）不在内置${u.system === 'function' ? '支出功能分类' : '经济分类'}科目目录中，请对照当年《政府收支分类科目》核实`, { related: others.map((x) => x.codeRef) }));
    if (groups.length > MAX_SINGLE) {
      const rest = groups.slice(MAX_SINGLE);
      const first = rest[0][0];
      const list = rest.slice(0, 10).map((g) => g[0].code).join('、');
      out.push(findingAt(first.table, first.codeRef, `另有 ${rest.length} 个科目编码不在内置科目目录中（${list}${rest.length > 10 ? '等' : ''}），请对照当年《政府收支分类科目》核实`, { related: rest.slice(1, 50).map((g) => g[0].codeRef) }));
    }
    return out;
  },
};
