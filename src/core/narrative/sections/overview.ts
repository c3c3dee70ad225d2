// 一 收入支出决算总体情况, 二 收入决算情况, 三 支出决算情况, 四 财政拨款收入支出决算总体情况.
import type { SectionContext } from './context';
import { changeClause, percent, wan } from '../frames';
import type { Wan } from '../facts';

/** 'X，主要原因是【…】。' only when there is a change to explain. */
function withReason(clause: { text: string; sign: number | null }, reason: string): string {
  return clause.sign ? `${clause.text}。主要原因是${reason}。` : `${clause.text}。`;
}

export function overallSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.grandTotal === null) return [c.needTable('summary')];
  const head = `${c.yearText}收、支总计${wan(f.grandTotal)}。`;
  if (f.prior.grandTotal === null) return [`${head}${changeClause('收、支总计', f.grandTotal, null).text}${c.needSup(['上年收支总计'])}。`];
  return [head + withReason(changeClause('收、支总计', f.grandTotal, f.prior.grandTotal, true), c.reason('收支总计'))];
}

interface Part {
  label: string;
  value: Wan;
}

/** 'A X万元，占Y%；B …' with zero parts omitted; each share rounded on its own. */
function parts(list: Part[], base: Wan, baseOf = ''): string[] {
  const out: string[] = [];
  for (const p of list) {
    if (p.value === null || p.value === 0) continue;
    const share = percent(p.value, base);
    out.push(`${p.label}${wan(p.value)}${share ? `，占${baseOf}${share}` : ''}`);
  }
  return out;
}

export function incomeSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.incomeTotal === null) return [c.needTable('income')];
  const i = f.income;
  const list = parts(
    [
      { label: '财政拨款收入', value: i.fiscal },
      { label: '上级补助收入', value: i.superior },
      { label: '事业收入', value: i.business },
      { label: '经营收入', value: i.operating },
      { label: '附属单位上缴收入', value: i.affiliated },
      { label: '其他收入', value: i.other },
    ],
    f.incomeTotal,
  );
  let text = `${c.yearText}收入合计${wan(f.incomeTotal)}`;
  text += list.length ? `，其中：${list.join('；')}。` : '。';
  if (f.prior.incomeTotal !== null) {
    text += `${changeClause('收入合计', f.incomeTotal, f.prior.incomeTotal).text}。`;
  }
  const extra: string[] = [];
  if (f.useNonFiscalBalance) extra.push(`使用非财政拨款结余${wan(f.useNonFiscalBalance)}`);
  if (f.openingBalance) extra.push(`年初结转和结余${wan(f.openingBalance)}`);
  if (extra.length) text += `此外，${extra.join('，')}。`;
  return [text];
}

export function expenditureSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.expenditureTotal === null) return [c.needTable('expenditure')];
  const e = f.expenditure;
  const list = parts(
    [
      { label: '基本支出', value: e.basic },
      { label: '项目支出', value: e.project },
      { label: '上缴上级支出', value: e.toSuperior },
      { label: '经营支出', value: e.operating },
      { label: '对附属单位补助支出', value: e.toAffiliated },
    ],
    f.expenditureTotal,
  );
  let text = `${c.yearText}支出合计${wan(f.expenditureTotal)}`;
  text += list.length ? `，其中：${list.join('；')}。` : '。';
  if (f.prior.expenditureTotal !== null) text += `${changeClause('支出合计', f.expenditureTotal, f.prior.expenditureTotal).text}。`;
  const extra: string[] = [];
  if (f.balanceDistribution) extra.push(`结余分配${wan(f.balanceDistribution)}`);
  if (f.closingBalance) extra.push(`年末结转和结余${wan(f.closingBalance)}`);
  if (extra.length) text += `此外，${extra.join('，')}。`;
  return [text];
}

export function fiscalOverallSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.fiscalGrandTotal === null) return [c.needTable('fiscal-summary')];
  const head = `${c.yearText}财政拨款收、支总计${wan(f.fiscalGrandTotal)}。`;
  if (f.prior.fiscalGrandTotal === null) return [`${head}${changeClause('财政拨款收、支总计', f.fiscalGrandTotal, null).text}${c.needSup(['上年财政拨款收支总计'])}。`];
  return [head + withReason(changeClause('财政拨款收、支总计', f.fiscalGrandTotal, f.prior.fiscalGrandTotal, true), c.reason('财政拨款收支总计'))];
}
