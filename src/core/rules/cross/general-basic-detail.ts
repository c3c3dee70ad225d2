// The general-budget table's 基本支出 合计 equals 人员经费合计 + 公用经费合计 of the basic-detail table.
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

export const rule: Rule = {
  id: 'cross.general-basic-detail',
  family: 'cross',
  severity: 'error',
  description: '一般公共预算财政拨款支出决算表“基本支出”合计等于基本支出决算表人员经费合计＋公用经费合计',
  relations(ctx) {
    const gb = ctx.table('general-budget');
    const bd = ctx.table('basic-detail');
    if (!gb?.total?.values.basic || !bd) return [];
    const others = [bd.personnelTotal, bd.publicTotal].filter((l) => l).map((l) => ({ table: bd, fig: l!.figure }));
    if (others.length === 0) return [];
    return collect([compare({ primary: { table: gb, fig: gb.total.values.basic }, others, what: '一般公共预算财政拨款支出决算表合计「基本支出」', basis: '基本支出决算表人员经费合计＋公用经费合计' })]);
  },
};
