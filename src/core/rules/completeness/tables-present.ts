// The nine 公开 tables must all be present; a workbook with no table at all is one error.
import { DISCLOSURE_KINDS, TABLE_KIND_NAMES } from '../../tables/types';
import type { Rule, RuleContext, RuleFinding } from '../types';
import { findingAt } from '../util/report';

/**
 * No table at all: one error that says what was looked for and what was seen instead, so that a
 * reviewer reading --json (or the exit status 1) knows the file was not simply clean.
 */
function nothingFound(ctx: RuleContext): RuleFinding {
  const sheets = ctx.workbook.sheets.length;
  const lookAlikes = ctx.detection.unknown.filter((u) => /标题像/.test(u.reason)).map((u) => `${u.sheet}!${u.title}（表头不符）`);
  const others = ctx.detection.unknown.filter((u) => u.title && !/标题像/.test(u.reason)).map((u) => `${u.sheet}!${u.title}`);
  const seen = [...lookAlikes, ...others];
  const also = seen.length ? `；另有 ${seen.length} 张表格不属于部门决算公开表或无法读取（${seen.slice(0, 5).join('、')}${seen.length > 5 ? '等' : ''}）` : '';
  const kinds = DISCLOSURE_KINDS.map((k) => TABLE_KIND_NAMES[k]).join('、');
  return {
    severity: 'error',
    sheet: null,
    cell: null,
    related: [],
    message: `未识别到决算表：在 ${sheets} 个工作表中按表标题和表头查找部门决算公开九张表（${kinds}）及绩效自评表，均未找到${also}。请确认文件是否为部门决算公开表，表标题（如“收入决算表”）和表头（如“科目编码”“科目名称”）是否完整`,
    expected: '部门决算公开表',
    actual: null,
    tableId: null,
  };
}

export const rule: Rule = {
  id: 'completeness.tables-present',
  family: 'completeness',
  severity: 'warning',
  description: '部门决算公开的九张表齐全',
  check(ctx) {
    if (ctx.detection.tables.length === 0) return [nothingFound(ctx)];
    const out: RuleFinding[] = [];
    // A workbook of scorecards only (绩效自评 submitted separately) is not an incomplete disclosure.
    if (!DISCLOSURE_KINDS.some((k) => ctx.tablesOf(k).length > 0))
      return [{ sheet: null, cell: null, related: [], severity: 'info', message: '本工作簿未包含部门决算公开九张表（仅识别到绩效相关表），未做与决算表的核对', tableId: null }];
    for (const kind of DISCLOSURE_KINDS) {
      const found = ctx.tablesOf(kind);
      if (found.length > 1) {
        // Two 支出决算表 (a copy kept on another sheet): say which one the cross-table checks used.
        const [used, ...others] = found;
        for (const o of others)
          out.push(findingAt(o, o.titleRef, `工作簿中有 ${found.length} 张${TABLE_KIND_NAMES[kind]}；表间核对使用“${used.sheet}”工作表上的一张${ctx.workbook.sheets.find((s) => s.name === o.sheet)?.hidden ? '（本表在隐藏工作表上）' : ''}，请确认本表是否为旧版或重复`, { severity: 'info', related: [used.titleRef] }));
        continue;
      }
      if (found.length > 0) continue;
      out.push({ sheet: null, cell: null, related: [], message: `缺少${TABLE_KIND_NAMES[kind]}（部门决算公开九张表之一）；如本单位无此类收支，也应公开空表并注明`, expected: TABLE_KIND_NAMES[kind], actual: null, tableId: null });
    }
    return out;
  },
};
