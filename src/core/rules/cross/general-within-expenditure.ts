// 一般公共预算财政拨款 spending is part of all spending: for every code the general-budget table's
// figures cannot exceed the expenditure table's (warning: templates differ in scope).
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { collect, compare, comparePair } from '../util/cross';

const COLS = [
  ['total', '本年支出合计'],
  ['basic', '基本支出'],
  ['project', '项目支出'],
] as const;

const SAME: Record<string, string> = Object.fromEntries(COLS.map(([k, name]) => [k, `支出决算表同一科目「${name}」`]));

export const rule: Rule = {
  id: 'cross.general-within-expenditure',
  family: 'cross',
  severity: 'warning',
  description: '一般公共预算财政拨款支出决算表各科目不大于支出决算表同一科目（财政拨款是全部支出的一部分）',
  relations(ctx) {
    const gb = ctx.table('general-budget');
    const ex = ctx.table('expenditure');
    if (!gb || !ex) return [];
    const out: (Relation | null)[] = [];
    const exByCode = new Map(ex.items.filter((x) => x.code).map((x) => [x.code as string, x]));
    if (gb.total && ex.total)
      for (const [k, name] of COLS) out.push(compare({ primary: { table: gb, fig: gb.total.values[k] }, others: [{ table: ex, fig: ex.total.values[k] }], mode: 'atMost', what: `合计「${name}」`, basis: `支出决算表合计「${name}」` }));
    for (const r of gb.items) {
      if (!r.code) continue;
      const e = exByCode.get(r.code);
      // A code the expenditure table does not list has no spending there: at most zero.
      if (!e) out.push(compare({ primary: { table: gb, fig: r.values.total }, others: [], mode: 'atMost', what: `${r.code} ${r.name.trim()}「本年支出合计」`, basis: '支出决算表未列该科目', related: [r.nameRef] }));
      // Thousands of rows: their names are made only when shown.
      else for (const [k, name] of COLS) out.push(comparePair({ table: gb, fig: r.values[k] }, { table: ex, fig: e.values[k] }, 'atMost', () => `${r.code} ${r.name.trim()}「${name}」`, SAME[k]));
    }
    return collect(out);
  },
};
