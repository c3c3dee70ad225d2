// 国有资本经营预算财政拨款支出决算表: [科目编码, 科目名称, 本年支出: 合计/基本/项目] or the gov-fund shape.
import type { KindReader } from './reader';
import { readCoded } from './coded';
import type { CodedSpec } from './coded';
import type { CodedTable } from '../types';
import { classifyFund } from './gov-fund';

const spec: CodedSpec = { kind: 'state-capital', classify: classifyFund, required: [['total'], ['basic', 'project', 'opening', 'income', 'closing']] };

export const stateCapital: KindReader = {
  kind: 'state-capital',
  titles: ['国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款收入支出决算表'],
  read: (grid, region) => readCoded(spec, grid, region),
  readContinued: (grid, region, prev) => readCoded(spec, grid, region, prev as CodedTable),
};
