// Scorecard rules: each with its passing case and the §7 faults planted.
import { rule as level1Cap } from '../../../src/core/rules/scorecard/level1-cap';
import { rule as weightTotal } from '../../../src/core/rules/scorecard/weight-total';
import { rule as scoreTotal } from '../../../src/core/rules/scorecard/score-total';
import { rule as scoreCap } from '../../../src/core/rules/scorecard/score-cap';
import { rule as executionRate } from '../../../src/core/rules/scorecard/execution-rate';
import { rule as budgetScore } from '../../../src/core/rules/scorecard/budget-score';
import { rule as fundTotal } from '../../../src/core/rules/scorecard/fund-total';
import { rule as deviationReason } from '../../../src/core/rules/scorecard/deviation-reason';
import { rule as targetMet } from '../../../src/core/rules/scorecard/target-met';
import { rule as requiredFields } from '../../../src/core/rules/scorecard/required-fields';
import { rule as overBudget } from '../../../src/core/rules/scorecard/over-budget';
import type { ScorecardTable } from '../../../src/core/tables/types';
import { meetsTarget, parseMeasure } from '../../../src/core/rules/util/scorecard';
import { checkAll, run, scorecard, serious, setFig } from './build';
import type { IndicatorSpec } from './build';
import { sampleDeptScorecard, sampleProjectScorecards } from './sample-model';

const ALL = [overBudget, level1Cap, weightTotal, scoreTotal, scoreCap, executionRate, budgetScore, fundTotal, deviationReason, targetMet, requiredFields];
const cards = () => [sampleDeptScorecard(), ...sampleProjectScorecards()];

it.each(ALL.map((r) => [r.id, r]))('%s passes on the clean scorecards', (_id, r) => {
  expect(run(r, cards())).toEqual([]);
});

describe('scorecard.level1-cap', () => {
  it('reports 二级指标 分值 adding to 55 under 产出指标（50分）', () => {
    const [, p1] = cards();
    setFig(p1.indicators[0].weight, 20);
    const [f] = run(level1Cap, [p1]);
    expect(f).toMatchObject({ rule: 'scorecard.level1-cap', severity: 'error', sheet: 'p1', cell: 'B12', expected: 50, actual: 55 });
    expect(f.message.startsWith('产出指标下各指标分值之和应为 50（产出指标（50分）所标分值），实为 55，相差 5。无法确定是哪一格有误')).toBe(true);
    expect(f.related).toEqual(['G12:G15']);
    // With the 总分 分值 and the 得分 under their 分值, only G12 can be the slip.
    const fs = serious(checkAll([p1]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'scorecard.level1-cap', cell: 'G12', expected: 15, actual: 20, fix: { value: 15 } });
    // 15 of 20 without a 偏差原因 follows from the same slip: folded in.
    expect(fs[0].breaks?.map((b) => b.rule)).toEqual(['scorecard.level1-cap', 'scorecard.weight-total', 'scorecard.deviation-reason']);
  });
  it('counts a merged 分值 cell once for its group', () => {
    const ind: IndicatorSpec[] = [
      ['产出指标（50分）', '数量指标', 'A', '1', '1', 20, 20],
      ['产出指标（50分）', '数量指标', 'B', '1', '1', null, null],
      ['产出指标（50分）', '质量指标', 'C', '1', '1', 30, 30],
      ['效益指标（30分）', '社会效益指标', 'D', '1', '1', 30, 30],
      ['满意度指标（10分）', '满意度指标', 'E', '1', '1', 10, 10],
    ];
    const sc = scorecard({ sheet: 'm', name: '合并单元格项目', funds: { total: [1, 1, 1, 10, 1, 10], fiscal: [1, 1, 1] }, indicators: ind, total: [100, 100], mergedGroups: [[0, 1]] });
    expect(sc.indicators[1].weight?.ref).toEqual(sc.indicators[0].weight?.ref);
    for (const r of [level1Cap, weightTotal, scoreTotal, scoreCap, requiredFields]) expect(run(r, [sc])).toEqual([]);
  });
  it('warns (not errs) against the standard cap when the label prints none', () => {
    const sc = sampleProjectScorecards()[0];
    for (const i of sc.indicators) if (i.level1.startsWith('产出')) (i.level1 = '产出指标'), (i.level1Cap = null);
    setFig(sc.indicators[0].weight, 20);
    expect(run(level1Cap, [sc])[0]).toMatchObject({ severity: 'warning', expected: 50, actual: 55 });
  });
});

describe('scorecard.weight-total', () => {
  it('does not count 预算执行率 twice when the template lists it as an indicator too', () => {
    const ind: IndicatorSpec[] = [
      ['产出指标（50分）', '数量指标', 'A', '1', '1', 50, 50],
      ['效益指标（30分）', '社会效益指标', 'B', '1', '1', 30, 30],
      ['满意度指标（10分）', '满意度指标', 'C', '1', '1', 10, 10],
      ['预算执行率（10分）', '预算执行率', '预算执行率', '100%', '100%', 10, 10],
    ];
    const sc = scorecard({ sheet: 'q', name: '预算执行率列为指标的项目', funds: { total: [1, 1, 1, 10, 1, 10], fiscal: [1, 1, 1] }, indicators: ind, total: [100, 100] });
    expect(run(weightTotal, [sc])).toEqual([]);
    expect(run(scoreTotal, [sc])).toEqual([]);
  });
  it('reads a 一级指标 printed only on the first row of its merged cell', () => {
    const p1 = sampleProjectScorecards()[0];
    for (const i of p1.indicators.slice(1, 4)) i.level1 = '';
    expect(run(level1Cap, [p1])).toEqual([]);
    setFig(p1.indicators[2].weight, 15);
    expect(run(level1Cap, [p1])[0]).toMatchObject({ cell: 'B12', actual: 55 });
  });
  it('reports Σ 分值 ≠ 总分', () => {
    const [, p1] = cards();
    setFig(p1.indicators[0].weight, 20);
    const [f] = run(weightTotal, [p1]);
    expect(f).toMatchObject({ severity: 'error', cell: 'G21', expected: 105, actual: 100 });
  });
  it('reports a 总分 that is not 100', () => {
    const [, p1] = cards();
    setFig(p1.indicators[0].weight, 20);
    setFig(p1.totalRow!.weight, 105);
    const fs = run(weightTotal, [p1]);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toBe('总分分值应为 100，实为 105，相差 5');
  });
});

describe('scorecard.score-total', () => {
  it('reports a 总分得分 that is not Σ 得分, with a SUM formula fix', () => {
    const p3 = sampleProjectScorecards()[2];
    setFig(p3.totalRow!.score, 100);
    const fs = serious(checkAll([p3]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'scorecard.score-total', severity: 'error', cell: 'H21', expected: 99.88, actual: 100 });
    expect(fs[0].fix).toMatchObject({ formula: 'SUM(H12:H20,H5)', value: 99.88 });
  });
});

describe('scorecard.score-cap', () => {
  it('reports a 得分 above its 分值', () => {
    const p1 = sampleProjectScorecards()[0];
    setFig(p1.indicators[1].score, 16);
    const [f] = run(scoreCap, [p1]);
    expect(f).toMatchObject({ severity: 'error', cell: 'H13', expected: 15, actual: 16 });
  });
});

describe('scorecard.execution-rate', () => {
  const card = (funds: [number, number, number, number, number | string, number], rateFormat = '0.00%') =>
    scorecard({ sheet: 'r', name: '测试项目', funds: { total: funds, fiscal: [funds[0], funds[1], funds[2]] }, rateFormat, indicators: [], total: [10, funds[5]] });
  it('accepts the sample 98.80% stored as 0.988 under 0.00%', () => {
    expect(run(executionRate, [card([20, 20, 19.76, 10, 0.988, 9.88])])).toEqual([]);
  });
  it('accepts a rate typed as 98.8 under a % header and as text 98.80%', () => {
    expect(run(executionRate, [card([20, 20, 19.76, 10, 98.8, 9.88], '0.00')])).toEqual([]);
    expect(run(executionRate, [card([20, 20, 19.76, 10, '98.80%', 9.88])])).toEqual([]);
  });
  it('warns, naming both, when the rate was computed against 年初预算数: one finding with the 得分 that follows', () => {
    const fs = serious(checkAll([card([25, 20, 19.76, 10, 0.7904, 7.9])])).filter((f) => f.rule !== 'scorecard.weight-total');
    expect(fs).toHaveLength(1);
    const [f] = fs;
    expect(f).toMatchObject({ rule: 'scorecard.execution-rate', severity: 'warning', cell: 'G5', expected: 98.8, actual: 79.04 });
    expect(f.message).toContain('全年预算数 20.00');
    expect(f.message).toContain('年初预算数 25.00');
    expect(f.message).toContain('预算执行率得分随之应为 9.88');
    expect(f.breaks?.map((b) => b.rule)).toEqual(['scorecard.execution-rate', 'scorecard.budget-score']);
    // The rate alone would leave the 得分 wrong: no fix is offered for it.
    expect(f.fix).toBeUndefined();
  });
  it('offers the formula when the rate alone is wrong', () => {
    const fs = serious(checkAll([card([20, 20, 19.76, 10, 0.9, 9.88])])).filter((f) => f.rule !== 'scorecard.weight-total');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'G5', fix: { formula: 'E5/D5', value: 0.988 } });
  });
  it('errs on a rate that fits neither base', () => {
    const [f] = run(executionRate, [card([20, 20, 19.76, 10, 0.9, 9.88])]);
    expect(f).toMatchObject({ severity: 'error', cell: 'G5', expected: 98.8, actual: 90 });
  });
  it('calls a truncated rate truncation (info)', () => {
    const [f] = run(executionRate, [card([200, 200, 199.73, 10, 0.9986, 9.99])]);
    expect(f).toMatchObject({ severity: 'info', expected: 99.87, actual: 99.86 });
    expect(f.message).toContain('截尾');
  });
});

describe('scorecard.budget-score', () => {
  it('reports a 预算执行率得分 that is not min(rate,1) × 分值', () => {
    const p3 = sampleProjectScorecards()[2];
    setFig(p3.funds.total!.score, 9.5);
    const [own] = run(budgetScore, [p3]);
    expect(own).toMatchObject({ severity: 'error', cell: 'H5', expected: 9.88, actual: 9.5 });
    const fs = serious(checkAll([p3]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'H5', expected: 9.88, actual: 9.5, fix: { formula: 'MIN(E5/D5,1)*F5', value: 9.88 } });
  });
  it('caps the rate at 100%', () => {
    const sc = scorecard({ sheet: 'o', name: '超支项目', funds: { total: [10, 10, 11, 10, 1.1, 10], fiscal: [10, 10, 11] }, indicators: [], total: [10, 10] });
    expect(run(budgetScore, [sc])).toEqual([]);
    setFig(sc.funds.total!.score, 11);
    expect(run(budgetScore, [sc])[0]).toMatchObject({ expected: 10, actual: 11 });
  });
});

describe('scorecard.fund-total', () => {
  it('reports 年度资金总额 left at zero while 其中 rows hold the money, with a fix', () => {
    const p1 = sampleProjectScorecards()[0];
    for (const k of ['initialBudget', 'fullBudget', 'executed'] as const) setFig(p1.funds.total![k], 0);
    const fs = serious(checkAll([p1]));
    expect(fs.map((f) => f.cell)).toEqual(['C5', 'D5', 'E5']);
    expect(fs[2]).toMatchObject({ rule: 'scorecard.fund-total', severity: 'error', expected: 10, actual: 0, fix: { value: 10 } });
    expect(fs[2].message).toContain('年度资金总额「全年执行数」未填（为零），应为 10.00');
  });
  it('reports a total that is not the sum of its parts', () => {
    const p1: ScorecardTable = sampleProjectScorecards()[0];
    setFig(p1.funds.carryOver!.executed, 2);
    const [f] = run(fundTotal, [p1]);
    expect(f).toMatchObject({ cell: 'E5', expected: 12, actual: 10 });
  });
});

describe('scorecard.deviation-reason', () => {
  it('warns when points are deducted without a reason, on the 偏差原因 cell', () => {
    const p1 = sampleProjectScorecards()[0];
    setFig(p1.indicators[0].score, 13);
    const [f] = run(deviationReason, [p1]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'I12', related: ['G12:H12'] });
    expect(f.message).toContain('扣 2 分');
  });
  it('accepts a deduction with a reason', () => {
    const p1 = sampleProjectScorecards()[0];
    setFig(p1.indicators[0].score, 13);
    p1.indicators[0].deviation = '部分企业未按时申报';
    expect(run(deviationReason, [p1])).toEqual([]);
  });
});

describe('scorecard.target-met', () => {
  it.each([
    ['≥90%', '88%'],
    ['≤4.5%', '5%'],
    ['≥1300家', '1200家'],
  ])('warns when %s is not met by %s with full marks', (target, actual) => {
    const d = sampleDeptScorecard();
    d.indicators[8].target = target;
    d.indicators[8].actual = actual;
    const [f] = run(targetMet, [d]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'F20', expected: target, actual });
  });
  it('accepts a missed target whose score was reduced', () => {
    const d = sampleDeptScorecard();
    d.indicators[8].actual = '88%';
    setFig(d.indicators[8].score, 8);
    expect(run(targetMet, [d])).toEqual([]);
  });
  it('parses targets and reads bare cost targets as ceilings', () => {
    expect(parseMeasure('≥90%')).toEqual({ op: '>=', value: 90, unit: '%' });
    expect(parseMeasure('2023年12月31日')).toBeNull();
    expect(parseMeasure('效果明显')).toBeNull();
    expect(meetsTarget(parseMeasure('3.9万')!, parseMeasure('4.03万')!, false)).toBe(true);
    expect(meetsTarget(parseMeasure('20万')!, parseMeasure('21万')!, true)).toBe(false);
    expect(meetsTarget(parseMeasure('≤804.32万元')!, parseMeasure('738.08万元')!, true)).toBe(true);
    expect(meetsTarget(parseMeasure('≥90%')!, parseMeasure('95家')!, false)).toBeNull();
  });
});

describe('scorecard.required-fields', () => {
  it('warns on a blank 得分', () => {
    const p1 = sampleProjectScorecards()[0];
    setFig(p1.indicators[2].score, null);
    const [f] = run(requiredFields, [p1]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'H14' });
    expect(f.message).toContain('完成及时率');
  });
  it('warns on blank 项目名称, 主管部门, 实施单位 and 年度总体目标', () => {
    const p1 = sampleProjectScorecards()[0];
    p1.name = '';
    p1.department = ' ';
    p1.implementer = '';
    p1.goals.expected = '';
    const fs = run(requiredFields, [p1]);
    expect(fs.map((f) => f.cell)).toEqual(['B2', 'B3', 'G3', 'B10']);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });
});

describe('scorecard.over-budget', () => {
  it('warns when 全年执行数 exceeds 全年预算数', () => {
    const p1 = sampleProjectScorecards()[0];
    setFig(p1.funds.total!.executed, 10.5);
    setFig(p1.funds.fiscal!.executed, 10.5);
    const fs = run(overBudget, [p1]);
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([
      ['E5', 'warning'],
      ['E6', 'warning'],
    ]);
    expect(fs[0].message).toContain('超出 0.50');
  });
});
