// 执行率 = 全年执行数 ÷ 全年预算数, checked with interval arithmetic on the division. A rate that
// fits 年初预算数 instead is the published fault of computing against the wrong base (warning).
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { FundRow, ScorecardTable } from '../../tables/types';
import type { Rule, RuleContext, RuleFinding } from '../types';
import { readPercent, scaleOf } from '../util/figures';
import { findingAt } from '../util/report';
import { checkRate } from '../util/tolerance';
import { scorecards } from '../util/ctx';

function rowFindings(ctx: RuleContext, sc: ScorecardTable, r: FundRow): RuleFinding[] {
  const { rate, executed, fullBudget, initialBudget } = r;
  if (!rate || rate.form === 'blank' || !executed || executed.value === null) return [];
  const half = scaleOf(sc).half;
  const den = fullBudget && fullBudget.value ? fullBudget : null;
  const hint = den ? (executed.value / (den.value as number)) * 100 : undefined;
  const p = readPercent(ctx.workbook, rate, hint);
  if (!p || !den) return [];
  const c = checkRate(p.pct, p.decimals, executed.value, den.value as number, half, half);
  if (!c || c.verdict === 'equal') return [];
  const shown = `${fmt(p.pct, p.decimals)}%`;
  const want = `${fmt(c.exact, p.decimals)}%`;
  const related = [executed.ref, den.ref];
  const fix = { ref: rate.ref, formula: `${a1(executed.ref.row, executed.ref.col)}/${a1(den.ref.row, den.ref.col)}`, previous: rate.value, description: `执行率改为 全年执行数÷全年预算数（${want}）` };
  if (c.verdict === 'truncation')
    return [findingAt(sc, rate.ref, `${r.label.trim()}执行率应为 ${want}（全年执行数 ${fmt(executed.value)} ÷ 全年预算数 ${fmt(den.value as number)} = ${c.exact.toFixed(4)}%，四舍五入），实为 ${shown}：按截尾而非四舍五入`, { severity: 'info', related, expected: c.expected, actual: p.pct })];
  if (c.verdict === 'rounding')
    return [findingAt(sc, rate.ref, `${r.label.trim()}执行率应为 ${want}，实为 ${shown}，在四舍五入误差范围内（可能区间 ${c.range.lo.toFixed(3)}%–${c.range.hi.toFixed(3)}%）`, { severity: 'info', related, expected: c.expected, actual: p.pct })];
  // A mismatch: is it the rate against 年初预算数?
  if (initialBudget && initialBudget.value && Math.abs((initialBudget.value as number) - (den.value as number)) > 1e-9) {
    const alt = checkRate(p.pct, p.decimals, executed.value, initialBudget.value, half, half);
    if (alt && alt.verdict !== 'mismatch')
      return [
        findingAt(sc, rate.ref, `${r.label.trim()}执行率应按全年预算数计算：全年执行数 ${fmt(executed.value)} ÷ 全年预算数 ${fmt(den.value as number)} = ${want}，实为 ${shown}，是按年初预算数 ${fmt(initialBudget.value)} 计算的结果，相差 ${fmt(Math.abs(p.pct - c.exact))} 个百分点`, {
          severity: 'warning',
          related: [...related, initialBudget.ref],
          expected: c.expected,
          actual: p.pct,
          fix,
        }),
      ];
  }
  return [
    findingAt(sc, rate.ref, `${r.label.trim()}执行率应为 ${want}（全年执行数 ${fmt(executed.value)} ÷ 全年预算数 ${fmt(den.value as number)}），实为 ${shown}，相差 ${fmt(Math.abs(p.pct - c.exact))} 个百分点`, { related, expected: c.expected, actual: p.pct, fix }),
  ];
}

export const rule: Rule = {
  id: 'scorecard.execution-rate',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表执行率等于全年执行数÷全年预算数（按年初预算数计算的给出提示）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx))
      for (const r of Object.values(sc.funds)) if (r) out.push(...rowFindings(ctx, sc, r));
    return out;
  },
};
