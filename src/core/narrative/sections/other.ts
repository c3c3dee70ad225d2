// 八 政府性基金, 九 国有资本经营, 机关运行经费, 一般性支出, 政府采购, 国有资产占用. Nothing spent is
// said as officers say it (无…收入和支出, 未发生…支出); a missing fact is a marked placeholder.
import type { SectionContext } from './context';
import { count, percent, wan } from '../frames';
import type { CodedItem, Wan } from '../facts';
import { isAdministrative } from '../facts';
import { supNumber, supText } from '../supplement-keys';
import { itemChain } from './names';
import { yoySentence } from './yoy';

const nz = (v: Wan): v is number => v !== null && v !== 0;

/** '（其中：基本支出X万元，项目支出Y万元）', zero parts left out. */
function split(basic: Wan, project: Wan, open: string, close: string): string {
  const sub = [nz(basic) ? `基本支出${wan(basic)}` : '', nz(project) ? `项目支出${wan(project)}` : ''].filter(Boolean);
  return sub.length ? `${open}${sub.join('，')}${close}` : '';
}

/** The fund's 项 with money: '按科目分：住房保障支出（类）…（项）105.00万元。' */
function itemList(c: SectionContext, items: CodedItem[]): string {
  const list = items.filter((i) => i.level === 'item' && nz(i.values.total ?? null)).map((i) => `${itemChain(items, i, c.f.year)}${wan(i.values.total as number)}`);
  return list.length ? `按科目分：${list.join('；')}。` : '';
}

export function govFundSection(c: SectionContext): string[] {
  const g = c.f.govFund;
  if (!g.present) return [c.needTable('gov-fund')];
  if (g.empty || ![g.opening, g.income, g.total, g.closing].some(nz)) return [`${c.unit}${c.yearText}无政府性基金预算财政拨款收入和支出。`];
  const parts = [nz(g.opening) ? `年初结转和结余${wan(g.opening)}` : '', `本年收入${wan(g.income ?? 0)}`, `本年支出${wan(g.total ?? 0)}${split(g.basic, g.project, '（其中：', '）')}`, nz(g.closing) ? `年末结转和结余${wan(g.closing)}` : ''].filter(Boolean);
  return [`${c.yearText}政府性基金预算财政拨款${parts.join('，')}。${itemList(c, g.items)}`];
}

export function stateCapitalSection(c: SectionContext): string[] {
  const s = c.f.stateCapital;
  if (!s.present) return [c.needTable('state-capital')];
  if (s.empty || !nz(s.total)) return [`${c.unit}${c.yearText}无国有资本经营预算财政拨款收入和支出。`];
  return [`${c.yearText}国有资本经营预算财政拨款支出${wan(s.total)}${split(s.basic, s.project, '，其中：', '')}。${itemList(c, s.items)}`];
}

export function operatingCostSection(c: SectionContext): string[] {
  const { f } = c;
  const nature = supText(f.sup, '单位性质');
  const admin = isAdministrative(nature);
  if (admin === null) return [`${c.yearText}机关运行经费支出${c.needSup(['单位性质'])}。`];
  if (!admin) return [`${c.unit}为${nature}，不适用机关运行经费口径，无机关运行经费支出。`];
  if (f.publicFunds === null) return [c.needTable('basic-detail')];
  // 行政单位和参照公务员法管理事业单位的机关运行经费即公用经费（SPEC §6）。
  if (f.publicFunds === 0 && (f.prior.operatingCost ?? 0) === 0) return [`${c.yearText}${c.unit}未发生机关运行经费支出。`];
  return [`${c.yearText}${c.unit}机关运行经费支出${wan(f.publicFunds)}。${yoySentence(c, '机关运行经费', f.publicFunds, f.prior.operatingCost, { key: '上年机关运行经费', reason: ['机关运行经费'] })}`];
}

function economicValue(c: SectionContext, code: string): Wan {
  if (!c.f.present.has('basic-detail')) return null;
  const e = c.f.economic.find((x) => x.code === code);
  return e ? e.value : null;
}

export function generalSpendingSection(c: SectionContext): string[] {
  const { f } = c;
  const sup = (k: string) => supNumber(f.sup, k);
  const item = (label: string, key: string, code: string, times: string, people: string) => {
    const v = sup(key) ?? economicValue(c, code);
    if (v === null) return `${label}支出${c.needSup([key])}`;
    if (v === 0) return `未发生${label}支出`;
    const t = sup(times);
    const p = sup(people);
    const extra = [t !== null ? `${count(t)}次` : '', p !== null ? `${count(p)}人次` : ''].filter(Boolean).join('、');
    return `${label}支出${wan(v)}${extra ? `（${extra}）` : ''}`;
  };
  const fest = sup('节庆论坛赛事活动支出');
  const parts = [
    item('会议费', '会议费', '30215', '会议次数', '会议人次'),
    item('培训费', '培训费', '30216', '培训次数', '培训人次'),
    fest === null ? `节庆、晚会、论坛、赛事活动支出${c.needSup(['节庆论坛赛事活动支出'])}` : fest === 0 ? '未举办节庆、晚会、论坛、赛事活动' : `举办节庆、晚会、论坛、赛事活动支出${wan(fest)}`,
  ];
  return [`${c.yearText}${c.unit}${parts.join('；')}。`];
}

export function procurementSection(c: SectionContext): string[] {
  const sup = (k: string) => supNumber(c.f.sup, k);
  const total = sup('政府采购支出总额');
  if (total === null) return [`${c.yearText}政府采购支出总额${c.needSup(['政府采购支出总额'])}。`];
  if (total === 0) return [`${c.yearText}${c.unit}未发生政府采购支出。`];
  let text = `${c.yearText}${c.unit}政府采购支出总额${wan(total)}`;
  const kinds = (
    [
      ['货物', sup('政府采购货物支出')],
      ['工程', sup('政府采购工程支出')],
      ['服务', sup('政府采购服务支出')],
    ] as [string, number | null][]
  ).filter((k): k is [string, number] => nz(k[1]));
  if (kinds.length) text += `，其中：${kinds.map(([k, v]) => `政府采购${k}支出${wan(v)}`).join('、')}`;
  text += '。';
  const sme = sup('授予中小企业合同金额');
  if (sme === null) return [`${text}授予中小企业合同金额${c.needSup(['授予中小企业合同金额'])}。`];
  text += `授予中小企业合同金额${wan(sme)}，占政府采购支出总额的${percent(sme, total)}`;
  const small = sup('授予小微企业合同金额');
  if (nz(small)) text += `，其中：授予小微企业合同金额${wan(small)}，占政府采购支出总额的${percent(small, total)}`;
  return [`${text}。`];
}

export function assetsSection(c: SectionContext): string[] {
  const sup = (k: string) => supNumber(c.f.sup, k);
  const cars = sup('车辆总数');
  const equip = sup('单价100万元以上设备');
  const parts: string[] = [];
  if (cars === null) parts.push(`车辆${c.needSup(['车辆总数'])}`);
  else if (cars === 0) parts.push(`${c.unit}无车辆`);
  else {
    const kinds = ['领导干部用车', '一般公务用车', '执法执勤用车', '特种专业技术用车', '其他用车']
      .map((k) => [k, sup(k)] as const)
      .filter((k): k is readonly [string, number] => nz(k[1]));
    parts.push(`${c.unit}共有车辆${count(cars)}辆${kinds.length ? `，其中：${kinds.map(([k, n]) => `${k}${count(n)}辆`).join('、')}` : ''}`);
  }
  if (equip === null) parts.push(`单价100万元以上设备${c.needSup(['单价100万元以上设备'])}`);
  else parts.push(equip === 0 ? '无单价100万元（含）以上设备' : `单价100万元（含）以上设备${count(equip)}台（套）`);
  return [`截至${c.yearEnd}，${parts.join('；')}。`];
}

export { performanceSection } from './performance';
