// 一般公共预算财政拨款支出决算表: [科目编码, 科目名称, (年初预算数), 本年支出: 小计/合计, 基本支出, 项目支出].
import type { KindReader } from './reader';
import { anyPart, lastPart, readCoded } from './coded';
import type { CodedSpec } from './coded';
import type { CodedTable } from '../types';

export function classifyGeneralBudget(parts: string[]): string | null {
  const p = lastPart(parts);
  if (anyPart(parts, /上年|增减|比/)) return null; // last year's figures, comparisons
  if (anyPart(parts, /年初预算|预算数/)) {
    if (/^基本支出/.test(p)) return 'budgetBasic';
    if (/^项目支出/.test(p)) return 'budgetProject';
    return 'budget';
  }
  if (/完成|%|比/.test(p)) return null;
  if (/^(本年)?支出合计$|^合计$|^小计$|^决算数$|^本年支出$/.test(p)) return 'total';
  if (/^基本支出/.test(p)) return 'basic';
  if (/^项目支出/.test(p)) return 'project';
  return null;
}

const spec: CodedSpec = { kind: 'general-budget', classify: classifyGeneralBudget, required: [['total'], ['basic', 'project']] };

export const generalBudget: KindReader = {
  kind: 'general-budget',
  titles: ['一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算明细表'],
  read: (grid, region) => readCoded(spec, grid, region),
  readContinued: (grid, region, prev) => readCoded(spec, grid, region, prev as CodedTable),
};
