// 完成（年初）预算的X%: 决算 ÷ 预算 of the item, interval-checked; no rate exists when the budget is 0.
import { finding, judgePercent, label, pct, type NarrativeRule } from './common';

export const completionRule: NarrativeRule = (c) => {
  if (c.type !== 'completion') return [];
  const all = c.cands.filter((x) => x.budget !== null && x.budgetActual !== null);
  // A name shared by several 项 (no 款 given to tell them apart): any of them may be meant.
  const fits = all.find((x) => x.budget !== 0 && judgePercent(c.value, x.budgetActual as number, x.budget as number, 0.005, 0.005, c.decimals) === 'ok');
  const e = fits ?? all[0];
  if (!e) return [];
  const budget = e.budget as number;
  const actual = e.budgetActual as number;
  if (budget === 0) return [finding('completion', 'warning', c, `${label(c.cands)}年初预算为0，不应计算完成预算的比率（文中为${pct(c.value)}）`, null, c.value)];
  const v = judgePercent(c.value, actual, budget, 0.005, 0.005, c.decimals);
  const expected = (actual / budget) * 100;
  if (v === 'ok') return [];
  if (v === 'truncation') return [finding('completion', 'info', c, `${label(c.cands)}完成预算的比率应四舍五入为${pct(expected)}，文中为${pct(c.value)}（截断）`, Number(pct(expected).slice(0, -1)), c.value)];
  if (v === 'rounding') return [finding('completion', 'info', c, `${label(c.cands)}完成预算的比率${pct(c.value)}与计算值${pct(expected)}仅有舍入差异`, Number(pct(expected).slice(0, -1)), c.value)];
  return [finding('completion', 'error', c, `${label(c.cands)}完成预算的比率应为${pct(expected)}（${actual.toFixed(2)}÷${budget.toFixed(2)}），文中为${pct(c.value)}`, Number(pct(expected).slice(0, -1)), c.value)];
};
