// Template remnants: alternatives of a frame left in the text ('增加（减少）', '增长（下降）',
// '大于（小于）', '决算数大小于预算数', '比2024年度减增加21.90万元'). The officer must keep the one
// word the figures call for.
import { finding, matches, type TextRule } from './common';

const DIR = '增加|减少|增长|下降|上升|大于|小于|等于|高于|低于|持平';
const PAIR = new RegExp(`(${DIR})\\s*(?:[（(/／]\\s*(${DIR})\\s*[)）]?|或\\s*(${DIR}))`, 'g');
const FUSED = /大小于|小大于|减增加|增减少|增加减少|减少增加|增长下降|下降增长/g;

export const remnantRule: TextRule = ({ lines }) => {
  const out = [];
  for (const { m, where } of [...matches(lines, PAIR), ...matches(lines, FUSED)]) {
    out.push(finding('remnant', 'error', where, `文中“${m[0]}”是模板中未删去的备选词，请按数据只保留一个方向词`, null, m[0]));
  }
  return out;
};
