// Intra-table sum rules: each with its passing case (clean.test.ts and below) and planted faults.
import { rule as codedTotal } from '../../../src/core/rules/sum/coded-total';
import { rule as codedHierarchy } from '../../../src/core/rules/sum/coded-hierarchy';
import { rule as rowParts } from '../../../src/core/rules/sum/row-parts';
import { rule as fundBalance } from '../../../src/core/rules/sum/fund-balance';
import { rule as summaryRule } from '../../../src/core/rules/sum/summary';
import { rule as fiscalRule } from '../../../src/core/rules/sum/fiscal-summary';
import { rule as threePublicRule } from '../../../src/core/rules/sum/three-public';
import { rule as basicDetailRule } from '../../../src/core/rules/sum/basic-detail';
import { rule as perfBasicRule } from '../../../src/core/rules/sum/perf-basic-data';
import { rule as controlRate } from '../../../src/core/rules/sum/staff-control-rate';
import { rule as publicParts } from '../../../src/core/rules/sum/perf-public-parts';
import { rule as overBudget } from '../../../src/core/rules/sum/three-public-over-budget';
import type { BasicDetailTable, CodedTable, FiscalSummaryTable, PerfBasicDataTable, SummaryTable, ThreePublicTable } from '../../../src/core/tables/types';
import { checkAll, coded, run, serious, setFig, threePublic } from './build';
import { expenditure, generalBudget, income, pick, sampleBasicDetail, sampleFiscal, samplePerfBasic, sampleSummary, sampleThreePublic, sampleTables } from './sample-model';

const row = (t: CodedTable, code: string) => {
  const r = t.items.find((x) => x.code === code);
  if (!r) throw new Error(code);
  return r;
};

describe('sum.coded-total', () => {
  it('passes on clean coded tables', () => {
    expect(run(codedTotal, [income(), expenditure(), generalBudget()])).toEqual([]);
  });
  it('names the 合计 cell that breaks its row and its column: one finding, folding both, with a proven fix', () => {
    const ex = expenditure();
    setFig(ex.total!.values.project, 140.69);
    const fs = serious(checkAll([ex]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'sum.coded-total', family: 'sum', severity: 'error', sheet: 'expenditure', cell: 'E6', expected: 139.69, actual: 140.69 });
    expect(fs[0].fix).toMatchObject({ value: 139.69, previous: 140.69 });
    expect(fs[0].related).toEqual(expect.arrayContaining(['E7', 'E19', 'E22']));
    expect(fs[0].breaks?.map((b) => b.rule)).toEqual(['sum.coded-total', 'sum.row-parts']);
    expect(fs[0].message).toMatch(/^支出决算表 合计「项目支出」应为 139\.69，实为 140\.69，相差 1\.00。此数导致 2 处不符：1\. 合计「项目支出」＝各类之和（140\.69 ≠ 139\.69）；2\. /);
  });
  it('fixes a 合计 in a column without row totals when every 类 holds against its 款', () => {
    const gb = generalBudget();
    setFig(gb.total!.values.budget, 898.32);
    const [f, ...rest] = serious(checkAll([gb]));
    expect(rest).toEqual([]);
    expect(f.message).toBe('一般公共预算财政拨款支出决算表 合计「年初预算数」应为 897.32，实为 898.32，相差 1.00。此数使“合计「年初预算数」＝各类之和（898.32 ≠ 897.32）”不成立。改为 897.32 后即相符');
    expect(f).toMatchObject({ severity: 'error', cell: 'C6', fix: { value: 897.32 } });
  });
  it('as a single rule: today’s message on the 合计', () => {
    const gb = generalBudget();
    setFig(gb.total!.values.budget, 898.32);
    const fs = run(codedTotal, [gb]);
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([['C6', 'error']]);
    expect(fs[0].message.startsWith('合计「年初预算数」应为 897.32（各类之和），实为 898.32，相差 1.00')).toBe(true);
  });
  it('treats a difference within (n+1)×0.005 as rounding (info)', () => {
    const gb = generalBudget();
    setFig(gb.total!.values.budget, 897.33);
    const [f] = run(codedTotal, [gb]);
    expect(f).toMatchObject({ severity: 'info', cell: 'C6' });
    expect(f.message).toContain('四舍五入');
  });
  it('uses ±0.5 元 intervals for a whole-元 table', () => {
    const mk = (total: number) => coded('expenditure', { unit: '元', keys: ['total'], total: [total], rows: [['201', '一般公共服务支出', 1000001], ['205', '教育支出', 2000001], ['208', '社会保障和就业支出', 3000001]] });
    expect(run(codedTotal, [mk(6000003)])).toEqual([]);
    expect(run(codedTotal, [mk(6000002)])[0]).toMatchObject({ severity: 'info' }); // |diff| 1 ≤ 4 × 0.5
    const [f] = run(codedTotal, [mk(6000010)]);
    expect(f).toMatchObject({ severity: 'error', expected: 6000003, actual: 6000010 });
    expect(f.message.startsWith('合计「合计」应为 6000003（各类之和），实为 6000010，相差 7。无法确定')).toBe(true);
  });
});

describe('sum.coded-hierarchy', () => {
  it('passes on clean tables', () => {
    expect(run(codedHierarchy, [income(), expenditure(), generalBudget()])).toEqual([]);
  });
  it('pins a wrong 款 that upsets its 类, its 项 and its row: one finding with the value all three imply', () => {
    const ex = expenditure();
    setFig(row(ex, '20801').values.basic, 489.54);
    const fs = serious(checkAll([ex]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'D8', expected: 488.54, actual: 489.54, fix: { value: 488.54 } });
    expect(fs[0].message).toContain('此数导致 3 处不符');
    expect(fs[0].breaks?.map((b) => b.rule).sort()).toEqual(['sum.coded-hierarchy', 'sum.coded-hierarchy', 'sum.row-parts']);
  });
  it('reports a 款 against its 项 when a 项 budget is off (no crossing row: no fix)', () => {
    const gb = generalBudget();
    setFig(row(gb, '2080109').values.budget, 579.03);
    const fs = run(codedHierarchy, [gb]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'C8', expected: 637.37, actual: 636.37 });
    expect(fs[0].fix).toBeUndefined();
    expect(fs[0].related).toContain('C9:C12');
    expect(fs[0].message).toContain('所属各项之和');
  });
});

describe('sum.row-parts', () => {
  it('passes on clean tables', () => {
    expect(run(rowParts, [income(), expenditure(), generalBudget()])).toEqual([]);
  });
  it('pins the part cell that breaks its row and its column', () => {
    const inc = income();
    setFig(row(inc, '2080109').values.other, 36);
    const fs = serious(checkAll([inc]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'sum.coded-hierarchy', severity: 'error', cell: 'I10', expected: 37, actual: 36, fix: { value: 37 } });
  });
  it('reports a 小计 that is not 基本 + 项目 (the 小计 also breaks its 款: the one cell in both)', () => {
    const gb = generalBudget();
    setFig(row(gb, '2080106').values.total, 448.89);
    const fs = serious(checkAll([gb]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: 'D10', expected: 449.89, actual: 448.89, fix: { value: 449.89 } });
    const [own] = run(rowParts, [gb]);
    expect(own.message).toBe('2080106 就业管理事务「合计」应为 449.89（基本支出＋项目支出），实为 448.89，相差 1.00。无法确定是哪一格有误：一般公共预算财政拨款支出决算表 2080106 就业管理事务「合计」（D10）、一般公共预算财政拨款支出决算表 2080106 就业管理事务「基本支出」（E10）、一般公共预算财政拨款支出决算表 2080106 就业管理事务「项目支出」（F10）中任一格改正均可使此处相符，请核对原始数据后修改');
  });
});

describe('sum.fund-balance', () => {
  const gf = (closing: number) =>
    coded('gov-fund', { keys: ['opening', 'income', 'total', 'basic', 'project', 'closing'], total: [10, 5, 8, 0, 8, closing], rows: [['229', '其他支出', 10, 5, 8, 0, 8, closing]] });
  it('passes when 年末 = 年初 + 收入 − 支出', () => {
    expect(run(fundBalance, [gf(7)])).toEqual([]);
  });
  it('reports a wrong 年末结转和结余', () => {
    const fs = run(fundBalance, [gf(6)]);
    expect(fs.map((f) => f.cell)).toEqual(['H6', 'H7']);
    expect(fs[0]).toMatchObject({ severity: 'error', expected: 7, actual: 6 });
    expect(fs[0].message).toContain('年初结转和结余＋本年收入－本年支出');
  });
});

describe('sum.summary', () => {
  it('passes on the clean summary', () => {
    expect(run(summaryRule, [sampleSummary()])).toEqual([]);
  });
  it('pins a wrong 本年收入合计 (breaks Σ income and 总计): one finding', () => {
    const s = sampleSummary();
    setFig(s.incomeTotal!.figure, 878.77);
    const fs = serious(checkAll([s]));
    expect(fs.map((f) => f.cell)).toEqual(['C15']);
    expect(fs[0]).toMatchObject({ severity: 'error', fix: { value: 877.77 } });
    expect(fs[0].breaks?.map((b) => b.text)).toEqual(['本年收入合计＝各项收入之和（878.77 ≠ 877.77）', '收入总计＝本年收入合计＋使用非财政拨款结余＋年初结转和结余（877.77 ≠ 878.77）']);
  });
  it('reports unequal 总计', () => {
    const s: SummaryTable = sampleSummary();
    setFig(s.expenditureGrandTotal!.figure, 878.77);
    const fs = run(summaryRule, [s]);
    expect(fs.every((f) => f.cell === 'F18' && f.severity === 'error')).toBe(true);
    expect(fs.some((f) => f.message.includes('应与收入总计相等'))).toBe(true);
  });
});

describe('sum.fiscal-summary', () => {
  it('passes on the clean table', () => {
    expect(run(fiscalRule, [sampleFiscal()])).toEqual([]);
  });
  it('pins a fund cell that breaks its line and its column', () => {
    const fs: FiscalSummaryTable = sampleFiscal();
    setFig(fs.classes[0].general, 794.68);
    const out = serious(checkAll([fs]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ cell: 'G6', severity: 'error', fix: { value: 793.68 } });
  });
  it('reports a fund whose income + opening is not its 总计', () => {
    const fs = sampleFiscal();
    setFig(fs.income.general!.figure, 830.77);
    const out = run(fiscalRule, [fs]);
    expect(out.some((f) => f.message.includes('支出总计「一般公共预算财政拨款」'))).toBe(true);
  });
});

describe('sum.three-public', () => {
  it('passes on the clean table', () => {
    expect(run(threePublicRule, [sampleThreePublic()])).toEqual([]);
  });
  it('reports a 合计 that is not the sum of the three items', () => {
    const t: ThreePublicTable = sampleThreePublic();
    setFig(t.actual.total, 2.16);
    const [f] = run(threePublicRule, [t]);
    expect(f).toMatchObject({ severity: 'error', cell: 'G7', expected: 1.16, actual: 2.16 });
    expect(f.message).toContain('决算数「合计」应为 1.16');
  });
  it('reports a 小计 that is not 购置 + 运行', () => {
    const t = sampleThreePublic();
    setFig(t.budget!.vehicleOperation, 0.5);
    const fs = run(threePublicRule, [t]);
    expect(fs.some((f) => f.cell === 'C7' || f.cell === 'E7')).toBe(true);
  });
});

describe('sum.three-public-over-budget', () => {
  it('passes when 决算合计 stays within 预算合计, or exceeds it by rounding only', () => {
    expect(run(overBudget, [sampleThreePublic()])).toEqual([]);
    const t = threePublic([1.4, 0, 0, 0, 0, 1.4], [1.41, 0, 0, 0, 0, 1.41]);
    expect(run(overBudget, [t])).toEqual([]);
  });
  it('warns when 决算合计 is above 预算合计 by more than rounding', () => {
    const t = threePublic([1.4, 0, 0, 0, 0, 1.4], [2.4, 0, 0, 0, 0, 2.4]);
    const fs = run(overBudget, [t]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'sum.three-public-over-budget', severity: 'warning', cell: 'G7', expected: 1.4, actual: 2.4 });
    expect(fs[0].message).toBe('“三公”经费决算合计 2.40 超过预算合计 1.40，超出 1.00，请核实决算数或说明超预算原因');
    // Nothing to blame: both sides agree with their items. Reported as it is, never folded away.
    expect(serious(checkAll([t]))).toEqual(fs);
  });
});

describe('sum.basic-detail', () => {
  it('passes on the clean table', () => {
    expect(run(basicDetailRule, [sampleBasicDetail()])).toEqual([]);
  });
  it('reports 人员经费合计 against its 类 (with the general-budget table, the 合计 is pinned and fixed)', () => {
    const b: BasicDetailTable = sampleBasicDetail();
    setFig(b.personnelTotal!.figure, 642.21);
    const [f] = run(basicDetailRule, [b]);
    expect(f).toMatchObject({ severity: 'error', cell: 'C19', expected: 641.21 });
    const all = sampleTables();
    setFig(pick<BasicDetailTable>(all, 'basic-detail').personnelTotal!.figure, 642.21);
    const fs = serious(checkAll(all));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'C19', expected: 641.21, fix: { value: 641.21 } });
  });
  it('reports a 类 that is not the sum of its 款 (款 spread over blocks counted by code)', () => {
    const b = sampleBasicDetail();
    setFig(b.entries.find((e) => e.code === '30101')!.figure, 157.34);
    const [f] = run(basicDetailRule, [b]);
    expect(f).toMatchObject({ cell: 'C6', expected: 488.72, actual: 487.72 });
  });
});

describe('sum.perf-basic-data', () => {
  it('passes on the clean table', () => {
    expect(run(perfBasicRule, [samplePerfBasic()])).toEqual([]);
  });
  it('reports a project total that is not Σ projects', () => {
    const p: PerfBasicDataTable = samplePerfBasic();
    setFig(p.projects[0].actual, 11);
    const [f] = run(perfBasicRule, [p]);
    expect(f).toMatchObject({ severity: 'error', cell: 'D10', expected: 140.69, actual: 139.69 });
  });
  it('reports 三公经费 that is not the sum of its parts', () => {
    const p = samplePerfBasic();
    setFig(p.threePublic!.prior, 2.42);
    expect(run(perfBasicRule, [p])[0]).toMatchObject({ cell: 'B6', expected: 1.42 });
  });
});

describe('sum.staff-control-rate', () => {
  it('passes on 46 ÷ 54 = 85.19%', () => {
    expect(run(controlRate, [samplePerfBasic()])).toEqual([]);
  });
  it('reports a wrong rate with a formula fix', () => {
    const p = samplePerfBasic();
    setFig(p.staff.controlRate, 0.8419);
    const [f, ...rest] = serious(checkAll([p]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', cell: 'D4', expected: 85.19, actual: 84.19, fix: { formula: 'C4/B4', value: 0.8519 } });
  });
  it('calls a truncated rate truncation (info)', () => {
    const p = samplePerfBasic();
    setFig(p.staff.controlRate, 0.8518);
    const [f] = run(controlRate, [p]);
    expect(f.severity).toBe('info');
    expect(f.message).toContain('截尾');
  });
});

describe('sum.perf-public-parts', () => {
  it('passes when the 其中 rows stay within 公用经费', () => {
    expect(run(publicParts, [samplePerfBasic()])).toEqual([]);
  });
  it('reports 其中 rows exceeding 公用经费', () => {
    const p = samplePerfBasic();
    setFig(p.publicFunds!.actual, 30);
    const [f] = run(publicParts, [p]);
    expect(f).toMatchObject({ severity: 'error', cell: 'D23', expected: 34.66, actual: 30 });
    expect(f.message).toContain('不应小于');
  });
});

it('the whole clean model has no sum finding', () => {
  const tables = sampleTables();
  for (const r of [codedTotal, codedHierarchy, rowParts, fundBalance, summaryRule, fiscalRule, threePublicRule, basicDetailRule, perfBasicRule, controlRate, publicParts]) expect(run(r, tables)).toEqual([]);
});
