// Doubled punctuation ('，，', '。，') and doubled words ('预算预算', '决算决算', '的的'): typing slips
// an officer wants to see before publishing.
import { finding, matches, type TextRule } from './common';

const PUNCT = /[，,。；;：:、](?:\s*[，,。；;：:、])+/g;
const WORD = /([\u4e00-\u9fa5]{2,4})\1|的的|了了/g;

export const repeatRule: TextRule = ({ lines }) => {
  const out = [];
  for (const { m, where } of matches(lines, PUNCT)) out.push(finding('repeat', 'warning', where, `标点“${m[0]}”重复，请删去多余的标点`, m[0][0], m[0]));
  for (const { m, where } of matches(lines, WORD)) {
    const once = m[1] ?? m[0][0];
    out.push(finding('repeat', 'warning', where, `“${m[0]}”重复，应为“${once}”`, once, m[0]));
  }
  return out;
};
