// 五 一般公共预算财政拨款支出决算情况 （一）总体 （二）结构 （三）具体, and
// 六 一般公共预算财政拨款基本支出决算情况.
import type { SectionContext } from './context';
import { compareWord, percent, wan } from '../frames';
import type { Wan } from '../facts';
import { itemChain, itemName } from './names';
import { yoySentence } from './yoy';

export function generalOverall(c: SectionContext): string[] {
  const { f } = c;
  const g = f.general;
  if (!g || g.total === null) return [c.needTable('general-budget')];
  let text = `${c.yearText}一般公共预算财政拨款支出${wan(g.total)}`;
  const share = percent(g.total, f.expenditureTotal);
  text += share ? `，占本年支出合计的${share}。` : '。';
  return [text + yoySentence(c, '一般公共预算财政拨款支出', g.total, f.prior.generalExpenditure, { key: '上年一般公共预算财政拨款支出', reason: ['一般公共预算财政拨款支出'] })];
}

export function generalStructure(c: SectionContext): string[] {
  const { f } = c;
  const g = f.general;
  if (!g || g.total === null) return [c.needTable('general-budget')];
  const classes = f.generalItems.filter((i) => i.level === 'class' && (i.values.total ?? 0) !== 0);
  const parts = classes.map((i) => {
    const share = percent(i.values.total, g.total);
    return `${itemName(i.code, i.name, f.year)}（类）${wan(i.values.total as number)}${share ? `，占${share}` : ''}`;
  });
  if (!parts.length) return [`${c.yearText}一般公共预算财政拨款支出${wan(g.total)}。`];
  return [`${c.yearText}一般公共预算财政拨款支出${wan(g.total)}，主要用于以下方面：${parts.join('；')}。`];
}

/** '年初预算为…，支出决算为…，完成年初预算的…%，决算数大于年初预算数的主要原因是…。' */
function budgetSentence(c: SectionContext, budget: Wan, actual: number, subjects: (string | null)[]): string {
  if (budget === null) return `年初预算为${c.needSup(['年初预算:<科目编码或名称>'], '年初预算数')}，支出决算为${wan(actual)}。`;
  let s = `年初预算为${wan(budget)}，支出决算为${wan(actual)}`;
  const rate = percent(actual, budget);
  if (rate) s += `，完成年初预算的${rate}`;
  const word = compareWord(actual, budget);
  if (word === '等于') return `${s}，决算数等于年初预算数。`;
  return `${s}，决算数${word}年初预算数的主要原因是${c.reason(...subjects)}。`;
}

export function generalDetail(c: SectionContext): string[] {
  const { f } = c;
  const g = f.general;
  if (!g || g.total === null) return [c.needTable('general-budget')];
  const items = f.generalItems.filter((i) => i.level === 'item' && ((i.values.total ?? 0) !== 0 || (i.values.budget ?? 0) !== 0));
  // Shanghai's table has no 年初预算数: the 补充信息 sheet gives it per 项 (年初预算:<编码>), or it stays a placeholder.
  const budgetOf = (i: (typeof items)[number]): Wan => i.values.budget ?? c.budgetOf(i.code, i.name);
  const budgets = items.map(budgetOf);
  const total = g.budget ?? (budgets.length && budgets.every((b) => b !== null) ? Number(budgets.reduce<number>((a, b) => a + (b as number), 0).toFixed(2)) : null);
  const out = [`${c.yearText}一般公共预算财政拨款支出${budgetSentence(c, total, g.total, ['一般公共预算财政拨款支出预算执行'])}其中：`];
  items.forEach((item, k) => {
    out.push(`（${k + 1}）${itemChain(f.generalItems, item, f.year)}。${budgetSentence(c, budgets[k], item.values.total ?? 0, [item.code, item.name])}`);
  });
  return out;
}

/** Names of the 款 (or 类) that make up 人员经费 / 公用经费, in table order, non-zero only. */
function mainNames(c: SectionContext, group: 'personnel' | 'public'): string[] {
  const entries = c.f.economic.filter((e) => e.group === group && (e.value ?? 0) !== 0);
  const sections = entries.filter((e) => e.level === 'section' || (e.code?.length ?? 0) === 5);
  const use = sections.length ? sections : entries;
  return [...new Set(use.map((e) => e.name))];
}

export function basicSection(c: SectionContext): string[] {
  const { f } = c;
  if (!f.present.has('basic-detail')) return [c.needTable('basic-detail')];
  const basic = f.general?.basic ?? (f.personnel !== null || f.publicFunds !== null ? (f.personnel ?? 0) + (f.publicFunds ?? 0) : null);
  if (basic === null) return [c.needTable('general-budget')];
  const part = (label: string, v: Wan, group: 'personnel' | 'public') => {
    if (v === null) return `${label}${c.needTable('basic-detail')}`;
    if (v === 0) return `未发生${label}支出`;
    const share = percent(v, basic);
    const names = mainNames(c, group);
    return `${label}${wan(v)}${share ? `，占基本支出的${share}` : ''}${names.length ? `，主要包括：${names.join('、')}` : ''}`;
  };
  return [`${c.yearText}一般公共预算财政拨款基本支出${wan(basic)}，其中：${part('人员经费', f.personnel, 'personnel')}；${part('公用经费', f.publicFunds, 'public')}。`];
}
