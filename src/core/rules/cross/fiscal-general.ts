// The fiscal-summary's 一般公共预算 column equals the general-budget table's 类 rows and total.
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';
import { classRow } from '../util/match';

export const rule: Rule = {
  id: 'cross.fiscal-general',
  family: 'cross',
  severity: 'error',
  description: '财政拨款收入支出决算总表“一般公共预算财政拨款”列与一般公共预算财政拨款支出决算表一致',
  relations(ctx) {
    const fs = ctx.table('fiscal-summary');
    const gb = ctx.table('general-budget');
    if (!fs || !gb) return [];
    const out: (Relation | null)[] = [];
    for (const line of fs.classes) {
      if (!line.general) continue;
      const what = `财政拨款收入支出决算总表「${line.label.trim()}」一般公共预算财政拨款`;
      const r = classRow(gb, ctx.catalogue, line);
      // A 类 the general-budget table does not list has no 一般公共预算 spending: zero.
      if (!r) out.push(compare({ primary: { table: fs, fig: line.general }, others: [], what, basis: '一般公共预算财政拨款支出决算表中没有该类科目' }));
      else out.push(compare({ primary: { table: fs, fig: line.general }, others: [{ table: gb, fig: r.values.total }], what, basis: `一般公共预算财政拨款支出决算表 ${r.code ?? ''} ${r.name.trim()}「本年支出合计」` }));
    }
    if (fs.expenditureTotal?.general && gb.total?.values.total)
      out.push(compare({ primary: { table: fs, fig: fs.expenditureTotal.general }, others: [{ table: gb, fig: gb.total.values.total }], what: '财政拨款收入支出决算总表「本年支出合计」一般公共预算财政拨款', basis: '一般公共预算财政拨款支出决算表合计' }));
    return collect(out);
  },
};
