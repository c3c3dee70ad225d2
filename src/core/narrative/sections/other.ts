// 八 政府性基金, 九 国有资本经营, 十 机关运行经费, 十一 一般性支出, 十二 政府采购,
// 十三 国有资产占用, 十四 预算绩效情况.
import type { SectionContext } from './context';
import { changeClause, count, percent, wan } from '../frames';
import type { Wan } from '../facts';
import { isAdministrative } from '../facts';
import { supNumber, supText } from '../supplement-keys';
import { fmt } from '../../numbers';

const nz = (v: Wan) => v !== null && v !== 0;

export function govFundSection(c: SectionContext): string[] {
  const g = c.f.govFund;
  if (!g.present) return [c.needTable('gov-fund')];
  if (g.empty || ![g.opening, g.income, g.total, g.closing].some(nz)) {
    return [`本单位${c.yearText}无政府性基金预算财政拨款收入支出，故政府性基金预算财政拨款收入支出决算表为空表。`];
  }
  const sub: string[] = [];
  if (nz(g.basic)) sub.push(`基本支出${wan(g.basic as number)}`);
  if (nz(g.project)) sub.push(`项目支出${wan(g.project as number)}`);
  return [
    `${c.yearText}政府性基金预算财政拨款年初结转和结余${wan(g.opening ?? 0)}，本年收入${wan(g.income ?? 0)}，本年支出${wan(g.total ?? 0)}` +
      `${sub.length ? `（其中：${sub.join('，')}）` : ''}，年末结转和结余${wan(g.closing ?? 0)}。`,
  ];
}

export function stateCapitalSection(c: SectionContext): string[] {
  const s = c.f.stateCapital;
  if (!s.present) return [c.needTable('state-capital')];
  if (s.empty || !nz(s.total)) return [`本单位${c.yearText}无国有资本经营预算财政拨款支出，故国有资本经营预算财政拨款支出决算表为空表。`];
  const sub: string[] = [];
  if (nz(s.basic)) sub.push(`基本支出${wan(s.basic as number)}`);
  if (nz(s.project)) sub.push(`项目支出${wan(s.project as number)}`);
  return [`${c.yearText}国有资本经营预算财政拨款支出${wan(s.total as number)}${sub.length ? `，其中：${sub.join('，')}` : ''}。`];
}

export function operatingCostSection(c: SectionContext): string[] {
  const { f } = c;
  const nature = supText(f.sup, '单位性质');
  const admin = isAdministrative(nature);
  if (admin === null) return [c.needSup(['单位性质'])];
  if (!admin) return [`本单位为${nature}，机关运行经费口径不适用于本单位。`];
  if (f.publicFunds === null) return [c.needTable('basic-detail')];
  // 行政单位和参照公务员法管理事业单位的机关运行经费即公用经费（SPEC §6）。
  let text = `${c.yearText}本单位机关运行经费支出${wan(f.publicFunds)}。`;
  if (f.prior.operatingCost === null) text += `${changeClause('机关运行经费', f.publicFunds, null).text}${c.needSup(['上年机关运行经费'])}。`;
  else {
    const cl = changeClause('机关运行经费', f.publicFunds, f.prior.operatingCost);
    text += cl.sign ? `${cl.text}。主要原因是${c.reason('机关运行经费')}。` : `${cl.text}。`;
  }
  return [text];
}

function economicValue(c: SectionContext, code: string): Wan {
  if (!c.f.present.has('basic-detail')) return null;
  const e = c.f.economic.find((x) => x.code === code);
  return e ? e.value : null;
}

export function generalSpendingSection(c: SectionContext): string[] {
  const { f } = c;
  const sup = (k: string) => supNumber(f.sup, k);
  const parts: string[] = [];
  const item = (label: string, key: string, code: string, times: string, people: string) => {
    const v = sup(key) ?? economicValue(c, code);
    if (v === null) return `${label}${c.needSup([key])}`;
    const t = sup(times);
    const p = sup(people);
    const extra = [t !== null ? `${count(t)}次` : '', p !== null ? `${count(p)}人次` : ''].filter(Boolean).join('、');
    return `${label}支出${wan(v)}${extra ? `（${extra}）` : ''}`;
  };
  parts.push(item('会议费', '会议费', '30215', '会议次数', '会议人次'));
  parts.push(item('培训费', '培训费', '30216', '培训次数', '培训人次'));
  const fest = sup('节庆论坛赛事活动支出');
  if (fest === null) parts.push(`节庆、晚会、论坛、赛事活动${c.needSup(['节庆论坛赛事活动支出'])}`);
  else parts.push(fest === 0 ? '未举办节庆、晚会、论坛、赛事活动' : `举办节庆、晚会、论坛、赛事活动支出${wan(fest)}`);
  return [`${c.yearText}本单位${parts.join('；')}。`];
}

export function procurementSection(c: SectionContext): string[] {
  const sup = (k: string) => supNumber(c.f.sup, k);
  const total = sup('政府采购支出总额');
  if (total === null) return [c.needSup(['政府采购支出总额'])];
  if (total === 0) return [`${c.yearText}本单位未发生政府采购支出。`];
  let text = `${c.yearText}本单位政府采购支出总额${wan(total)}`;
  const kinds = [
    ['货物', sup('政府采购货物支出')],
    ['工程', sup('政府采购工程支出')],
    ['服务', sup('政府采购服务支出')],
  ].filter((k): k is [string, number] => k[1] !== null);
  if (kinds.length) text += `，其中：${kinds.map(([k, v]) => `政府采购${k}支出${wan(v)}`).join('、')}`;
  text += '。';
  const sme = sup('授予中小企业合同金额');
  if (sme !== null) {
    text += `授予中小企业合同金额${wan(sme)}，占政府采购支出总额的${percent(sme, total)}`;
    const small = sup('授予小微企业合同金额');
    if (small !== null) text += `，其中：授予小微企业合同金额${wan(small)}，占政府采购支出总额的${percent(small, total)}`;
    text += '。';
  } else text += c.needSup(['授予中小企业合同金额']);
  return [text];
}

export function assetsSection(c: SectionContext): string[] {
  const sup = (k: string) => supNumber(c.f.sup, k);
  const cars = sup('车辆总数');
  const equip = sup('单价100万元以上设备');
  const parts: string[] = [];
  if (cars === null) parts.push(`车辆${c.needSup(['车辆总数'])}`);
  else {
    const kinds = ['领导干部用车', '一般公务用车', '执法执勤用车', '特种专业技术用车', '其他用车']
      .map((k) => [k, sup(k)] as const)
      .filter((k): k is readonly [string, number] => k[1] !== null && k[1] !== 0);
    parts.push(`本单位共有车辆${count(cars)}辆${kinds.length ? `，其中：${kinds.map(([k, n]) => `${k}${count(n)}辆`).join('、')}` : ''}`);
  }
  if (equip === null) parts.push(`单价100万元以上设备${c.needSup(['单价100万元以上设备'])}`);
  else parts.push(equip === 0 ? '无单价100万元以上设备' : `单价100万元以上设备${count(equip)}台（套）`);
  return [`截至${c.yearEnd}，${parts.join('；')}。`];
}

export function performanceSection(c: SectionContext): string[] {
  const { f } = c;
  const dept = f.deptScorecards;
  const proj = f.projectScorecards;
  if (!dept.length && !proj.length) return [c.needTable('perf-project-scorecard')];
  const out: string[] = [];
  const score = (s: number | null) => (s === null ? '（自评表未填得分）' : `${fmt(s)}分`);
  if (dept.length) {
    out.push(
      `${c.yearText}本单位开展部门整体支出绩效自评${dept.length}个，` +
        dept.map((d) => `${d.executed !== null ? `全年执行数${wan(d.executed)}，` : ''}自评得分${score(d.score)}`).join('；') +
        '。',
    );
  }
  if (proj.length) {
    const budget = proj.reduce((s, p) => s + (p.fullBudget ?? 0), 0);
    const executed = proj.reduce((s, p) => s + (p.executed ?? 0), 0);
    const scored = proj.filter((p) => p.score !== null);
    const avg = scored.length ? scored.reduce((s, p) => s + (p.score as number), 0) / scored.length : null;
    let t = `${c.yearText}本单位开展项目支出绩效自评${proj.length}个，涉及全年预算数${wan(budget)}、全年执行数${wan(executed)}`;
    const rate = percent(executed, budget);
    if (rate) t += `，执行率${rate}`;
    t += avg !== null ? `，平均得分${fmt(avg)}分` : '';
    t += `。其中：${proj.map((p) => `${p.name || '（未填项目名称）'}${p.executed !== null ? `执行${wan(p.executed)}，` : ''}自评得分${score(p.score)}`).join('；')}。`;
    out.push(t);
  }
  return out;
}
