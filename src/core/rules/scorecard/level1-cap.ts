// The 分值 of the indicators under one 一级指标 add up to its cap: the cap printed in the label
// (产出指标（50分）) is binding (error); without one, the standard cap applies (warning).
import { fmt } from '../../numbers';
import type { Indicator } from '../../tables/types';
import type { Relation } from '../../diagnosis/relation';
import { linear } from '../../diagnosis/linear';
import type { Rule } from '../types';
import { STANDARD_CAPS, distinct, indicatorBy, level1Name, points } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.level1-cap',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表各一级指标下分值之和等于该一级指标的分值（产出50、效益30、满意度10）',
  relations(ctx) {
    const out: Relation[] = [];
    for (const sc of scorecards(ctx)) {
      const groups = new Map<string, Indicator[]>();
      let current = '';
      for (const ind of sc.indicators) {
        // A merged 一级指标 cell read only on its first row: the rows below belong to it.
        const name = level1Name(ind.level1) || current;
        current = name;
        if (!name) continue;
        groups.set(name, [...(groups.get(name) ?? []), ind]);
      }
      for (const [name, rows] of groups) {
        const weights = distinct(rows.map((r) => r.weight)).filter((f) => f.form !== 'blank');
        if (weights.length === 0) continue;
        const printed = rows.find((r) => r.level1Cap !== null)?.level1Cap ?? null;
        const std = STANDARD_CAPS.find(([re]) => re.test(name));
        const cap = printed ?? std?.[1] ?? null;
        if (cap === null) continue;
        const first = rows[0];
        const basis = printed !== null ? `${first.level1.trim()}所标分值` : `${std![2]}通常为${cap}分，本表未标明`;
        const byWeight = indicatorBy(rows, 'weight');
        const label = (f: (typeof weights)[number]) => `“${byWeight.get(f)?.level3.trim() ?? name}”分值`;
        out.push(
          linear({
            table: sc,
            anchorTerm: false,
            anchor: first.level1Ref,
            terms: weights.map((f) => ({ fig: f, coef: 1, table: sc, label: label(f), nonNegative: true })),
            constant: cap,
            tolerance: 0,
            decimals: 2,
            severity: printed !== null ? undefined : 'warning',
            what: `${name}下各指标分值之和`,
            basis,
            message: (ev) => `${name}下各指标分值之和应为 ${fmt(cap, 0)}（${basis}），实为 ${points(ev.actual)}，相差 ${points(Math.abs(ev.actual - cap))}`,
          }),
        );
      }
    }
    return out;
  },
};
