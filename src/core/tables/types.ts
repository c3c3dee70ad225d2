// The typed models of the standard tables (SPEC §3). Every figure keeps the cell it came
// from so that findings, highlights and live formulas can point back at it.
// This file is the contract between table readers, rules, recalculation and the narrative.
import type { CellRef } from '../address';
import type { NumberForm } from '../numbers';
import type { CellRange } from '../snapshot';

export type TableKind =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal-summary'
  | 'general-budget'
  | 'basic-detail'
  | 'gov-fund'
  | 'state-capital'
  | 'three-public'
  | 'perf-basic-data'
  | 'perf-dept-scorecard'
  | 'perf-project-scorecard';

export const TABLE_KINDS: TableKind[] = [
  'summary',
  'income',
  'expenditure',
  'fiscal-summary',
  'general-budget',
  'basic-detail',
  'gov-fund',
  'state-capital',
  'three-public',
  'perf-basic-data',
  'perf-dept-scorecard',
  'perf-project-scorecard',
];

/** The nine 公开 tables every disclosure must contain. */
export const DISCLOSURE_KINDS: TableKind[] = TABLE_KINDS.slice(0, 9);

/** Chinese names shown to the finance officer. */
export const TABLE_KIND_NAMES: Record<TableKind, string> = {
  summary: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  'fiscal-summary': '财政拨款收入支出决算总表',
  'general-budget': '一般公共预算财政拨款支出决算表',
  'basic-detail': '一般公共预算财政拨款基本支出决算表',
  'gov-fund': '政府性基金预算财政拨款收入支出决算表',
  'state-capital': '国有资本经营预算财政拨款支出决算表',
  'three-public': '财政拨款“三公”经费支出决算表',
  'perf-basic-data': '部门整体支出绩效评价基础数据表',
  'perf-dept-scorecard': '部门整体支出绩效自评表',
  'perf-project-scorecard': '项目支出绩效自评表',
};

export type Unit = '万元' | '元';

/** One amount read from a cell. */
export interface Figure {
  /** The amount in the table's unit; 0 for blank/dash; null when the cell holds an error or non-numeric text. */
  value: number | null;
  ref: CellRef;
  form: NumberForm;
  /** Original text when the cell held text or an error. */
  text?: string;
}

/** How one column of a table was understood (for reporting and debugging detection). */
export interface ColumnInfo {
  col: number;
  /** Header text as printed (merged header parts joined with '/'). */
  header: string;
  /** Semantic key, e.g. 'total', 'basic', 'project', 'code', 'name', 'lineNo'. */
  key: string;
}

/** How one row was understood. */
export interface RowInfo {
  row: number;
  label: string;
  /** Semantic key, e.g. 'total', 'class', 'section', 'item', 'incomeTotal', 'header', 'note'. */
  key: string;
}

export interface TableBase {
  kind: TableKind;
  /** Stable id within a workbook: `${sheet}!${A1 range}`. */
  id: string;
  sheet: string;
  /** From the title row to the last data row (notes below excluded). */
  range: CellRange;
  title: string;
  titleRef: CellRef;
  unit: Unit | null;
  unitRef?: CellRef;
  /** Year stated in the title or caption (2023年度), when any. */
  year?: number;
  /** The cell the year was read from (the title, or a caption such as （2023年度）). */
  yearRef?: CellRef;
  columns: ColumnInfo[];
  rows: RowInfo[];
  /** Text of a note below or inside the table (注：…), when any. */
  note?: string;
  noteRef?: CellRef;
  /** Things the reader could not understand (shown to the user, never thrown). */
  warnings: string[];
  /**
   * Parts of the table continued on other sheets under a 续表 title (their figures are in the
   * table's rows, with refs on those sheets); the same sheet's continuations lie within `range`.
   */
  continued?: { sheet: string; range: CellRange }[];
}

/** 功能分类 level by code length: 类 3, 款 5, 项 7. */
export type CodeLevel = 'class' | 'section' | 'item';

/** A row of a table keyed by 科目编码 (income, expenditure, general-budget, gov-fund, state-capital). */
export interface CodedRow {
  row: number;
  /** Normalised code: '208', '20801', '2080106' (split 类|款|项 columns are joined). Null for the 合计 row. */
  code: string | null;
  /** Cells the code was read from (one, or up to three for split columns). */
  codeRefs: CellRef[];
  name: string;
  nameRef: CellRef;
  level: CodeLevel | 'total';
  /**
   * Amounts by column key (see the *_COLUMNS lists below). A 合计 row lacks the keys whose cell
   * holds a sub-header (合计|基本支出|项目支出 printed on the 合计 row): nothing is printed there.
   */
  values: Record<string, Figure>;
}

export interface CodedTable extends TableBase {
  kind: 'income' | 'expenditure' | 'general-budget' | 'gov-fund' | 'state-capital';
  /** Column keys present, in sheet order. */
  valueKeys: string[];
  /** The 合计 row (first or last), when present. */
  total: CodedRow | null;
  /** 类/款/项 rows in sheet order. */
  items: CodedRow[];
  /** True when the table has no data rows (only 合计, all zero/blank). */
  empty: boolean;
}

// Column keys of coded tables.
export const INCOME_COLUMNS = ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] as const; // 本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入
export const EXPENDITURE_COLUMNS = ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] as const; // 本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出
export const GENERAL_BUDGET_COLUMNS = ['budget', 'total', 'basic', 'project'] as const; // 年初预算数 (optional), 小计/合计, 基本支出, 项目支出
export const GOV_FUND_COLUMNS = ['opening', 'income', 'total', 'basic', 'project', 'closing'] as const; // 年初结转和结余, 本年收入, 本年支出小计, 基本, 项目, 年末结转和结余
export const STATE_CAPITAL_COLUMNS = GOV_FUND_COLUMNS; // the short shape has only total, basic, project

/** A labelled amount on one side of a two-sided table. */
export interface LabelledFigure {
  label: string;
  labelRef: CellRef;
  figure: Figure;
  /** 行次 when printed. */
  lineNo?: number;
}

/** A 功能分类 类 line on the expenditure side of summary / fiscal-summary. */
export interface ClassLine extends LabelledFigure {
  /** Code looked up from the name (e.g. 社会保障和就业支出 → 208) when known. */
  code: string | null;
}

export type SummaryIncomeKey =
  | 'fiscalGeneral' // 一般公共预算财政拨款收入
  | 'fiscalGovFund' // 政府性基金预算财政拨款收入
  | 'fiscalStateCapital' // 国有资本经营预算财政拨款收入
  | 'superior' // 上级补助收入
  | 'business' // 事业收入
  | 'operating' // 经营收入
  | 'affiliated' // 附属单位上缴收入
  | 'other'; // 其他收入

export interface SummaryTable extends TableBase {
  kind: 'summary';
  income: Partial<Record<SummaryIncomeKey, LabelledFigure>>;
  incomeTotal: LabelledFigure | null; // 本年收入合计
  useNonFiscalBalance: LabelledFigure | null; // 使用非财政拨款结余(含专用结余)
  openingBalance: LabelledFigure | null; // 年初结转和结余
  incomeGrandTotal: LabelledFigure | null; // 总计 (income side)
  classes: ClassLine[]; // expenditure 类 lines
  expenditureTotal: LabelledFigure | null; // 本年支出合计
  balanceDistribution: LabelledFigure | null; // 结余分配
  closingBalance: LabelledFigure | null; // 年末结转和结余
  expenditureGrandTotal: LabelledFigure | null; // 总计 (expenditure side)
}

export type FundKey = 'general' | 'govFund' | 'stateCapital';

/** A line of the fiscal-summary expenditure side with its 合计 and three fund columns. */
export interface FundLine {
  label: string;
  labelRef: CellRef;
  code: string | null;
  total: Figure | null;
  general: Figure | null;
  govFund: Figure | null;
  stateCapital: Figure | null;
}

export interface FiscalSummaryTable extends TableBase {
  kind: 'fiscal-summary';
  income: Partial<Record<FundKey, LabelledFigure>>;
  incomeTotal: LabelledFigure | null; // 本年收入合计
  /** 年初财政拨款结转和结余: the total and its split by fund. */
  opening: LabelledFigure | null;
  openingByFund: Partial<Record<FundKey, LabelledFigure>>;
  incomeGrandTotal: LabelledFigure | null;
  classes: FundLine[];
  expenditureTotal: FundLine | null; // 本年支出合计
  closing: FundLine | null; // 年末财政拨款结转和结余
  expenditureGrandTotal: FundLine | null; // 总计
}

export interface EconomicEntry {
  /** '301', '30101' … */
  code: string | null;
  codeRef?: CellRef;
  name: string;
  nameRef: CellRef;
  figure: Figure;
  /** 人员经费 (301, 303, …) or 公用经费 (302, 310, …), from the block header or the code. */
  group: 'personnel' | 'public';
  level: 'class' | 'section' | null;
}

export interface BasicDetailTable extends TableBase {
  kind: 'basic-detail';
  entries: EconomicEntry[];
  personnelTotal: LabelledFigure | null; // 人员经费合计
  publicTotal: LabelledFigure | null; // 公用经费合计
}

export interface ThreePublicFigures {
  total: Figure | null; // 合计
  abroad: Figure | null; // 因公出国（境）费
  vehicleSubtotal: Figure | null; // 公务用车购置及运行(维护)费 小计
  vehiclePurchase: Figure | null; // 公务用车购置费
  vehicleOperation: Figure | null; // 公务用车运行(维护)费
  reception: Figure | null; // 公务接待费
}

export interface ThreePublicTable extends TableBase {
  kind: 'three-public';
  /** 预算数 block + 决算数 block, pairs under each item, or the items as rows (项目 | 预算数 | 决算数). */
  layout: 'blocks' | 'pairs' | 'rows';
  budget: ThreePublicFigures | null; // 预算数 (absent in some templates)
  actual: ThreePublicFigures; // 决算数
}

/** [上年决算数, 本年预算数, 本年决算数] for one row of the basic-data table. */
export interface TripleRow {
  label: string;
  labelRef: CellRef;
  row: number;
  prior: Figure | null;
  budget: Figure | null;
  actual: Figure | null;
}

export interface PerfBasicDataTable extends TableBase {
  kind: 'perf-basic-data';
  staff: { authorized: Figure | null; actual: Figure | null; controlRate: Figure | null };
  threePublic: TripleRow | null; // 三公经费
  vehicle: TripleRow | null; // 公务用车购置和维护经费
  abroad: TripleRow | null; // 出国经费
  reception: TripleRow | null; // 公务接待
  projectTotal: TripleRow | null; // 项目支出 total line (e.g. 市级专项资金)
  projects: TripleRow[]; // one per project
  publicFunds: TripleRow | null; // 公用经费
  publicFundsParts: TripleRow[]; // 其中：办公费 …
}

/** One row of the 项目资金 block: [年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]. */
export interface FundRow {
  label: string;
  labelRef: CellRef;
  row: number;
  initialBudget: Figure | null;
  fullBudget: Figure | null;
  executed: Figure | null;
  weight: Figure | null;
  rate: Figure | null;
  score: Figure | null;
}

export interface Indicator {
  row: number;
  level1: string; // 一级指标 as printed, e.g. 产出指标（50分）
  level1Ref: CellRef;
  /** The cap printed in the 一级指标 label (50 in 产出指标（50分）), when printed. */
  level1Cap: number | null;
  level2: string;
  level3: string;
  level3Ref: CellRef;
  target: string; // 年度指标值
  targetRef: CellRef;
  actual: string; // 实际完成值
  actualRef: CellRef;
  weight: Figure | null; // 分值
  score: Figure | null; // 得分
  /** When 分值 or 得分 is merged over several rows, the top-left cell of the merge: count once per group. */
  weightGroup?: string;
  scoreGroup?: string;
  deviation: string; // 偏差原因分析及改进措施
  deviationRef: CellRef | null;
}

export interface ScorecardTable extends TableBase {
  kind: 'perf-dept-scorecard' | 'perf-project-scorecard';
  /** 项目名称 (project) or 预算单位名称 (department). */
  name: string;
  nameRef: CellRef | null;
  department: string; // 主管部门
  departmentRef: CellRef | null;
  implementer: string; // 实施单位
  implementerRef: CellRef | null;
  funds: {
    total: FundRow | null; // 年度资金总额
    fiscal: FundRow | null; // 其中：当年财政拨款
    carryOver: FundRow | null; // 上年结转资金
    other: FundRow | null; // 其他资金
  };
  goals: { expected: string; expectedRef: CellRef | null; actual: string; actualRef: CellRef | null };
  indicators: Indicator[];
  totalRow: { row: number; weight: Figure | null; score: Figure | null; labelRef: CellRef } | null; // 总分
}

/** The model type of a table kind (Extract<Table, {kind}> fails for models that serve several kinds). */
export type TableOfKind<K extends TableKind> = K extends CodedTable['kind']
  ? CodedTable
  : K extends ScorecardTable['kind']
    ? ScorecardTable
    : Extract<Table, { kind: K }>;

export type Table =
  | SummaryTable
  | CodedTable
  | FiscalSummaryTable
  | BasicDetailTable
  | ThreePublicTable
  | PerfBasicDataTable
  | ScorecardTable;

/** A region that looked like a table (a title-like cell with a header) but matched no kind. */
export interface UnknownTable {
  sheet: string;
  range: CellRange;
  title: string;
  reason: string;
}

export interface Detection {
  tables: Table[];
  unknown: UnknownTable[];
  /** Supplementary facts from the 补充信息 sheet (keys trimmed). */
  supplement: Supplement | null;
  /**
   * The report's year: the one most tables are captioned with, else a `2025年度` heading near the
   * top of a sheet (real reports print it once, above the first table). Absent when none is stated.
   */
  year?: number;
}

export interface SupplementEntry {
  key: string;
  value: string | number | null;
  ref: CellRef;
}

export interface Supplement {
  sheet: string;
  entries: SupplementEntry[];
}
