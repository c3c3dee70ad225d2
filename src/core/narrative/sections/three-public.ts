// 七 财政拨款“三公”经费支出决算情况 （一）总体 （二）具体. Zero items are written as officers write
// them (未发生…支出, 未购置…) and left out of the share list, never '0.00万元，占0.00%'.
import type { SectionContext } from './context';
import { compareWord, count, percent, wan } from '../frames';
import type { Wan } from '../facts';
import { supNumber } from '../supplement-keys';
import { yoySentence } from './yoy';

const SAN = '“三公”经费财政拨款支出';
const nz = (v: Wan): v is number => v !== null && v !== 0;

export function threePublicOverall(c: SectionContext): string[] {
  const { f } = c;
  const a = f.threePublic.actual;
  if (!f.threePublic.present || !a || a.total === null) return [c.needTable('three-public')];
  const budget = f.threePublic.budget?.total ?? null;
  let text: string;
  if (a.total === 0 && (budget ?? 0) === 0) {
    text = `${c.yearText}${c.unit}未安排“三公”经费预算，未发生“三公”经费支出。`;
  } else if (budget === null) {
    text = `${c.yearText}${SAN}决算为${wan(a.total)}，年初预算为${c.needSup(['三公经费预算'])}。`;
  } else {
    text = `${c.yearText}${SAN}年初预算为${wan(budget)}，支出决算为${wan(a.total)}`;
    const rate = percent(a.total, budget);
    if (rate) text += `，完成预算的${rate}`;
    const w = compareWord(a.total, budget);
    text += w === '等于' ? '，决算数等于预算数。' : `，决算数${w}预算数的主要原因是${c.reason('三公经费预算执行', '三公经费')}。`;
  }
  return [text + yoySentence(c, SAN, a.total, f.prior.threePublic, { key: '上年三公经费', reason: ['三公经费'] })];
}

export function threePublicDetail(c: SectionContext): string[] {
  const { f } = c;
  const a = f.threePublic.actual;
  if (!f.threePublic.present || !a || a.total === null) return [c.needTable('three-public')];
  const b = f.threePublic.budget;
  const total = a.total;
  const vehicleSub = a.vehicleSubtotal ?? (a.vehiclePurchase !== null || a.vehicleOperation !== null ? (a.vehiclePurchase ?? 0) + (a.vehicleOperation ?? 0) : 0);
  const out: string[] = [];
  if (total !== 0) {
    const shares = (
      [
        ['因公出国（境）费', a.abroad],
        ['公务用车购置费', a.vehiclePurchase],
        ['公务用车运行维护费', a.vehicleOperation],
        ['公务接待费', a.reception],
      ] as [string, Wan][]
    )
      .filter(([, v]) => nz(v))
      .map(([label, v]) => `${label}支出决算${wan(v as number)}，占${percent(v, total)}`);
    out.push(`${c.yearText}${SAN}决算中，${shares.join('；')}。具体情况如下：`);
  }
  const sup = (k: string) => supNumber(f.sup, k);
  const completion = (actual: Wan, budget: Wan) => (nz(budget) ? `，完成预算的${percent(actual ?? 0, budget)}` : '');

  // 1. 因公出国（境）费
  let abroad = '1．因公出国（境）费。';
  if (!nz(a.abroad)) abroad += `${c.unit}全年未发生因公出国（境）费支出。`;
  else {
    abroad = `1．因公出国（境）费支出${wan(a.abroad)}${completion(a.abroad, b?.abroad ?? null)}。`;
    const groups = sup('因公出国团组');
    const people = sup('因公出国人次');
    const lack = [groups === null ? '因公出国团组' : '', people === null ? '因公出国人次' : ''].filter(Boolean);
    abroad += lack.length ? `全年安排因公出国（境）团组、人次${c.needSup(lack)}。` : `全年安排因公出国（境）团组${count(groups as number)}个，累计${count(people as number)}人次。`;
  }
  out.push(abroad);

  // 2. 公务用车购置及运行维护费
  let car: string;
  if (!nz(vehicleSub)) car = `2．公务用车购置及运行维护费。${c.unit}全年未购置公务用车，未发生公务用车运行维护费支出。`;
  else {
    car = `2．公务用车购置及运行维护费支出${wan(vehicleSub)}${completion(vehicleSub, b?.vehicleSubtotal ?? null)}。其中：`;
    if (!nz(a.vehiclePurchase)) car += '未购置公务用车';
    else {
      const n = sup('公务用车购置数量');
      car += `公务用车购置费支出${wan(a.vehiclePurchase)}，全年购置公务用车${n !== null ? `${count(n)}辆` : c.needSup(['公务用车购置数量'])}`;
    }
    car += nz(a.vehicleOperation) ? `；公务用车运行维护费支出${wan(a.vehicleOperation)}。` : '；未发生公务用车运行维护费支出。';
  }
  const fleet = sup('公务用车保有量');
  if (fleet === null) car += `截至${c.yearEnd}，开支财政拨款的公务用车保有量${c.needSup(['公务用车保有量'])}。`;
  else car += fleet === 0 ? `截至${c.yearEnd}，${c.unit}无开支财政拨款的公务用车。` : `截至${c.yearEnd}，${c.unit}开支财政拨款的公务用车保有量为${count(fleet)}辆。`;
  out.push(car);

  // 3. 公务接待费
  let rec = '3．公务接待费。';
  if (!nz(a.reception)) rec += `${c.unit}全年未发生公务接待费支出。`;
  else {
    rec = `3．公务接待费支出${wan(a.reception)}${completion(a.reception, b?.reception ?? null)}。`;
    const batches = sup('公务接待批次');
    const people = sup('公务接待人次');
    const lack = [batches === null ? '公务接待批次' : '', people === null ? '公务接待人次' : ''].filter(Boolean);
    rec += lack.length ? `全年国内公务接待批次、人次${c.needSup(lack)}。` : `全年国内公务接待${count(batches as number)}批次，${count(people as number)}人次（不包括陪同人员）。`;
  }
  out.push(rec);
  return out;
}
