// The fiscal-summary's 政府性基金 / 国有资本经营 columns equal the gov-fund / state-capital tables.
import type { Relation } from '../../diagnosis/relation';
import type { CodedTable, FiscalSummaryTable } from '../../tables/types';
import type { Rule, RuleContext } from '../types';
import { collect, compare } from '../util/cross';
import { classRow } from '../util/match';

function fundFindings(ctx: RuleContext, fs: FiscalSummaryTable, t: CodedTable, fund: 'govFund' | 'stateCapital', name: string, tableName: string): (Relation | null)[] {
  const out: (Relation | null)[] = [];
  for (const line of fs.classes) {
    const fig = line[fund];
    if (!fig) continue;
    const r = classRow(t, ctx.catalogue, line);
    if (!r) {
      // A class with a zero in this column needs no row in the fund's own table.
      if (fig.value) out.push(compare({ primary: { table: fs, fig }, others: [], what: `财政拨款收入支出决算总表「${line.label.trim()}」${name}`, basis: `${tableName}中没有该类科目` }));
      continue;
    }
    out.push(compare({ primary: { table: fs, fig }, others: [{ table: t, fig: r.values.total }], what: `财政拨款收入支出决算总表「${line.label.trim()}」${name}`, basis: `${tableName} ${r.code ?? ''} ${r.name.trim()}「本年支出」` }));
  }
  const tot = t.total?.values;
  if (!tot) return out;
  if (fs.expenditureTotal?.[fund]) out.push(compare({ primary: { table: fs, fig: fs.expenditureTotal[fund] }, others: [{ table: t, fig: tot.total }], what: `财政拨款收入支出决算总表「本年支出合计」${name}`, basis: `${tableName}合计「本年支出」` }));
  if (fs.income[fund] && tot.income) out.push(compare({ primary: { table: fs, fig: fs.income[fund]!.figure }, others: [{ table: t, fig: tot.income }], what: `财政拨款收入支出决算总表「${name}」收入`, basis: `${tableName}合计「本年收入」` }));
  if (fs.openingByFund[fund] && tot.opening) out.push(compare({ primary: { table: fs, fig: fs.openingByFund[fund]!.figure }, others: [{ table: t, fig: tot.opening }], what: `财政拨款收入支出决算总表「年初结转和结余」${name}`, basis: `${tableName}合计「年初结转和结余」` }));
  if (fs.closing?.[fund] && tot.closing) out.push(compare({ primary: { table: fs, fig: fs.closing[fund] }, others: [{ table: t, fig: tot.closing }], what: `财政拨款收入支出决算总表「年末结转和结余」${name}`, basis: `${tableName}合计「年末结转和结余」` }));
  return out;
}

export const rule: Rule = {
  id: 'cross.fiscal-funds',
  family: 'cross',
  severity: 'error',
  description: '财政拨款收入支出决算总表“政府性基金预算”“国有资本经营预算”列与对应决算表一致',
  relations(ctx) {
    const fs = ctx.table('fiscal-summary');
    if (!fs) return [];
    const out: (Relation | null)[] = [];
    const gf = ctx.table('gov-fund');
    if (gf) out.push(...fundFindings(ctx, fs, gf, 'govFund', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入支出决算表'));
    const sc = ctx.table('state-capital');
    if (sc) out.push(...fundFindings(ctx, fs, sc, 'stateCapital', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款支出决算表'));
    return collect(out);
  },
};
