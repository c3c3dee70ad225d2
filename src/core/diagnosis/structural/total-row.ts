// A 合计 row that matches nothing: wrong in several columns at once, against its own items and
// against the other tables alike (a row left from another version of the table). One finding on
// the row, giving each column's sum; no fix (the row must be redone, not patched).
import { fmt } from '../../numbers';
import { findingAt } from '../../rules/util/report';
import { brokenText, maxSeverity, tableTitle } from '../messages';
import type { Relation } from '../relation';
import { figKey } from '../relation';
import { test } from './hypothesis';
import type { Detector, StructuralResult } from './types';
import { isCoded } from '../../tables/continuation';


export const totalRow: Detector = ({ ctx, problem: p, broken, severityOf }) => {
  const out: StructuralResult[] = [];
  for (const t of ctx.detection.tables) {
    if (!isCoded(t) || !t.total) continue;
    const total = t.total;
    const cells = new Set(Object.values(total.values).map(figKey));
    // Each column's 合计 as its items add up.
    const values = new Map<string, number>();
    const sums: Relation[] = [];
    // Column sums whose total sits on the 合计 row and whose items do not.
    const inRow = (f: { ref: { sheet: string; row: number } }) => f.ref.sheet === total.nameRef.sheet && f.ref.row === total.row;
    for (const r of broken) {
      if (!r.sum || !cells.has(figKey(r.sum.total)) || r.sum.items.some(inRow)) continue;
      values.set(figKey(r.sum.total), p.evals.get(r)!.expected);
      sums.push(r);
    }
    if (values.size < 2) continue;
    // Every column the row totals must disagree: two slips on a 合计 row are two findings, not this.
    const columns = [...cells].filter((k) => p.byCell(k).some((r) => r.sum && figKey(r.sum.total) === k && !r.sum.items.some(inRow)));
    if (columns.some((k) => !values.has(k))) continue;
    const o = test(p, values);
    if (o.after.length > 0) continue;
    // It matches nothing outside itself: no relation tying the row to other rows or tables holds.
    const outward = o.touched.filter((r) => r.cells.some((c) => !inRow(c.fig)));
    if (outward.some((r) => p.evals.get(r)?.verdict !== 'mismatch')) continue;
    const explains = o.before.filter((r) => broken.includes(r));
    const d = sums[0].decimals;
    const cols = sums.map((r) => `${r.statement.split('＝')[0]} 应为 ${fmt(p.evals.get(r)!.expected, d)}（实为 ${fmt(p.evals.get(r)!.actual, d)}）`);
    const message = `${tableTitle(t)}合计行与本表各行都不符，也与其他表不符：${cols.join('；')}。合计行可能取自其他版本的报表，请按本表各行重新合计`;
    out.push({
      finding: { ...findingAt(t, total.nameRef, message, { related: [...values.keys()].map((k) => p.cell(k).fig.ref), expected: null, actual: null }), rule: sums[0].rule, severity: maxSeverity(explains, severityOf), breaks: explains.map((r) => ({ rule: r.rule, text: brokenText(r, p.evals.get(r)!) })) },
      explains,
    });
  }
  return out;
};
