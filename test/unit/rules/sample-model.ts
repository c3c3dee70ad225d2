// A clean typed model of the shared sample (怀化市就业服务中心 2023), built fresh on every call so
// that each test can plant its own fault. The figures come from test/fixtures/sample-model (shared
// with the narrative tests); the layout is rules/build's.
import type { CodedTable, Table } from '../../../src/core/tables/types';
import { basicDetail, coded, fiscalSummary, perfBasic, scorecard, summary, threePublic } from './build';
import type { FundSpec, IndicatorSpec } from './build';
import { BASIC_DETAIL, DEPT_SCORECARD, EXPENDITURE, GENERAL_BUDGET, GOV_FUND, INCOME, PROJECT_SCORECARDS, STATE_CAPITAL, SUMMARY, THREE_PUBLIC } from '../../fixtures/sample-model';
import type { ScorecardFigures } from '../../fixtures/sample-model';
import { JIUYE_SPEC } from '../../fixtures/generator/units';

/** A deep copy of shared figures, so a test that plants a fault in its model cannot touch them. */
const fresh = <T>(x: T): T => structuredClone(x);

export function income(): CodedTable {
  return coded('income', fresh({ keys: INCOME.keys, total: INCOME.total, rows: INCOME.items }));
}

export function expenditure(): CodedTable {
  return coded('expenditure', fresh({ keys: EXPENDITURE.keys, total: EXPENDITURE.total, rows: EXPENDITURE.items }));
}

export function generalBudget(): CodedTable {
  return coded('general-budget', fresh({ keys: GENERAL_BUDGET.keys, total: GENERAL_BUDGET.total, rows: GENERAL_BUDGET.items }));
}

export function govFund(): CodedTable {
  return coded('gov-fund', { keys: [...GOV_FUND.keys], total: GOV_FUND.keys.map(() => 0), rows: [], note: GOV_FUND.note });
}

export function stateCapital(): CodedTable {
  return coded('state-capital', { keys: [...STATE_CAPITAL.keys], total: STATE_CAPITAL.keys.map(() => 0), rows: [], note: STATE_CAPITAL.note });
}

export function sampleSummary() {
  return summary(fresh(SUMMARY));
}

export function sampleFiscal() {
  return fiscalSummary({
    income: [840.77, 0, 0],
    incomeTotal: 840.77,
    opening: 0,
    openingByFund: [0, 0, 0],
    incomeGrand: 840.77,
    classes: [
      ['一、社会保障和就业支出', '208', 793.68, 793.68, 0, 0],
      ['二、卫生健康支出', '210', 27.09, 27.09, 0, 0],
      ['三、农林水支出', '213', 20, 20, 0, 0],
    ],
    expTotal: [840.77, 840.77, 0, 0],
    closing: [0, 0, 0, 0],
    expGrand: [840.77, 840.77, 0, 0],
  });
}

export function sampleBasicDetail() {
  const block = (g: 'personnel' | 'public'): [string, string, number][] => BASIC_DETAIL.entries.filter((e) => e[3] === g).map(([code, name, v]) => [code, name, v]);
  return basicDetail({ personnel: block('personnel'), public: block('public'), personnelTotal: BASIC_DETAIL.personnelTotal, publicTotal: BASIC_DETAIL.publicTotal });
}

export function sampleThreePublic() {
  return threePublic([...THREE_PUBLIC.budget], [...THREE_PUBLIC.actual]);
}

export function samplePerfBasic() {
  return perfBasic({
    staff: [54, 46, 0.8519],
    threePublic: [1.42, 1.4, 1.16],
    vehicle: [null, null, null],
    abroad: [null, null, null],
    reception: [1.42, 1.4, 1.16],
    projectTotal: [115.49, 92.5, 139.69],
    projects: JIUYE_SPEC.projects.map((p): [string, number | null, number | null, number] => [p.name, p.prior ?? null, p.budget ?? null, p.actual ?? p.scorecard!.fiscal.executed]),
    publicFunds: [82.21, 72, 59.87],
    parts: [
      ['    其中：办公费', 0.19, null, 19.28],
      ['          水费、电费、差旅费', 1, null, 15.11],
      ['          会议费、培训费', 0, null, 0.27],
    ],
  });
}

const STD_INDICATORS = (l3: string, target: string, actual: string): IndicatorSpec[] => [
  ['产出指标（50分）', '数量指标', l3, target, actual, 15, 15],
  ['产出指标（50分）', '质量指标', '质量达标率', '达到要求', '达到要求', 15, 15],
  ['产出指标（50分）', '时效指标', '完成及时率', '2023年12月31日', '2023年12月31日', 10, 10],
  ['产出指标（50分）', '成本指标', '项目成本控制', '≤20万', '19.76万', 10, 10],
  ['效益指标（30分）', '经济效益指标', '经济效益', '效果明显', '效果明显', 5, 5],
  ['效益指标（30分）', '社会效益指标', '社会效益', '效果明显', '效果明显', 10, 10],
  ['效益指标（30分）', '生态效益指标', '无直接影响', '无', '无', 5, 5],
  ['效益指标（30分）', '可持续影响指标', '持续发挥效益', '效果明显', '效果明显', 10, 10],
  ['满意度指标（10分）', '服务对象满意度指标', '使用人员满意度', '≥90%', '92.82%', 10, 10],
];

export function sampleDeptScorecard() {
  const dept = JIUYE_SPEC.deptScorecard;
  return scorecard({
    kind: 'perf-dept-scorecard',
    sheet: 'dept',
    name: DEPT_SCORECARD.name,
    funds: fundsOf(DEPT_SCORECARD),
    goals: [dept.goal, dept.achieved],
    indicators: dept.indicators.map((i): IndicatorSpec => [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score ?? i.weight]),
    total: [100, DEPT_SCORECARD.score],
  });
}

/** 年度资金总额 and 当年财政拨款 rows: all of the sample's funds are 当年财政拨款. */
const fundsOf = (sc: ScorecardFigures) => ({ total: [...sc.funds] as FundSpec, fiscal: sc.funds.slice(0, 3) as FundSpec });

/** The 数量指标 of each project: [三级指标, 指标值, 实际完成值]. */
const PROJECT_QUANTITY: [string, string, string][] = [
  ['享受扩岗补助企业', '205家', '205家'],
  ['档案数字化率', '≥85%', '89%'],
  ['离校未就业高校毕业生实名制登记率', '≥95%', '95.84%'],
];

export function sampleProjectScorecards() {
  return PROJECT_SCORECARDS.map((sc, i) =>
    scorecard({ sheet: `p${i + 1}`, name: sc.name, funds: fundsOf(sc), indicators: STD_INDICATORS(...PROJECT_QUANTITY[i]), total: [100, sc.score] }),
  );
}

/** Every table of the sample, clean. */
export function sampleTables(): Table[] {
  return [sampleSummary(), income(), expenditure(), sampleFiscal(), generalBudget(), sampleBasicDetail(), govFund(), stateCapital(), sampleThreePublic(), samplePerfBasic(), sampleDeptScorecard(), ...sampleProjectScorecards()];
}

/** Find a table of a kind in a list (typed loosely for mutation in tests). */
export function pick<T extends Table = Table>(tables: Table[], kind: Table['kind'], index = 0): T {
  const t = tables.filter((x) => x.kind === kind)[index];
  if (!t) throw new Error(`no ${kind}`);
  return t as T;
}
