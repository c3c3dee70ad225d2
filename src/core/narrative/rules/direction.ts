// 决算数大于/小于/等于（年初）预算数 against the sign of 决算 − 预算: the tables' figures, or where the
// tables hold no budget, the 年初预算 and 决算 the same paragraph states.
import { compareWord } from '../frames';
import { finding, label, wan, type NarrativeRule } from './common';

export const directionRule: NarrativeRule = (c) => {
  if (c.type !== 'compare') return [];
  const all = c.cands.filter((x) => x.budget !== null && x.budgetActual !== null);
  // A name shared by several 项 (no 款 given to tell them apart): any of them may be meant.
  const e = all.find((x) => compareWord(x.budgetActual as number, x.budget as number) === c.word) ?? all[0];
  let actual: number;
  let budget: number;
  let src = '';
  if (e) {
    actual = e.budgetActual as number;
    budget = e.budget as number;
  } else if (c.stated.budget !== null && c.stated.actual !== null) {
    actual = c.stated.actual;
    budget = c.stated.budget;
    src = '（文中所列）';
  } else return [];
  const right = compareWord(actual, budget);
  if (right === c.word) return [];
  return [finding('direction', 'error', c, `${label(c.cands)}决算数${wan(actual)}${right}预算数${wan(budget)}${src}，文中写为“${c.word}”`, right, c.word)];
};
