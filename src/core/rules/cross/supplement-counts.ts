// The counts in 补充信息 (团组, 人次, 车辆) must go with the 三公 amounts: money spent with no trips,
// vehicles or receptions recorded (or the reverse) is almost always a slip (warning).
import { fmt, readNumber } from '../../numbers';
import type { Figure, ThreePublicFigures } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';

const PAIRS: { keys: string[]; item: keyof ThreePublicFigures; name: string; reverse: boolean }[] = [
  { keys: ['因公出国团组', '因公出国人次'], item: 'abroad', name: '因公出国（境）费', reverse: true },
  { keys: ['公务用车购置数量'], item: 'vehiclePurchase', name: '公务用车购置费', reverse: true },
  // A car kept all year without running costs is odd, but one sold in January is not: one direction only.
  { keys: ['公务用车保有量'], item: 'vehicleOperation', name: '公务用车运行维护费', reverse: false },
  { keys: ['公务接待批次', '公务接待团组', '公务接待人次'], item: 'reception', name: '公务接待费', reverse: true },
];

export const rule: Rule = {
  id: 'cross.supplement-counts',
  family: 'cross',
  severity: 'warning',
  description: '补充信息中的因公出国团组人次、公务用车数量、公务接待批次人次与“三公”经费决算数相符（有支出必有数量，反之亦然）',
  check(ctx) {
    const sup = ctx.detection.supplement;
    const tp = ctx.table('three-public');
    if (!sup || !tp) return [];
    const out: RuleFinding[] = [];
    for (const p of PAIRS) {
      const fig: Figure | null = tp.actual[p.item];
      if (!fig || fig.value === null) continue;
      for (const key of p.keys) {
        const e = sup.entries.find((x) => x.key.replace(/[\s\u3000]+/g, '') === key);
        if (!e || e.value === null || e.value === '') continue;
        const n = readNumber(e.value).value;
        if (n === null) continue;
        if (fig.value > 0 && n === 0)
          out.push(findingAt(null, e.ref, `“三公”经费${p.name}决算数为 ${fmt(fig.value)}，补充信息「${key}」却为 0`, { related: [fig.ref], expected: '大于 0', actual: 0 }));
        else if (p.reverse && fig.value === 0 && n > 0)
          out.push(findingAt(null, e.ref, `补充信息「${key}」为 ${n}，“三公”经费${p.name}决算数却为 0`, { related: [fig.ref], expected: 0, actual: n }));
      }
    }
    return out;
  },
};
