// A subtotal repeated as an item: an item printing exactly its parent's total, so that the items
// add up to twice the total. Without it the parent equals its other items: one finding, no fix
// (what the item's own figure should be is not in the table).
import { fmt } from '../../numbers';
import { findingAt } from '../../rules/util/report';
import { brokenText, cellLabel, maxSeverity } from '../messages';
import { figKey } from '../relation';
import type { Detector, StructuralResult } from './types';
import { test } from './hypothesis';

export const repeatedSubtotal: Detector = ({ problem: p, broken, severityOf }) => {
  const out: StructuralResult[] = [];
  const done = new Set<string>();
  for (const r of broken) {
    const total = r.sum?.total;
    const ev = p.evals.get(r);
    if (!r.sum || !total || total.value === null || total.value === 0 || !ev) continue;
    for (const item of r.sum.items) {
      const k = figKey(item);
      if (done.has(k) || item.value === null || Math.abs(item.value - total.value) > 1e-9) continue;
      // The items exceed the total by exactly this item.
      if (Math.abs(ev.expected - ev.actual - item.value) > ev.tolerance + 1e-9) continue;
      const o = test(p, new Map([[k, 0]]));
      if (o.after.length > 0) continue;
      done.add(k);
      const explains = o.before.filter((x) => broken.includes(x));
      const d = r.decimals;
      const totalLabel = cellLabel(p, figKey(total));
      const message = `${cellLabel(p, k)} 所列 ${fmt(item.value, d)} 与其上级 ${totalLabel.replace(/^.*?表\s*/, '')} 的合计数相同，是重复列示的合计数，不是本行的决算数：不计此数，${totalLabel.replace(/^.*?表\s*/, '')} 正好等于其余各项之和 ${fmt(total.value, d)}。请核对本行应填的数字`;
      out.push({
        finding: {
          ...findingAt(p.cell(k).table, item.ref, message, { related: [total.ref, ...r.sum.items.filter((x) => x !== item).map((x) => x.ref)], expected: null, actual: item.value }),
          rule: r.rule,
          severity: maxSeverity(explains, severityOf),
          breaks: explains.map((x) => ({ rule: x.rule, text: brokenText(x, p.evals.get(x)!) })),
        },
        explains,
      });
    }
  }
  return out;
};
