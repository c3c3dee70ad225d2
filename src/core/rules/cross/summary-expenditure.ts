// The summary's 类 lines must equal the expenditure table's 类 rows, and no used 类 may be missing.
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import type { Rule, RuleFinding } from '../types';
import { collect, compare } from '../util/cross';
import { scaleOf } from '../util/figures';
import { classRow } from '../util/match';
import { findingAt } from '../util/report';
import { topLevelRows } from '../util/table-equations';

export const rule: Rule = {
  id: 'cross.summary-expenditure',
  family: 'cross',
  severity: 'error',
  description: '收入支出决算总表各类支出与支出决算表的类级科目一致，本年支出合计一致',
  check(ctx) {
    const s = ctx.table('summary');
    const ex = ctx.table('expenditure');
    if (!s || !ex || s.classes.length === 0) return [];
    const out: RuleFinding[] = [];
    const matched = new Set<string>();
    for (const line of s.classes) {
      const r = classRow(ex, ctx.catalogue, line);
      if (r) matched.add(r.code ?? r.name);
    }
    for (const r of topLevelRows(ex)) {
      if (matched.has(r.code ?? r.name) || !r.values.total?.value) continue;
      const anchor = s.expenditureTotal?.figure.ref ?? s.titleRef;
      out.push(findingAt(s, anchor, `支出决算表有 ${r.code ?? ''} ${r.name.trim()} ${fmt(r.values.total.value, scaleOf(ex).decimals)}，收入支出决算总表支出方未列该类`, { related: [r.values.total.ref], expected: r.values.total.value }));
    }
    return out;
  },
  relations(ctx) {
    const s = ctx.table('summary');
    const ex = ctx.table('expenditure');
    if (!s || !ex) return [];
    const out: (Relation | null)[] = [];
    for (const line of s.classes) {
      const r = classRow(ex, ctx.catalogue, line);
      const what = `收入支出决算总表「${line.label.trim()}」`;
      // A 类 the expenditure table does not list was not spent: zero.
      if (!r) out.push(compare({ primary: { table: s, fig: line.figure }, others: [], what, basis: '支出决算表中没有该类科目', related: [line.labelRef] }));
      else out.push(compare({ primary: { table: s, fig: line.figure }, others: [{ table: ex, fig: r.values.total }], what, basis: `支出决算表 ${r.code ?? ''} ${r.name.trim()}「本年支出合计」` }));
    }
    if (s.expenditureTotal && ex.total?.values.total)
      out.push(compare({ primary: { table: s, fig: s.expenditureTotal.figure }, others: [{ table: ex, fig: ex.total.values.total }], what: '收入支出决算总表「本年支出合计」', basis: '支出决算表合计行「本年支出合计」' }));
    return collect(out);
  },
};
