// A change or a budget difference needs its reason: after 较上年/同比/与上年相比 增加/减少 … or
// 决算数大于/小于预算数, the paragraph must say 主要原因 followed by real words, not a placeholder.
import { finding, whereIn, type TextRule } from './common';

const YOY = /(与上年相比|较上年|比上年|同比|上年同期|与(?:19|20)\d{2}\s*年度?相比|比\s*(?:19|20)\d{2}\s*年度?|较\s*(?:19|20)\d{2}\s*年度?)[^。；;]*?(增加|减少|增长|下降)\s*\d/;
const BUDGET = /决算数?(大于|小于|高于|低于)(年初|全年)?预算数?/;
const REASON = /(主要原因|原因)(是|为)?[:：]?\s*([^。；;]*)/g;
const PLACEHOLDER = /^\s*(【[^】]*】|待填写|请填写|待补充|（待）|（略）|xxx|XX|××)/i;

export const reasonRule: TextRule = ({ lines }) => {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = YOY.exec(l) ?? BUDGET.exec(l);
    if (!t) continue;
    const reasons = [...l.slice(t.index).matchAll(REASON)].map((m) => m[3].trim());
    if (reasons.some((r) => /[\u4e00-\u9fa5]{2}/.test(r) && !PLACEHOLDER.test(r))) continue;
    const what = /预算/.test(t[0]) && !/上年|年度?相比|比\s*\d/.test(t[0]) ? '决算数与预算数的差异' : '与上年相比的增减变化';
    const placeholder = reasons.find((r) => PLACEHOLDER.test(r));
    out.push(finding('reason', 'warning', whereIn(lines, i, t.index), `${what}${placeholder ? '的原因仍是待补充内容' : '未说明原因'}，请写明“主要原因是……”`, null, placeholder ?? null));
  }
  return out;
};
