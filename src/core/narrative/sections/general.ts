// 五 一般公共预算财政拨款支出决算情况 （一）总体 （二）结构 （三）具体, and
// 六 一般公共预算财政拨款基本支出决算情况.
import type { SectionContext } from './context';
import { changeClause, compareWord, percent, wan } from '../frames';
import type { CodedItem, Wan } from '../facts';
import { defaultCatalogue } from '../../catalogue/catalogue';

export function generalOverall(c: SectionContext): string[] {
  const { f } = c;
  const g = f.general;
  if (!g || g.total === null) return [c.needTable('general-budget')];
  let text = `${c.yearText}一般公共预算财政拨款支出${wan(g.total)}`;
  const share = percent(g.total, f.expenditureTotal);
  text += share ? `，占本年支出合计的${share}。` : '。';
  if (f.prior.generalExpenditure === null) return [`${text}${changeClause('一般公共预算财政拨款支出', g.total, null).text}${c.needSup(['上年一般公共预算财政拨款支出'])}。`];
  const cl = changeClause('一般公共预算财政拨款支出', g.total, f.prior.generalExpenditure);
  text += cl.sign ? `${cl.text}。主要原因是${c.reason('一般公共预算财政拨款支出')}。` : `${cl.text}。`;
  return [text];
}

export function generalStructure(c: SectionContext): string[] {
  const { f } = c;
  const g = f.general;
  if (!g || g.total === null) return [c.needTable('general-budget')];
  const classes = f.generalItems.filter((i) => i.level === 'class' && (i.values.total ?? 0) !== 0);
  const parts = classes.map((i) => {
    const share = percent(i.values.total, g.total);
    return `${i.name}（类）${wan(i.values.total as number)}${share ? `，占${share}` : ''}`;
  });
  if (!parts.length) return [`${c.yearText}一般公共预算财政拨款支出${wan(g.total)}。`];
  return [`${c.yearText}一般公共预算财政拨款支出${wan(g.total)}，主要用于以下方面：${parts.join('；')}。`];
}

/** Name of a parent row (款 or 类) from the table, then from the catalogue. */
function parentName(items: CodedItem[], code: string): string | null {
  const row = items.find((i) => i.code === code);
  if (row) return row.name;
  return defaultCatalogue().get('function', code)?.name ?? null;
}

/** The 类/款/项 chain: 社会保障和就业支出（类）人力资源和社会保障管理事务（款）就业管理事务（项）. */
export function itemChain(items: CodedItem[], item: CodedItem): string {
  const code = item.code ?? '';
  const cls = code.length >= 3 ? parentName(items, code.slice(0, 3)) : null;
  const sec = code.length >= 5 ? parentName(items, code.slice(0, 5)) : null;
  return `${cls ? `${cls}（类）` : ''}${sec ? `${sec}（款）` : ''}${item.name}（项）`;
}

function budgetSentence(c: SectionContext, budget: Wan, actual: number, subjects: (string | null)[]): string {
  if (budget === null) return `支出决算为${wan(actual)}。`;
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
  const out: string[] = [];
  const hasBudget = g.budget !== null;
  let noBudget = '';
  if (!hasBudget) {
    noBudget = '（一般公共预算财政拨款支出决算表无年初预算数）';
    if (!c.missing.includes('表中缺少：年初预算数')) c.missing.push('表中缺少：年初预算数');
  }
  // '…财政拨款支出年初预算为…' or, without budgets, '…财政拨款支出决算为…' (no doubled 支出).
  const intro = budgetSentence(c, g.budget, g.total, ['一般公共预算财政拨款支出预算执行']).replace(/^支出决算为/, '决算为');
  out.push(`${c.yearText}一般公共预算财政拨款支出${intro}${noBudget}其中：`);
  const items = f.generalItems.filter((i) => i.level === 'item' && ((i.values.total ?? 0) !== 0 || (i.values.budget ?? 0) !== 0));
  items.forEach((item, k) => {
    out.push(`（${k + 1}）${itemChain(f.generalItems, item)}。${budgetSentence(c, hasBudget ? item.values.budget ?? 0 : null, item.values.total ?? 0, [item.code, item.name])}`);
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
    const share = percent(v, basic);
    const names = mainNames(c, group);
    return `${label}${wan(v)}${share ? `，占基本支出的${share}` : ''}${names.length ? `，主要包括：${names.join('、')}` : ''}`;
  };
  return [
    `${c.yearText}一般公共预算财政拨款基本支出${wan(basic)}，其中：${part('人员经费', f.personnel, 'personnel')}；${part('公用经费', f.publicFunds, 'public')}。`,
  ];
}
