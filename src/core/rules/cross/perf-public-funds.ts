// The 公用经费 row of the perf-basic-data table (and its 其中 rows, matched by 款 names) equals
import type { Relation } from '../../diagnosis/relation';
// the basic-detail table.
import { normName, normLabel } from '../../text';
import type { EconomicEntry } from '../../tables/types';
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

/** Basic-detail 款 entries named in a label such as '水费、电费、差旅费'; null when a name is unknown. */
function entriesNamed(label: string, entries: EconomicEntry[], known: (name: string) => boolean): EconomicEntry[] | null {
  const names = normLabel(label)
    .split(/[、，,及和与\/]/)
    .map((n) => normName(n).replace(/^其中[:：]?/, ''))
    .filter((n) => n);
  if (names.length === 0) return null;
  const out: EconomicEntry[] = [];
  for (const n of names) {
    const e = entries.find((x) => x.code && x.code.length === 5 && normName(x.name) === n);
    if (e) out.push(e);
    else if (!known(n)) return null; // a name we cannot place: no comparison rather than a guess
  }
  return out;
}

export const rule: Rule = {
  id: 'cross.perf-public-funds',
  family: 'cross',
  severity: 'error',
  description: '绩效评价基础数据表“公用经费”及其明细行的本年决算数与基本支出决算表一致',
  relations(ctx) {
    const pb = ctx.table('perf-basic-data');
    const bd = ctx.table('basic-detail');
    if (!pb || !bd) return [];
    const out: (Relation | null)[] = [];
    if (pb.publicFunds?.actual && bd.publicTotal)
      out.push(compare({ primary: { table: pb, fig: pb.publicFunds.actual }, others: [{ table: bd, fig: bd.publicTotal.figure }], what: '绩效评价基础数据表「公用经费」本年决算数', basis: '基本支出决算表公用经费合计' }));
    const known = (n: string) => ctx.catalogue.findByName('economic', n).length > 0;
    for (const part of pb.publicFundsParts) {
      if (!part.actual) continue;
      const es = entriesNamed(part.label, bd.entries, known);
      if (!es) continue;
      out.push(
        compare({
          primary: { table: pb, fig: part.actual },
          others: es.map((e) => ({ table: bd, fig: e.figure })),
          what: `绩效评价基础数据表「${normLabel(part.label)}」本年决算数`,
          basis: es.length ? `基本支出决算表 ${es.map((e) => e.code).join('、')} 之和` : '基本支出决算表未列这些款，应为零',
        }),
      );
    }
    return collect(out);
  },
};
