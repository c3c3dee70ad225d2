// Hostile review (2): layout variations of SPEC §3 the generator does not produce.
import { sheetFromValues } from '../../../src/core/snapshot';
import type { CellValue } from '../../../src/core/snapshot';
import type { CodedTable, ScorecardTable, ThreePublicTable } from '../../../src/core/tables/types';
import { M, analyze, at, deptScorecardSheet, errors, get, sample, set, sheetOf, show, standardIndicators, workbook } from './helpers';

const EXP = '3支出决算表';
const TP = '9财政拨款三公经费支出决算表';

function tableOn<T>(a: ReturnType<typeof analyze>, sheet: string): T {
  const t = a.detection.tables.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}: ${JSON.stringify(a.detection.unknown)}`);
  return t as unknown as T;
}

describe('titles', () => {
  it('a title merged over C1:G1 with a year prefix, not at column A', async () => {
    const wb = await sample();
    const s = sheetOf(wb, EXP);
    s.merges = s.merges.filter((m) => !(m.r1 === 0 && m.c1 === 0));
    set(wb, EXP, 'A1', null);
    set(wb, EXP, 'C1', '2023年度支出决算表');
    s.merges.push(M(0, 2, 0, 6));
    const a = analyze(wb);
    const t = tableOn<CodedTable>(a, EXP);
    expect(t.kind).toBe('expenditure');
    expect(t.items).toHaveLength(18);
    expect(show(a.findings)).toEqual([]);
  });
  it.each(['支出决算表      单位：万元', '支出决算表 金额单位：万元', '支出决算表（单位：万元）', '支出决算表（续表）', '续表：支出决算表'])('title %s is the expenditure table', async (title) => {
    const wb = await sample();
    set(wb, EXP, 'A1', title);
    if (/单位/.test(title)) set(wb, EXP, 'I3', null);
    const a = analyze(wb);
    const t = tableOn<CodedTable>(a, EXP);
    expect(t.kind).toBe('expenditure');
    expect(t.unit).toBe('万元');
    expect(show(a.findings)).toEqual([]);
  });
});

describe('coded tables', () => {
  const rows = (total: CellValue, label = '合计'): CellValue[][] => [
    ['支出决算表'],
    [null, null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '行次', '本年支出合计', '基本支出', '项目支出'],
    [label, null, 1, total, 738.08, 139.69],
    ['208', '社会保障和就业支出', 2, 830.68, 710.99, 119.69],
    ['20801', '　人力资源和社会保障管理事务', 3, 830.68, 710.99, 119.69],
    ['2080106', '　　就业管理事务', 4, 830.68, 710.99, 119.69],
    ['210', '卫生健康支出', 5, 27.09, 27.09, 0],
    ['21011', '　行政事业单位医疗', 6, 27.09, 27.09, 0],
    ['2101101', '　　行政单位医疗', 7, 27.09, 27.09, 0],
    ['213', '农林水支出', 8, 20, 0, 20],
    ['21308', '　普惠金融发展支出', 9, 20, 0, 20],
    ['2130804', '　　创业担保贷款贴息及奖补', 10, 20, 0, 20],
  ];
  it('a 行次 column is structure, not an amount', () => {
    const a = analyze(workbook(sheetFromValues('支出', rows(877.77))));
    const t = tableOn<CodedTable>(a, '支出');
    expect(t.valueKeys).toEqual(['total', 'basic', 'project']);
    expect(t.total?.values.total.value).toBe(877.77);
    expect(t.items.map((i) => i.code)).toEqual(['208', '20801', '2080106', '210', '21011', '2101101', '213', '21308', '2130804']);
    expect(errors(a.findings)).toEqual([]);
  });
  it.each(['总计', '合  计', '合　计', ' 合计 '])('a 合计 row labelled %s is the total and is checked', (label) => {
    const a = analyze(workbook(sheetFromValues('支出', rows(878.77, label))));
    const t = tableOn<CodedTable>(a, '支出');
    expect(t.total?.row).toBe(3);
    expect(at(a.findings, /^sum\.coded-total$/, '支出', 'D4')).toHaveLength(1);
  });
  it.each([
    ['208 01 06', null],
    ['２０８０１０６', null],
    ['[2080106]就业管理事务', null],
    ['2080106 就业管理事务', null],
  ])('code written %s is read as 2080106', async (code, name) => {
    const wb = await sample();
    set(wb, EXP, 'A9', code);
    if (/就业/.test(code)) set(wb, EXP, 'B9', name);
    const a = analyze(wb);
    const t = tableOn<CodedTable>(a, EXP);
    const row = t.items.find((i) => i.row === 8)!;
    expect(row.code).toBe('2080106');
    expect(row.name).toBe('就业管理事务');
    expect(show(a.findings.filter((f) => f.severity !== 'info'))).toEqual([]);
  });
});

describe('三公 wording', () => {
  it.each(['财政拨款『三公』经费支出决算表', '财政拨款三公经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表', '财政拨款\'三公\'经费支出决算表'])('title %s', async (title) => {
    const wb = await sample();
    set(wb, TP, 'A1', title);
    const a = analyze(wb);
    expect(tableOn<ThreePublicTable>(a, TP).kind).toBe('three-public');
    expect(show(a.findings)).toEqual([]);
  });
  it.each([
    ['公务用车购置费及运行维护费', '公务用车运行维护费'],
    ['公务用车购置及运行维护费', '公务用车运行维护费'],
    ['公务用车购置和运行费', '运行费'],
  ])('vehicle group %s with %s', async (group, op) => {
    const wb = await sample();
    for (const c of ['C5', 'I5']) set(wb, TP, c, group);
    for (const c of ['E6', 'K6']) set(wb, TP, c, op);
    // A planted 三公 fault must still be found on the 小计.
    set(wb, TP, 'I7', 0.5);
    const a = analyze(wb);
    const t = tableOn<ThreePublicTable>(a, TP);
    expect(t.actual.vehicleSubtotal?.ref).toMatchObject({ row: 6, col: 8 });
    expect(t.actual.vehicleOperation?.ref).toMatchObject({ row: 6, col: 10 });
    expect(t.actual.vehiclePurchase?.ref).toMatchObject({ row: 6, col: 9 });
    expect(a.findings.some((f) => f.rule === 'sum.three-public' && f.sheet === TP && f.severity === 'error')).toBe(true);
  });
});

describe('scorecards', () => {
  const sc = (a: ReturnType<typeof analyze>) => a.detection.tables[0] as ScorecardTable;
  it.each([
    ['（50分）', (b: string, c: number) => `${b}（${c}分）`],
    ['(50)', (b: string, c: number) => `${b}(${c})`],
    ['50分', (b: string, c: number) => `${b}${c}分`],
    ['：50分', (b: string, c: number) => `${b}：${c}分`],
  ])('一级指标 written 产出指标%s: caps read, 55 under 50 is an error', (_n, l1) => {
    const clean = analyze(workbook(deptScorecardSheet('s', standardIndicators(l1))));
    expect(sc(clean).indicators.map((i) => i.level1Cap)).toEqual([50, 50, 50, 50, 50, 30, 30, 30, 10]);
    expect(clean.findings.filter((f) => f.family === 'scorecard')).toEqual([]);
    const ind = standardIndicators(l1);
    ind[0].weight = 15;
    ind[0].score = 15;
    ind[8].weight = 5;
    ind[8].score = 5;
    const a = analyze(workbook(deptScorecardSheet('s', ind)));
    const f = a.findings.filter((x) => x.rule === 'scorecard.level1-cap');
    expect(f.map((x) => [x.severity, x.cell, x.expected, x.actual])).toEqual([
      ['error', 'B11', 50, 55],
      ['error', 'B19', 10, 5],
    ]);
    expect(f[0].message).toMatch(/^产出指标下/);
  });

  /** 一级指标 | 分值(cap, merged over the group) | 二级指标 | 三级指标 | … | 分值 | 得分 */
  function capColumnSheet(capHeader: string, bump: number) {
    const rows: CellValue[][] = [
      ['部门整体支出绩效自评表'],
      ['预算单位名称', '怀化市就业服务中心'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 897.32, 877.77, 877.77, 10, 1, 10],
      [null, '其中：当年财政拨款', 897.32, 877.77, 877.77],
      ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
      [null, '目标', null, null, null, '完成'],
      ['绩效指标', '一级指标', capHeader, '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ];
    const merges = [M(0, 0, 0, 9)];
    const ind = standardIndicators((b) => b);
    ind[0].weight = 10 + bump;
    ind[0].score = 10 + bump;
    const groups: [string, number, number][] = [];
    for (const i of ind) {
      const last = groups[groups.length - 1];
      if (last && last[0] === i.l1) last[2]++;
      else groups.push([i.l1, rows.length + groups.reduce((s, g) => s + g[2], 0) - rows.length, 1]);
    }
    let r = rows.length;
    for (const [name, , n] of groups) {
      const cap = name.startsWith('产出') ? 50 : name.startsWith('效益') ? 30 : 10;
      for (let k = 0; k < n; k++) {
        const i = ind.shift()!;
        rows.push([null, k === 0 ? name : null, k === 0 ? cap : null, i.l2, i.l3, i.target, i.actual, i.weight, i.score]);
      }
      if (n > 1) merges.push(M(r, 1, r + n - 1, 1), M(r, 2, r + n - 1, 2));
      r += n;
    }
    rows.push(['总分', null, null, null, null, null, null, 100 + bump, 100 + bump]);
    return sheetFromValues('s', rows, { merges });
  }
  it.each(['分值', '一级指标分值', '权重'])('the cap in a separate %s column is the cap, not the indicators’ 分值', (h) => {
    const clean = analyze(workbook(capColumnSheet(h, 0)));
    const t = sc(clean);
    expect(t.indicators.map((i) => i.weight?.value)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(t.indicators.map((i) => i.level1Cap)).toEqual([50, 50, 50, 50, 50, 30, 30, 30, 10]);
    expect(show(clean.findings.filter((f) => f.family === 'scorecard'))).toEqual([]);
    const bad = analyze(workbook(capColumnSheet(h, 5)));
    const f = bad.findings.filter((x) => x.rule === 'scorecard.level1-cap');
    expect(f.map((x) => [x.severity, x.cell, x.expected, x.actual])).toEqual([['error', 'B9', 50, 55]]);
    expect(bad.findings.some((x) => x.rule === 'scorecard.score-cap')).toBe(false);
  });

  it('预算执行率 listed as an indicator row: counted once, and its 得分 follows min(rate, 1) × 分值', () => {
    const withRow = (actual: string, score: number) => {
      const ind = standardIndicators();
      ind.push({ l1: '预算执行率（10分）', l2: '预算执行率', l3: '预算执行率', target: '100%', actual, weight: 10, score });
      return analyze(workbook(deptScorecardSheet('s', ind, { funds: false })));
    };
    expect(show(withRow('100%', 10).findings.filter((f) => f.family === 'scorecard'))).toEqual([]);
    expect(withRow('95.5%', 9.55).findings.filter((f) => f.rule === 'scorecard.budget-score')).toEqual([]);
    const bad = withRow('90%', 10).findings.filter((f) => f.rule === 'scorecard.budget-score');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ cell: 'H15', expected: 9, actual: 10, severity: 'warning' });
  });
});

describe('extra tables of other provinces', () => {
  const SICHUAN = [
    '财政拨款支出决算明细表',
    '一般公共预算财政拨款支出决算明细表',
    '一般公共预算财政拨款项目支出决算表',
    '政府性基金预算财政拨款“三公”经费支出决算表',
    '国有资本经营预算财政拨款收入支出决算表（续）',
    '部门决算收支情况表',
    '政府采购情况表',
    '国有资产占用情况表',
  ];
  it('titled extra tables stand as unknown beside the sample’s tables, never forced into a kind', async () => {
    const wb = await sample();
    SICHUAN.forEach((title, i) => {
      if (/国有资本经营预算财政拨款收入支出决算表/.test(title)) return;
      // Their own headers (economic classes by function, procurement, assets), as published.
      const header = /采购/.test(title) ? ['项目', '合计', '货物', '工程', '服务'] : /资产/.test(title) ? ['项目', '合计', '房屋', '车辆', '设备'] : ['科目编码', '科目名称', '合计', '工资福利支出', '商品和服务支出', '对个人和家庭的补助'];
      wb.sheets.push(sheetFromValues(`附表${i + 1}`, [[title], [null, null, '单位：万元'], header, ['合计', null, 10, 4, 5, 1], ['2080106', '就业管理事务', 10, 4, 5, 1]]));
    });
    const a = analyze(wb);
    expect(a.detection.tables.filter((t) => t.sheet.startsWith('附表')).map((t) => t.title)).toEqual([]);
    expect(a.detection.tables).toHaveLength(14);
    expect(a.detection.unknown).toHaveLength(SICHUAN.length - 1);
    expect(show(a.findings)).toEqual([]);
  });
});

describe('scorecard points written as text', () => {
  it('分值/得分 written “10分” are read as points, not as invalid numbers', () => {
    const ind = standardIndicators();
    for (const i of ind) {
      i.weight = `${i.weight}分`;
      i.score = `${i.score} 分`;
    }
    const a = analyze(workbook(deptScorecardSheet('s', ind)));
    const t = a.detection.tables[0] as ScorecardTable;
    expect(t.indicators.map((i) => i.weight?.value)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(a.findings.filter((f) => f.severity !== 'info' && f.rule !== 'completeness.tables-present')).toEqual([]);
    // And they still count: 15分 under 产出指标（50分） breaks the cap.
    ind[0].weight = '15分';
    ind[0].score = '15分';
    const bad = analyze(workbook(deptScorecardSheet('s', ind)));
    expect(bad.findings.filter((f) => f.rule === 'scorecard.level1-cap').map((f) => f.actual)).toEqual([55]);
  });
});

describe('two-sided bottom rows', () => {
  it.each([
    ['1收入支出决算总表', 'A18', 'D18', 'C18'],
    ['4财政拨款收入支出决算总表', 'A14', 'D14', 'C14'],
  ])('%s: 总计 written 收入总计 / 支出总计 is the grand total and is checked', async (sheet, left, right, amount) => {
    const wb = await sample();
    expect(String(get(wb, sheet, left))).toBe('总计');
    set(wb, sheet, left, '收入总计');
    set(wb, sheet, right, '支出总计');
    const clean = analyze(wb);
    expect(show(clean.findings)).toEqual([]);
    set(wb, sheet, amount, (get(wb, sheet, amount) as number) + 1);
    const a = analyze(wb);
    expect(at(a.findings, /^sum\.(summary|fiscal-summary)$/, sheet, amount).length).toBeGreaterThan(0);
  });
});
