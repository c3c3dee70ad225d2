// 支出决算表: [科目编码, 科目名称, 本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出].
import type { KindReader } from './reader';
import { notActual } from '../common';
import { lastPart, readCoded } from './coded';
import type { CodedSpec } from './coded';
import type { CodedTable } from '../types';

export function classifyExpenditure(parts: string[]): string | null {
  if (parts.some(notActual)) return null; // 年初预算数, 上年决算数, 增减 beside the figures
  const p = lastPart(parts);
  if (/^(本年)?支出合计$|^合计$|^小计$/.test(p)) return 'total';
  if (/^基本支出/.test(p)) return 'basic';
  if (/^项目支出/.test(p)) return 'project';
  if (/上缴上级/.test(p)) return 'toSuperior';
  if (/附属单位补助/.test(p)) return 'toAffiliated';
  if (/经营支出/.test(p)) return 'operating';
  return null;
}

const spec: CodedSpec = { kind: 'expenditure', classify: classifyExpenditure, required: [['total'], ['basic'], ['project']] };

export const expenditure: KindReader = {
  kind: 'expenditure',
  titles: ['支出决算表'],
  read: (grid, region) => readCoded(spec, grid, region),
  readContinued: (grid, region, prev) => readCoded(spec, grid, region, prev as CodedTable),
};
