// 控制率 of the perf-basic-data table = 实际在职人数 ÷ 编制数 (head counts are exact; the rate is rounded).
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { readPercent } from '../util/figures';
import { findingAt } from '../util/report';
import { checkRate } from '../util/tolerance';

export const rule: Rule = {
  id: 'sum.staff-control-rate',
  family: 'sum',
  severity: 'error',
  description: '绩效评价基础数据表财政供养人员控制率等于实际在职人数÷编制数',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.tablesOf('perf-basic-data')) {
      const { authorized, actual, controlRate } = t.staff;
      if (!authorized?.value || !actual || actual.value === null || !controlRate || controlRate.form === 'blank') continue;
      const exactPct = (actual.value / authorized.value) * 100;
      const p = readPercent(ctx.workbook, controlRate, exactPct);
      if (!p) continue;
      const c = checkRate(p.pct, p.decimals, actual.value, authorized.value, 0, 0);
      if (!c || c.verdict === 'equal') continue;
      const want = `${fmt(c.exact, p.decimals)}%`;
      const sev = c.verdict === 'mismatch' ? undefined : 'info';
      const note = c.verdict === 'truncation' ? '：按截尾而非四舍五入' : c.verdict === 'rounding' ? '，在四舍五入误差范围内' : `，相差 ${fmt(Math.abs(p.pct - c.exact))} 个百分点`;
      out.push(
        findingAt(t, controlRate.ref, `控制率应为 ${want}（实际在职人数 ${actual.value} ÷ 编制数 ${authorized.value}），实为 ${fmt(p.pct, p.decimals)}%${note}`, {
          severity: sev,
          related: [actual.ref, authorized.ref],
          expected: c.expected,
          actual: p.pct,
          fix: sev ? undefined : { ref: controlRate.ref, formula: `${a1(actual.ref.row, actual.ref.col)}/${a1(authorized.ref.row, authorized.ref.col)}`, previous: controlRate.value, description: `控制率改为 实际在职人数÷编制数（${want}）` },
        }),
      );
    }
    return out;
  },
};
