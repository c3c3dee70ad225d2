// Every amount table states its unit (单位：万元), and the disclosure tables agree on it.
import { DISCLOSURE_KINDS } from '../../tables/types';
import type { Table } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'completeness.unit-caption',
  family: 'completeness',
  severity: 'warning',
  description: '各表标明金额单位，且九张公开表单位一致',
  check(ctx) {
    const out: RuleFinding[] = [];
    const tables = ctx.detection.tables.filter((t) => (DISCLOSURE_KINDS as string[]).includes(t.kind) || t.kind === 'perf-basic-data');
    for (const t of tables) if (!t.unit) out.push(findingAt(t, t.titleRef, `${tableName(t)}未标明金额单位（如“单位：万元”），已按万元核对`, { expected: '单位', actual: null }));
    const withUnit = tables.filter((t) => t.unit && (DISCLOSURE_KINDS as string[]).includes(t.kind));
    const counts = new Map<string, Table[]>();
    for (const t of withUnit) counts.set(t.unit as string, [...(counts.get(t.unit as string) ?? []), t]);
    if (counts.size > 1) {
      const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
      const major = ranked[0][0];
      for (const [unit, ts] of ranked.slice(1))
        for (const t of ts)
          out.push(findingAt(t, t.unitRef ?? t.titleRef, `${tableName(t)}金额单位为“${unit}”，其余公开表为“${major}”；表间核对已换算单位，公开前请统一`, { related: ranked[0][1].map((x) => x.unitRef ?? x.titleRef).slice(0, 3), expected: major, actual: unit }));
    }
    return out;
  },
};
