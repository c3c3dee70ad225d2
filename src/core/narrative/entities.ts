// The things a 情况说明 talks about (收入合计, 基本支出, 类/款/项, 三公 items, 人员经费 …), each with
// the amounts the tables give for it and the bases its share may be computed on. The checker
// recognises them in the text by name.
import type { NarrativeFacts, Wan, CodedItem } from './facts';
import { isAdministrative } from './facts';
import { supNumber, supText } from './supplement-keys';

export interface Base {
  label: string;
  value: number;
}

/** One amount the tables give for an entity and the bases its share may use. */
export interface Reading {
  value: number;
  bases: Base[];
  /** Where the figure comes from, for messages. */
  source: string;
}

export interface Entity {
  key: string;
  label: string;
  aliases: string[];
  readings: Reading[];
  /** 年初预算 (coded items, 一般公共预算财政拨款支出) or 预算数 (三公). */
  budget: number | null;
  /** The 决算 the budget is compared with (same table as the budget). */
  budgetActual: number | null;
  prior: number | null;
  /** When set, the prior-year figure is known to be missing (no change check possible). */
  code?: string;
  level?: 'class' | 'section' | 'item';
}

const num = (v: Wan): v is number => v !== null && v !== undefined && Number.isFinite(v);

export function buildEntities(f: NarrativeFacts): Entity[] {
  const out: Entity[] = [];
  const add = (e: Partial<Entity> & { key: string; label: string; aliases: string[] }) => {
    const ent: Entity = { readings: [], budget: null, budgetActual: null, prior: null, ...e };
    out.push(ent);
    return ent;
  };
  const r = (value: Wan, source: string, ...bases: [string, Wan][]): Reading[] =>
    num(value) ? [{ value, source, bases: bases.filter((b): b is [string, number] => num(b[1]) && b[1] !== 0).map(([label, v]) => ({ label, value: v })) }] : [];

  const incT = f.incomeTotal;
  const expT = f.expenditureTotal;
  const gT = f.general?.total ?? null;
  const basicG = f.general?.basic ?? (num(f.personnel) && num(f.publicFunds) ? f.personnel + f.publicFunds : null);
  const tpa = f.threePublic.actual;
  const tpb = f.threePublic.budget;
  const tpTotal = tpa?.total ?? null;

  // 总计 (收入支出总计 in Shanghai's wording, SPEC §6) includes 结转结余: it is the 总计 row, never 本年收入/支出合计.
  add({ key: 'grandTotal', label: '收、支总计', aliases: ['收、支总计', '收支总计', '收入、支出总计', '收入支出总计', '收入总计', '支出总计'], readings: r(f.grandTotal, '收入支出决算总表（总计）'), prior: f.prior.grandTotal });
  add({ key: 'fiscalGrandTotal', label: '财政拨款收、支总计', aliases: ['财政拨款收、支总计', '财政拨款收支总计', '财政拨款收入、支出总计', '财政拨款收入支出总计', '财政拨款收入总计', '财政拨款支出总计'], readings: r(f.fiscalGrandTotal, '财政拨款收入支出决算总表（总计）'), prior: f.prior.fiscalGrandTotal });
  add({ key: 'incomeTotal', label: '本年收入合计', aliases: ['本年收入合计', '收入合计'], readings: [...r(incT, '收入支出决算总表'), ...r(f.fiscalIncomeTotal, '财政拨款收入支出决算总表')], prior: f.prior.incomeTotal });
  add({ key: 'expenditureTotal', label: '本年支出合计', aliases: ['本年支出合计', '支出合计'], readings: [...r(expT, '支出决算表'), ...r(f.fiscalExpenditureTotal, '财政拨款收入支出决算总表')], prior: f.prior.expenditureTotal });
  const inc = f.income;
  const incomeBase: [string, Wan] = ['本年收入合计', incT];
  add({ key: 'fiscalIncome', label: '财政拨款收入', aliases: ['财政拨款收入'], readings: r(inc.fiscal, '收入决算表', incomeBase) });
  add({ key: 'fiscalGeneralIncome', label: '一般公共预算财政拨款收入', aliases: ['一般公共预算财政拨款收入'], readings: r(inc.fiscalGeneral, '收入支出决算总表', incomeBase, ['财政拨款收入', f.fiscalIncomeTotal]) });
  add({ key: 'govFundIncome', label: '政府性基金预算财政拨款收入', aliases: ['政府性基金预算财政拨款收入'], readings: r(inc.fiscalGovFund, '收入支出决算总表', incomeBase, ['财政拨款收入', f.fiscalIncomeTotal]) });
  add({ key: 'stateCapitalIncome', label: '国有资本经营预算财政拨款收入', aliases: ['国有资本经营预算财政拨款收入'], readings: r(inc.fiscalStateCapital, '收入支出决算总表', incomeBase, ['财政拨款收入', f.fiscalIncomeTotal]) });
  for (const [key, label, v] of [
    ['superior', '上级补助收入', inc.superior],
    ['business', '事业收入', inc.business],
    ['operatingIncome', '经营收入', inc.operating],
    ['affiliated', '附属单位上缴收入', inc.affiliated],
    ['other', '其他收入', inc.other],
  ] as const) {
    add({ key, label, aliases: [label], readings: r(v, '收入决算表', incomeBase) });
  }
  const expBase: [string, Wan] = ['本年支出合计', expT];
  const e = f.expenditure;
  add({ key: 'basic', label: '基本支出', aliases: ['基本支出'], readings: [...r(e.basic, '支出决算表', expBase), ...r(basicG, '一般公共预算财政拨款支出决算表', ['一般公共预算财政拨款支出', gT])] });
  add({ key: 'project', label: '项目支出', aliases: ['项目支出'], readings: [...r(e.project, '支出决算表', expBase), ...r(f.general?.project ?? null, '一般公共预算财政拨款支出决算表', ['一般公共预算财政拨款支出', gT])] });
  // 基本/项目支出 of a paragraph on 政府性基金 or 国有资本经营 (八、九) are that fund's figures; the
  // checker swaps them in by context (no alias: the bare words mean the unit's whole 支出).
  for (const [fund, label, src, t] of [
    ['govFund', '政府性基金预算财政拨款', '政府性基金预算财政拨款收入支出决算表', f.govFund],
    ['stateCapital', '国有资本经营预算财政拨款', '国有资本经营预算财政拨款支出决算表', f.stateCapital],
  ] as const) {
    const total: [string, Wan] = [`${label}支出`, t.total];
    add({ key: `${fund}.basic`, label: `${label}基本支出`, aliases: [], readings: r(t.basic, src, total) });
    add({ key: `${fund}.project`, label: `${label}项目支出`, aliases: [], readings: r(t.project, src, total) });
  }
  for (const [key, label, v] of [
    ['toSuperior', '上缴上级支出', e.toSuperior],
    ['operatingExp', '经营支出', e.operating],
    ['toAffiliated', '对附属单位补助支出', e.toAffiliated],
  ] as const) {
    add({ key, label, aliases: [label], readings: r(v, '支出决算表', expBase) });
  }
  add({
    key: 'general',
    label: '一般公共预算财政拨款支出',
    aliases: ['一般公共预算财政拨款支出'],
    readings: r(gT, '一般公共预算财政拨款支出决算表', expBase, ['财政拨款支出', f.fiscalExpenditureTotal]),
    budget: f.general?.budget ?? null,
    budgetActual: gT,
    prior: f.prior.generalExpenditure,
  });
  add({ key: 'generalBasic', label: '一般公共预算财政拨款基本支出', aliases: ['一般公共预算财政拨款基本支出'], readings: r(basicG, '一般公共预算财政拨款支出决算表', ['一般公共预算财政拨款支出', gT]) });
  add({ key: 'generalProject', label: '一般公共预算财政拨款项目支出', aliases: ['一般公共预算财政拨款项目支出'], readings: r(f.general?.project ?? null, '一般公共预算财政拨款支出决算表', ['一般公共预算财政拨款支出', gT]) });
  const basicBase: [string, Wan] = ['基本支出', basicG];
  add({ key: 'personnel', label: '人员经费', aliases: ['人员经费'], readings: r(f.personnel, '基本支出决算表', basicBase) });
  add({ key: 'public', label: '公用经费', aliases: ['公用经费'], readings: r(f.publicFunds, '基本支出决算表', basicBase) });
  if (isAdministrative(supText(f.sup, '单位性质'))) {
    add({ key: 'operatingCost', label: '机关运行经费', aliases: ['机关运行经费'], readings: r(f.publicFunds, '基本支出决算表（公用经费）'), prior: f.prior.operatingCost });
  }

  // 三公
  const tpBase: [string, Wan] = ['“三公”经费决算合计', tpTotal];
  add({ key: 'threePublic', label: '“三公”经费', aliases: ['三公经费财政拨款支出', '三公经费支出', '三公经费'], readings: r(tpTotal, '三公经费表'), budget: tpb?.total ?? null, budgetActual: tpTotal, prior: f.prior.threePublic });
  if (tpa) {
    add({ key: 'abroad', label: '因公出国（境）费', aliases: ['因公出国（境）费', '因公出国费', '因公出国（境）经费'], readings: r(tpa.abroad, '三公经费表', tpBase), budget: tpb?.abroad ?? null, budgetActual: tpa.abroad, prior: f.prior.abroad });
    add({
      key: 'vehicle',
      label: '公务用车购置及运行维护费',
      aliases: ['公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置及运行（维护）费', '公务用车购置和运行维护费'],
      readings: r(tpa.vehicleSubtotal ?? (num(tpa.vehiclePurchase) || num(tpa.vehicleOperation) ? (tpa.vehiclePurchase ?? 0) + (tpa.vehicleOperation ?? 0) : null), '三公经费表', tpBase),
      budget: tpb?.vehicleSubtotal ?? null,
      budgetActual: tpa.vehicleSubtotal,
      prior: f.prior.vehicle,
    });
    add({ key: 'vehiclePurchase', label: '公务用车购置费', aliases: ['公务用车购置费'], readings: r(tpa.vehiclePurchase, '三公经费表', tpBase, ['公务用车购置及运行维护费', tpa.vehicleSubtotal]), budget: tpb?.vehiclePurchase ?? null, budgetActual: tpa.vehiclePurchase });
    add({ key: 'vehicleOperation', label: '公务用车运行维护费', aliases: ['公务用车运行维护费', '公务用车运行费', '公务用车运行（维护）费'], readings: r(tpa.vehicleOperation, '三公经费表', tpBase, ['公务用车购置及运行维护费', tpa.vehicleSubtotal]), budget: tpb?.vehicleOperation ?? null, budgetActual: tpa.vehicleOperation });
    add({ key: 'reception', label: '公务接待费', aliases: ['公务接待费'], readings: r(tpa.reception, '三公经费表', tpBase), budget: tpb?.reception ?? null, budgetActual: tpa.reception, prior: f.prior.reception });
  }

  // 会议费 / 培训费 / 政府采购 from 补充信息 (or the basic-detail table).
  const meeting = supNumber(f.sup, '会议费');
  const training = supNumber(f.sup, '培训费');
  if (num(meeting)) add({ key: 'meeting', label: '会议费', aliases: ['会议费'], readings: r(meeting, '补充信息') });
  if (num(training)) add({ key: 'training', label: '培训费', aliases: ['培训费'], readings: r(training, '补充信息') });
  const proc = supNumber(f.sup, '政府采购支出总额');
  if (num(proc)) add({ key: 'procurement', label: '政府采购支出总额', aliases: ['政府采购支出总额', '政府采购支出'], readings: r(proc, '补充信息') });

  // 绩效自评: the scorecards' 全年预算数 / 全年执行数, per project and in total (section 十四).
  const sumOf = (xs: Wan[]) => (xs.some(num) ? Number(xs.reduce<number>((a, x) => a + (x ?? 0), 0).toFixed(8)) : null);
  const cards = (key: string, alias: string, list: NarrativeFacts['projectScorecards']) => {
    if (!list.length) return;
    const executed = sumOf(list.map((p) => p.executed));
    const budget = sumOf(list.map((p) => p.fullBudget));
    add({ key, label: alias, aliases: [alias], readings: r(executed, '绩效自评表'), budget, budgetActual: executed });
  };
  cards('deptScorecards', '部门整体支出绩效自评', f.deptScorecards);
  cards('projectScorecards', '项目支出绩效自评', f.projectScorecards);
  for (const p of f.projectScorecards) {
    if (!p.name || p.name.length < 4 || out.some((e) => e.aliases.includes(p.name))) continue;
    add({ key: `card:${p.name}`, label: p.name, aliases: [p.name], readings: r(p.executed, '绩效自评表'), budget: p.fullBudget, budgetActual: p.executed });
  }

  // 经济分类 names of the basic-detail table (基本工资 …) not already known.
  const taken = new Set(out.flatMap((x) => x.aliases));
  for (const ec of f.economic) {
    if (!ec.name || taken.has(ec.name) || !num(ec.value)) continue;
    const groupTotal = ec.group === 'personnel' ? f.personnel : f.publicFunds;
    add({ key: `econ:${ec.code ?? ec.name}`, label: ec.name, aliases: [ec.name], readings: r(ec.value, '基本支出决算表', [ec.group === 'personnel' ? '人员经费' : '公用经费', groupTotal], basicBase) });
    taken.add(ec.name);
  }

  // 功能分类 类/款/项: one entity per code, named as in the tables.
  const byCode = new Map<string, { gb?: CodedItem; ex?: CodedItem }>();
  for (const it of f.generalItems) if (it.code) byCode.set(it.code, { ...byCode.get(it.code), gb: it });
  for (const it of f.expenditureItems) if (it.code) byCode.set(it.code, { ...byCode.get(it.code), ex: it });
  for (const [code, { gb, ex }] of byCode) {
    const name = (gb ?? ex)!.name;
    const lvl = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
    const parentGb = code.length > 3 ? f.generalItems.find((i) => i.code === code.slice(0, code.length === 7 ? 5 : 3)) : undefined;
    const parentEx = code.length > 3 ? f.expenditureItems.find((i) => i.code === code.slice(0, code.length === 7 ? 5 : 3)) : undefined;
    add({
      key: `fn:${code}`,
      label: name,
      aliases: [name],
      code,
      level: lvl,
      readings: [
        ...(gb ? r(gb.values.total ?? null, '一般公共预算财政拨款支出决算表', ['一般公共预算财政拨款支出', gT], ['上级科目', parentGb?.values.total ?? null]) : []),
        ...(ex ? r(ex.values.total ?? null, '支出决算表', expBase, ['上级科目', parentEx?.values.total ?? null]) : []),
      ],
      budget: gb ? gb.values.budget ?? null : null,
      budgetActual: gb ? gb.values.total ?? null : null,
    });
  }
  return out;
}

/** Bases a share might wrongly have been computed on, to explain an error. */
export function alternativeBases(f: NarrativeFacts): Base[] {
  const list: [string, Wan][] = [
    ['本年收入合计', f.incomeTotal],
    ['本年支出合计', f.expenditureTotal],
    ['收、支总计', f.grandTotal],
    ['一般公共预算财政拨款支出', f.general?.total ?? null],
    ['年初预算数', f.general?.budget ?? null],
    ['“三公”经费决算合计', f.threePublic.actual?.total ?? null],
    ['“三公”经费预算数', f.threePublic.budget?.total ?? null],
  ];
  return list.filter((b): b is [string, number] => num(b[1]) && b[1] !== 0).map(([label, value]) => ({ label, value }));
}
