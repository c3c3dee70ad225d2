// 控制率 of the perf-basic-data table = 实际在职人数 ÷ 编制数 (head counts are exact; the rate is rounded).
import { fmt } from '../../numbers';
import type { Relation } from '../../diagnosis/relation';
import type { Rule } from '../types';
import { percentView, ratioRelation } from '../util/rates';

export const rule: Rule = {
  id: 'sum.staff-control-rate',
  family: 'sum',
  severity: 'error',
  description: '绩效评价基础数据表财政供养人员控制率等于实际在职人数÷编制数',
  relations(ctx) {
    const out: Relation[] = [];
    for (const t of ctx.tablesOf('perf-basic-data')) {
      const { authorized, actual, controlRate } = t.staff;
      if (!authorized?.value || !actual || actual.value === null || !controlRate || controlRate.form === 'blank') continue;
      const view = percentView(ctx.workbook, controlRate, (actual.value / authorized.value) * 100);
      if (!view) continue;
      out.push(
        ratioRelation({
          table: t,
          rate: view,
          num: actual,
          den: authorized,
          numHalf: 0,
          denHalf: 0,
          figDecimals: 0,
          counts: true,
          labels: { rate: '财政供养人员控制率', num: '实际在职人数', den: '编制数' },
          statement: '控制率＝实际在职人数÷编制数',
          message: (ev) => {
            const exact = ((actual.value as number) / (authorized.value as number)) * 100;
            const note = ev.truncation ? '：按截尾而非四舍五入' : ev.verdict === 'rounding' ? '，在四舍五入误差范围内' : `，相差 ${fmt(Math.abs(ev.actual - exact))} 个百分点`;
            return `控制率应为 ${fmt(exact, view.decimals)}%（实际在职人数 ${actual.value} ÷ 编制数 ${authorized.value}），实为 ${fmt(ev.actual, view.decimals)}%${note}`;
          },
        }),
      );
    }
    return out;
  },
};
