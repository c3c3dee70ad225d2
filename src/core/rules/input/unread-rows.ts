// Rows a reader saw but could not use (a code it cannot parse, a second 合计, an amount without a
// 科目) and tables whose title matched a kind but whose header did not: their figures take part in
// no check, so the officer must hear about them rather than get a silent "no problem".
import { a1, parseA1 } from '../../address';
import type { Table } from '../../tables/types';
import { TABLE_KIND_NAMES } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';
import { tableName } from '../util/codes';
import { findingAt } from '../util/report';

/** Warnings that mean figures were left out (others are reported by their own rules). */
const LOST = /未读取|已忽略|未能识别|无法识别|有金额但没有科目/;
/** Rows read, but not matched by code across tables (a class name our partial catalogue lacks) or nameless. */
const PARTIAL: [RegExp, 'info' | 'warning', string][] = [
  [/不在分类目录中/, 'info', '该行已计入本表合计，但未能按科目编码与其他表核对'],
  [/没有名称/, 'warning', '请补填科目名称'],
];

function refOf(t: Table, w: string): { sheet: string; row: number; col: number } {
  const byRow = /^第(\d+)行/.exec(w);
  if (byRow) return { sheet: t.sheet, row: Number(byRow[1]) - 1, col: t.range.c1 };
  const byCell = /^([A-Z]{1,3}\d+)[：:]/.exec(w);
  const p = byCell ? parseA1(byCell[1]) : null;
  if (p) return { sheet: t.sheet, row: p.row, col: p.col };
  return t.titleRef;
}

export const rule: Rule = {
  id: 'input.unread-rows',
  family: 'input',
  severity: 'warning',
  description: '未能读取的行和表头不符的表（其数字未参加任何核对）',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const t of ctx.detection.tables) {
      for (const w of t.warnings ?? []) {
        if (LOST.test(w)) {
          out.push(findingAt(t, refOf(t, w), `${tableName(t)}${w}；该行的数字未参加核对，请检查科目编码、名称或合计行的写法`));
          continue;
        }
        const p = PARTIAL.find(([re]) => re.test(w));
        if (p) out.push(findingAt(t, refOf(t, w), `${tableName(t)}${w}；${p[2]}`, { severity: p[1] }));
      }
    }
    for (const u of ctx.detection.unknown) {
      // A table titled like a known kind whose header could not be read: its figures are all lost.
      // When the workbook has a table of that kind already, this is another locality's look-alike
      // (Sichuan's 一般公共预算财政拨款支出决算明细表 by economic class), not a lost table.
      const kind = /标题像「([^」]+)」/.exec(u.reason)?.[1];
      if (!kind || ctx.detection.tables.some((t) => TABLE_KIND_NAMES[t.kind] === kind)) continue;
      out.push({ sheet: u.sheet, cell: a1(u.range.r1, u.range.c1), related: [], message: `${u.reason}，本表未参加核对：请检查表头（${u.title}）`, tableId: null });
    }
    return out;
  },
};
