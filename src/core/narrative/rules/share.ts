// 占X%: the share of the item in the right base (SPEC §6 denominators), interval-checked. A share
// that equals another ratio (the completion rate, another total) is named as such in the message.
import { finding, judgePercent, label, pct, readingsOf, type NarrativeRule, type Verdict } from './common';
import { judgeAmount } from './common';
import type { Base } from '../entities';

export const shareRule: NarrativeRule = (c, ctx) => {
  if (c.type !== 'share') return [];
  const rs = readingsOf(c.cands);
  if (!rs.length) return [];
  // The readings the stated amount refers to (e.g. 基本支出 738.08 of the 支出决算表, not 701.08).
  const matched = c.amount === null ? rs : rs.filter((r) => judgeAmount(c.amount as number, r.value) !== 'wrong');
  const use = matched.length ? matched : rs;
  const explicit: Base[] | null = c.explicitBase ? readingsOf(c.explicitBase).map((r) => ({ label: label(c.explicitBase!), value: r.value })) : null;
  const pairs = use.flatMap((r) => (explicit ?? r.bases).map((b) => ({ part: r.value, base: b })));
  if (!pairs.length) return [];
  const verdicts: Verdict[] = pairs.map((p) => judgePercent(c.value, p.part, p.base.value, 0.005, 0.005, c.decimals));
  if (verdicts.includes('ok')) return [];
  const first = pairs[0];
  const expected = (first.part / first.base.value) * 100;
  if (verdicts.includes('truncation')) return [finding('share', 'info', c, `${label(c.cands)}占比应四舍五入为${pct(expected)}，文中为${pct(c.value)}（截断）`, Number(pct(expected).slice(0, -1)), c.value)];
  if (verdicts.includes('rounding')) return [finding('share', 'info', c, `${label(c.cands)}占比${pct(c.value)}与计算值${pct(expected)}仅有舍入差异`, Number(pct(expected).slice(0, -1)), c.value)];
  // Explain what the printed figure is, when it is another ratio.
  let why = '';
  const ent = c.cands[0];
  if (ent.budget && ent.budgetActual !== null && judgePercent(c.value, ent.budgetActual, ent.budget) !== 'wrong') why = `；文中${pct(c.value)}是完成预算的比率（决算÷预算），不是占比`;
  else {
    const alt = ctx.alternativeBases.find((b) => b.value !== first.base.value && judgePercent(c.value, first.part, b.value) !== 'wrong');
    if (alt) why = `；文中${pct(c.value)}是以${alt.label}为基数算得的`;
  }
  return [
    finding(
      'share',
      'error',
      c,
      `${label(c.cands)}占比应为${pct(expected)}（${label(c.cands)}${first.part.toFixed(2)}万元÷${first.base.label}${first.base.value.toFixed(2)}万元），文中为${pct(c.value)}${why}`,
      Number(pct(expected).slice(0, -1)),
      c.value,
    ),
  ];
};
