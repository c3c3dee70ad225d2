// Every finding the pane lists says which row and column it is about, on real tables in several
// layouts: the sample, generated Hunan/Shanghai/central workbooks with planted faults, and tables
// stacked on one sheet. The row is the 科目/项目 name (with its code), the column the header.
import { analyzeWorkbook } from '../../../src/core/index';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { cellContext, findingWhere, whereText } from '../../../src/taskpane/cell-context';
import { allFaults, generateWorkbook, type LayoutId } from '../../fixtures/generator';
import { loadSample } from '../../helpers';

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

describe('cellContext on the sample', () => {
  const ctx = (sheet: string, cell: string) => {
    const det = analyzeWorkbook(sample).detection;
    return cellContext(det, sample, sheet, cell);
  };

  test('two-sided summary: the label and the amount column of the same side', () => {
    expect(ctx('1收入支出决算总表', 'C15')).toEqual({ table: '收入支出决算总表', row: '本年收入合计', column: '收入/金额' });
    expect(ctx('1收入支出决算总表', 'F15')).toEqual({ table: '收入支出决算总表', row: '本年支出合计', column: '支出/金额' });
  });

  test('coded table: 科目编码 and 科目名称 of the row, the column header', () => {
    const c = ctx('2收入决算表', 'C9');
    expect(c.table).toBe('收入决算表');
    expect(c.row).toMatch(/^2080106 就业管理事务$/);
    expect(c.column).toBe('本年收入合计');
  });

  test('a label cell has no row of its own to repeat', () => {
    expect(ctx('2收入决算表', 'B9').row).toBeNull();
  });

  test('side-by-side blocks (basic-detail): the code and name in the same block', () => {
    expect(ctx('6一般公共预算财政拨款基本支出决算表', 'C7').row).toBe('30101 基本工资');
    expect(ctx('6一般公共预算财政拨款基本支出决算表', 'F7').row).toBe('30201 办公费');
    const c = ctx('6一般公共预算财政拨款基本支出决算表', 'I7');
    expect(c.row).toBe('30217 公务接待费');
    expect(c.column).toMatch(/决算数$/);
  });

  test('outside any table: the nearest label to the left, no column', () => {
    const snap: WorkbookSnapshot = { name: 'x', sheets: [{ name: 'S', cells: [[{ v: '打印纸' }, { v: 120 }]], merges: [] }] };
    expect(cellContext({ tables: [], unknown: [], supplement: null }, snap, 'S', 'B1')).toEqual({ table: null, row: '打印纸', column: null });
    expect(cellContext(null, null, 'S', 'not a cell')).toEqual({ table: null, row: null, column: null });
  });

  test('the words shown under a finding', () => {
    expect(whereText({ table: 't', row: '合计', column: '金额' })).toBe('行“合计”，列“金额”');
    expect(whereText({ table: 't', row: null, column: '金额' })).toBe('列“金额”');
    expect(whereText({ table: null, row: null, column: null })).toBe('');
  });
});

describe.each<[LayoutId, boolean]>([
  ['hunan', false],
  ['shanghai', false],
  ['central', false],
  ['hunan', true],
])('planted faults, %s layout (stacked %s)', (layout, stackTables) => {
  test('every finding on a table cell gets a row or a column in words', async () => {
    const g = await generateWorkbook({ unit: 'bigunit', layout, stackTables, faults: allFaults() });
    const snap = await readXlsx(g.bytes, `${layout}.xlsx`);
    const a = analyzeWorkbook(snap);
    const onTables = a.findings.filter((f) => f.sheet && f.cell && a.detection.tables.some((t) => t.sheet === f.sheet));
    expect(onTables.length).toBeGreaterThan(5);
    const described = onTables.filter((f) => findingWhere(f, a.detection, snap) !== '');
    // Title/caption findings (unit caption, table present) point at a title: those may stay bare.
    const bare = onTables.filter((f) => findingWhere(f, a.detection, snap) === '' && !/completeness|unit|caption|title/.test(f.rule));
    expect(bare.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
    expect(described.length).toBeGreaterThan(0);
    // A total's finding names the total's row.
    for (const f of described) expect(findingWhere(f, a.detection, snap)).toMatch(/^(行“[^”]+”(，列“[^”]+”)?|列“[^”]+”)$/);
  });
});
