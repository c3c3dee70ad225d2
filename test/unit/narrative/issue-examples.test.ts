// Each example of issue 12 planted into the real 宜川路街道 text, one at a time, on the line where
// an officer would write it: exactly one finding above info on that line, by the rule that owns it.
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadXlsx, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { checkNarrative } from '../../../src/core/narrative/check';
import type { Detection } from '../../../src/core/tables/types';
import { REAL_FAULTS } from './real-faults';

const BASE = join(SHARED_DIR, 'fixtures', 'real', 'sh-putuo-yichuan-2025');
let d: Detection;
let lines: string[];
beforeAll(async () => {
  d = detectTables(await loadXlsx(`${BASE}.xlsx`));
  lines = readFileSync(`${BASE}.narrative.txt`, 'utf8').split('\n');
});

/** [what, line (1-based), from, to, rule] */
const EXAMPLES: [string, number, string, string, string][] = [
  ['a quoted old class name with its figure', 14, '文化旅游体育与传媒支出(类)86.55 万元', '“文化体育与传媒支出”86.55 万元', 'narrative.name'],
  ['swapped characters in a 项', 43, '其他城乡社区管理事务支出（项）', '其他社区城乡管理事务支出（项）', 'narrative.name'],
  ['a 项 under the wrong 款 (a 款 the tables do not hold)', 23, '公共安全支出（类）其他公共安全支出（款）', '公共安全支出（类）司法（款）', 'narrative.nesting'],
  ['a 款 repeated as a 项 that does not exist', 33, '就业补助（款）公益性岗位补贴（项）', '就业补助（款）就业补助（项）', 'narrative.level'],
  ['决算数大小于预算数', 24, '决算数小于预算数', '决算数大小于预算数', 'narrative.remnant'],
  ['减增加', 74, '减少 165.4 万元', '减增加 165.4 万元', 'narrative.remnant'],
  ['增加（减少）', 9, '总计减少 959.49 万元', '总计增加（减少）959.49 万元', 'narrative.remnant'],
  ['a figure left as ××', 76, '货物采购金额73.47万元', '货物采购金额××万元', 'narrative.placeholder'],
  ['a stray year', 76, '2025 年度政府采购金额', '2021 年度政府采购金额', 'narrative.year'],
  ['a change without its reason', 74, '。主要原因是人员较 2024 年度减少，公用经费减少。', '。', 'narrative.reason'],
  ['doubled punctuation', 53, '。其中：人员经费', '。，其中：人员经费', 'narrative.repeat'],
  ['a doubled word', 16, '年初预算为 20707.11', '年初预算预算为 20707.11', 'narrative.repeat'],
  ['a share against the wrong base', 59, '占 98.49%', '占 62.15%', 'narrative.share'],
];

it.each(EXAMPLES)('%s', (_what, line, from, to, rule) => {
  expect(lines[line - 1]).toContain(from);
  const planted = lines.map((l, i) => (i === line - 1 ? l.replace(from, to) : l));
  const known = REAL_FAULTS.yichuan.filter((k) => k.line === line).map((k) => k.rule);
  const found = checkNarrative(planted.join('\n'), d).filter((f) => f.line === line && f.severity !== 'info' && !known.includes(f.rule));
  expect(found.map((f) => f.rule)).toEqual([rule]);
});
