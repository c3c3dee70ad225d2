// Every 项 of the 一般公共预算财政拨款支出决算表 with money or a budget is described in the 具体情况
// section; a missing one is named on the section's heading line. Runs only on a whole text (one that
// has that section), never on a snippet.
import { finding, type TextRule } from './common';

export const coverageRule: TextRule = ({ lines, facts, described }) => {
  const head = lines.findIndex((l) => /财政拨款支出决算具体情况/.test(l));
  if (head < 0) return [];
  const items = facts.generalItems.filter((i) => i.level === 'item' && i.code && ((i.values.total ?? 0) !== 0 || (i.values.budget ?? 0) !== 0));
  const where = { line: head + 1, excerpt: lines[head].trim().slice(0, 160) };
  return items
    .filter((i) => !described.has(i.code as string))
    .map((i) => finding('coverage', 'warning', where, `一般公共预算财政拨款支出决算表中的“${i.name}”（${i.code}，决算${(i.values.total ?? 0).toFixed(2)}万元）在具体情况中没有说明`, i.name, null));
};
