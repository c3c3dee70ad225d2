// Shared machinery: title normalisation, kind matching by whole title, header joining, captions,
// codes, the 补充信息 reader.
import { sheetFromValues } from '../../../src/core/snapshot';
import { capOf, Grid, normTitle, parseHeader, unitIn, yearIn } from '../../../src/core/tables/common';
import { detectTables, kindOfTitle } from '../../../src/core/tables/detect';
import { readSupplement } from '../../../src/core/tables/supplement';
import type { CodedTable, PerfBasicDataTable, ThreePublicTable } from '../../../src/core/tables/types';
import { M } from './build';

describe('normTitle / kindOfTitle', () => {
  it.each([
    ['2023年度收入决算表', '收入决算表'],
    ['表1 收入支出决算总表', '收入支出决算总表'],
    ['表一：收入支出决算总表', '收入支出决算总表'],
    ['附表1-2 收入决算表', '收入决算表'],
    ['公开01表', ''],
    ['收入支出决算总表（公开01表）', '收入支出决算总表'],
    ['项目支出绩效自评表\n（2023年度）', '项目支出绩效自评表'],
    ['七、政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款收入支出决算表'],
    ['某某中心2023年度部门决算收入支出决算总表', '收入支出决算总表'],
    ['１收入支出决算总表', '收入支出决算总表'],
    ['表2 2023年度收入决算表', '收入决算表'],
    ['表10 2023年度项目支出绩效自评表', '项目支出绩效自评表'],
    ['2023年度表1收入支出决算总表', '收入支出决算总表'],
    ['表5 一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表'],
    ['表九、一般公共预算财政拨款“三公”经费支出决算表', '一般公共预算财政拨款三公经费支出决算表'],
  ])('%s → %s', (raw, want) => {
    expect(normTitle(raw)).toBe(want);
  });

  it.each([
    ['收入决算表', 'income'],
    ['收入支出决算总表', 'summary'],
    ['收入支出决算表', 'summary'],
    ['财政拨款收入支出决算总表', 'fiscal-summary'],
    ['支出决算表', 'expenditure'],
    ['一般公共预算财政拨款支出决算表', 'general-budget'],
    ['一般公共预算财政拨款基本支出决算表', 'basic-detail'],
    ['一般公共预算财政拨款基本支出决算明细表', 'basic-detail'],
    ['国有资本经营预算财政拨款收入支出决算表', 'state-capital'],
    ['财政拨款“三公”经费支出决算表', 'three-public'],
    ['部门整体支出绩效自评表', 'perf-dept-scorecard'],
    ['整体支出绩效自评表', 'perf-dept-scorecard'],
    ['项目支出绩效自评表', 'perf-project-scorecard'],
    ['部门整体支出绩效评价基础数据表', 'perf-basic-data'],
    ['部门收支总表', undefined],
    ['政府采购情况表', undefined],
    ['收入决算表编制说明', undefined],
    ['一般公共预算支出表', undefined],
  ])('%s is %s', (title, kind) => {
    expect(kindOfTitle(title)?.kind).toBe(kind);
  });
});

describe('captions and labels', () => {
  it('reads units, years and caps', () => {
    expect(unitIn('单位：万元')).toBe('万元');
    expect(unitIn('金额单位：元')).toBe('元');
    expect(unitIn('单位: 万元')).toBe('万元');
    expect(unitIn('项目资金（万元）')).toBe('万元');
    expect(unitIn('编制单位：某中心')).toBeUndefined();
    expect(yearIn('（2023年度）')).toBe(2023);
    expect(yearIn('２０２４年')).toBe(2024);
    expect(capOf('产出指标（50分）')).toBe(50);
    expect(capOf('产出指标(50)')).toBe(50);
    expect(capOf('效益指标（30 分）')).toBe(30);
    expect(capOf('产出指标')).toBeNull();
  });

  it('joins merged two-row headers with / and skips 栏次 rows', () => {
    const s = sheetFromValues('h', [
      ['科目编码', '科目名称', '年初预算数', '本年支出'],
      [null, null, null, '小计', '基本支出', '项目支出'],
      ['栏次', null, 1, 2, 3, 4],
      ['合计', null, 1, 2, 3, 4],
    ], { merges: [M(0, 0, 1, 0), M(0, 1, 1, 1), M(0, 2, 1, 2), M(0, 3, 0, 5)] });
    const h = parseHeader(new Grid(s), 0, 0, 5, 3);
    expect(h.rows).toEqual([0, 1]);
    expect(h.lineRows).toEqual([2]);
    expect(h.dataStart).toBe(3);
    expect(h.columns.map((c) => c.header)).toEqual(['科目编码', '科目名称', '年初预算数', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出']);
  });
});

describe('more layouts', () => {
  it('reads a central three-row header: 项目 over 功能分类科目编码 (类|款|项) and 科目名称', () => {
    const s = sheetFromValues('Sheet2', [
      ['2023年度收入决算表'],
      [null, null, null, null, null, null, '单位：元'],
      ['项目', null, null, null, '本年收入合计', '财政拨款收入', '其他收入'],
      ['功能分类科目编码', null, null, '科目名称'],
      ['类', '款', '项'],
      ['栏次', null, null, null, 1, 2, 3],
      ['合计', null, null, null, '8,777,700.00', '8,407,700.00', '370,000.00'],
      ['208', null, null, '社会保障和就业支出', '8,306,800.00', '7,936,800.00', '370,000.00'],
      [null, '01', null, '　人力资源和社会保障管理事务', '5,942,400.00', '5,572,400.00', '370,000.00'],
      [null, null, '09', '　　社会保险经办机构', '946,000.00', '576,000.00', '370,000.00'],
    ], { merges: [M(0, 0, 0, 6), M(2, 0, 2, 3), M(3, 0, 3, 2), M(3, 3, 4, 3), M(2, 4, 4, 4), M(2, 5, 4, 5), M(2, 6, 4, 6), M(6, 0, 6, 3)] });
    const d = detectTables({ name: 'c', sheets: [s] });
    const t = d.tables[0] as CodedTable;
    expect(t.kind).toBe('income');
    expect(t.unit).toBe('元');
    expect(t.columns.slice(0, 4).map((c) => c.key)).toEqual(['codeClass', 'codeSection', 'codeItem', 'name']);
    expect(t.items.map((i) => [i.code, i.name, i.values.fiscal.value])).toEqual([
      ['208', '社会保障和就业支出', 7936800],
      ['20801', '人力资源和社会保障管理事务', 5572400],
      ['2080109', '社会保险经办机构', 576000],
    ]);
    expect(t.total?.values.other.value).toBe(370000);
  });

  it('reads a transposed 三公 table (预算数 and 决算数 rows)', () => {
    const s = sheetFromValues('三公', [
      ['财政拨款“三公”经费支出决算表'],
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, null, '小计', '公务用车购置费', '公务用车运行费'],
      ['预算数', 1.4, 0, 0, 0, 0, 1.4],
      ['决算数', 1.16, 0, 0, 0, 0, 1.16],
    ], { merges: [M(1, 3, 1, 5), M(1, 0, 2, 0), M(1, 1, 2, 1), M(1, 2, 2, 2), M(1, 6, 2, 6)] });
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as ThreePublicTable;
    expect(t.kind).toBe('three-public');
    expect(t.budget?.total?.value).toBe(1.4);
    expect(t.actual.reception?.value).toBe(1.16);
    expect(t.actual.reception?.ref).toEqual({ sheet: '三公', row: 4, col: 6 });
    expect(t.range.r2).toBe(4);
  });

  it('takes the 项目支出 line itself as projectTotal when it holds figures', () => {
    const s = sheetFromValues('绩效', [
      ['部门整体支出绩效评价基础数据表'],
      ['经费控制情况（万元）', '上年决算数', '本年预算数', '本年决算数'],
      ['三公经费', 1, 1, 1],
      ['项目支出', 30, 30, 29],
      ['项目A', 10, 10, 9],
      ['项目B', 20, 20, 20],
      ['公用经费', 5, 5, 5],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as PerfBasicDataTable;
    expect(t.projectTotal?.label).toBe('项目支出');
    expect(t.projects.map((p) => p.label)).toEqual(['项目A', '项目B']);
    expect(t.staff.authorized).toBeNull();
    expect(t.year).toBeUndefined();
    expect(t.unit).toBe('万元');
  });

  it('detects the project total by its sum when its label says nothing', () => {
    const s = sheetFromValues('绩效', [
      ['部门整体支出绩效评价基础数据表'],
      ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出：'],
      ['市级资金', 30, 30, 29],
      ['项目A', 10, 10, 9],
      ['项目B', 20, 20, 20],
      ['公用经费', 5, 5, 5],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as PerfBasicDataTable;
    expect(t.projectTotal?.label).toBe('市级资金');
    expect(t.year).toBe(2023); // from the 2023年决算数 header, not 2022
    expect(t.projects).toHaveLength(2);
    expect(t.unit).toBeNull();
  });

  it('warns, never throws, on rows it cannot understand', () => {
    const s = sheetFromValues('支出', [
      ['支出决算表'],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['合计', null, 10, 10, 0],
      ['2081', '半截编码', 5, 5, 0],
      [null, '没有编码', 5, 5, 0],
      ['208', '社会保障和就业支出', '#REF!', 'abc', null],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as CodedTable;
    expect(t.items.map((i) => i.code)).toEqual(['208']);
    expect(t.warnings).toHaveLength(2);
    expect(t.warnings[0]).toMatch(/第4行.*2081/);
    expect(t.items[0].values.total).toMatchObject({ value: null, form: 'error' });
    expect(t.items[0].values.basic).toMatchObject({ value: null, form: 'invalid', text: 'abc' });
    expect(t.rows.filter((r) => r.key === 'unrecognized').map((r) => r.row)).toEqual([3, 4]);
  });
});

describe('补充信息', () => {
  it('reads trimmed keys and values, skips the header, ignores other sheets', () => {
    const s = sheetFromValues(' 补充信息 ', [['项目', '内容'], ['  上年收支总计 ', ' 1,031.37 '], ['公务接待人次', 69], [null, 'orphan'], ['单位性质', '　行政单位　'], ['空值'], ['联系电话', '0745-1234567']]);
    const sup = readSupplement({ name: 'x', sheets: [sheetFromValues('其他', [['上年收支总计', 1]]), s] });
    expect(sup?.entries.map((e) => [e.key, e.value, e.ref.row])).toEqual([
      ['上年收支总计', 1031.37, 1],
      ['公务接待人次', 69, 2],
      ['单位性质', '行政单位', 4],
      ['空值', null, 5],
      ['联系电话', '0745-1234567', 6],
    ]);
    expect(sup?.sheet).toBe(' 补充信息 ');
    expect(readSupplement({ name: 'x', sheets: [] })).toBeNull();
  });
});

describe('scorecard identity in one cell', () => {
  it('reads 项目名称：… and 主管部门：… written in one cell', () => {
    const s = sheetFromValues('自评', [
      ['项目支出绩效自评表'],
      ['项目名称：就业见习补贴', null, null, '单位：万元'],
      ['主管部门：某局', null, null, '实施单位：某中心'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 5, 5, 4, 10, 0.8, 8],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标（50分）', '数量指标', '人数', '≥10人', '12人', 50, 50],
      ['总分', null, null, null, null, null, 60, 58],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as import('../../../src/core/tables/types').ScorecardTable;
    expect(t.name).toBe('就业见习补贴');
    expect(t.nameRef).toEqual({ sheet: '自评', row: 1, col: 0 });
    expect(t.department).toBe('某局');
    expect(t.implementer).toBe('某中心');
    expect(t.funds.total?.rate?.value).toBe(0.8);
    expect(t.goals).toEqual({ expected: '', expectedRef: null, actual: '', actualRef: null });
    expect(t.totalRow?.score?.value).toBe(58);
    expect(t.unit).toBe('万元');
  });
});

describe('compact variants', () => {
  it('splits "208 社会保障和就业支出" written in one 项目 column', () => {
    const s = sheetFromValues('支出', [
      ['支出决算表'],
      ['项目', '本年支出合计', '基本支出', '项目支出'],
      ['合计', 877.77, 738.08, 139.69],
      ['208 社会保障和就业支出', 830.68, 710.99, 119.69],
      ['[20801]人力资源和社会保障管理事务', 594.24, 488.54, 105.7],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as CodedTable;
    expect(t.items.map((i) => [i.code, i.name, i.level])).toEqual([
      ['208', '社会保障和就业支出', 'class'],
      ['20801', '人力资源和社会保障管理事务', 'section'],
    ]);
    expect(t.total?.values.total.value).toBe(877.77);
  });

  it('reads a one-row summary header 收入 | 金额 | 支出 | 金额', () => {
    const s = sheetFromValues('总表', [
      ['收入支出决算总表'],
      ['收入', '金额', '支出', '金额'],
      ['一、一般公共预算财政拨款收入', 840.77, '一、社会保障和就业支出', 830.68],
      ['本年收入合计', 840.77, '本年支出合计', 830.68],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as import('../../../src/core/tables/types').SummaryTable;
    expect(t.kind).toBe('summary');
    expect(t.income.fiscalGeneral?.figure.value).toBe(840.77);
    expect(t.classes[0].code).toBe('208');
    expect(t.expenditureTotal?.figure.ref).toEqual({ sheet: '总表', row: 3, col: 3 });
  });
});

describe('caption year', () => {
  it('reads the year from a caption sentence before the header', () => {
    const s = sheetFromValues('支出', [
      ['支出决算表'],
      ['编制单位：某中心（2023年度决算）', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['合计', null, 10, 10, 0],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0];
    expect(t.year).toBe(2023);
    expect(t.unit).toBe('万元');
    expect(t.unitRef).toEqual({ sheet: '支出', row: 1, col: 4 });
  });
});

describe('notes', () => {
  it('captures a note without the 注 prefix and keeps it out of the range', () => {
    const s = sheetFromValues('收入', [
      ['收入决算表'],
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
      ['合计', null, 10, 10, 0],
      ['208', '社会保障和就业支出', 10, 10, 0],
      [],
      ['本表反映部门本年度取得的各项收入情况。'],
    ]);
    const t = detectTables({ name: 'x', sheets: [s] }).tables[0] as CodedTable;
    expect(t.note).toBe('本表反映部门本年度取得的各项收入情况。');
    expect(t.noteRef).toEqual({ sheet: '收入', row: 5, col: 0 });
    expect(t.range.r2).toBe(3);
    expect(t.warnings).toEqual([]);
  });
});
