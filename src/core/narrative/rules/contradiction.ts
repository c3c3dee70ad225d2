// Two direction words that contradict each other for one item in one sentence
// ('公务接待费支出决算减少为0.00万元，与2024年持平'): the officer must say which is true.
import { finding, type NarrativeRule } from './common';

export const contradictionRule: NarrativeRule = (c) => {
  if (c.type !== 'contradiction') return [];
  const [a, b] = c.words;
  return [finding('contradiction', 'error', c, `${c.name}同一句中既称“${a}”又称“${b}”，二者矛盾；请按数据保留其一`, null, `${a}……${b}`)];
};
