// 七 财政拨款“三公”经费支出决算情况 （一）总体 （二）具体.
import type { SectionContext } from './context';
import { changeClause, compareWord, count, percent, wan } from '../frames';
import type { Wan } from '../facts';
import { supNumber } from '../supplement-keys';

const SAN = '“三公”经费财政拨款支出';

export function threePublicOverall(c: SectionContext): string[] {
  const { f } = c;
  const a = f.threePublic.actual;
  if (!f.threePublic.present || !a || a.total === null) return [c.needTable('three-public')];
  const budget = f.threePublic.budget?.total ?? null;
  let text: string;
  if (a.total === 0 && (budget ?? 0) === 0) {
    text = `${c.yearText}本单位未发生${SAN}。`;
  } else if (budget === null) {
    text = `${c.yearText}${SAN}决算为${wan(a.total)}${c.needSup(['三公经费预算'])}。`;
  } else {
    text = `${c.yearText}${SAN}预算为${wan(budget)}，支出决算为${wan(a.total)}`;
    const rate = percent(a.total, budget);
    if (rate) text += `，完成预算的${rate}`;
    const w = compareWord(a.total, budget);
    text += w === '等于' ? '，决算数等于预算数。' : `，决算数${w}预算数的主要原因是${c.reason('三公经费预算执行', '三公经费')}。`;
  }
  if (f.prior.threePublic === null) text += `${changeClause(SAN, a.total, null).text}${c.needSup(['上年三公经费'])}。`;
  else {
    const cl = changeClause(SAN, a.total, f.prior.threePublic);
    text += cl.sign ? `${cl.text}。主要原因是${c.reason('三公经费')}。` : `${cl.text}。`;
  }
  return [text];
}

function completion(actual: Wan, budget: Wan): string {
  const r = percent(actual, budget);
  return r ? `，完成预算的${r}` : '';
}

export function threePublicDetail(c: SectionContext): string[] {
  const { f } = c;
  const a = f.threePublic.actual;
  if (!f.threePublic.present || !a || a.total === null) return [c.needTable('three-public')];
  const b = f.threePublic.budget;
  const total = a.total;
  const v = (x: Wan) => x ?? 0;
  const share = (x: Wan) => {
    const p = percent(v(x), total);
    return p ? `，占${p}` : '';
  };
  const out: string[] = [];
  const vehicleSub = a.vehicleSubtotal ?? (a.vehiclePurchase !== null || a.vehicleOperation !== null ? v(a.vehiclePurchase) + v(a.vehicleOperation) : 0);
  if (total !== 0) {
    out.push(
      `${c.yearText}${SAN}决算中，因公出国（境）费支出决算${wan(v(a.abroad))}${share(a.abroad)}；公务用车购置费支出决算${wan(v(a.vehiclePurchase))}${share(a.vehiclePurchase)}；` +
        `公务用车运行维护费支出决算${wan(v(a.vehicleOperation))}${share(a.vehicleOperation)}；公务接待费支出决算${wan(v(a.reception))}${share(a.reception)}。具体情况如下：`,
    );
  }
  const sup = (k: string) => supNumber(f.sup, k);

  // 1. 因公出国（境）费
  let abroad = `1．因公出国（境）费支出${wan(v(a.abroad))}${completion(a.abroad, b?.abroad ?? null)}。`;
  if (v(a.abroad) === 0) abroad += '全年未发生因公出国（境）费支出。';
  else {
    const groups = sup('因公出国团组');
    const people = sup('因公出国人次');
    const lack = [groups === null ? '因公出国团组' : '', people === null ? '因公出国人次' : ''].filter(Boolean);
    abroad += groups !== null && people !== null ? `全年安排因公出国（境）团组${count(groups)}个，累计${count(people)}人次。` : c.needSup(lack);
  }
  out.push(abroad);

  // 2. 公务用车购置及运行维护费
  let car = `2．公务用车购置及运行维护费支出${wan(vehicleSub)}${completion(vehicleSub, b?.vehicleSubtotal ?? null)}。其中：公务用车购置费支出${wan(v(a.vehiclePurchase))}`;
  if (v(a.vehiclePurchase) === 0) car += '，未购置公务用车';
  else {
    const n = sup('公务用车购置数量');
    car += n !== null ? `，全年购置公务用车${count(n)}辆` : c.needSup(['公务用车购置数量']);
  }
  car += `；公务用车运行维护费支出${wan(v(a.vehicleOperation))}。`;
  const fleet = sup('公务用车保有量');
  car += fleet !== null ? `截至${c.yearEnd}，本单位开支财政拨款的公务用车保有量为${count(fleet)}辆。` : c.needSup(['公务用车保有量']);
  out.push(car);

  // 3. 公务接待费
  let rec = `3．公务接待费支出${wan(v(a.reception))}${completion(a.reception, b?.reception ?? null)}。`;
  if (v(a.reception) === 0) rec += '全年未发生公务接待费支出。';
  else {
    const batches = sup('公务接待批次');
    const people = sup('公务接待人次');
    const lack = [batches === null ? '公务接待批次' : '', people === null ? '公务接待人次' : ''].filter(Boolean);
    rec += batches !== null && people !== null ? `全年国内公务接待${count(batches)}批次，${count(people)}人次（不包括陪同人员）。` : c.needSup(lack);
  }
  out.push(rec);
  return out;
}
