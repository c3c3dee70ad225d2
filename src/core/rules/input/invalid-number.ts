// Text that cannot be a number (or an Excel error value) where an amount, 分值 or 得分 is required.
import { parsePercentText } from '../../numbers';
import type { Rule, RuleFinding } from '../types';
import { allFigures } from '../util/figures';
import { findingAt } from '../util/report';

export const rule: Rule = {
  id: 'input.invalid-number',
  family: 'input',
  severity: 'error',
  description: '应填数字的单元格为无法识别的文本或错误值',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.detection.tables)
      for (const f of allFigures(t)) {
        if (f.form === 'error') out.push(findingAt(t, f.ref, `单元格为错误值 ${f.text ?? ''}，应为数字（检查公式引用）`, { actual: f.text ?? null }));
        else if (f.form === 'invalid' && !(f.text && parsePercentText(f.text) !== null))
          out.push(findingAt(t, f.ref, `单元格内容“${(f.text ?? '').trim()}”不是有效数字，应填金额或数值`, { actual: f.text ?? null }));
      }
    return out;
  },
};
