// Every table of one 决算 reports on the same year: a title or caption of another year
// (2022年度 on one table of a 2023 report) is a table copied from last year's file.
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'completeness.caption-year',
  family: 'completeness',
  severity: 'error',
  description: '各表标题（或表头说明）中的年度一致',
  check(ctx) {
    const dated = ctx.detection.tables.filter((t) => t.year !== undefined);
    if (dated.length < 2) return [];
    // Dated tables exist, so the detection's year is theirs (the most frequent).
    const year = ctx.detection.year as number;
    const same = dated.filter((t) => t.year === year);
    const out: RuleFinding[] = [];
    for (const t of dated) {
      if (t.year === year) continue;
      out.push(
        findingAt(t, t.yearRef ?? t.titleRef, `${tableName(t)}标明为${t.year}年度，本工作簿其余${same.length}张表为${year}年度：年度应一致，请核对本表是否为其他年度的旧表`, {
          related: same.slice(0, 3).map((x) => x.yearRef ?? x.titleRef),
          expected: `${year}年度`,
          actual: `${t.year}年度`,
        }),
      );
    }
    return out;
  },
};
