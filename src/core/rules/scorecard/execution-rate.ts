// 执行率 = 全年执行数 ÷ 全年预算数, checked with interval arithmetic on the division. A rate that
// fits 年初预算数 instead is the published fault of computing against the wrong base (warning; the
// diagnosis reports it as one finding with the 得分 and 总分 that follow from it).
import { fmt } from '../../numbers';
import type { FundRow, ScorecardTable } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import type { Rule, RuleContext } from '../types';
import { scaleOf } from '../util/figures';
import { percentView, ratioRelation } from '../util/rates';
import { checkRate } from '../util/tolerance';
import { scorecards } from '../util/ctx';

/** Does the printed rate fit 全年执行数 ÷ 年初预算数 (the wrong base)? */
export function fitsInitialBudget(sc: ScorecardTable, r: FundRow, pct: number, decimals: number): boolean {
  const half = scaleOf(sc).half;
  const { executed, fullBudget, initialBudget } = r;
  if (!executed || executed.value === null || !initialBudget?.value || !fullBudget?.value) return false;
  if (Math.abs(initialBudget.value - fullBudget.value) <= 1e-9) return false;
  const alt = checkRate(pct, decimals, executed.value, initialBudget.value, half, half);
  return !!alt && alt.verdict !== 'mismatch';
}

function rowRelation(ctx: RuleContext, sc: ScorecardTable, r: FundRow): Relation | null {
  const { rate, executed, fullBudget } = r;
  if (!rate || rate.form === 'blank' || !executed || executed.value === null || !fullBudget || !fullBudget.value) return null;
  const view = percentView(ctx.workbook, rate, (executed.value / fullBudget.value) * 100);
  if (!view) return null;
  const { half, decimals } = scaleOf(sc);
  const label = r.label.trim();
  const rel = ratioRelation({
    table: sc,
    rate: view,
    num: executed,
    den: fullBudget,
    numHalf: half,
    denHalf: half,
    figDecimals: decimals,
    labels: { rate: `${label}「执行率」`, num: `${label}「全年执行数」`, den: `${label}「全年预算数」` },
    statement: `${label}执行率＝全年执行数÷全年预算数`,
    message: (ev) => {
      const e = executed.value as number;
      const d = fullBudget.value as number;
      const exact = (e / d) * 100;
      const want = `${fmt(exact, view.decimals)}%`;
      const shown = `${fmt(ev.actual, view.decimals)}%`;
      if (ev.truncation) return `${label}执行率应为 ${want}（全年执行数 ${fmt(e)} ÷ 全年预算数 ${fmt(d)} = ${exact.toFixed(4)}%，四舍五入），实为 ${shown}：按截尾而非四舍五入`;
      if (ev.verdict === 'rounding') {
        const c = checkRate(ev.actual, view.decimals, e, d, half, half)!;
        return `${label}执行率应为 ${want}，实为 ${shown}，在四舍五入误差范围内（可能区间 ${c.range.lo.toFixed(3)}%–${c.range.hi.toFixed(3)}%）`;
      }
      if (fitsInitialBudget(sc, r, ev.actual, view.decimals))
        return `${label}执行率应按全年预算数计算：全年执行数 ${fmt(e)} ÷ 全年预算数 ${fmt(d)} = ${want}，实为 ${shown}，是按年初预算数 ${fmt(r.initialBudget!.value as number)} 计算的结果，相差 ${fmt(Math.abs(ev.actual - exact))} 个百分点`;
      return `${label}执行率应为 ${want}（全年执行数 ${fmt(e)} ÷ 全年预算数 ${fmt(d)}），实为 ${shown}，相差 ${fmt(Math.abs(ev.actual - exact))} 个百分点`;
    },
  });
  if (fitsInitialBudget(sc, r, view.fig.value as number, view.decimals)) {
    rel.severity = 'warning';
    if (r.initialBudget) rel.related = [r.initialBudget.ref];
    rel.wrongBase = { initialBudget: r.initialBudget! };
  }
  return rel;
}

export const rule: Rule = {
  id: 'scorecard.execution-rate',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表执行率等于全年执行数÷全年预算数（按年初预算数计算的给出提示）',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx))
      for (const r of Object.values(sc.funds)) {
        const rel = r ? rowRelation(ctx, sc, r) : null;
        if (rel) out.push(rel);
      }
    return out;
  },
};
