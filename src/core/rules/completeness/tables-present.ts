// The nine 公开 tables must all be present.
import { DISCLOSURE_KINDS, TABLE_KIND_NAMES } from '../../tables/types';
import type { Rule, RuleFinding } from '../types';

export const rule: Rule = {
  id: 'completeness.tables-present',
  family: 'completeness',
  severity: 'warning',
  description: '部门决算公开的九张表齐全',
  check(ctx) {
    if (ctx.detection.tables.length === 0)
      return [{ sheet: null, cell: null, related: [], message: '未识别到任何部门决算表，请确认工作簿内容（表标题、表头）', tableId: null }];
    const out: RuleFinding[] = [];
    // A workbook of scorecards only (绩效自评 submitted separately) is not an incomplete disclosure.
    if (!DISCLOSURE_KINDS.some((k) => ctx.tablesOf(k).length > 0))
      return [{ sheet: null, cell: null, related: [], severity: 'info', message: '本工作簿未包含部门决算公开九张表（仅识别到绩效相关表），未做与决算表的核对', tableId: null }];
    for (const kind of DISCLOSURE_KINDS) {
      if (ctx.tablesOf(kind).length > 0) continue;
      out.push({ sheet: null, cell: null, related: [], message: `缺少${TABLE_KIND_NAMES[kind]}（部门决算公开九张表之一）；如本单位无此类收支，也应公开空表并注明`, expected: TABLE_KIND_NAMES[kind], actual: null, tableId: null });
    }
    return out;
  },
};
