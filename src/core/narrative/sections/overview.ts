// 一 收入支出决算总体情况, 二 收入决算情况, 三 支出决算情况, 四 财政拨款收入支出决算总体情况.
import type { SectionContext } from './context';
import { percent, wan } from '../frames';
import type { Wan } from '../facts';
import { yoySentence } from './yoy';

export function overallSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.grandTotal === null) return [c.needTable('summary')];
  // Shanghai prints '收入支出总计' (the 总计 rows, SPEC §6); Hunan '收、支总计'.
  const subject = c.profile === 'shanghai' ? '收入支出总计' : '收、支总计';
  const head = c.profile === 'shanghai' ? `${c.unit}${c.yearText}${subject}${wan(f.grandTotal)}。` : `${c.yearText}${subject}${wan(f.grandTotal)}。`;
  return [head + yoySentence(c, subject, f.grandTotal, f.prior.grandTotal, { key: '上年收支总计', reason: ['收支总计'], each: c.profile !== 'shanghai' })];
}

interface Part {
  label: string;
  value: Wan;
}

/** 'A X万元，占Y%；B …' with zero parts omitted; each share rounded on its own. */
function parts(list: Part[], base: Wan): string[] {
  const out: string[] = [];
  for (const p of list) {
    if (p.value === null || p.value === 0) continue;
    const share = percent(p.value, base);
    out.push(`${p.label}${wan(p.value)}${share ? `，占${share}` : ''}`);
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
  let text = `本年收入合计${wan(f.incomeTotal)}`;
  text += list.length ? `，其中：${list.join('；')}。` : '。';
  if (f.prior.incomeTotal !== null) text += yoySentence(c, '本年收入合计', f.incomeTotal, f.prior.incomeTotal, { key: '上年收入合计', reason: ['收入合计', '收支总计'] });
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
  let text = `本年支出合计${wan(f.expenditureTotal)}`;
  text += list.length ? `，其中：${list.join('；')}。` : '。';
  if (f.prior.expenditureTotal !== null) text += yoySentence(c, '本年支出合计', f.expenditureTotal, f.prior.expenditureTotal, { key: '上年支出合计', reason: ['支出合计', '收支总计'] });
  const extra: string[] = [];
  if (f.balanceDistribution) extra.push(`结余分配${wan(f.balanceDistribution)}`);
  if (f.closingBalance) extra.push(`年末结转和结余${wan(f.closingBalance)}`);
  if (extra.length) text += `此外，${extra.join('，')}。`;
  return [text];
}

export function fiscalOverallSection(c: SectionContext): string[] {
  const { f } = c;
  if (f.fiscalGrandTotal === null) return [c.needTable('fiscal-summary')];
  const subject = c.profile === 'shanghai' ? '财政拨款收入支出总计' : '财政拨款收、支总计';
  const head = c.profile === 'shanghai' ? `${c.unit}${c.yearText}${subject}${wan(f.fiscalGrandTotal)}。` : `${c.yearText}${subject}${wan(f.fiscalGrandTotal)}。`;
  return [head + yoySentence(c, subject, f.fiscalGrandTotal, f.prior.fiscalGrandTotal, { key: '上年财政拨款收支总计', reason: ['财政拨款收支总计'], each: c.profile !== 'shanghai' })];
}
