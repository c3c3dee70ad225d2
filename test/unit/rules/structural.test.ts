// Structural faults, one finding each: a column shifted against its codes, a subtotal repeated as
// an item, a row under the wrong code, a 合计 row that matches nothing. Each case is built clean,
// checked clean, then broken the way published reports break.
import type { CellValue } from '../../../src/core/snapshot';
import type { CodedTable, Table } from '../../../src/core/tables/types';
import { basicDetail, checkAll, coded, serious, setFig, threePublic } from './build';
import { pick, sampleTables } from './sample-model';

/** A 302 block whose first 款 is empty, with the 三公 figures its 30212/30217/30231 must not exceed. */
function basic302(values: CellValue[], total = 64) {
  const codes: [string, string][] = [
    ['30201', '办公费'],
    ['30205', '水费'],
    ['30211', '差旅费'],
    ['30212', '因公出国（境）费用'],
    ['30216', '培训费'],
    ['30217', '公务接待费'],
    ['30229', '福利费'],
    ['30231', '公务用车运行维护费'],
    ['30299', '其他商品和服务支出'],
  ];
  return basicDetail({
    personnel: [['301', '工资福利支出', 100], ['30101', '基本工资', 100]],
    public: [['302', '商品和服务支出', total], ...codes.map(([c, n], i) => [c, n, values[i]] as [string, string, CellValue])],
    personnelTotal: 100,
    publicTotal: total,
  });
}
// 三公 决算: 出国 0, 车辆 9 (运行 9), 接待 5; 预算 a little above.
const three = () => threePublic([16, 0, 10, 0, 10, 6], [14, 0, 9, 0, 9, 5]);
const CLEAN = [0, 10, 20, 0, 3, 5, 17, 9, 0];

describe('a column printed one row off its codes', () => {
  it('the clean block passes', () => {
    expect(serious(checkAll([basic302(CLEAN), three()]))).toEqual([]);
  });
  it('is one finding naming the rows, folding every comparison it breaks; the repeated total one more', () => {
    // Each figure one row up (as the published report prints it), the last row repeating the 302 total.
    const printed = [...CLEAN.slice(1), 64];
    const fs = serious(checkAll([basic302(printed), three()]));
    expect(fs.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['sum.basic-detail', 'error', 'F15'],
      ['cross.three-public-detail', 'warning', 'F7'],
    ]);
    const shift = fs[1];
    expect(shift.message).toContain('30201 办公费 至 30299 其他商品和服务支出（F7:F15）的数字与科目错开了一行');
    expect(shift.message).toContain('30216 培训费 所列 5.00 属于 30217 公务接待费');
    // 30231 reads 0 (30229's figure slid away): within its bound, so only two comparisons break.
    expect(shift.message).toContain('（重复列示的上级合计数）');
    expect(shift.breaks).toHaveLength(2);
    expect(shift.fix).toBeUndefined();
    expect(fs[0].message).toContain('30299 其他商品和服务支出 所列 64.00 与其上级 302 商品和服务支出 的合计数相同');
  });
  it('in a coded table, shifted down inside one 款: one finding, no cell blamed', () => {
    const table = (basicCol: CellValue[]) =>
      coded('expenditure', {
        keys: ['total', 'basic', 'project'],
        total: [150, 100, 50],
        rows: [
          ['208', '社会保障和就业支出', 150, 100, 50],
          ['20801', '人力资源和社会保障管理事务', 150, 100, 50],
          ['2080101', '行政运行', 40, basicCol[0], 40 - (basicCol[0] as number)],
          ['2080106', '就业管理事务', 50, basicCol[1], 50 - (basicCol[1] as number)],
          ['2080109', '社会保险经办机构', 30, basicCol[2], 30 - (basicCol[2] as number)],
          ['2080199', '其他人力资源和社会保障管理事务支出', 30, basicCol[3], 30 - (basicCol[3] as number)],
        ],
      });
    expect(serious(checkAll([table([40, 30, 30, 0])]))).toEqual([]);
    // 基本支出 moved down a row (the last 项, 0, falls off; the first reads blank), 项目支出 kept.
    const t = table([40, 30, 30, 0]);
    const col = t.items.slice(2).map((r) => r.values.basic);
    const vals = col.map((f) => f.value);
    col.forEach((f, i) => Object.assign(f, { value: i === 0 ? 0 : vals[i - 1], form: i === 0 ? 'blank' : 'number' }));
    const fs = serious(checkAll([t]));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([['sum.row-parts', 'D9']]);
    expect(fs[0].message).toContain('2080101 行政运行 至 2080199 其他人力资源和社会保障管理事务支出（D9:D12）的数字与科目错开了一行：每个数属于上一行的科目');
  });
});

describe('a subtotal repeated as an item', () => {
  it('is one finding on the item, without a fix', () => {
    const fs = serious(checkAll([basic302([0, 10, 20, 0, 3, 5, 17, 9, 64]), three()]));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([['sum.basic-detail', 'F15']]);
    expect(fs[0].message).toContain('不计此数，302 商品和服务支出 正好等于其余各项之和 64.00');
    expect(fs[0].fix).toBeUndefined();
  });
  it('is not a legitimate only child equal to its parent', () => {
    const t = coded('expenditure', { keys: ['total'], total: [10], rows: [['208', '社会保障和就业支出', 10], ['20899', '其他社会保障和就业支出', 10], ['2089999', '其他社会保障和就业支出', 10]] });
    expect(serious(checkAll([t]))).toEqual([]);
  });
});

describe('a row under the wrong code (issue 13: 2080805 named 机关事业单位基本养老保险缴费支出)', () => {
  const table = (code: string): Table =>
    coded('expenditure', {
      keys: ['total', 'basic'],
      total: [200, 200],
      rows: [
        ['208', '社会保障和就业支出', 200, 200],
        ['20805', '行政事业单位养老支出', 150, 150],
        ['2080505', '机关事业单位基本养老保险缴费支出', 50, 50],
        [code, '机关事业单位职业年金缴费支出', 98.34, 98.34],
        ['2080599', '其他行政事业单位养老支出', 1.66, 1.66],
        ['20808', '抚恤', 50, 50],
        ['2080801', '死亡抚恤', 50, 50],
      ],
    });
  it('with the parent its code names listed too: one finding on the code cell, both parents folded, the code as its fix', () => {
    expect(serious(checkAll([table('2080506')]))).toEqual([]);
    const fs = serious(checkAll([table('2080806')]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'sum.coded-hierarchy', severity: 'error', cell: 'A10', actual: '2080806', expected: '2080506' });
    expect(fs[0].message).toContain('科目编码 2080806（机关事业单位职业年金缴费支出）与所在位置不符：该行列在 20805 行政事业单位养老支出 之下');
    expect(fs[0].breaks?.filter((b) => b.rule === 'sum.coded-hierarchy').map((b) => b.text).sort()).toEqual([
      '20805 行政事业单位养老支出「合计」＝所属各项之和（150.00 ≠ 51.66）',
      '20805 行政事业单位养老支出「基本支出」＝所属各项之和（150.00 ≠ 51.66）',
      '20808 抚恤「合计」＝所属各项之和（50.00 ≠ 148.34）',
      '20808 抚恤「基本支出」＝所属各项之和（50.00 ≠ 148.34）',
    ]);
  });
});

describe('a 合计 row that matches nothing', () => {
  it('is one finding on the row giving each column’s sum, not one per column', () => {
    const t = coded('income', {
      keys: ['total', 'fiscal', 'other'],
      total: [912.4, 880.1, 32.3],
      rows: [
        ['208', '社会保障和就业支出', 830.68, 793.68, 37],
        ['210', '卫生健康支出', 27.09, 27.09, 0],
        ['213', '农林水支出', 20, 20, 0],
      ],
    });
    const fs = serious(checkAll([t]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'sum.coded-total', cell: 'B6' });
    expect(fs[0].message).toContain('合计行与本表各行都不符');
    expect(fs[0].message).toContain('应为 877.77（实为 912.40）');
    expect(fs[0].message).toContain('应为 840.77（实为 880.10）');
    expect(fs[0].message).toContain('应为 37.00（实为 32.30）');
  });
  it('two slips on a 合计 row whose 合计 column still holds are two findings with fixes', () => {
    // The items are pinned by their 款 and 项 (a bare table could not tell 合计 slips from a row's).
    const ts = sampleTables();
    const ex = pick<CodedTable>(ts, 'expenditure');
    setFig(ex.total!.values.basic, 739.08);
    setFig(ex.total!.values.project, 138.69);
    const fs = serious(checkAll(ts));
    expect(fs.map((f) => [f.cell, f.fix?.value])).toEqual([
      ['D6', 738.08],
      ['E6', 139.69],
    ]);
  });
});
