// Hand-built Detection mirroring the sample workbook (figures of /work/shared/fixtures/sample-2023-jiuye.xlsx),
// so the narrative can be tested independently of table detection. Options plant variations.
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
  return { ...base(kind, sheet, title, unit), kind, valueKeys: keys, total: total ? mk(total) : null, items: items.map(mk), empty: items.length === 0 } as CodedTable;
}

export const GENERAL_ROWS: [string | null, string, number, number, number, number][] = [
  [null, '合计', 897.32, 840.77, 701.08, 139.69],
  ['208', '社会保障和就业支出', 867.29, 793.68, 673.99, 119.69],
  ['20801', '人力资源和社会保障管理事务', 636.37, 557.24, 451.54, 105.7],
  ['2080101', '行政运行', 58.34, 0, 0, 0],
  ['2080106', '就业管理事务', 0, 449.89, 344.19, 105.7],
  ['2080109', '社会保险经办机构', 578.03, 57.6, 57.6, 0],
  ['2080199', '其他人力资源和社会保障管理事务支出', 0, 49.75, 49.75, 0],
  ['20805', '行政事业单位养老支出', 71.45, 103.42, 103.42, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 71.45, 68.96, 68.96, 0],
  ['2080599', '其他行政事业单位养老支出', 0, 34.46, 34.46, 0],
  ['20807', '就业补助', 0, 13.99, 0, 13.99],
  ['2080799', '其他就业补助支出', 0, 13.99, 0, 13.99],
  ['20899', '其他社会保障和就业支出', 159.47, 119.03, 119.03, 0],
  ['2089999', '其他社会保障和就业支出', 159.47, 119.03, 119.03, 0],
  ['210', '卫生健康支出', 30.03, 27.09, 27.09, 0],
  ['21011', '行政事业单位医疗', 30.03, 27.09, 27.09, 0],
  ['2101101', '行政单位医疗', 30.03, 27.09, 27.09, 0],
  ['213', '农林水支出', 0, 20, 0, 20],
  ['21308', '普惠金融发展支出', 0, 20, 0, 20],
  ['2130804', '创业担保贷款贴息及奖补', 0, 20, 0, 20],
];

const EXP_ROWS: [string | null, string, ...number[]][] = [
  [null, '合计', 877.77, 738.08, 139.69, 0, 0, 0],
  ['208', '社会保障和就业支出', 830.68, 710.99, 119.69],
  ['20801', '人力资源和社会保障管理事务', 594.24, 488.54, 105.7],
  ['2080106', '就业管理事务', 449.89, 344.19, 105.7],
  ['2080109', '社会保险经办机构', 94.6, 94.6, 0],
  ['2080199', '其他人力资源和社会保障管理事务支出', 49.75, 49.75, 0],
  ['20805', '行政事业单位养老支出', 103.42, 103.42, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 68.96, 68.96, 0],
  ['2080599', '其他行政事业单位养老支出', 34.46, 34.46, 0],
  ['20807', '就业补助', 13.99, 0, 13.99],
  ['2080799', '其他就业补助支出', 13.99, 0, 13.99],
  ['20899', '其他社会保障和就业支出', 119.03, 119.03, 0],
  ['2089999', '其他社会保障和就业支出', 119.03, 119.03, 0],
  ['210', '卫生健康支出', 27.09, 27.09, 0],
  ['21011', '行政事业单位医疗', 27.09, 27.09, 0],
  ['2101101', '行政单位医疗', 27.09, 27.09, 0],
  ['213', '农林水支出', 20, 0, 20],
  ['21308', '普惠金融发展支出', 20, 0, 20],
  ['2130804', '创业担保贷款贴息及奖补', 20, 0, 20],
];

export const SAMPLE_SUPPLEMENT: [string, string | number | null][] = [
  ['项目', '内容'],
  ['上年收支总计', 1031.37],
  ['上年财政拨款收支总计', 1026.91],
  ['上年一般公共预算财政拨款支出', 1026.91],
  ['上年机关运行经费', 0],
  ['上年三公经费', 1.42],
  ['上年公务接待费', 1.42],
  ['三公经费预算', 1.4],
  ['公务接待团组', 15],
  ['公务接待人次', 69],
  ['公务用车保有量', 0],
  ['会议费', 0.27],
  ['培训费', 0],
  ['政府采购支出总额', 0],
  ['车辆总数', 0],
  ['单位性质', '参照公务员法管理事业单位'],
];

function scorecard(kind: ScorecardTable['kind'], sheet: string, name: string, initial: number, full: number, executed: number, score: number): ScorecardTable {
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
      fiscalGeneral: L('一、一般公共预算财政拨款收入', s(840.77)),
      fiscalGovFund: L('二、政府性基金预算财政拨款收入', 0),
      fiscalStateCapital: L('三、国有资本经营预算财政拨款收入', 0),
      superior: L('四、上级补助收入', 0),
      business: L('五、事业收入', 0),
      operating: L('六、经营收入', 0),
      affiliated: L('七、附属单位上缴收入', 0),
      other: L('八、其他收入', s(37)),
    },
    incomeTotal: L('本年收入合计', s(877.77)),
    useNonFiscalBalance: L('使用非财政拨款结余', 0),
    openingBalance: L('年初结转和结余', 0),
    incomeGrandTotal: L('总计', s(877.77)),
    classes: [
      { ...L('一、社会保障和就业支出', s(830.68)), code: '208' },
      { ...L('二、卫生健康支出', s(27.09)), code: '210' },
      { ...L('三、农林水支出', s(20)), code: '213' },
    ],
    expenditureTotal: L('本年支出合计', s(877.77)),
    balanceDistribution: L('结余分配', 0),
    closingBalance: L('年末结转和结余', 0),
    expenditureGrandTotal: L('总计', s(877.77)),
  };
  const income = coded('income', '2收入决算表', '收入决算表', ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'], [[null, '合计', 877.77, 840.77, 0, 0, 0, 0, 37]], unit, k);
  const expenditure = coded('expenditure', '3支出决算表', '支出决算表', ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'], EXP_ROWS, unit, k);
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
  const general = coded('general-budget', '5一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表', ['budget', 'total', 'basic', 'project'], o.generalRows ?? GENERAL_ROWS, unit, k);
  const econ: [string, string, number, 'personnel' | 'public'][] = [
    ['301', '工资福利支出', 487.72, 'personnel'],
    ['30101', '基本工资', 156.34, 'personnel'],
    ['30102', '津贴补贴', 121.58, 'personnel'],
    ['30103', '奖金', 49.75, 'personnel'],
    ['30108', '机关事业单位基本养老保险缴费', 68.96, 'personnel'],
    ['30109', '职业年金缴费', 12.4, 'personnel'],
    ['30110', '职工基本医疗保险缴费', 27.09, 'personnel'],
    ['30112', '其他社会保障缴费', 4.1, 'personnel'],
    ['30113', '住房公积金', 41.36, 'personnel'],
    ['30199', '其他工资福利支出', 6.14, 'personnel'],
    ['303', '对个人和家庭的补助', 153.49, 'personnel'],
    ['30305', '生活补助', 153.49, 'personnel'],
    ['302', '商品和服务支出', 59.87, 'public'],
    ['30201', '办公费', 19.28, 'public'],
    ['30205', '水费', 1.2, 'public'],
    ['30206', '电费', 6.35, 'public'],
    ['30207', '邮电费', 3.1, 'public'],
    ['30211', '差旅费', 7.56, 'public'],
    ['30213', '维修（护）费', 2.3, 'public'],
    ['30215', '会议费', 0.27, 'public'],
    ['30217', '公务接待费', 1.16, 'public'],
    ['30228', '工会经费', 6.42, 'public'],
    ['30229', '福利费', 5.1, 'public'],
    ['30239', '其他交通费用', 4.8, 'public'],
    ['30299', '其他商品和服务支出', 2.33, 'public'],
  ];
  const basic: BasicDetailTable = {
    ...base('basic-detail', '6一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表', unit),
    kind: 'basic-detail',
    entries: econ.map(([code, name, v, group]) => ({ code, name, nameRef: ref('6'), figure: F(s(v)), group, level: code.length === 3 ? 'class' : 'section' })),
    personnelTotal: L('人员经费合计', s(641.21)),
    publicTotal: L('公用经费合计', s(59.87)),
  };
  const emptyCoded = (kind: 'gov-fund' | 'state-capital', sheet: string, title: string, keys: string[], note: string): CodedTable => ({
    ...coded(kind, sheet, title, keys, [[null, '合计', 0, 0, 0, 0, 0, 0]], unit),
    empty: true,
    note,
  });
  const govFund = emptyCoded('gov-fund', '7政府性基金', '政府性基金预算财政拨款收入支出决算表', ['opening', 'income', 'total', 'basic', 'project', 'closing'], '注：本单位2023年度无政府性基金预算财政拨款收入支出，故本表为空表。');
  const stateCap = emptyCoded('state-capital', '8国有资本', '国有资本经营预算财政拨款支出决算表', ['total', 'basic', 'project'], '注：本单位无国有资本经营预算财政拨款支出，故本表为空表。');
  const tpa = { total: 1.16, abroad: 0, vehicleSubtotal: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 1.16, ...o.threePublicActual };
  const tpf = (x: typeof tpa) => ({ total: F(s(x.total)), abroad: F(s(x.abroad)), vehicleSubtotal: F(s(x.vehicleSubtotal)), vehiclePurchase: F(s(x.vehiclePurchase)), vehicleOperation: F(s(x.vehicleOperation)), reception: F(s(x.reception)) });
  const three: ThreePublicTable = {
    ...base('three-public', '9三公', '财政拨款"三公"经费支出决算表', unit),
    kind: 'three-public',
    layout: 'blocks',
    budget: tpf({ total: 1.4, abroad: 0, vehicleSubtotal: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 1.4 }),
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
    scorecard('perf-dept-scorecard', '整体支出绩效自评表', '怀化市就业服务中心', 897.32, 877.77, 877.77, 100),
    scorecard('perf-project-scorecard', '项目自评1', '失业动态监测（失业预警）工作和失业保险稳定就业工作经费', 10, 10, 10, 100),
    scorecard('perf-project-scorecard', '项目自评2', '流动人员档案管理工作经费', 17.5, 17.5, 17.5, 100),
    scorecard('perf-project-scorecard', '项目自评3', '高校毕业生招聘工作经费', 20, 20, 19.76, 99.88),
  ].filter((t) => !(o.omit ?? []).includes(t.kind));
  const sup = o.supplement === undefined ? SAMPLE_SUPPLEMENT : o.supplement;
  return {
    tables,
    unknown: [],
    supplement: sup === null ? null : { sheet: '补充信息', entries: sup.map(([key, value], i) => ({ key, value, ref: { sheet: '补充信息', row: i, col: 0 } })) },
  };
}
