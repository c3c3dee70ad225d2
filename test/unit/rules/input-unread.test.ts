// input.unread-rows: figures a reader could not place take part in no check, so they must be
// reported rather than silently dropped.
import { runRule, makeContext } from '../../../src/core/rules/engine';
import { rule as unreadRows } from '../../../src/core/rules/input/unread-rows';
import type { Detection } from '../../../src/core/tables/types';
import { run, workbookOf } from './build';
import { expenditure, pick, sampleTables } from './sample-model';

describe('input.unread-rows', () => {
  it('is silent on the clean sample model', () => {
    expect(run(unreadRows, sampleTables())).toEqual([]);
  });
  it('reports an unreadable code row at its first column', () => {
    const tables = sampleTables();
    const e = pick(tables, 'expenditure');
    e.warnings.push('第10行：无法识别科目编码，该行未读取');
    const fs = run(unreadRows, tables);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', sheet: e.sheet, cell: 'A10' });
    expect(fs[0].message).toContain('未参加核对');
  });
  it('reports a basic-detail amount without 科目 at its cell', () => {
    const tables = sampleTables();
    const b = pick(tables, 'basic-detail');
    b.warnings.push('C14：有金额但没有科目');
    expect(run(unreadRows, tables)).toMatchObject([{ sheet: b.sheet, cell: 'C14' }]);
  });
  it('ignores warnings other rules report (empty table, blank project name)', () => {
    const e = expenditure();
    e.warnings.push('本表无数据，且没有说明为空表的注释', '项目名称为空');
    expect(run(unreadRows, [e])).toEqual([]);
  });
  it('reports a table titled like a known kind whose header could not be read, when that kind is missing', () => {
    const tables = sampleTables().filter((t) => t.kind !== 'expenditure');
    const det: Detection = { tables, unknown: [{ sheet: 'X', range: { r1: 2, c1: 1, r2: 9, c2: 5 }, title: '支出决算表', reason: '标题像「支出决算表」，但表头不符合该表的格式' }, { sheet: 'Y', range: { r1: 0, c1: 0, r2: 9, c2: 5 }, title: '政府采购情况表', reason: '未能识别的表格「政府采购情况表」，不属于已知的决算公开表' }], supplement: null };
    const fs = runRule(unreadRows, makeContext(workbookOf(tables), det));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: 'X', cell: 'B3', severity: 'warning' });
  });
});

it('input.unread-rows: a look-alike title beside a read table of that kind is another table, not a lost one', () => {
  const det: Detection = { tables: sampleTables(), unknown: [{ sheet: 'X', range: { r1: 0, c1: 0, r2: 9, c2: 5 }, title: '一般公共预算财政拨款支出决算明细表', reason: '标题像「一般公共预算财政拨款支出决算表」，但表头不符合该表的格式' }], supplement: null };
  expect(runRule(unreadRows, makeContext(workbookOf(det.tables), det))).toEqual([]);
});

it('input.unread-rows: rows read but not matched by code are info; a nameless code is a warning', () => {
  const tables = sampleTables();
  pick(tables, 'summary').warnings.push('第9行：支出功能分类「新兴产业支出」不在分类目录中');
  const e = pick(tables, 'expenditure');
  e.warnings.push('第12行：科目 2080505 没有名称');
  const fs = run(unreadRows, tables);
  expect(fs.map((f) => [f.severity, f.cell])).toEqual([
    ['info', 'A9'],
    ['warning', 'A12'],
  ]);
  expect(fs[0].message).not.toContain('未参加核对');
});
