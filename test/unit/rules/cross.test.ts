// Cross-table rules: each with its passing case and planted faults.
import { rule as summaryIncome } from '../../../src/core/rules/cross/summary-income';
import { rule as summaryExpenditure } from '../../../src/core/rules/cross/summary-expenditure';
import { rule as fiscalGeneral } from '../../../src/core/rules/cross/fiscal-general';
import { rule as fiscalFunds } from '../../../src/core/rules/cross/fiscal-funds';
import { rule as summaryFiscalIncome } from '../../../src/core/rules/cross/summary-fiscal-income';
import { rule as incomeFiscal } from '../../../src/core/rules/cross/income-fiscal';
import { rule as generalBasicDetail } from '../../../src/core/rules/cross/general-basic-detail';
import { rule as threePublicDetail } from '../../../src/core/rules/cross/three-public-detail';
import { rule as perfThreePublic } from '../../../src/core/rules/cross/perf-three-public';
import { rule as perfPublicFunds } from '../../../src/core/rules/cross/perf-public-funds';
import { rule as perfProjects } from '../../../src/core/rules/cross/perf-projects';
import { rule as scorecardProjects } from '../../../src/core/rules/cross/scorecard-projects';
import { rule as generalWithin } from '../../../src/core/rules/cross/general-within-expenditure';
import { rule as deptScorecard } from '../../../src/core/rules/cross/dept-scorecard';
import { rule as perfSum } from '../../../src/core/rules/sum/perf-basic-data';
import { rule as balances } from '../../../src/core/rules/cross/balances';
import { rule as supplementRule } from '../../../src/core/rules/cross/supplement';
import { rule as supplementCounts } from '../../../src/core/rules/cross/supplement-counts';
import type { BasicDetailTable, CodedTable, FiscalSummaryTable, PerfBasicDataTable, ScorecardTable, SummaryTable } from '../../../src/core/tables/types';
import { basicDetail, checkAll, coded, fiscalSummary, run, serious, setFig, threePublic } from './build';
import { pick, sampleTables, samplePerfBasic, sampleThreePublic } from './sample-model';

const ALL = [balances, supplementRule, supplementCounts, summaryIncome, summaryExpenditure, fiscalGeneral, fiscalFunds, summaryFiscalIncome, incomeFiscal, generalBasicDetail, threePublicDetail, perfThreePublic, perfPublicFunds, perfProjects, scorecardProjects, generalWithin, deptScorecard];

it.each(ALL.map((r) => [r.id, r]))('%s passes on the clean sample model', (_id, r) => {
  expect(run(r, sampleTables())).toEqual([]);
});

describe('cross.summary-income', () => {
  it('reports a summary income line that differs from the income table', () => {
    const ts = sampleTables();
    setFig(pick<SummaryTable>(ts, 'summary').income.other!.figure, 38);
    const [f] = run(summaryIncome, ts);
    expect(f).toMatchObject({ rule: 'cross.summary-income', severity: 'error', sheet: 'summary', cell: 'C14', expected: 37, actual: 38, related: ['income!I6'] });
    // On its own the relation cannot tell which side is wrong.
    expect(f.message.startsWith('收入支出决算总表「其他收入」应为 37.00（收入决算表合计行「其他收入」），实为 38.00，相差 1.00。无法确定是哪一格有误')).toBe(true);
    expect(f.candidates).toEqual(['C14', 'income!I6']);
    // With every table, the summary's own 本年收入合计 pins it: one finding, with the fix.
    const all = serious(checkAll(ts));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rule: 'cross.summary-income', sheet: 'summary', cell: 'C14', expected: 37, actual: 38, fix: { value: 37 } });
    expect(all[0].breaks?.map((b) => b.rule)).toEqual(['sum.summary', 'cross.summary-income']);
  });
  it('compares the three fiscal lines together against the income table 财政拨款收入', () => {
    const ts = sampleTables();
    setFig(pick<CodedTable>(ts, 'income').total!.values.fiscal, 850.77);
    const fs = run(summaryIncome, ts);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: 'income', cell: 'D6', expected: 840.77 });
  });
});

describe('cross.summary-expenditure', () => {
  it('reports a class line that differs from the expenditure 类 row', () => {
    const ts = sampleTables();
    setFig(pick<SummaryTable>(ts, 'summary').classes[1].figure, 28.09);
    const [f] = run(summaryExpenditure, ts);
    expect(f).toMatchObject({ severity: 'error', cell: 'F8', expected: 27.09, related: ['expenditure!C19'] });
  });
  it('reports a 类 of the expenditure table missing from the summary', () => {
    const ts = sampleTables();
    pick<SummaryTable>(ts, 'summary').classes.pop();
    const fs = run(summaryExpenditure, ts);
    expect(fs.some((f) => f.message.includes('213 农林水支出') && f.severity === 'error')).toBe(true);
  });
  it('matches 类 lines printed without a code by name', () => {
    const ts = sampleTables();
    const s = pick<SummaryTable>(ts, 'summary');
    for (const c of s.classes) c.code = null;
    expect(run(summaryExpenditure, ts)).toEqual([]);
  });
});

describe('cross.fiscal-general', () => {
  it('reports an error beyond tolerance and info within it', () => {
    const ts = sampleTables();
    const fs = pick<FiscalSummaryTable>(ts, 'fiscal-summary');
    setFig(fs.classes[1].general, 27.1);
    expect(run(fiscalGeneral, ts)[0]).toMatchObject({ severity: 'info', cell: 'G7' });
    setFig(fs.classes[1].general, 28.09);
    expect(run(fiscalGeneral, ts)[0]).toMatchObject({ severity: 'error', cell: 'G7', expected: 27.09, related: ['general-budget!D20'] });
  });
});

describe('cross.fiscal-funds', () => {
  it('reports a 政府性基金 column figure with no row in the gov-fund table', () => {
    const ts = sampleTables().filter((t) => t.kind !== 'fiscal-summary');
    const fs = fiscalSummary({
      income: [840.77, 5, 0],
      incomeTotal: 845.77,
      opening: 0,
      incomeGrand: 845.77,
      classes: [['一、社会保障和就业支出', '208', 798.68, 793.68, 5, 0]],
      expTotal: [845.77, 840.77, 5, 0],
      closing: [0, 0, 0, 0],
      expGrand: [845.77, 840.77, 5, 0],
    });
    const out = run(fiscalFunds, [...ts, fs]);
    expect(out.find((f) => f.cell === 'H6')).toMatchObject({ severity: 'error', actual: 5 });
    expect(out.some((f) => f.message.includes('政府性基金预算财政拨款收入支出决算表合计「本年收入」'))).toBe(true);
  });
  it('passes when the gov-fund table carries the same figures', () => {
    const ts = sampleTables().filter((t) => t.kind !== 'fiscal-summary' && t.kind !== 'gov-fund');
    const gf = coded('gov-fund', { keys: ['opening', 'income', 'total', 'basic', 'project', 'closing'], total: [0, 5, 5, 0, 5, 0], rows: [['208', '社会保障和就业支出', 0, 5, 5, 0, 5, 0]], note: '' });
    const fs = fiscalSummary({
      income: [840.77, 5, 0],
      incomeTotal: 845.77,
      opening: 0,
      incomeGrand: 845.77,
      classes: [['一、社会保障和就业支出', '208', 798.68, 793.68, 5, 0]],
      expTotal: [845.77, 840.77, 5, 0],
      closing: [0, 0, 0, 0],
      expGrand: [845.77, 840.77, 5, 0],
    });
    expect(run(fiscalFunds, [...ts, gf, fs])).toEqual([]);
  });
});

describe('cross.summary-fiscal-income', () => {
  it('reports a fiscal-summary income line that differs from the summary', () => {
    const ts = sampleTables();
    setFig(pick<FiscalSummaryTable>(ts, 'fiscal-summary').income.general!.figure, 841.77);
    expect(run(summaryFiscalIncome, ts)[0]).toMatchObject({ severity: 'error', sheet: 'summary', cell: 'C7', candidates: ['C7', 'fiscal!C6'] });
    const all = serious(checkAll(ts));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ severity: 'error', sheet: 'fiscal', cell: 'C6', expected: 840.77, actual: 841.77, fix: { value: 840.77 } });
  });
});

describe('cross.summary-fiscal-income when two tables outvote the summary', () => {
  it('reports the summary line, not the fiscal-summary, when income table and fiscal-summary agree', () => {
    const ts = sampleTables();
    setFig(pick<SummaryTable>(ts, 'summary').income.fiscalGeneral!.figure, 841.77);
    const all = serious(checkAll(ts));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ severity: 'error', sheet: 'summary', cell: 'C7', expected: 840.77, actual: 841.77, fix: { value: 840.77 } });
    expect(all[0].related).toEqual(expect.arrayContaining(['fiscal!C6', 'income!D6']));
    expect(all[0].breaks?.map((b) => b.rule)).toEqual(['sum.summary', 'cross.summary-fiscal-income', 'cross.summary-income']);
  });
});

describe('cross.income-fiscal', () => {
  it('reports the income table 财政拨款收入 against 本年收入合计', () => {
    const ts = sampleTables();
    setFig(pick<CodedTable>(ts, 'income').total!.values.fiscal, 839.77);
    expect(run(incomeFiscal, ts)[0]).toMatchObject({ severity: 'error', sheet: 'income', cell: 'D6', expected: 840.77, actual: 839.77 });
  });
});

describe('cross.general-basic-detail', () => {
  it('info within 3 intervals, error beyond', () => {
    const ts = sampleTables();
    const bd = pick<BasicDetailTable>(ts, 'basic-detail');
    setFig(bd.publicTotal!.figure, 59.88);
    expect(run(generalBasicDetail, ts)[0]).toMatchObject({ severity: 'info', sheet: 'general-budget', cell: 'E6' });
    setFig(bd.publicTotal!.figure, 59.87);
    setFig(pick<CodedTable>(ts, 'general-budget').total!.values.basic, 702.08);
    const [f] = run(generalBasicDetail, ts);
    expect(f).toMatchObject({ severity: 'error', expected: 701.08, actual: 702.08 });
    expect(f.related).toEqual(['basic!C19', 'basic!F19']);
  });
  it('leaves a difference to the sum rule when the other table\'s own total is what is wrong', () => {
    const ts = sampleTables();
    // 公用经费合计 60.87 disagrees with its own 类 (59.87): with the value its items imply, the tables agree.
    setFig(pick<BasicDetailTable>(ts, 'basic-detail').publicTotal!.figure, 60.87);
    const all = serious(checkAll(ts));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rule: 'sum.basic-detail', sheet: 'basic', cell: 'F19', expected: 59.87, fix: { value: 59.87 } });
    expect(all[0].breaks?.map((b) => b.rule)).toEqual(['sum.basic-detail', 'cross.general-basic-detail', 'cross.perf-public-funds']);
  });
});

describe('cross.three-public-detail', () => {
  it('warns when 三公 公务接待费 is below the basic-detail 30217', () => {
    const ts = sampleTables();
    setFig(pick<BasicDetailTable>(ts, 'basic-detail').entries.find((e) => e.code === '30217')!.figure, 1.5);
    const [f] = run(threePublicDetail, ts);
    expect(f).toMatchObject({ severity: 'warning', sheet: 'three', cell: 'L7', expected: 1.5, actual: 1.16 });
    expect(f.message).toContain('不应小于');
  });
  it('accepts 三公 above the basic-only detail (project-funded 接待)', () => {
    const ts = sampleTables();
    setFig(pick<BasicDetailTable>(ts, 'basic-detail').entries.find((e) => e.code === '30217')!.figure, 1);
    expect(run(threePublicDetail, ts)).toEqual([]);
  });
});

describe('cross.perf-three-public', () => {
  it('reports a perf-basic-data 三公 row against the three-public table', () => {
    const ts = sampleTables();
    setFig(pick<PerfBasicDataTable>(ts, 'perf-basic-data').reception!.actual, 1.26);
    expect(run(perfThreePublic, ts)[0]).toMatchObject({ severity: 'error', sheet: 'perf', cell: 'D9', expected: 1.16 });
  });
  it('converts units: a 元 three-public table against the 万元 perf table', () => {
    const ts = sampleTables().filter((t) => t.kind !== 'three-public');
    const ok = threePublic([14000, 0, 0, 0, 0, 14000], [11649, 0, 0, 0, 0, 11649], 'three', '元');
    expect(run(perfThreePublic, [...ts, ok])).toEqual([]);
    const bad = threePublic([14000, 0, 0, 0, 0, 14000], [12600, 0, 0, 0, 0, 12600], 'three', '元');
    const fs = run(perfThreePublic, [...ts, bad]);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'D6', expected: 1.26, actual: 1.16 });
  });
});

describe('cross.perf-public-funds', () => {
  it('reports a 其中 row against the basic-detail 款 it names', () => {
    const ts = sampleTables();
    const pb = pick<PerfBasicDataTable>(ts, 'perf-basic-data');
    setFig(pb.publicFundsParts[1].actual, 15.21);
    const [f] = run(perfPublicFunds, ts);
    expect(f).toMatchObject({ severity: 'error', cell: 'D25', expected: 15.11, actual: 15.21 });
    expect(f.message).toContain('30205、30206、30211');
  });
  it('reports 公用经费 against 公用经费合计', () => {
    const ts = sampleTables();
    setFig(pick<PerfBasicDataTable>(ts, 'perf-basic-data').publicFunds!.actual, 69.87);
    expect(run(perfPublicFunds, ts)[0]).toMatchObject({ cell: 'D23', expected: 59.87 });
  });
});

describe('cross.perf-projects', () => {
  it('139.68 against 139.69 is a finding on the perf cell (within one interval each: info)', () => {
    const ts = sampleTables();
    setFig(pick<PerfBasicDataTable>(ts, 'perf-basic-data').projectTotal!.actual, 139.68);
    const [f] = run(perfProjects, ts);
    expect(f).toMatchObject({ severity: 'info', sheet: 'perf', cell: 'D10', expected: 139.69, actual: 139.68, related: ['expenditure!E6'] });
    expect(f.message).toContain('相差 0.01');
    // …and the perf table's own Σ projects flags the same cell.
    expect(run(perfSum, ts).map((x) => x.cell)).toContain('D10');
  });
  it('a larger difference is an error', () => {
    const ts = sampleTables();
    setFig(pick<PerfBasicDataTable>(ts, 'perf-basic-data').projectTotal!.actual, 129.69);
    expect(run(perfProjects, ts)[0]).toMatchObject({ severity: 'error' });
  });
});

describe('cross.scorecard-projects', () => {
  it('matches 流动人员档案管理工作经费 to 流动人员档案管理经费 and reports a differing 全年执行数', () => {
    const ts = sampleTables();
    const p2 = pick<ScorecardTable>(ts, 'perf-project-scorecard', 1);
    setFig(p2.funds.total!.executed, 17);
    const [f] = run(scorecardProjects, ts);
    expect(f).toMatchObject({ severity: 'error', sheet: 'p2', cell: 'E5', expected: 17.5, actual: 17 });
    expect(f.related).toContain('perf!D12');
    expect(f.message).toContain('流动人员档案管理经费');
  });
  it('an unmatched project is info, never an error', () => {
    const ts = sampleTables();
    pick<ScorecardTable>(ts, 'perf-project-scorecard', 0).name = '城市绿化养护';
    const fs = run(scorecardProjects, ts);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'info', sheet: 'p1', cell: 'B2' });
  });
  it('a loose name match lowers a difference to a warning', () => {
    const ts = sampleTables();
    const p3 = pick<ScorecardTable>(ts, 'perf-project-scorecard', 2);
    p3.name = '高校毕业生专场招聘会经费';
    setFig(p3.funds.total!.executed, 18);
    const fs = run(scorecardProjects, ts);
    expect(fs[0]).toMatchObject({ severity: 'warning', cell: 'E5' });
  });
});

describe('cross.general-within-expenditure', () => {
  it('warns when a general-budget figure exceeds the expenditure table for the same code', () => {
    const ts = sampleTables();
    const gb = pick<CodedTable>(ts, 'general-budget');
    setFig(gb.items.find((r) => r.code === '2080109')!.values.total, 95);
    const fs = run(generalWithin, ts);
    expect(fs[0]).toMatchObject({ severity: 'warning', sheet: 'general-budget', cell: 'D11', expected: 94.6, actual: 95 });
  });
});

describe('cross.dept-scorecard', () => {
  it('reads 当年财政拨款 when 年度资金总额 was left at zero (reported once, by scorecard.fund-total)', () => {
    const ts = sampleTables();
    setFig(pick<ScorecardTable>(ts, 'perf-dept-scorecard').funds.total!.executed, 0);
    expect(run(deptScorecard, ts)).toEqual([]);
  });
  it('warns when the department scorecard 全年执行数 differs from 本年支出合计', () => {
    const ts = sampleTables();
    setFig(pick<ScorecardTable>(ts, 'perf-dept-scorecard').funds.total!.executed, 870);
    expect(run(deptScorecard, ts)[0]).toMatchObject({ severity: 'warning', sheet: 'dept', cell: 'E5', expected: 877.77 });
  });
});

it('three-public fixture helper keeps the sample 三公 layout', () => {
  expect(sampleThreePublic().actual.reception?.ref).toEqual({ sheet: 'three', row: 6, col: 11 });
  expect(samplePerfBasic().projectTotal?.row).toBe(9);
});

describe('cross.balances', () => {
  it('warns when the summary 年末结转和结余 is below the fiscal 年末财政拨款结转和结余', () => {
    const ts = sampleTables();
    const closing = pick<FiscalSummaryTable>(ts, 'fiscal-summary').closing!;
    setFig(closing.total, 5);
    setFig(closing.general, 5);
    const [f] = run(balances, ts);
    expect(f).toMatchObject({ severity: 'warning', sheet: 'summary', cell: 'F17', expected: 5, actual: 0 });
  });
  it('accepts non-fiscal balances on top of fiscal ones', () => {
    const ts = sampleTables();
    setFig(pick<SummaryTable>(ts, 'summary').openingBalance!.figure, 12);
    expect(run(balances, ts)).toEqual([]);
  });
});

describe('cross.supplement', () => {
  const sample = { 上年三公经费: 1.42, 三公经费预算: 1.4, 会议费: 0.27, 培训费: 0, 上年公务接待费: 1.42, 单位性质: '参照公务员法管理事业单位' };
  it('passes on the sample 补充信息', () => {
    expect(run(supplementRule, sampleTables(), sample)).toEqual([]);
  });
  it('warns on a 三公经费预算 that differs from the three-public table, on the value cell', () => {
    const [f] = run(supplementRule, sampleTables(), { ...sample, 三公经费预算: 1.5 });
    expect(f).toMatchObject({ severity: 'warning', sheet: '补充信息', cell: 'B3', expected: 1.4, actual: 1.5, related: ['three!A7'] });
  });
  it('compares a 元 table with the 万元 entry as it would print', () => {
    const bd = basicDetail({ personnel: [['301', '工资福利支出', 100]], public: [['302', '商品和服务支出', 21000.37], ['30215', '会议费', 21000.37]], personnelTotal: 100, publicTotal: 21000.37 }, 'basic', '元');
    expect(run(supplementRule, [bd], { 会议费: 2.1 })).toEqual([]);
    expect(run(supplementRule, [bd], { 会议费: 2.0 })[0]).toMatchObject({ severity: 'warning', expected: 2.1, actual: 2 });
  });
  it('accepts 会议费 above the basic-only 30215 but not below it', () => {
    expect(run(supplementRule, sampleTables(), { ...sample, 会议费: 0.5 })).toEqual([]);
    expect(run(supplementRule, sampleTables(), { ...sample, 会议费: 0.2 })[0]).toMatchObject({ expected: 0.27, actual: 0.2 });
  });
});

describe('cross.supplement-counts', () => {
  const sample = { 公务接待团组: 15, 公务接待人次: 69, 公务用车保有量: 0, 因公出国团组: 0 };
  it('passes on the sample counts', () => {
    expect(run(supplementCounts, sampleTables(), sample)).toEqual([]);
  });
  it('warns on 公务接待费 with zero receptions, on the count cell', () => {
    const [f] = run(supplementCounts, sampleTables(), { ...sample, 公务接待团组: 0 });
    expect(f).toMatchObject({ severity: 'warning', sheet: '补充信息', cell: 'B2', related: ['three!L7'] });
    expect(f.message).toContain('公务接待费决算数为 1.16');
  });
  it('warns on trips abroad recorded without 因公出国（境）费', () => {
    const [f] = run(supplementCounts, sampleTables(), { ...sample, 因公出国团组: 2 });
    expect(f).toMatchObject({ severity: 'warning', cell: 'B5', actual: 2 });
  });
});
