// A 三公 table printed with nothing but zeros and blanks must say why (…无“三公”经费支出，故本表
// 无数据); a table that says so must not hold figures. Only the 政府性基金 and 国有资本经营 tables
// were checked for their note before (completeness.empty-note).
import type { Figure, ThreePublicFigures, ThreePublicTable } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';

/** The note of an empty 三公 table: 无/没有/未发生 …三公…, 本表无数据, 空表. */
const EMPTY_NOTE = /(无|没有|未发生|未安排).{0,20}三公|三公.{0,12}(均为零|均为0|为零|为0)|无数据|空表/;

function figures(t: ThreePublicTable): Figure[] {
  const sides: (ThreePublicFigures | null)[] = [t.budget, t.actual];
  return sides.flatMap((s) => (s ? Object.values(s) : [])).filter((f): f is Figure => !!f);
}

export const rule: Rule = {
  id: 'completeness.three-public-note',
  family: 'completeness',
  severity: 'error',
  description: '“三公”经费表全部为零或空白时须注明原因（如“本单位无“三公”经费支出，故本表无数据”）；注明无数据的不应有数',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.tablesOf('three-public')) {
      const figs = figures(t);
      // Unreadable cells are reported by input.invalid-number; an empty table has readable zeros only.
      if (figs.length === 0 || figs.some((f) => f.value === null)) continue;
      const note = t.note ?? '';
      const says = EMPTY_NOTE.test(note);
      const filled = figs.filter((f) => f.value !== 0);
      if (filled.length === 0 && !says)
        out.push(
          findingAt(t, t.noteRef ?? t.titleRef, `${tableName(t)}的预算数、决算数全部为零或空白，但未注明原因：无“三公”经费的单位应在表下注明“本单位${t.year ? `${t.year}年度` : '本年度'}无财政拨款“三公”经费支出，故本表无数据”，有支出的应填列金额`, {
            related: figs.map((f) => f.ref),
            expected: '空表说明',
            actual: note || null,
          }),
        );
      else if (filled.length > 0 && says)
        out.push(findingAt(t, filled[0].ref, `${tableName(t)}注明本单位无“三公”经费（“${note.split('\n').find((l) => EMPTY_NOTE.test(l))?.trim()}”），但表中有数`, { severity: 'warning', related: [t.noteRef, ...filled.slice(1).map((f) => f.ref)], actual: filled[0].value }));
    }
    return out;
  },
};
