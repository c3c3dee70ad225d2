// A column printed one (or two) rows off its codes: every figure of a block belongs to the row
// below (or above). Tested by shifting: the shifted block must satisfy every relation its cells
// take part in — the hierarchy sums and the cross-table comparisons — that the printed one breaks.
import { rangeA1 } from '../../address';
import { fmt } from '../../numbers';
import { findingAt } from '../../rules/util/report';
import { brokenText, maxSeverity, tableTitle } from '../messages';
import type { Relation } from '../relation';
import { figKey } from '../relation';
import type { Column } from './columns';
import { blocks, columnsOf } from './columns';
import { test } from './hypothesis';
import type { Detector, StructuralResult } from './types';

const SHIFTS = [1, -1, 2, -2];

interface Candidate {
  col: Column;
  from: number;
  to: number;
  k: number;
  values: Map<string, number>;
  explains: Relation[];
}

/** Values of the block [from, to] moved by k rows: slot i takes the figure printed at slot i − k. */
function shifted(col: Column, from: number, to: number, k: number): Map<string, number> | null {
  const m = new Map<string, number>();
  for (let i = from; i <= to; i++) {
    const src = i - k;
    const v = src >= from && src <= to ? col.slots[src].fig.value : 0;
    if (v === null) return null;
    m.set(figKey(col.slots[i].fig), v);
  }
  return m;
}

export const shiftedColumn: Detector = ({ ctx, problem: p, broken, severityOf }) => {
  const out: StructuralResult[] = [];
  const brokenSet = new Set(broken);
  const keys = new Set(broken.flatMap((r) => r.cells.map((c) => figKey(c.fig))));
  for (const table of ctx.detection.tables) {
    for (const col of columnsOf(table)) {
      if (!col.slots.some((s) => keys.has(figKey(s.fig)))) continue;
      let best: Candidate | null = null;
      for (const [from, to] of blocks(col)) {
        const nonzero = col.slots.slice(from, to + 1).filter((s) => s.fig.value).length;
        if (nonzero < 3) continue;
        for (const k of SHIFTS) {
          if (to - from + 1 <= Math.abs(k) + 1) continue;
          const values = shifted(col, from, to, k);
          if (!values) continue;
          const moved = [...values].filter(([key, v]) => p.cell(key) && v !== 0 && v !== (col.slots.find((s) => figKey(s.fig) === key)?.fig.value ?? 0)).length;
          if (moved < 2) continue;
          const o = test(p, values);
          if (o.after.length > 0 || o.before.length < 2) continue;
          const explains = o.before.filter((r) => brokenSet.has(r));
          if (explains.length === 0) continue;
          if (!best || explains.length > best.explains.length || (explains.length === best.explains.length && to - from < best.to - best.from)) best = { col, from, to, k, values, explains };
        }
      }
      if (best) out.push(report(best, p, severityOf));
    }
  }
  return out;
};

function report(c: Candidate, p: Parameters<Detector>[0]['problem'], severityOf: Parameters<Detector>[0]['severityOf']): StructuralResult {
  const { col, from, to, k } = c;
  const first = col.slots[from];
  const last = col.slots[to];
  const d = c.explains[0]?.decimals ?? 2;
  const range = rangeA1({ r1: first.fig.ref.row, c1: first.fig.ref.col, r2: last.fig.ref.row, c2: last.fig.ref.col });
  // Examples: figures of the explained relations shown with the row they belong to.
  const ex: string[] = [];
  for (const r of c.explains)
    for (const cell of r.cells) {
      const i = col.slots.findIndex((s) => figKey(s.fig) === figKey(cell.fig));
      if (i < from || i > to || i - k < from || i - k > to || ex.length >= 3) continue;
      const src = col.slots[i - k];
      const text = `${src.label} 所列 ${fmt(src.fig.value as number, d)} 属于 ${col.slots[i].label}`;
      if (src.fig.value && !ex.includes(text)) ex.push(text);
    }
  const dir = k > 0 ? '下' : '上';
  const n = Math.abs(k) === 1 ? '一' : String(Math.abs(k));
  const dropped = k > 0 ? col.slots.slice(to - k + 1, to + 1) : col.slots.slice(from, from - k);
  // A figure pushed off the block that repeats its parent's total is the repeated subtotal.
  const parentTotal = (s: (typeof dropped)[number]) => p.byCell(figKey(s.fig)).some((r) => r.sum && r.sum.items.some((x) => figKey(x) === figKey(s.fig)) && r.sum.total.value === s.fig.value);
  const lost = dropped.filter((s) => s.fig.value).map((s) => `${s.label} 所列 ${fmt(s.fig.value as number, d)}${parentTotal(s) ? '（重复列示的上级合计数）' : ''}`);
  const texts = c.explains.map((r) => ({ rule: r.rule, text: brokenText(r, p.evals.get(r)!) }));
  const message =
    `${tableTitle(col.table)}「${col.header}」列 ${first.label} 至 ${last.label}（${range}）的数字与科目错开了${n}行：每个数属于${dir}${n}行的科目` +
    (ex.length ? `，如 ${ex.join('；')}` : '') +
    `。按此对齐后以下 ${texts.length} 处均相符：${texts.map((t, i) => `${i + 1}. ${t.text}`).join('；')}` +
    (lost.length ? `。移位后 ${lost.join('、')} 没有对应的科目` : '') +
    '。请对照原始报表整列重新对齐';
  const related = [...new Set(c.explains.flatMap((r) => r.cells.map((x) => x.fig.ref)).filter((ref) => ref.col !== first.fig.ref.col || ref.sheet !== first.fig.ref.sheet || ref.row < first.fig.ref.row || ref.row > last.fig.ref.row))];
  return {
    finding: {
      ...findingAt(col.table, first.fig.ref, message, { related: [last.fig.ref, ...related], expected: null, actual: null }),
      rule: c.explains[0].rule,
      severity: maxSeverity(c.explains, severityOf),
      breaks: texts,
    },
    explains: c.explains,
  };
}
