// 三公 决算 items against the basic-detail 款 that record the same spending. The 三公 table covers
import type { Relation } from '../../diagnosis/relation';
// 财政拨款 basic and project spending, the detail table basic only: so 三公 ≥ detail (warning).
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

const PAIRS = [
  ['reception', '30217', '公务接待费'],
  ['vehicleOperation', '30231', '公务用车运行维护费'],
  ['abroad', '30212', '因公出国（境）费用'],
] as const;

export const rule: Rule = {
  id: 'cross.three-public-detail',
  family: 'cross',
  severity: 'warning',
  description: '“三公”经费决算数不小于基本支出决算表中对应款（30217 公务接待费、30231 公务用车运行维护费、30212 因公出国（境）费用）',
  relations(ctx) {
    const tp = ctx.table('three-public');
    const bd = ctx.table('basic-detail');
    if (!tp || !bd) return [];
    const out: (Relation | null)[] = [];
    for (const [key, code, name] of PAIRS) {
      const fig = tp.actual[key];
      const entry = bd.entries.find((e) => e.code === code);
      if (!fig || !entry) continue;
      out.push(compare({ primary: { table: tp, fig }, others: [{ table: bd, fig: entry.figure }], mode: 'atLeast', what: `“三公”经费决算数「${name}」`, basis: `基本支出决算表 ${code} ${entry.name.trim()}` }));
    }
    return collect(out);
  },
};
