// Amounts are not negative in a 决算: a negative figure is a sign typed by mistake or a
// difference pasted into an amount cell. A warning anywhere; an error in the 三公 table, whose
// figures are spending and budgets that cannot be below zero.
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { Figure, Table } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { amountFigures, scaleOf } from '../util/figures';
import { findingAt } from '../util/report';

/** One finding per cell up to this many per table; the rest in one finding. */
const MAX_PER_TABLE = 10;

function negatives(t: Table): Figure[] {
  return amountFigures(t).filter((f) => f.value !== null && f.value < 0);
}

export const rule: Rule = {
  id: 'input.negative-amount',
  family: 'input',
  severity: 'warning',
  description: '金额不应为负数（“三公”经费为负数为错误，其他表为警告）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.detection.tables) {
      const negs = negatives(t);
      if (negs.length === 0) continue;
      const three = t.kind === 'three-public';
      const severity = three ? 'error' : 'warning';
      const d = scaleOf(t).decimals;
      for (const f of negs.slice(0, MAX_PER_TABLE))
        out.push(
          findingAt(t, f.ref, `${tableName(t)} ${a1(f.ref.row, f.ref.col)} 为负数 ${fmt(f.value as number, d)}：${three ? '“三公”经费的预算数和决算数不能为负' : '决算金额一般不为负'}，请核对是否误填负号或填入了差额`, { severity, actual: f.value }),
        );
      if (negs.length > MAX_PER_TABLE) {
        const rest = negs.slice(MAX_PER_TABLE);
        out.push(findingAt(t, rest[0].ref, `${tableName(t)}另有 ${rest.length} 个负数金额（${rest.slice(0, 5).map((f) => a1(f.ref.row, f.ref.col)).join('、')}${rest.length > 5 ? '等' : ''}），请逐一核对`, { severity, related: rest.slice(1).map((f) => f.ref) }));
      }
    }
    return out;
  },
};
