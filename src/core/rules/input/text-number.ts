// Numbers stored as text are read correctly here, but Excel's SUM skips them: the workbook's own
// formulas may then total wrongly. One finding per table.
import { a1 } from '../../address';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { amountFigures } from '../util/figures';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'input.text-number',
  family: 'input',
  severity: 'info',
  description: '以文本形式存储的数字（Excel 求和公式会忽略）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.detection.tables) {
      const figs = amountFigures(t).filter((f) => f.form === 'text-number');
      if (figs.length === 0) continue;
      const list = figs.slice(0, 5).map((f) => a1(f.ref.row, f.ref.col)).join('、');
      out.push(findingAt(t, figs[0].ref, `${tableName(t)}有 ${figs.length} 个以文本形式存储的数字（${list}${figs.length > 5 ? '等' : ''}），Excel 的 SUM 公式会忽略它们，建议转换为数值`, { related: figs.slice(1).map((f) => f.ref) }));
    }
    return out;
  },
};
