// Builders of typed table models for rule tests, and a clean model of the shared sample
// (怀化市就业服务中心 2023) that each rule test mutates to plant one fault.
import type { CellRef } from '../../../src/core/address';
import { KEY_NAMES } from '../../../src/core/rules/util/table-equations';
import { readNumber } from '../../../src/core/numbers';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import type {
  BasicDetailTable,
  CodedRow,
  CodedTable,
  Detection,
  EconomicEntry,
  Figure,
  FiscalSummaryTable,
  FundLine,
  FundRow,
  Indicator,
  LabelledFigure,
  PerfBasicDataTable,
  ScorecardTable,
  SummaryTable,
  Table,
  ThreePublicFigures,
  ThreePublicTable,
  TripleRow,
  Unit,
} from '../../../src/core/tables/types';
import { makeContext, runChecks, runRule } from '../../../src/core/rules/engine';
import type { Rule } from '../../../src/core/rules/types';
import type { Finding } from '../../../src/core/findings';
import { allFigures } from '../../../src/core/rules/util/figures';
import { workbookYear } from '../../../src/core/tables/year';

const formats = new WeakMap<Figure, string>();

export const ref = (sheet: string, row: number, col: number): CellRef => ({ sheet, row, col });

/** A figure read from a cell value (number, text, null for blank), as the readers produce it. */
export function fig(v: CellValue | undefined, sheet: string, row: number, col: number, z?: string): Figure {
  const r = readNumber(v ?? null);
  const f: Figure = { value: r.value, form: r.form, ref: ref(sheet, row, col) };
  if (r.text !== undefined) f.text = r.text;
  if (z) formats.set(f, z);
  return f;
}

function base<K extends Table['kind']>(kind: K, sheet: string, title: string, unit: Unit | null, r2 = 30, c2 = 10) {
  return {
    kind,
    id: `${sheet}!A1`,
    sheet,
    range: { r1: 0, c1: 0, r2, c2 },
    title,
    titleRef: ref(sheet, 0, 0),
    unit,
    unitRef: unit ? ref(sheet, 2, c2) : undefined,
    columns: [] as { col: number; header: string; key: string }[],
    rows: [],
    warnings: [],
  };
}

const HEADERS = KEY_NAMES;

export type CodedSpec = {
  sheet?: string;
  unit?: Unit | null;
  keys: string[];
  /** Values of the 合计 row (null: no 合计 row). */
  total: (CellValue)[] | null;
  rows: [string, string, ...CellValue[]][];
  note?: string;
};

/** A coded table: 合计 at row 6 (A6), items below; codes in column A, names in B, values from C. */
export function coded(kind: CodedTable['kind'], spec: CodedSpec): CodedTable {
  const sheet = spec.sheet ?? kind;
  const t = base(kind, sheet, kind, spec.unit === undefined ? '万元' : spec.unit, 5 + spec.rows.length, 1 + spec.keys.length);
  t.columns = [
    { col: 0, header: '科目编码', key: 'code' },
    { col: 1, header: '科目名称', key: 'name' },
    ...spec.keys.map((k, i) => ({ col: 2 + i, header: HEADERS[k] ?? k, key: k })),
  ];
  const row = (r: number, code: string | null, name: string, vals: CellValue[]): CodedRow => {
    const values: Record<string, Figure> = {};
    spec.keys.forEach((k, i) => (values[k] = fig(vals[i], sheet, r, 2 + i)));
    const level = code === null ? 'total' : code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
    return { row: r, code, codeRefs: [ref(sheet, r, 0)], name, nameRef: ref(sheet, r, 1), level, values };
  };
  const total = spec.total ? row(5, null, '合计', spec.total) : null;
  const items = spec.rows.map(([code, name, ...vals], i) => row(6 + i, code, name, vals));
  const empty = items.length === 0 && (!total || Object.values(total.values).every((f) => !f.value));
  const out: CodedTable = { ...t, valueKeys: spec.keys, total, items, empty };
  if (spec.note) {
    out.note = spec.note;
    out.noteRef = ref(sheet, 6 + items.length, 0);
  }
  return out;
}

const lf = (label: string, v: CellValue, sheet: string, row: number, col: number): LabelledFigure => ({ label, labelRef: ref(sheet, row, col - 2), figure: fig(v, sheet, row, col) });

export interface SummarySpec {
  income: Partial<Record<keyof SummaryTable['income'], CellValue>>;
  incomeTotal: CellValue;
  useNonFiscal?: CellValue;
  opening?: CellValue;
  incomeGrand: CellValue;
  classes: [string, CellValue, string | null][];
  expTotal: CellValue;
  distribution?: CellValue;
  closing?: CellValue;
  expGrand: CellValue;
}

const SUMMARY_INCOME: [keyof SummaryTable['income'], string][] = [
  ['fiscalGeneral', '一、一般公共预算财政拨款收入'],
  ['fiscalGovFund', '二、政府性基金预算财政拨款收入'],
  ['fiscalStateCapital', '三、国有资本经营预算财政拨款收入'],
  ['superior', '四、上级补助收入'],
  ['business', '五、事业收入'],
  ['operating', '六、经营收入'],
  ['affiliated', '七、附属单位上缴收入'],
  ['other', '八、其他收入'],
];

/** Summary: income lines rows 7–14 in column C, classes from row 7 in column F, totals rows 15–18. */
export function summary(spec: SummarySpec, sheet = 'summary', unit: Unit | null = '万元'): SummaryTable {
  const income: SummaryTable['income'] = {};
  SUMMARY_INCOME.forEach(([k, label], i) => {
    if (k in spec.income) income[k] = lf(label, spec.income[k] ?? null, sheet, 6 + i, 2);
  });
  return {
    ...base('summary', sheet, '收入支出决算总表', unit, 17, 5),
    income,
    incomeTotal: lf('本年收入合计', spec.incomeTotal, sheet, 14, 2),
    useNonFiscalBalance: lf('使用非财政拨款结余', spec.useNonFiscal ?? 0, sheet, 15, 2),
    openingBalance: lf('年初结转和结余', spec.opening ?? 0, sheet, 16, 2),
    incomeGrandTotal: lf('总计', spec.incomeGrand, sheet, 17, 2),
    classes: spec.classes.map(([label, v, code], i) => ({ ...lf(label, v, sheet, 6 + i, 5), code })),
    expenditureTotal: lf('本年支出合计', spec.expTotal, sheet, 14, 5),
    balanceDistribution: lf('结余分配', spec.distribution ?? 0, sheet, 15, 5),
    closingBalance: lf('年末结转和结余', spec.closing ?? 0, sheet, 16, 5),
    expenditureGrandTotal: lf('总计', spec.expGrand, sheet, 17, 5),
  };
}

type Quad = [CellValue, CellValue, CellValue, CellValue];
export interface FiscalSpec {
  income: [CellValue, CellValue, CellValue];
  incomeTotal: CellValue;
  opening: CellValue;
  openingByFund?: [CellValue, CellValue, CellValue];
  incomeGrand: CellValue;
  classes: [string, string | null, ...Quad][];
  expTotal: Quad;
  closing: Quad;
  expGrand: Quad;
}

/** Fiscal-summary: income in C6–C8, totals C9–C14; expenditure lines from row 6, columns F–I. */
export function fiscalSummary(spec: FiscalSpec, sheet = 'fiscal', unit: Unit | null = '万元'): FiscalSummaryTable {
  const line = (label: string, code: string | null, r: number, v: Quad): FundLine => ({
    label,
    labelRef: ref(sheet, r, 3),
    code,
    total: fig(v[0], sheet, r, 5),
    general: fig(v[1], sheet, r, 6),
    govFund: fig(v[2], sheet, r, 7),
    stateCapital: fig(v[3], sheet, r, 8),
  });
  const n = spec.classes.length;
  const fundRow = 5 + Math.max(n, 3);
  return {
    ...base('fiscal-summary', sheet, '财政拨款收入支出决算总表', unit, fundRow + 5, 8),
    income: { general: lf('一般公共预算财政拨款', spec.income[0], sheet, 5, 2), govFund: lf('政府性基金预算财政拨款', spec.income[1], sheet, 6, 2), stateCapital: lf('国有资本经营预算财政拨款', spec.income[2], sheet, 7, 2) },
    incomeTotal: lf('本年收入合计', spec.incomeTotal, sheet, fundRow, 2),
    opening: lf('年初财政拨款结转和结余', spec.opening, sheet, fundRow + 1, 2),
    openingByFund: spec.openingByFund
      ? { general: lf('一般公共预算财政拨款', spec.openingByFund[0], sheet, fundRow + 2, 2), govFund: lf('政府性基金预算财政拨款', spec.openingByFund[1], sheet, fundRow + 3, 2), stateCapital: lf('国有资本经营预算财政拨款', spec.openingByFund[2], sheet, fundRow + 4, 2) }
      : {},
    incomeGrandTotal: lf('总计', spec.incomeGrand, sheet, fundRow + 5, 2),
    classes: spec.classes.map(([label, code, ...v], i) => line(label, code, 5 + i, v as Quad)),
    expenditureTotal: line('本年支出合计', null, fundRow, spec.expTotal),
    closing: line('年末财政拨款结转和结余', null, fundRow + 1, spec.closing),
    expenditureGrandTotal: line('总计', null, fundRow + 5, spec.expGrand),
  };
}

export interface BasicDetailSpec {
  personnel: [string, string, CellValue][];
  public: [string, string, CellValue][];
  personnelTotal: CellValue;
  publicTotal: CellValue;
}

/** Basic-detail: personnel block in A–C, public block in D–F, totals on the last row. */
export function basicDetail(spec: BasicDetailSpec, sheet = 'basic', unit: Unit | null = '万元'): BasicDetailTable {
  const entry = (group: 'personnel' | 'public', col: number) => ([code, name, v]: [string, string, CellValue], i: number): EconomicEntry => ({
    code,
    codeRef: ref(sheet, 5 + i, col),
    name,
    nameRef: ref(sheet, 5 + i, col + 1),
    figure: fig(v, sheet, 5 + i, col + 2),
    group,
    level: code.length === 3 ? 'class' : 'section',
  });
  const last = 5 + Math.max(spec.personnel.length, spec.public.length);
  return {
    ...base('basic-detail', sheet, '一般公共预算财政拨款基本支出决算表', unit, last, 5),
    entries: [...spec.personnel.map(entry('personnel', 0)), ...spec.public.map(entry('public', 3))],
    personnelTotal: lf('人员经费合计', spec.personnelTotal, sheet, last, 2),
    publicTotal: lf('公用经费合计', spec.publicTotal, sheet, last, 5),
  };
}

type Six = [CellValue, CellValue, CellValue, CellValue, CellValue, CellValue];
/** Three-public in two blocks of six on row 7: 预算数 A–F, 决算数 G–L. */
export function threePublic(budget: Six | null, actual: Six, sheet = 'three', unit: Unit | null = '万元'): ThreePublicTable {
  const block = (v: Six, c0: number): ThreePublicFigures => ({
    total: fig(v[0], sheet, 6, c0),
    abroad: fig(v[1], sheet, 6, c0 + 1),
    vehicleSubtotal: fig(v[2], sheet, 6, c0 + 2),
    vehiclePurchase: fig(v[3], sheet, 6, c0 + 3),
    vehicleOperation: fig(v[4], sheet, 6, c0 + 4),
    reception: fig(v[5], sheet, 6, c0 + 5),
  });
  return { ...base('three-public', sheet, '财政拨款“三公”经费支出决算表', unit, 6, 11), layout: 'blocks', budget: budget ? block(budget, 0) : null, actual: block(actual, 6) };
}

type Triple = [CellValue, CellValue, CellValue];
export interface PerfBasicSpec {
  staff?: [CellValue, CellValue, CellValue];
  threePublic?: Triple;
  vehicle?: Triple;
  abroad?: Triple;
  reception?: Triple;
  projectTotal?: Triple;
  projects: [string, ...Triple][];
  publicFunds?: Triple;
  parts?: [string, ...Triple][];
}

/** Perf-basic-data: label column A, 上年决算数 B, 本年预算数 C, 本年决算数 D. */
export function perfBasic(spec: PerfBasicSpec, sheet = 'perf', unit: Unit | null = '万元', rateFormat = '0.00%'): PerfBasicDataTable {
  let r = 5;
  const triple = (label: string, v: Triple | undefined): TripleRow | null => {
    if (!v) return null;
    const row = r++;
    return { label, labelRef: ref(sheet, row, 0), row, prior: fig(v[0], sheet, row, 1), budget: fig(v[1], sheet, row, 2), actual: fig(v[2], sheet, row, 3) };
  };
  const threePublicRow = triple('三公经费', spec.threePublic);
  const vehicle = triple('1、公务用车购置和维护经费', spec.vehicle);
  const abroad = triple('2、出国经费', spec.abroad);
  const reception = triple('3、公务接待', spec.reception);
  const projectTotal = triple('市级专项资金', spec.projectTotal);
  const projects = spec.projects.map(([label, ...v]) => triple(label, v as Triple) as TripleRow);
  const publicFunds = triple('公用经费', spec.publicFunds);
  const parts = (spec.parts ?? []).map(([label, ...v]) => triple(label, v as Triple) as TripleRow);
  const s = spec.staff;
  return {
    ...base('perf-basic-data', sheet, '部门整体支出绩效评价基础数据表', unit, r, 3),
    staff: { authorized: s ? fig(s[0], sheet, 3, 1) : null, actual: s ? fig(s[1], sheet, 3, 2) : null, controlRate: s ? fig(s[2], sheet, 3, 3, rateFormat) : null },
    threePublic: threePublicRow,
    vehicle,
    abroad,
    reception,
    projectTotal,
    projects,
    publicFunds,
    publicFundsParts: parts,
  };
}

/** [年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分] */
export type FundSpec = [CellValue, CellValue, CellValue, CellValue?, CellValue?, CellValue?];
export type IndicatorSpec = [string, string, string, string, string, CellValue, CellValue, string?];

export interface ScorecardSpec {
  kind?: ScorecardTable['kind'];
  sheet: string;
  name: string;
  department?: string;
  implementer?: string;
  funds: { total: FundSpec; fiscal?: FundSpec; carryOver?: FundSpec; other?: FundSpec };
  rateFormat?: string;
  goals?: [string, string];
  indicators: IndicatorSpec[];
  /** [总分 分值, 总分 得分] */
  total: [CellValue, CellValue];
  /** Indicator row indexes sharing one merged 分值/得分 cell: the value lives on the first. */
  mergedGroups?: number[][];
}

/** Project scorecard laid out like the sample: funds rows 5–8 (C–H), indicators from row 12 (B–I). */
export function scorecard(spec: ScorecardSpec, unit: Unit | null = '万元'): ScorecardTable {
  const sheet = spec.sheet;
  const fundRow = (label: string, r: number, v: FundSpec | undefined): FundRow | null => {
    if (!v) return null;
    return {
      label,
      labelRef: ref(sheet, r, 1),
      row: r,
      initialBudget: fig(v[0], sheet, r, 2),
      fullBudget: fig(v[1], sheet, r, 3),
      executed: fig(v[2], sheet, r, 4),
      weight: v.length > 3 ? fig(v[3], sheet, r, 5) : null,
      rate: v.length > 4 ? fig(v[4], sheet, r, 6, spec.rateFormat ?? '0.00%') : null,
      score: v.length > 5 ? fig(v[5], sheet, r, 7) : null,
    };
  };
  const groupOf = new Map<number, number>();
  for (const g of spec.mergedGroups ?? []) for (const i of g) groupOf.set(i, g[0]);
  const first = 11;
  const indicators: Indicator[] = spec.indicators.map(([l1, l2, l3, target, actual, w, s, dev], i) => {
    const r = first + i;
    const g = groupOf.get(i);
    const top = g === undefined ? r : first + g;
    const cap = /[(（](\d+)分[)）]/.exec(l1);
    const ind: Indicator = {
      row: r,
      level1: l1,
      level1Ref: ref(sheet, r, 1),
      level1Cap: cap ? Number(cap[1]) : null,
      level2: l2,
      level3: l3,
      level3Ref: ref(sheet, r, 3),
      target,
      targetRef: ref(sheet, r, 4),
      actual,
      actualRef: ref(sheet, r, 5),
      weight: g === undefined || g === i ? fig(w, sheet, top, 6) : fig(spec.indicators[g][5], sheet, top, 6),
      score: g === undefined || g === i ? fig(s, sheet, top, 7) : fig(spec.indicators[g][6], sheet, top, 7),
      deviation: dev ?? '',
      deviationRef: ref(sheet, r, 8),
    };
    if (g !== undefined) {
      ind.weightGroup = `G${top + 1}`;
      ind.scoreGroup = `H${top + 1}`;
    }
    return ind;
  });
  const totalRowIdx = first + spec.indicators.length;
  const [goalExp, goalAct] = spec.goals ?? ['完成目标', '已完成'];
  return {
    ...base(spec.kind ?? 'perf-project-scorecard', sheet, spec.kind === 'perf-dept-scorecard' ? '部门整体支出绩效自评表' : '项目支出绩效自评表', unit, totalRowIdx, 9),
    kind: spec.kind ?? 'perf-project-scorecard',
    name: spec.name,
    nameRef: ref(sheet, 1, 1),
    department: spec.department ?? '怀化市人力资源和社会保障局',
    departmentRef: ref(sheet, 2, 1),
    implementer: spec.implementer ?? '怀化市就业服务中心',
    implementerRef: ref(sheet, 2, 6),
    funds: {
      total: fundRow('年度资金总额', 4, spec.funds.total),
      fiscal: fundRow('其中：当年财政拨款', 5, spec.funds.fiscal),
      carryOver: fundRow('上年结转资金', 6, spec.funds.carryOver ?? [null, null, null]),
      other: fundRow('其他资金', 7, spec.funds.other ?? [null, null, null]),
    },
    goals: { expected: goalExp, expectedRef: ref(sheet, 9, 1), actual: goalAct, actualRef: ref(sheet, 9, 5) },
    indicators,
    totalRow: { row: totalRowIdx, labelRef: ref(sheet, totalRowIdx, 0), weight: fig(spec.total[0], sheet, totalRowIdx, 6), score: fig(spec.total[1], sheet, totalRowIdx, 7) },
  };
}

/** A workbook holding every figure of the tables (values, text and number formats), so rules that read formats work. */
export function workbookOf(tables: Table[]): WorkbookSnapshot {
  const sheets = new Map<string, SheetSnapshot>();
  const sheetOf = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = { name, cells: [], merges: [] }));
    return s;
  };
  for (const t of tables) {
    sheetOf(t.sheet);
    for (const f of allFigures(t)) {
      const s = sheetOf(f.ref.sheet);
      const row = (s.cells[f.ref.row] ??= []);
      const v: CellValue = f.form === 'error' ? { error: f.text ?? '#REF!' } : f.text !== undefined ? f.text : f.form === 'blank' ? null : f.value;
      const z = formats.get(f);
      row[f.ref.col] = z ? { v, z } : { v };
    }
  }
  return { name: 'test.xlsx', sheets: [...sheets.values()] };
}

export function detection(tables: Table[], supplement: Record<string, string | number | null> | null = null): Detection {
  const sup = supplement ? { sheet: '补充信息', entries: Object.entries(supplement).map(([key, value], i) => ({ key, value, ref: ref('补充信息', i + 1, 1) })) } : null;
  // As detectTables does: the year most tables state.
  const d: Detection = { tables, unknown: [], supplement: sup };
  const year = workbookYear(d);
  if (year !== undefined) d.year = year;
  return d;
}

/** Run one rule over the tables (and 补充信息 entries). */
export function run(rule: Rule, tables: Table[], supplement: Record<string, string | number | null> | null = null): Finding[] {
  return runRule(rule, makeContext(workbookOf(tables), detection(tables, supplement)));
}

/** Every rule over the tables, as the engine runs them: one diagnosis, fixes proven on a copy. */
export function checkAll(tables: Table[], supplement: Record<string, string | number | null> | null = null): Finding[] {
  return runChecks(workbookOf(tables), detection(tables, supplement), { disabled: ['completeness.tables-present'] });
}

/** Errors and warnings (what a planted fault must produce; rounding notes are info). */
export const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

/** Replace a figure's value in place (planting a fault in a clean model). */
export function setFig(f: Figure | null | undefined, v: CellValue): void {
  if (!f) throw new Error('no such figure');
  const r = readNumber(v);
  f.value = r.value;
  f.form = r.form;
  if (r.text !== undefined) f.text = r.text;
  else delete f.text;
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
