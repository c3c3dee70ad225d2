// Hand-built Detection mirroring the sample workbook (figures of ../shared/fixtures/sample-2023-jiuye.xlsx),
// so the narrative can be tested independently of table detection. Options plant variations. The
// figures come from test/fixtures/sample-model (shared with the rule tests); the layout here is the
// narrative's own (refs are running numbers: the narrative never reads a cell).
import type {
  BasicDetailTable,
  CodedRow,
  CodedTable,
  Detection,
  Figure,
  FiscalSummaryTable,
  LabelledFigure,
  ScorecardTable,
  SummaryTable,
  TableBase,
  ThreePublicTable,
  Unit,
} from '../../../src/core/tables/types';
import { JIUYE_SPEC } from '../../fixtures/generator/units';
import type { ScorecardFigures } from '../../fixtures/sample-model';
import { BASIC_DETAIL, DEPT_SCORECARD, EXPENDITURE, GENERAL_BUDGET, GOV_FUND, INCOME, PROJECT_SCORECARDS, STATE_CAPITAL, SUMMARY, THREE_PUBLIC } from '../../fixtures/sample-model';

let cellNo = 0;
const ref = (sheet: string) => ({ sheet, row: cellNo++, col: 0 });
export const F = (value: number | null, sheet = 'x'): Figure => ({ value, ref: ref(sheet), form: 'number' });
const L = (label: string, value: number, sheet = 'x'): LabelledFigure => ({ label, labelRef: ref(sheet), figure: F(value, sheet) });

function base(kind: TableBase['kind'], sheet: string, title: string, unit: Unit | null = '万元', year = 2023): TableBase {
  return { kind, id: `${sheet}!A1:J30`, sheet, range: { r1: 0, c1: 0, r2: 29, c2: 9 }, title, titleRef: ref(sheet), unit, year, columns: [], rows: [], warnings: [] };
}

const level = (code: string | null): CodedRow['level'] => (code === null ? 'total' : code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item');

function coded(kind: CodedTable['kind'], sheet: string, title: string, keys: string[], rows: [string | null, string, ...number[]][], unit: Unit = '万元', scale = 1): CodedTable {
  const mk = ([code, name, ...vals]: [string | null, string, ...number[]]): CodedRow => ({
    row: cellNo++,
    code,
    codeRefs: [],
    name,
    nameRef: ref(sheet),
    level: level(code),
    values: Object.fromEntries(keys.map((k, i) => [k, F(Number(((vals[i] ?? 0) * scale).toFixed(4)), sheet)])),
  });
  const total = rows.find((r) => r[0] === null);
  const items = rows.filter((r) => r[0] !== null);
  return { ...base(kind, sheet, title, unit), kind, valueKeys: [...keys], total: total ? mk(total) : null, items: items.map(mk), empty: items.length === 0 } as CodedTable;
}

/** 一般公共预算财政拨款支出 rows, 合计 first (a code of null), for tests that vary one row. */
export const GENERAL_ROWS = [[null, '合计', ...GENERAL_BUDGET.total], ...GENERAL_BUDGET.items] as [string | null, string, number, number, number, number][];

const EXP_ROWS: [string | null, string, ...number[]][] = [[null, '合计', ...EXPENDITURE.total], ...EXPENDITURE.items];

/** 补充信息 as the sample's sheet holds it: a header row, then the generator's JIUYE_SPEC entries. */
export const SAMPLE_SUPPLEMENT: [string, string | number | null][] = [['项目', '内容'], ...JIUYE_SPEC.supplement];

function scorecard(kind: ScorecardTable['kind'], { sheet, name, funds: [initial, full, executed], score }: ScorecardFigures): ScorecardTable {
  const fr = (label: string) => ({ label, labelRef: ref(sheet), row: cellNo++, initialBudget: F(initial), fullBudget: F(full), executed: F(executed), weight: F(10), rate: F(executed / full), score: F(10) });
  return {
    ...base(kind, sheet, kind === 'perf-dept-scorecard' ? '部门整体支出绩效自评表' : '项目支出绩效自评表', '万元'),
    kind,
    name,
    nameRef: ref(sheet),
    department: '怀化市人力资源和社会保障局',
    departmentRef: null,
    implementer: '怀化市就业服务中心',
    implementerRef: null,
    funds: { total: fr('年度资金总额'), fiscal: fr('其中：当年财政拨款'), carryOver: null, other: null },
    goals: { expected: '', expectedRef: null, actual: '', actualRef: null },
    indicators: [],
    totalRow: { row: cellNo++, weight: F(100), score: F(score), labelRef: ref(sheet) },
  };
}

export interface BuildOptions {
  /** Express every table in 元 instead of 万元. */
  yuan?: boolean;
  supplement?: [string, string | number | null][] | null;
  /** Replace general-budget rows. */
  generalRows?: typeof GENERAL_ROWS;
  threePublicActual?: Partial<Record<'total' | 'abroad' | 'vehicleSubtotal' | 'vehiclePurchase' | 'vehicleOperation' | 'reception', number>>;
  omit?: TableBase['kind'][];
}

export function buildSampleDetection(o: BuildOptions = {}): Detection {
  const unit: Unit = o.yuan ? '元' : '万元';
  const k = o.yuan ? 10000 : 1;
  const s = (v: number) => Number((v * k).toFixed(4));
  const summary: SummaryTable = {
    ...base('summary', '1收入支出决算总表', '收入支出决算总表', unit),
    kind: 'summary',
    income: {
      fiscalGeneral: L('一、一般公共预算财政拨款收入', s(SUMMARY.income.fiscalGeneral)),
      fiscalGovFund: L('二、政府性基金预算财政拨款收入', s(SUMMARY.income.fiscalGovFund)),
      fiscalStateCapital: L('三、国有资本经营预算财政拨款收入', s(SUMMARY.income.fiscalStateCapital)),
      superior: L('四、上级补助收入', s(SUMMARY.income.superior)),
      business: L('五、事业收入', s(SUMMARY.income.business)),
      operating: L('六、经营收入', s(SUMMARY.income.operating)),
      affiliated: L('七、附属单位上缴收入', s(SUMMARY.income.affiliated)),
      other: L('八、其他收入', s(SUMMARY.income.other)),
    },
    incomeTotal: L('本年收入合计', s(SUMMARY.incomeTotal)),
    useNonFiscalBalance: L('使用非财政拨款结余', 0),
    openingBalance: L('年初结转和结余', 0),
    incomeGrandTotal: L('总计', s(SUMMARY.incomeGrand)),
    classes: SUMMARY.classes.map(([label, v, code]) => ({ ...L(label, s(v)), code })),
    expenditureTotal: L('本年支出合计', s(SUMMARY.expTotal)),
    balanceDistribution: L('结余分配', 0),
    closingBalance: L('年末结转和结余', 0),
    expenditureGrandTotal: L('总计', s(SUMMARY.expGrand)),
  };
  // The narrative reads only the 合计 of 收入决算表.
  const income = coded('income', '2收入决算表', '收入决算表', INCOME.keys, [[null, '合计', ...INCOME.total]], unit, k);
  const expenditure = coded('expenditure', '3支出决算表', '支出决算表', EXPENDITURE.keys, EXP_ROWS, unit, k);
  const fl = (label: string, v: number) => ({ label, labelRef: ref('4'), code: null, total: F(s(v)), general: F(s(v)), govFund: F(0), stateCapital: F(0) });
  const fiscal: FiscalSummaryTable = {
    ...base('fiscal-summary', '4财政拨款收入支出决算总表', '财政拨款收入支出决算总表', unit),
    kind: 'fiscal-summary',
    income: { general: L('一、一般公共预算财政拨款', s(840.77)), govFund: L('二、政府性基金预算财政拨款', 0), stateCapital: L('三、国有资本经营预算财政拨款', 0) },
    incomeTotal: L('本年收入合计', s(840.77)),
    opening: L('年初财政拨款结转和结余', 0),
    openingByFund: {},
    incomeGrandTotal: L('总计', s(840.77)),
    classes: [fl('社会保障和就业支出', 793.68), fl('卫生健康支出', 27.09), fl('农林水支出', 20)],
    expenditureTotal: fl('本年支出合计', 840.77),
    closing: fl('年末财政拨款结转和结余', 0),
    expenditureGrandTotal: fl('总计', 840.77),
  };
  const general = coded('general-budget', '5一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表', GENERAL_BUDGET.keys, o.generalRows ?? GENERAL_ROWS, unit, k);
  const basic: BasicDetailTable = {
    ...base('basic-detail', '6一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表', unit),
    kind: 'basic-detail',
    entries: BASIC_DETAIL.entries.map(([code, name, v, group]) => ({ code, name, nameRef: ref('6'), figure: F(s(v)), group, level: code.length === 3 ? 'class' : 'section' })),
    personnelTotal: L('人员经费合计', s(BASIC_DETAIL.personnelTotal)),
    publicTotal: L('公用经费合计', s(BASIC_DETAIL.publicTotal)),
  };
  const emptyCoded = (kind: 'gov-fund' | 'state-capital', sheet: string, title: string, keys: string[], note: string): CodedTable => ({
    ...coded(kind, sheet, title, keys, [[null, '合计', 0, 0, 0, 0, 0, 0]], unit),
    empty: true,
    note,
  });
  const govFund = emptyCoded('gov-fund', '7政府性基金', '政府性基金预算财政拨款收入支出决算表', GOV_FUND.keys, GOV_FUND.note);
  const stateCap = emptyCoded('state-capital', '8国有资本', '国有资本经营预算财政拨款支出决算表', STATE_CAPITAL.keys, STATE_CAPITAL.note);
  const parts = ([total, abroad, vehicleSubtotal, vehiclePurchase, vehicleOperation, reception]: number[]) => ({ total, abroad, vehicleSubtotal, vehiclePurchase, vehicleOperation, reception });
  const tpa = { ...parts(THREE_PUBLIC.actual), ...o.threePublicActual };
  const tpf = (x: typeof tpa) => ({ total: F(s(x.total)), abroad: F(s(x.abroad)), vehicleSubtotal: F(s(x.vehicleSubtotal)), vehiclePurchase: F(s(x.vehiclePurchase)), vehicleOperation: F(s(x.vehicleOperation)), reception: F(s(x.reception)) });
  const three: ThreePublicTable = {
    ...base('three-public', '9三公', '财政拨款"三公"经费支出决算表', unit),
    kind: 'three-public',
    layout: 'blocks',
    budget: tpf(parts(THREE_PUBLIC.budget)),
    actual: tpf(tpa),
  };
  const tables = [
    summary,
    income,
    expenditure,
    fiscal,
    general,
    basic,
    govFund,
    stateCap,
    three,
    scorecard('perf-dept-scorecard', DEPT_SCORECARD),
    ...PROJECT_SCORECARDS.map((sc) => scorecard('perf-project-scorecard', sc)),
  ].filter((t) => !(o.omit ?? []).includes(t.kind));
  const sup = o.supplement === undefined ? SAMPLE_SUPPLEMENT : o.supplement;
  return {
    tables,
    unknown: [],
    supplement: sup === null ? null : { sheet: '补充信息', entries: sup.map(([key, value], i) => ({ key, value, ref: { sheet: '补充信息', row: i, col: 0 } })) },
  };
}
