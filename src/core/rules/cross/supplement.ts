// Figures typed into the 补充信息 sheet that the tables also hold must agree with them (warning:
// the sheet is the officer's own notes, the tables are what gets published).
import { readNumber } from '../../numbers';
import type { Figure, Table } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule, RuleContext } from '../types';
import { convert, scaleOf } from '../util/figures';

interface Pair {
  key: string;
  /** The table figure(s) the entry restates; null when the tables lack it. */
  find(ctx: RuleContext): { table: Table; figs: Figure[]; basis: string } | null;
  /** 'atLeast': the entry may exceed the table (e.g. 会议费 includes project spending). */
  mode?: 'atLeast';
}

const econ = (code: string, name: string) => (ctx: RuleContext) => {
  const bd = ctx.table('basic-detail');
  if (!bd) return null;
  const e = bd.entries.find((x) => x.code === code);
  // Not listed in the basic-detail table means no basic spending on it.
  return e ? { table: bd as Table, figs: [e.figure], basis: `基本支出决算表 ${code} ${name}` } : null;
};

const PAIRS: Pair[] = [
  {
    key: '上年三公经费',
    find: (ctx) => {
      const pb = ctx.table('perf-basic-data');
      return pb?.threePublic?.prior ? { table: pb, figs: [pb.threePublic.prior], basis: '绩效评价基础数据表三公经费上年决算数' } : null;
    },
  },
  {
    key: '上年公务接待费',
    find: (ctx) => {
      const pb = ctx.table('perf-basic-data');
      return pb?.reception?.prior ? { table: pb, figs: [pb.reception.prior], basis: '绩效评价基础数据表公务接待上年决算数' } : null;
    },
  },
  {
    key: '三公经费预算',
    find: (ctx) => {
      const tp = ctx.table('three-public');
      return tp?.budget?.total ? { table: tp, figs: [tp.budget.total], basis: '“三公”经费支出决算表预算数合计' } : null;
    },
  },
  { key: '会议费', find: econ('30215', '会议费'), mode: 'atLeast' },
  { key: '培训费', find: econ('30216', '培训费'), mode: 'atLeast' },
];

export const rule: Rule = {
  id: 'cross.supplement',
  family: 'cross',
  severity: 'warning',
  description: '补充信息表中的金额与决算表一致（上年三公经费、三公经费预算、会议费、培训费等）',
  relations(ctx) {
    const sup = ctx.detection.supplement;
    if (!sup) return [];
    const out: Relation[] = [];
    for (const pair of PAIRS) {
      const entry = sup.entries.find((e) => e.key.replace(/[\s\u3000]+/g, '') === pair.key);
      if (!entry || entry.value === null || entry.value === '') continue;
      const r = readNumber(entry.value);
      if (r.value === null) continue;
      const hit = pair.find(ctx);
      if (!hit) continue;
      // The entry is the officer's note in 万元 with 2 decimals; it stands for the table figure as
      // it would print there.
      const s = scaleOf(hit.table);
      const coef = convert(1, s.unit, '万元');
      const entryFig: Figure = { value: r.value, ref: entry.ref, form: r.form };
      out.push(
        linear({
          table: null,
          terms: [{ fig: entryFig, coef: 1, table: null, label: `补充信息「${pair.key}」` }, ...hit.figs.map((f) => ({ fig: f, coef: -coef, table: hit.table, label: hit.figs.length === 1 ? hit.basis : undefined }))],
          op: pair.mode === 'atLeast' ? '>=' : '=',
          tolerance: 0.005 + hit.figs.length * convert(s.half, s.unit, '万元'),
          decimals: 2,
          coarse: s.unit === '万元' ? undefined : 2,
          what: `补充信息「${pair.key}」`,
          basis: hit.basis,
        }),
      );
    }
    return out;
  },
};
