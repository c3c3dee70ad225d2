// Figures typed into the 补充信息 sheet that the tables also hold must agree with them (warning:
// the sheet is the officer's own notes, the tables are what gets published).
import type { CellRef } from '../../address';
import { fmt, readNumber, roundHalfUp } from '../../numbers';
import type { Figure, Table } from '../../tables/types';
import type { Rule, RuleContext, RuleFinding } from '../types';
import { amountIn } from '../util/figures';
import { findingAt, roundingNote } from '../util/report';
import { EPS, verdictOf } from '../util/tolerance';

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
  check(ctx) {
    const sup = ctx.detection.supplement;
    if (!sup) return [];
    const out: RuleFinding[] = [];
    for (const pair of PAIRS) {
      const entry = sup.entries.find((e) => e.key.replace(/[\s\u3000]+/g, '') === pair.key);
      if (!entry || entry.value === null || entry.value === '') continue;
      const r = readNumber(entry.value);
      if (r.value === null) continue;
      const hit = pair.find(ctx);
      if (!hit) continue;
      let expected = 0;
      let tol = 0.005; // the entry is typed in 万元 with 2 decimals
      for (const f of hit.figs) {
        const a = amountIn(hit.table, f, '万元');
        if (!a) return out;
        expected += a.value;
        tol += a.half;
      }
      // The entry is printed at 2 decimals in 万元: compare with the table figure as it would print there.
      expected = roundHalfUp(expected, 2);
      const diff = r.value - expected;
      if (pair.mode === 'atLeast' && diff >= -EPS) continue;
      const v = verdictOf(diff, tol);
      if (v === 'equal') continue;
      const ref: CellRef = entry.ref; // the value cell
      const rel = pair.mode === 'atLeast' ? '不应小于' : '应为';
      let msg = `补充信息「${pair.key}」${rel} ${fmt(expected)}（${hit.basis}），实为 ${fmt(r.value)}，相差 ${fmt(Math.abs(diff))}`;
      if (v === 'rounding') msg += roundingNote(tol);
      out.push(findingAt(null, ref, msg, { severity: v === 'rounding' ? 'info' : undefined, related: hit.figs.map((f) => f.ref), expected, actual: r.value }));
    }
    return out;
  },
};
