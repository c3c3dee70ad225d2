// Every amount table states its unit (单位：万元), and the disclosure tables agree on it.
import { DISCLOSURE_KINDS } from '../../tables/types';
import type { Table } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';
import { amountFigures } from '../util/figures';

/** Tables that print the unit's whole 收支 (so their largest figures are of one size). */
const COMPARABLE = new Set<string>(['summary', 'income', 'expenditure', 'fiscal-summary', 'general-budget']);

/** The largest amount a table prints, in its own unit. */
function maxAmount(t: Table): number {
  let m = 0;
  for (const f of amountFigures(t)) if (f.value !== null && Math.abs(f.value) > m) m = Math.abs(f.value);
  return m;
}

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
      const majorMax = Math.max(0, ...ranked[0][1].filter((x) => COMPARABLE.has(x.kind)).map(maxAmount));
      for (const [unit, ts] of ranked.slice(1))
        for (const t of ts) {
          // Figures of the same size as the other tables' under a different caption: the caption,
          // not the figures, is wrong (else every cross-table check fails by a factor of 10000).
          const m = maxAmount(t);
          if (COMPARABLE.has(t.kind) && majorMax > 0 && m > 0 && m / majorMax > 0.1 && m / majorMax < 10) {
            out.push(
              findingAt(t, t.unitRef ?? t.titleRef, `${tableName(t)}标注的金额单位为“${unit}”，但数值与其余公开表（“${major}”）属同一量级，单位标注可能有误；按“${unit}”换算后表间核对将大量不符，请先核对单位`, {
                severity: 'error',
                related: ranked[0][1].map((x) => x.unitRef ?? x.titleRef).slice(0, 3),
                expected: major,
                actual: unit,
              }),
            );
            continue;
          }
          out.push(findingAt(t, t.unitRef ?? t.titleRef, `${tableName(t)}金额单位为“${unit}”，其余公开表为“${major}”；表间核对已换算单位，公开前请统一`, { related: ranked[0][1].map((x) => x.unitRef ?? x.titleRef).slice(0, 3), expected: major, actual: unit }));
        }
    }
    return out;
  },
};
