// 政府性基金预算财政拨款收入支出决算表: [科目编码, 科目名称, 年初结转和结余, 本年收入, 本年支出: 小计/基本/项目, 年末结转和结余].
import type { KindReader } from './reader';
import { notActual } from '../common';
import { lastPart, readCoded } from './coded';
import type { CodedSpec } from './coded';
import type { CodedTable } from '../types';

/** Shared with state-capital, which has the same shape or its short form (合计/基本/项目). */
export function classifyFund(parts: string[]): string | null {
  if (parts.some(notActual)) return null; // 年初预算数, 上年决算数, 增减 beside the figures
  const p = lastPart(parts);
  if (/年初结转|上年结转/.test(p)) return 'opening';
  if (/年末结转/.test(p)) return 'closing';
  if (/^本年收入/.test(p)) return 'income';
  if (/^基本支出/.test(p)) return 'basic';
  if (/^项目支出/.test(p)) return 'project';
  if (/^(本年)?支出合计$|^合计$|^小计$|^本年支出$/.test(p)) return 'total';
  return null;
}

const spec: CodedSpec = { kind: 'gov-fund', classify: classifyFund, required: [['total'], ['opening', 'income', 'closing', 'basic', 'project']] };

export const govFund: KindReader = {
  kind: 'gov-fund',
  titles: ['政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表'],
  read: (grid, region) => readCoded(spec, grid, region),
  readContinued: (grid, region, prev) => readCoded(spec, grid, region, prev as CodedTable),
};
