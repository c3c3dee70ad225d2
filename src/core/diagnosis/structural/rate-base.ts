// A 执行率 computed against 年初预算数 while 全年预算数 is given (SPEC §7): the rate is wrong, and
// the 预算执行率得分 scored from it with it. One finding on the rate, folding the score's relation.
import { fmt } from '../../numbers';
import { findingAt } from '../../rules/util/report';
import { brokenText } from '../messages';
import type { Relation } from '../relation';
import { figKey } from '../relation';
import type { Detector, StructuralResult } from './types';

export const rateBase: Detector = ({ problem: p, broken }) => {
  const out: StructuralResult[] = [];
  for (const r of broken) {
    if (!r.wrongBase) continue;
    const ev = p.evals.get(r)!;
    const rate = r.cells[0].fig;
    // The 得分 scored from this rate breaks its own relation for the same reason.
    const follows: Relation[] = broken.filter((x) => x !== r && x.table === r.table && x.statement.startsWith('预算执行率得分') && x.cells.some((c) => figKey(c.fig) === figKey(rate)));
    // A 全年预算数 or 全年执行数 that breaks relations of its own is the likelier slip.
    const figures = new Set(r.cells.slice(1).map((c) => figKey(c.fig)));
    if (p.broken.some((x) => x !== r && !follows.includes(x) && x.cells.some((c) => figures.has(figKey(c.fig))))) continue;
    const score = follows[0] ? p.evals.get(follows[0]) : undefined;
    const message = r.message(ev) + (score ? `；预算执行率得分随之应为 ${fmt(score.expected)}（实为 ${fmt(score.actual)}），总分相应调整` : '');
    out.push({
      finding: {
        ...findingAt(r.table, rate.ref, message, { related: [...r.cells.slice(1).map((c) => c.fig.ref), r.wrongBase.initialBudget.ref, ...follows.map((x) => x.anchor)], expected: ev.expected, actual: ev.actual }),
        rule: r.rule,
        severity: 'warning',
        breaks: [r, ...follows].map((x) => ({ rule: x.rule, text: brokenText(x, p.evals.get(x)!) })),
      },
      explains: [r, ...follows],
    });
  }
  return out;
};
