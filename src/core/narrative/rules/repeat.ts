// Doubled punctuation ('，，', '。，') and doubled words ('预算预算', '决算决算', '的的'): typing slips
// an officer wants to see before publishing. Proper names may double a word legitimately
// ('江城市城市管理局'), so two-character words count only when they are the report's own vocabulary,
// and nothing inside the unit's name counts.
import { finding, matches, type TextRule } from './common';

const PUNCT = /[，,。；;：:、](?:\s*[，,。；;：:、])+/g;
const TERMS = '预算|决算|支出|收入|经费|万元|项目|单位|合计|总计|情况|主要|原因|其中|财政|拨款|增加|减少|增长|下降|费用|资金|部门|年度|上年|本年|完成|说明';
const WORD = new RegExp(`(${TERMS})\\1|([\\u4e00-\\u9fa5]{3,4})\\2|的的|了了`, 'g');

export const repeatRule: TextRule = ({ lines, facts }) => {
  const out = [];
  for (const { m, where } of matches(lines, PUNCT)) out.push(finding('repeat', 'warning', where, `标点“${m[0]}”重复，请删去多余的标点`, m[0][0], m[0]));
  const unit = facts.unitName?.replace(/\s+/g, '') ?? '';
  const unitRe = unit ? new RegExp(unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : null;
  for (const { m, where } of matches(lines, WORD)) {
    const l = lines[where.line - 1];
    const at = m.index ?? 0;
    // Inside the unit's own name (a name may contain a doubled word).
    if (unitRe && [...l.matchAll(unitRe)].some((u) => (u.index ?? 0) <= at && at < (u.index ?? 0) + unit.length)) continue;
    const once = m[1] ?? m[2] ?? m[0][0];
    out.push(finding('repeat', 'warning', where, `“${m[0]}”重复，应为“${once}”`, once, m[0]));
  }
  return out;
};
