// The 三公经费 rows of the perf-basic-data table equal the three-public table (本年预算数, 本年决算数).
import type { Relation } from '../../diagnosis/relation';
import type { Figure, ThreePublicFigures, TripleRow } from '../../tables/types';
import type { Rule } from '../types';
import { collect, compare } from '../util/cross';

type Key = 'threePublic' | 'vehicle' | 'abroad' | 'reception';
const ROWS: [Key, string, (b: ThreePublicFigures) => Figure[] | null][] = [
  ['threePublic', '三公经费', (b) => (b.total ? [b.total] : null)],
  ['vehicle', '公务用车购置和维护经费', (b) => (b.vehicleSubtotal ? [b.vehicleSubtotal] : b.vehiclePurchase && b.vehicleOperation ? [b.vehiclePurchase, b.vehicleOperation] : null)],
  ['abroad', '出国经费', (b) => (b.abroad ? [b.abroad] : null)],
  ['reception', '公务接待', (b) => (b.reception ? [b.reception] : null)],
];

export const rule: Rule = {
  id: 'cross.perf-three-public',
  family: 'cross',
  severity: 'error',
  description: '绩效评价基础数据表“三公经费”各行的本年预算数、本年决算数与“三公”经费支出决算表一致',
  relations(ctx) {
    const pb = ctx.table('perf-basic-data');
    const tp = ctx.table('three-public');
    if (!pb || !tp) return [];
    const out: (Relation | null)[] = [];
    for (const [key, name, pick] of ROWS) {
      const row: TripleRow | null = pb[key];
      if (!row) continue;
      const cols = [
        ['actual', tp.actual, '决算数'],
        ['budget', tp.budget, '预算数'],
      ] as const;
      for (const [col, block, blockName] of cols) {
        const fig = row[col];
        if (!fig || !block) continue;
        const figs = pick(block);
        if (!figs) continue;
        out.push(compare({ primary: { table: pb, fig }, others: figs.map((f) => ({ table: tp, fig: f })), what: `绩效评价基础数据表「${name}」${col === 'actual' ? '本年决算数' : '本年预算数'}`, basis: `“三公”经费支出决算表${blockName}` }));
      }
    }
    return collect(out);
  },
};
