// 决算数大于/小于/等于（年初）预算数 against the sign of 决算 − 预算.
import { compareWord } from '../frames';
import { finding, label, wan, type NarrativeRule } from './common';

export const directionRule: NarrativeRule = (c) => {
  if (c.type !== 'compare') return [];
  const all = c.cands.filter((x) => x.budget !== null && x.budgetActual !== null);
  // A name shared by several 项 (no 款 given to tell them apart): any of them may be meant.
  const e = all.find((x) => compareWord(x.budgetActual as number, x.budget as number) === c.word) ?? all[0];
  if (!e) return [];
  const right = compareWord(e.budgetActual as number, e.budget as number);
  if (right === c.word) return [];
  return [
    finding('direction', 'error', c, `${label(c.cands)}决算数${wan(e.budgetActual as number)}${right}预算数${wan(e.budget as number)}，文中写为“${c.word}”`, right, c.word),
  ];
};
