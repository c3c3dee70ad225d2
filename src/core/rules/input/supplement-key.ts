// The 补充信息 sheet (SPEC §6) is read by key: a key the product does not know is ignored, so the
// officer must hear that the line was not used (information; the nearest known key is suggested).
import { a1 } from '../../address';
import { editDistance } from '../../narrative/parse';
import { BUDGET_PREFIX, isUsedSupplementKey, knownSupplementKeys, normKey, REASON_PREFIX } from '../../narrative/supplement-keys';
import type { Rule, RuleFinding } from '../types';

/** The known key closest to a typed one, when it is close (a typo, a missing 上年). */
function nearest(k: string): string | null {
  let best: { key: string; d: number } | null = null;
  for (const [n, key] of knownSupplementKeys()) {
    if (n.startsWith(REASON_PREFIX) || n.startsWith(BUDGET_PREFIX)) continue; // template lines, not keys to suggest
    const d = editDistance(k, n);
    if (!best || d < best.d) best = { key, d };
  }
  return best && best.d <= Math.max(1, Math.floor(k.length / 4)) ? best.key : null;
}

export const rule: Rule = {
  id: 'input.supplement-key',
  family: 'input',
  severity: 'info',
  description: '补充信息表中的项目名称可以识别（不能识别的行不被使用）',
  check(ctx) {
    const sup = ctx.detection.supplement;
    if (!sup) return [];
    const out: RuleFinding[] = [];
    for (const e of sup.entries) {
      const k = normKey(String(e.key ?? ''));
      if (!k || isUsedSupplementKey(k)) continue;
      const near = nearest(k);
      out.push({
        // The key stands in column A of the entry's row.
        sheet: e.ref.sheet,
        cell: a1(e.ref.row, 0),
        related: [],
        message: `补充信息表中的“${String(e.key).trim()}”不是可识别的项目，该行未被使用${near ? `；是否应为“${near}”？` : '；请使用补充信息表模板中的项目名称'}`,
        expected: near,
        actual: String(e.key).trim(),
        tableId: null,
      });
    }
    return out;
  },
};
