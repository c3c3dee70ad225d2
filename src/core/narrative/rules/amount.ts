// Every amount stated for a known item equals a figure the tables give for it (决算 or 年初预算).
import { finding, judgeAmount, label, readingsOf, wan, type NarrativeRule } from './common';

export const amountRule: NarrativeRule = (c) => {
  if (c.type !== 'amount') return [];
  if (c.mode === 'budget') {
    const budgets = c.cands.map((e) => e.budget).filter((b): b is number => b !== null);
    if (!budgets.length) return [];
    const v = budgets.map((b) => judgeAmount(c.value, b, 1, c.decimals));
    if (v.includes('ok')) return [];
    if (v.includes('rounding')) return [finding('amount', 'info', c, `${label(c.cands)}预算数${wan(c.value)}与表中${wan(budgets[0])}仅有舍入差异`, budgets[0], c.value)];
    return [finding('amount', 'error', c, `${label(c.cands)}预算数应为${wan(budgets[0])}，文中为${wan(c.value)}，相差${wan(Math.abs(c.value - budgets[0]))}`, budgets[0], c.value)];
  }
  const rs = readingsOf(c.cands);
  if (!rs.length) return [];
  const v = rs.map((r) => judgeAmount(c.value, r.value, 1, c.decimals));
  if (v.includes('ok')) return [];
  const exp = rs[0];
  if (v.includes('rounding')) return [finding('amount', 'info', c, `${label(c.cands)}${wan(c.value)}与${exp.source}的${wan(exp.value)}仅有舍入差异`, exp.value, c.value)];
  const alts = [...new Set(rs.map((r) => `${wan(r.value)}（${r.source}）`))].join('或');
  return [finding('amount', 'error', c, `${label(c.cands)}应为${alts}，文中为${wan(c.value)}，相差${wan(Math.abs(c.value - exp.value))}`, exp.value, c.value)];
};
