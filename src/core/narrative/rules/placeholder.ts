// Placeholders left in the text: 【待补充：…】/【请填写原因】 (ours), xxx, XX, ××, 待填写, 请填写, （待）,
// （略）, [待], [略]. Text that still holds one is not finished. A placeholder standing where a
// figure belongs ('X万元', '××%') leaves a figure out of a published sentence: an error.
import { finding, matches, type TextRule } from './common';

const FIGURE_UNIT = /^\s*(万元|元|%|个|人次|辆|批次|台|套|次|人)/;
/** Placeholders of a figure: runs of x/X/×/＊/*, or one X/× before a unit; not inside a Latin word. */
const MARKS = /([xX]{2,}|[×＊*]{2,}|[xX×](?=\s*(?:万元|元|%|个|人次|辆|批次|台|套)))(?![A-Za-z])/g;
/** …nor right after a Latin letter (a lookbehind, written out: EdgeHTML 18 and IE11 have none). */
const NOT_AFTER = /[A-Za-z]/;
const WORDS = /【[^】]*】|待填写|请填写|待补充|（待）|（略）|\(待\)|\(略\)|\[待\]|\[略\]/g;

export const placeholderRule: TextRule = ({ lines }) => {
  const out = [];
  for (const { m, where } of matches(lines, MARKS, NOT_AFTER)) {
    const figure = FIGURE_UNIT.test(lines[where.line - 1].slice((m.index ?? 0) + m[0].length));
    out.push(finding('placeholder', figure ? 'error' : 'warning', where, `文中留有占位符“${m[0]}”${figure ? '，此处应为具体数字' : ''}，请补全后再发布`, null, m[0]));
  }
  for (const { m, where } of matches(lines, WORDS)) {
    // 【请填写原因】 right after 主要原因 is reported once, by the reason rule.
    const before = lines[where.line - 1].slice(0, m.index ?? 0);
    if (/主要原因(是|为)?[:：]?\s*$/.test(before)) continue;
    // '请填写' inside our own 【请填写…】 is the same placeholder.
    if (m[0] !== '' && !m[0].startsWith('【') && /【[^】]*$/.test(before)) continue;
    out.push(finding('placeholder', 'warning', where, `文中留有待补充内容“${m[0]}”，请补全后再发布`, null, m[0]));
  }
  return out;
};
