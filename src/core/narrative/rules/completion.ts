// 完成（年初）预算的X%: 决算 ÷ 预算 of the item, interval-checked. Where the tables hold no budget
// (Shanghai's 一般公共预算财政拨款支出决算表) the budget and 决算 the sentence states are used. No rate
// exists when the budget is 0: the text should say 未安排预算.
import { finding, judgePercent, label, pct, type NarrativeRule } from './common';

export const completionRule: NarrativeRule = (c) => {
  if (c.type !== 'completion') return [];
  const all = c.cands.filter((x) => x.budget !== null && x.budgetActual !== null);
  // A name shared by several 项 (no 款 given to tell them apart): any of them may be meant.
  const fits = all.find((x) => x.budget !== 0 && judgePercent(c.value, x.budgetActual as number, x.budget as number, 0.005, 0.005, c.decimals) === 'ok');
  const e = fits ?? all[0];
  const fromText = !e && c.stated.budget !== null && c.stated.actual !== null;
  if (!e && !fromText) return [];
  const budget = e ? (e.budget as number) : (c.stated.budget as number);
  const actual = e ? (e.budgetActual as number) : (c.stated.actual as number);
  const name = label(c.cands);
  if (budget === 0) {
    return [finding('zero-base', 'error', c, `${name}预算数为0，完成预算的比率无法计算，文中“${pct(c.value)}”应删去或改为“未安排预算”`, '未安排预算', pct(c.value))];
  }
  const v = judgePercent(c.value, actual, budget, 0.005, 0.005, c.decimals);
  const expected = (actual / budget) * 100;
  const src = fromText ? '（按文中所列预算数、决算数计算）' : '';
  if (v === 'ok') return [];
  if (v === 'truncation') return [finding('completion', 'info', c, `${name}完成预算的比率应四舍五入为${pct(expected)}，文中为${pct(c.value)}（截断）`, Number(pct(expected).slice(0, -1)), c.value)];
  if (v === 'rounding') return [finding('completion', 'info', c, `${name}完成预算的比率${pct(c.value)}与计算值${pct(expected)}仅有舍入差异`, Number(pct(expected).slice(0, -1)), c.value)];
  return [finding('completion', 'error', c, `${name}完成预算的比率应为${pct(expected)}（${actual.toFixed(2)}÷${budget.toFixed(2)}）${src}，文中为${pct(c.value)}`, Number(pct(expected).slice(0, -1)), c.value)];
};
