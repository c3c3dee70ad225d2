// The 分值 of the indicators under one 一级指标 add up to its cap: the cap printed in the label
// (产出指标（50分）) is binding (error); without one, the standard cap applies (warning).
import { fmt } from '../../numbers';
import type { Figure, Indicator } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { findingAt } from '../util/report';
import { STANDARD_CAPS, distinct, level1Name, valueOf } from '../util/scorecard';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.level1-cap',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表各一级指标下分值之和等于该一级指标的分值（产出50、效益30、满意度10）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const groups = new Map<string, Indicator[]>();
      let current = '';
      for (const ind of sc.indicators) {
        // A merged 一级指标 cell read only on its first row: the rows below belong to it.
        const n = level1Name(ind.level1) || current;
        current = n;
        if (!n) continue;
        groups.set(n, [...(groups.get(n) ?? []), ind]);
      }
      for (const [name, rows] of groups) {
        const weights = distinct(rows.map((r) => r.weight)).filter((f) => f.form !== 'blank');
        const total = valueOf(weights);
        if (total === null || weights.length === 0) continue;
        const printed = rows.find((r) => r.level1Cap !== null)?.level1Cap ?? null;
        const std = STANDARD_CAPS.find(([re]) => re.test(name));
        const cap = printed ?? std?.[1] ?? null;
        if (cap === null || Math.abs(total - cap) < 1e-6) continue;
        const first = rows[0];
        const basis = printed !== null ? `${first.level1.trim()}所标分值` : `${std![2]}通常为${cap}分，本表未标明`;
        out.push(
          findingAt(sc, first.level1Ref, `${name}下各指标分值之和应为 ${fmt(cap, 0)}（${basis}），实为 ${fmt(total, 2).replace(/\.00$/, '')}，相差 ${fmt(Math.abs(total - cap), 2).replace(/\.00$/, '')}`, {
            severity: printed !== null ? undefined : 'warning',
            related: weights.map((w: Figure) => w.ref),
            expected: cap,
            actual: total,
          }),
        );
      }
    }
    return out;
  },
};
