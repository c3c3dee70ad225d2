// Writes a 情况说明 the way officers write them — not the way our generator does — from a unit's
// figures: Hunan or Shanghai frames, numbered items (1. / （一） / 1、 / （1）), subjects quoted or
// not, written as a 类/款/项 chain or as code + name, long 主要用于 clauses full of expense names that
// are themselves items of the tables (福利费, 公用经费, 项目支出 …). The text is correct; tests plant one
// fault at a time and expect it found on its line. Where the tables lack a figure (prior year,
// per-项 budget) the text invents one and stays consistent with itself, as a real text would.
import type { NarrativeFacts, CodedItem } from '../../../src/core/narrative/facts';
import { fmt } from '../../../src/core/numbers';

export interface StyleOptions {
  profile: 'hunan' | 'shanghai';
  numbering: '1.' | '（一）' | '1、' | '（1）';
  quoted: boolean;
  /** '2080106就业管理事务（项）' instead of the 类/款/项 chain. */
  codes: boolean;
  /** The 主要用于 clause ends with '，' before the figures (else with '。'). */
  clauseComma: boolean;
}

export interface StyledText {
  lines: string[];
  /** 0-based line of each 项 described. */
  itemLine: Map<string, number>;
  at: Record<'overall' | 'income' | 'expenditure' | 'structure' | 'detailHead' | 'basic' | 'threePublic' | 'operating', number>;
}

const w = (v: number) => `${fmt(v)}万元`;
const p = (a: number, b: number) => `${fmt((a / b) * 100)}%`;
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const PURPOSE = '主要用于支付在职人员基本工资、津贴补贴、绩效工资、福利费、住房公积金，以及公用经费、项目支出中的办公费、印刷费、其他交通费用、公务接待费、公务用车运行维护费等经费支出';

function num(style: StyleOptions['numbering'], k: number): string {
  if (style === '1.') return `${k}.`;
  if (style === '1、') return `${k}、`;
  if (style === '（1）') return `（${k}）`;
  return `（${CN[k - 1] ?? k}）`;
}

/** A year-on-year clause consistent with itself (prior from the facts, else invented). */
function change(subject: string, current: number, prior: number | null, year: number): string {
  const before = prior ?? Number((current * 0.9).toFixed(2));
  const d = Number((current - before).toFixed(2));
  if (d === 0) return `与${year - 1}年度相比，${subject}持平。`;
  const up = d > 0;
  if (before === 0) return `与${year - 1}年度相比，${subject}增加${w(d)}，上年无此项支出。主要原因是新增业务。`;
  return `与${year - 1}年度相比，${subject}${up ? '增加' : '减少'}${w(Math.abs(d))}，${up ? '增长' : '下降'}${p(Math.abs(d), before)}。主要原因是业务量${up ? '增加' : '减少'}。`;
}

export function writeRealStyle(f: NarrativeFacts, o: StyleOptions): StyledText {
  const year = f.year ?? 2023;
  const unit = f.unitName ?? '本单位';
  const q = (s: string) => (o.quoted ? `“${s}”` : s);
  const lines: string[] = [];
  const at = {} as StyledText['at'];
  const itemLine = new Map<string, number>();
  const sh = o.profile === 'shanghai';
  lines.push(sh ? `第三部分 ${unit}${year}年度部门决算情况说明` : `第三部分 ${year}年度部门决算情况说明`);
  lines.push('一、收入支出决算总体情况说明');
  at.overall = lines.length;
  const total = f.grandTotal as number;
  lines.push(sh ? `${unit}${year}年度收入支出总计${w(total)}。${change('收入支出总计', total, f.prior.grandTotal, year)}` : `${year}年度收、支总计${w(total)}。${change('收、支总计', total, f.prior.grandTotal, year)}`);
  lines.push('二、收入决算情况说明');
  at.income = lines.length;
  const inc = f.incomeTotal as number;
  const sources = ([['财政拨款收入', f.income.fiscal], ['上级补助收入', f.income.superior], ['事业收入', f.income.business], ['其他收入', f.income.other]] as [string, number | null][]).filter(([, v]) => v);
  lines.push(`本年收入合计${w(inc)}，其中：${sources.map(([n, v]) => `${q(n)}${w(v as number)}，占${p(v as number, inc)}`).join('；')}。`);
  lines.push('三、支出决算情况说明');
  at.expenditure = lines.length;
  const exp = f.expenditureTotal as number;
  const parts = ([['基本支出', f.expenditure.basic], ['项目支出', f.expenditure.project]] as [string, number | null][]).filter(([, v]) => v);
  lines.push(`本年支出合计${w(exp)}，其中：${parts.map(([n, v]) => `${q(n)}${w(v as number)}，占${p(v as number, exp)}`).join('；')}。`);
  lines.push('四、财政拨款收入支出决算总体情况说明');
  lines.push(`${sh ? unit : ''}${year}年度财政拨款收入支出总计${w(f.fiscalGrandTotal as number)}。${change('财政拨款收入支出总计', f.fiscalGrandTotal as number, f.prior.fiscalGrandTotal, year)}`);
  lines.push('五、一般公共预算财政拨款支出决算情况说明');
  const g = f.general!;
  lines.push('（一）一般公共预算财政拨款支出决算总体情况');
  lines.push(`一般公共预算财政拨款支出${w(g.total as number)}，占本年支出合计的${p(g.total as number, exp)}。${change('一般公共预算财政拨款支出', g.total as number, f.prior.generalExpenditure, year)}`);
  lines.push('（二）一般公共预算财政拨款支出决算结构情况');
  at.structure = lines.length;
  const classes = f.generalItems.filter((i) => i.level === 'class' && i.values.total);
  lines.push(`一般公共预算财政拨款支出${w(g.total as number)}，主要用于以下方面：${classes.map((c) => `${q(c.name)}（类）${w(c.values.total as number)}，占${p(c.values.total as number, g.total as number)}`).join('；')}。`);
  lines.push('（三）一般公共预算财政拨款支出决算具体情况');
  at.detailHead = lines.length - 1;
  const items = f.generalItems.filter((i) => i.level === 'item' && i.code && (i.values.total || i.values.budget));
  const nameOf = (code: string) => f.generalItems.find((i) => i.code === code)?.name ?? '';
  const budgets = items.map((i) => i.values.budget ?? Number(((i.values.total ?? 0) * 1.05).toFixed(2)));
  const bTotal = g.budget ?? Number(budgets.reduce((a, b) => a + b, 0).toFixed(2));
  const cmp = (a: number, b: number) => (a > b ? '大于' : a < b ? '小于' : '等于');
  lines.push(`一般公共预算财政拨款支出年初预算为${w(bTotal)}，支出决算为${w(g.total as number)}，完成年初预算的${p(g.total as number, bTotal)}。${cmp(g.total as number, bTotal) === '等于' ? '决算数等于预算数。' : `决算数${cmp(g.total as number, bTotal)}预算数的主要原因是年中追加项目。`}其中：`);
  items.forEach((it: CodedItem, k) => {
    const code = it.code as string;
    const subject = o.codes ? `${code}${q(it.name)}（项）` : `${q(nameOf(code.slice(0, 3)))}（类）${q(nameOf(code.slice(0, 5)))}（款）${q(it.name)}（项）`;
    const a = it.values.total ?? 0;
    const b = budgets[k];
    const word = cmp(a, b);
    const tail = word === '等于' ? '决算数与预算数持平。' : `决算数${word}预算数的主要原因是${word === '大于' ? '年中追加经费' : '厉行节约'}。`;
    itemLine.set(code, lines.length);
    lines.push(`${num(o.numbering, k + 1)}${subject}，${PURPOSE}${o.clauseComma ? '，' : '。'}年初预算为${w(b)}，支出决算为${w(a)}${b ? `，完成年初预算的${p(a, b)}` : ''}，${tail}`);
  });
  lines.push('六、一般公共预算财政拨款基本支出决算情况说明');
  at.basic = lines.length;
  lines.push(`一般公共预算财政拨款基本支出${w((f.personnel ?? 0) + (f.publicFunds ?? 0))}。其中：人员经费${w(f.personnel ?? 0)}，主要包括：基本工资、津贴补贴、奖金、福利费、退休费；公用经费${w(f.publicFunds ?? 0)}，主要包括：办公费、印刷费、福利费、公务接待费、其他交通费用。`);
  lines.push('七、财政拨款“三公”经费支出决算情况说明');
  at.threePublic = lines.length;
  const t = f.threePublic.actual!;
  const tb = f.threePublic.budget;
  const tTotal = t.total ?? 0;
  const tBudget = tb?.total ?? null;
  lines.push(
    `“三公”经费财政拨款支出${tBudget !== null ? `年初预算为${w(tBudget)}，` : ''}支出决算为${w(tTotal)}${tBudget ? `，完成预算的${p(tTotal, tBudget)}` : ''}。` +
      (tBudget !== null && cmp(tTotal, tBudget) !== '等于' ? `决算数${cmp(tTotal, tBudget)}预算数的主要原因是严控支出。` : '') +
      `${year}年度“三公”经费财政拨款支出决算数${change('', tTotal, f.prior.threePublic, year).replace(/^与\d+年度相比，/, `比${year - 1}年度`)}`,
  );
  at.operating = -1;
  if (sh) {
    lines.push('十、预算绩效管理情况');
    lines.push(`${unit}${year}年度开展绩效自评，自评结果良好。`);
    lines.push('十一、其他重要事项的情况说明');
    lines.push('（一）机关运行经费支出情况');
    at.operating = lines.length;
    const cost = f.publicFunds ?? 0;
    lines.push(`机关运行经费支出${w(cost)}，${change('', cost, f.prior.operatingCost, year).replace(/^与\d+年度相比，/, `比${year - 1}年度`)}`);
  }
  return { lines, itemLine, at };
}
