// An empty 政府性基金 / 国有资本经营 table must say why (注：本单位无…，故本表为空表); a table that says
// it is empty must not hold figures.
import type { CodedTable } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';

const EMPTY_NOTE = /(空表|无数据|无.{0,20}(收入|支出|收支)|没有.{0,20}(收入|支出|收支))/;

function hasFigures(t: CodedTable): boolean {
  const rows = t.total ? [t.total, ...t.items] : t.items;
  return rows.some((r) => Object.values(r.values).some((f) => f.value !== null && f.value !== 0));
}

export const rule: Rule = {
  id: 'completeness.empty-note',
  family: 'completeness',
  severity: 'warning',
  description: '政府性基金、国有资本经营预算表为空表时须注明原因；注明为空表的不应有数',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of [...ctx.tablesOf('gov-fund'), ...ctx.tablesOf('state-capital')]) {
      const note = t.note ?? '';
      const says = EMPTY_NOTE.test(note);
      const filled = hasFigures(t);
      if (!filled && !says)
        out.push(findingAt(t, t.noteRef ?? t.titleRef, `${tableName(t)}无数据，但未注明原因（如“本单位无${t.kind === 'gov-fund' ? '政府性基金预算财政拨款收入支出' : '国有资本经营预算财政拨款支出'}，故本表为空表”）`, { expected: '空表说明', actual: note || null }));
      else if (filled && says)
        out.push(findingAt(t, t.noteRef ?? t.titleRef, `${tableName(t)}注明为空表，但表中有数`, { severity: 'warning', actual: note }));
    }
    return out;
  },
};
