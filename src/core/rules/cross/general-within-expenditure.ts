// 一般公共预算财政拨款 spending is part of all spending: for every code the general-budget table's
// figures cannot exceed the expenditure table's (warning: templates differ in scope).
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { compare } from '../util/cross';
import { scaleOf } from '../util/figures';
import { findingAt } from '../util/report';

const COLS = [
  ['total', '本年支出合计'],
  ['basic', '基本支出'],
  ['project', '项目支出'],
] as const;

export const rule: Rule = {
  id: 'cross.general-within-expenditure',
  family: 'cross',
  severity: 'warning',
  description: '一般公共预算财政拨款支出决算表各科目不大于支出决算表同一科目（财政拨款是全部支出的一部分）',
  check(ctx) {
    const gb = ctx.table('general-budget');
    const ex = ctx.table('expenditure');
    if (!gb || !ex) return [];
    const out: RuleFinding[] = [];
    const exByCode = new Map(ex.items.filter((x) => x.code).map((x) => [x.code as string, x]));
    if (gb.total && ex.total)
      for (const [k, name] of COLS) {
        const f = compare({ primary: { table: gb, fig: gb.total.values[k] }, others: [{ table: ex, fig: ex.total.values[k] }], mode: 'atMost', what: `合计「${name}」`, basis: `支出决算表合计「${name}」` });
        if (f) out.push(f);
      }
    for (const r of gb.items) {
      if (!r.code) continue;
      const e = exByCode.get(r.code);
      if (!e) {
        const v = r.values.total?.value;
        if (v) out.push(findingAt(gb, r.values.total.ref, `${r.code} ${r.name.trim()} 一般公共预算财政拨款支出 ${fmt(v, scaleOf(gb).decimals)}，支出决算表未列该科目`, { related: [r.nameRef], actual: v }));
        continue;
      }
      for (const [k, name] of COLS) {
        const f = compare({ primary: { table: gb, fig: r.values[k] }, others: [{ table: ex, fig: e.values[k] }], mode: 'atMost', what: `${r.code} ${r.name.trim()}「${name}」`, basis: `支出决算表同一科目「${name}」` });
        if (f) out.push(f);
      }
    }
    return out;
  },
};
