// Sentence frames of the 情况说明: amounts in 万元 with 2 decimals, shares and rates with 2 decimals,
// all 四舍五入, and every direction word chosen from the sign of the data (never 增加（减少）).
import { fmt, roundHalfUp } from '../numbers';
import type { Wan } from './facts';

export const REASON_PLACEHOLDER = '【请填写原因】';

/** '37.00万元' */
export function wan(v: number): string {
  return `${fmt(v)}万元`;
}

/** Share or rate in percent, rounded on its own; null when the base is zero or unknown. */
export function percent(part: Wan, whole: Wan): string | null {
  if (part === null || whole === null || whole === 0) return null;
  return `${fmt((part / whole) * 100)}%`;
}

export type Sign = -1 | 0 | 1;

/** Sign of a difference after rounding to the printed 2 decimals (a cent-level noise is 持平). */
export function signOf(diff: number): Sign {
  const r = roundHalfUp(diff, 2);
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}

export const AMOUNT_WORD: Record<'1' | '-1', string> = { '1': '增加', '-1': '减少' };
export const RATE_WORD: Record<'1' | '-1', string> = { '1': '增长', '-1': '下降' };

/**
 * The year-on-year clause for `subject`: '与上年相比，收、支总计各减少153.60万元，下降14.89%'.
 * `each` adds 各 (收、支总计各…); `versus` names the year compared with ('与2024年度相比').
 * Zero base → 上年无此项支出. The prior must be known (callers write a placeholder otherwise).
 */
export function changeClause(subject: string, current: number, prior: number, each = false, versus = '与上年相比'): { text: string; sign: Sign } {
  const diff = current - prior;
  const s = signOf(diff);
  const ge = each ? '各' : '';
  if (s === 0) return { text: `${versus}，${subject}${ge}持平`, sign: 0 };
  if (prior === 0) return { text: `${versus}，${subject}${ge}${AMOUNT_WORD[String(s) as '1']}${wan(Math.abs(diff))}，上年无此项支出`, sign: s };
  const key = String(s) as '1' | '-1';
  return {
    text: `${versus}，${subject}${ge}${AMOUNT_WORD[key]}${wan(Math.abs(diff))}，${RATE_WORD[key]}${fmt((Math.abs(diff) / Math.abs(prior)) * 100)}%`,
    sign: s,
  };
}

/** 大于/小于/等于 of 决算 against 预算. */
export function compareWord(actual: number, budget: number): '大于' | '小于' | '等于' {
  const s = signOf(actual - budget);
  return s > 0 ? '大于' : s < 0 ? '小于' : '等于';
}

/** Chinese numerals for headings: 1 → 一, 11 → 十一, 14 → 十四. */
export function cnNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** A count from the 补充信息 sheet printed without decimals when whole. */
export function count(n: number): string {
  return Number.isInteger(n) ? String(n) : String(roundHalfUp(n, 2));
}

/** A marked placeholder for what only the officer can supply: 【待补充：单位性质】. */
export function todo(what: string, hint?: string): string {
  return `【待补充：${what}${hint ? `（${hint}）` : ''}】`;
}
