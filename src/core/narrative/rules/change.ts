// 与上年相比 增加/减少 X万元、增长/下降 Y%、持平、上年无此项支出: against 补充信息's prior-year
// figures. Without them the sentence is checked against itself: the 上年 figure is 本年 ∓ the stated
// change, and the stated rate must be the change over it. A growth rate from a zero base does not
// exist (SPEC §2).
import { AMOUNT_WORD, RATE_WORD, signOf } from '../frames';
import { fmt } from '../../numbers';
import { finding, judgeAmount, judgePercent, label, pct, wan, type Claim, type NarrativeRule } from './common';

type Change = Extract<Claim, { type: 'change' }>;

/** The rate of a change whose prior year is unknown, from the current figure and the stated amount. */
function selfCheck(c: Change): ReturnType<NarrativeRule> {
  if (c.what !== 'rate' || c.amount === null || c.value === null || c.dir === 0) return [];
  const current = c.current ?? c.cands.find((x) => x.readings.length)?.readings[0].value ?? null;
  if (current === null) return [];
  const prior = current - c.dir * c.amount;
  const name = label(c.cands);
  const words = `${c.dir > 0 ? '增加' : '减少'}${wan(c.amount)}`;
  const written = `${c.word}${fmt(c.value, c.decimals ?? 2)}%`;
  // Both figures carry ±0.005: a prior within a cent of zero is zero.
  if (Math.abs(prior) <= 0.01 + 1e-9) {
    return [finding('zero-base', 'error', c, `${name}本年${wan(current)}、${words}，上年为0，增长率无法计算；文中“${written}”应改为“上年无此项支出”`, '上年无此项支出', written)];
  }
  if (prior < 0) return [];
  const v = judgePercent(c.value, c.amount, prior, 0.005, 0.01, c.decimals);
  const exp = (c.amount / prior) * 100;
  if (v === 'wrong') {
    return [finding('change', 'error', c, `${name}${c.word}率应为${pct(exp)}（${words}÷上年${wan(prior)}，上年＝本年${wan(current)}${c.dir > 0 ? '−' : '＋'}${wan(c.amount)}），文中为${pct(c.value)}`, Number(pct(exp).slice(0, -1)), c.value)];
  }
  if (v !== 'ok') return [finding('change', 'info', c, `${name}${c.word}率${pct(c.value)}与计算值${pct(exp)}有舍入差异`, Number(pct(exp).slice(0, -1)), c.value)];
  return [];
}

export const changeRule: NarrativeRule = (c) => {
  if (c.type !== 'change') return [];
  const e = c.cands.find((x) => x.prior !== null && x.readings.length);
  if (!e) return selfCheck(c);
  const prior = e.prior as number;
  const current = e.readings[0].value;
  const diff = current - prior;
  const sign = signOf(diff);
  const name = label(c.cands);
  if (c.what === 'zero-base') {
    if (prior !== 0) return [finding('change', 'error', c, `${name}上年为${wan(prior)}，文中却称“上年无此项支出”`, prior, 0)];
    return [];
  }
  if (c.what === 'flat') {
    if (sign === 0) return [];
    return [finding('direction', 'error', c, `${name}与上年相比${AMOUNT_WORD[String(sign) as '1']}${wan(Math.abs(diff))}（本年${wan(current)}，上年${wan(prior)}），文中写为“持平”`, AMOUNT_WORD[String(sign) as '1'], '持平')];
  }
  if (c.what === 'rate' && prior === 0) {
    return [finding('zero-base', 'error', c, `${name}上年为0，增长率无法计算，文中“${c.word}${pct(c.value ?? 0)}”应改为“上年无此项支出”`, '上年无此项支出', `${c.word}${pct(c.value ?? 0)}`)];
  }
  const out = [];
  if (sign !== 0 && c.dir !== 0 && c.dir !== sign) {
    const words = c.what === 'rate' ? RATE_WORD : AMOUNT_WORD;
    out.push(finding('direction', 'error', c, `${name}本年${wan(current)}、上年${wan(prior)}，应为“${words[String(sign) as '1']}”，文中写为“${c.word}”`, words[String(sign) as '1'], c.word));
  }
  if (sign === 0 && c.value !== null && c.value !== 0) {
    out.push(finding('direction', 'error', c, `${name}与上年持平（本年、上年均为${wan(current)}），文中写为“${c.word}”`, '持平', c.word));
    return out;
  }
  if (c.value === null) return out;
  if (c.what === 'amount') {
    const v = judgeAmount(c.value, Math.abs(diff), 2, c.decimals);
    if (v === 'wrong') out.push(finding('change', 'error', c, `${name}增减额应为${wan(Math.abs(diff))}（${wan(current)}−${wan(prior)}），文中为${wan(c.value)}`, Number(Math.abs(diff).toFixed(2)), c.value));
    else if (v === 'rounding') out.push(finding('change', 'info', c, `${name}增减额${wan(c.value)}与计算值${wan(Math.abs(diff))}仅有舍入差异`, Number(Math.abs(diff).toFixed(2)), c.value));
  } else if (c.what === 'rate') {
    const v = judgePercent(c.value, Math.abs(diff), Math.abs(prior), 0.01, 0.005, c.decimals);
    const exp = (Math.abs(diff) / Math.abs(prior)) * 100;
    if (v === 'wrong') out.push(finding('change', 'error', c, `${name}增减率应为${pct(exp)}（${wan(Math.abs(diff))}÷上年${wan(prior)}），文中为${pct(c.value)}`, Number(pct(exp).slice(0, -1)), c.value));
    else if (v !== 'ok') out.push(finding('change', 'info', c, `${name}增减率${pct(c.value)}与计算值${pct(exp)}有舍入差异`, Number(pct(exp).slice(0, -1)), c.value));
  }
  return out;
};
