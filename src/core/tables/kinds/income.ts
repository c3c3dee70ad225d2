// 收入决算表: [科目编码, 科目名称, 本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入].
import type { KindReader } from './reader';
import { notActual } from '../common';
import { lastPart, readCoded } from './coded';
import type { CodedSpec } from './coded';
import type { CodedTable } from '../types';

export function classifyIncome(parts: string[]): string | null {
  if (parts.some(notActual)) return null; // 年初预算数, 上年决算数, 增减 beside the figures
  const p = lastPart(parts);
  if (/^(本年)?收入合计$|^合计$|^小计$|^本年收入$/.test(p)) return 'total';
  if (/财政拨款/.test(p)) return 'fiscal';
  if (/上级补助/.test(p)) return 'superior';
  if (/^事业收入/.test(p)) return 'business';
  if (/经营收入/.test(p)) return 'operating';
  if (/附属单位/.test(p)) return 'affiliated';
  if (/其他收入/.test(p)) return 'other';
  return null;
}

const spec: CodedSpec = { kind: 'income', classify: classifyIncome, required: [['total'], ['fiscal', 'business', 'other']] };

export const income: KindReader = {
  kind: 'income',
  titles: ['收入决算表'],
  read: (grid, region) => readCoded(spec, grid, region),
  readContinued: (grid, region, prev) => readCoded(spec, grid, region, prev as CodedTable),
};
