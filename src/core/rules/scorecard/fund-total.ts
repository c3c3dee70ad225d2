// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column. A total left blank or zero while
// its 其中 rows hold money is certainly the one to fix.
import { a1 } from '../../address';
import { fmt } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { equationFindings } from '../util/equations';
import { valueFix } from '../util/report';
import { evaluatedEquations } from '../util/table-equations';
import { scorecards } from '../util/ctx';

export const rule: Rule = {
  id: 'scorecard.fund-total',
  family: 'scorecard',
  severity: 'error',
  description: '绩效自评表年度资金总额等于当年财政拨款＋上年结转资金＋其他资金（逐列）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const sc of scorecards(ctx)) {
      const evals = evaluatedEquations(sc);
      const fs = equationFindings(evals, 'scorecard-funds');
      for (const f of fs) {
        const e = evals.find((x) => x.group === 'scorecard-funds' && f.cell && x.total.ref.sheet === f.sheet && f.cell === a1(x.total.ref.row, x.total.ref.col));
        if (e && !f.fix && (e.total.form === 'blank' || e.total.value === 0) && e.expected !== 0 && f.severity !== 'info') {
          f.fix = valueFix(e.total, Number(e.expected.toFixed(2)), `年度资金总额填为其中各项之和 ${fmt(e.expected)}`);
          f.message = `${e.what}未填（为${e.total.form === 'blank' ? '空白' : '零'}），其中各项合计 ${fmt(e.expected)}：${f.message}`;
        }
        out.push(f);
      }
    }
    return out;
  },
};
