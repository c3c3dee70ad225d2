// Hand-built Detection of the sample workbook (cell addresses as in ../shared/fixtures/sample-2023-jiuye.xlsx), with every
// figure read from the snapshot's cell so that variants (元 unit, dashes, zero budgets) stay true
// to their cells. Used until detect.ts can read the sample itself.
import type { CellRef } from '../../../src/core/address';
import { parseA1 } from '../../../src/core/address';
import { readNumber } from '../../../src/core/numbers';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { MergeIndex, displayedValue, getValue } from '../../../src/core/snapshot';
import { cellText } from '../../../src/core/text';
import type {
  BasicDetailTable,
  CodedRow,
  CodedTable,
  Detection,
  Figure,
  FiscalSummaryTable,
  FundRow,
  Indicator,
  LabelledFigure,
  PerfBasicDataTable,
  ScorecardTable,
  SummaryTable,
  TableBase,
  ThreePublicFigures,
  ThreePublicTable,
  TripleRow,
  Unit,
} from '../../../src/core/tables/types';

export const SHEETS = {
  summary: '1收入支出决算总表',
  income: '2收入决算表',
  expenditure: '3支出决算表',
  fiscal: '4财政拨款收入支出决算总表',
  general: '5一般公共预算财政拨款支出决算表',
  basic: '6一般公共预算财政拨款基本支出决算表',
  govFund: '7政府性基金预算财政拨款收入支出决算表',
  stateCapital: '8国有资本经营预算财政拨款支出决算表',
  threePublic: '9财政拨款三公经费支出决算表',
  perfData: '绩效基础数据表',
  dept: '整体支出绩效自评表',
  supplement: '补充信息',
} as const;

export class SampleReader {
  constructor(readonly wb: WorkbookSnapshot) {}

  sheet(name: string): SheetSnapshot {
    const s = this.wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`sheet ${name} missing`);
    return s;
  }

  ref(sheet: string, addr: string): CellRef {
    const p = parseA1(addr)!;
    return { sheet, row: p.row, col: p.col };
  }

  raw(sheet: string, addr: string): CellValue {
    const p = parseA1(addr)!;
    return getValue(this.sheet(sheet), p.row, p.col);
  }

  text(sheet: string, addr: string): string {
    const s = this.sheet(sheet);
    const p = parseA1(addr)!;
    return cellText(displayedValue(s, new MergeIndex(s.merges), p.row, p.col));
  }

  fig(sheet: string, addr: string): Figure {
    const rn = readNumber(this.raw(sheet, addr));
    const f: Figure = { value: rn.value, ref: this.ref(sheet, addr), form: rn.form };
    if (rn.text !== undefined) f.text = rn.text;
    return f;
  }

  lf(sheet: string, labelAddr: string, valueAddr: string): LabelledFigure {
    return { label: this.text(sheet, labelAddr), labelRef: this.ref(sheet, labelAddr), figure: this.fig(sheet, valueAddr) };
  }
}

function base<K extends TableBase['kind']>(kind: K, sheet: string, lastRow: number, lastCol: number, unit: Unit | null): TableBase & { kind: K } {
  return {
    kind,
    id: `${sheet}!A1`,
    sheet,
    range: { r1: 0, c1: 0, r2: lastRow - 1, c2: lastCol },
    title: sheet.replace(/^\d/, ''),
    titleRef: { sheet, row: 0, col: 0 },
    unit,
    year: 2023,
    columns: [],
    rows: [],
    warnings: [],
  };
}

const col = (c: string, r: number): string => `${c}${r}`;

function coded(
  rd: SampleReader,
  kind: CodedTable['kind'],
  sheet: string,
  keys: [string, string][],
  totalRow: number,
  firstItem: number,
  lastItem: number,
  unit: Unit | null,
): CodedTable {
  const mk = (r: number, isTotal: boolean): CodedRow => {
    const code = isTotal ? null : rd.text(sheet, col('A', r)).trim();
    const values: Record<string, Figure> = {};
    for (const [c, k] of keys) values[k] = rd.fig(sheet, col(c, r));
    return {
      row: r - 1,
      code,
      codeRefs: [rd.ref(sheet, col('A', r))],
      name: isTotal ? '合计' : rd.text(sheet, col('B', r)),
      nameRef: rd.ref(sheet, col('B', r)),
      level: isTotal ? 'total' : code!.length === 3 ? 'class' : code!.length === 5 ? 'section' : 'item',
      values,
    };
  };
  const items: CodedRow[] = [];
  for (let r = firstItem; r <= lastItem; r++) items.push(mk(r, false));
  return {
    ...base(kind, sheet, Math.max(lastItem, totalRow), keys.length + 1, unit),
    kind,
    valueKeys: keys.map(([, k]) => k),
    total: mk(totalRow, true),
    items,
    empty: items.length === 0,
  };
}

/** A 项目资金 row; 分值/执行率/得分 exist only on the 年度资金总额 row (merged or absent below). */
function fundRow(rd: SampleReader, sheet: string, r: number, isTotal: boolean): FundRow {
  const opt = (c: string): Figure | null => (!isTotal && ['F', 'G', 'H'].includes(c) ? null : rd.fig(sheet, col(c, r)));
  return {
    label: rd.text(sheet, col('B', r)),
    labelRef: rd.ref(sheet, col('B', r)),
    row: r - 1,
    initialBudget: opt('C'),
    fullBudget: opt('D'),
    executed: opt('E'),
    weight: opt('F'),
    rate: opt('G'),
    score: opt('H'),
  };
}

/** A scorecard: rows given 1-based as in the dump. */
function scorecard(
  rd: SampleReader,
  kind: ScorecardTable['kind'],
  sheet: string,
  at: { name: number; dept?: number; funds: number; goals: number; indicators: [number, number]; total: number },
): ScorecardTable {
  const s = rd.sheet(sheet);
  const merges = new MergeIndex(s.merges);
  const indicators: Indicator[] = [];
  for (let r = at.indicators[0]; r <= at.indicators[1]; r++) {
    const level1 = rd.text(sheet, col('B', r));
    const cap = /[（(](\d+)分[）)]/.exec(level1);
    const scoreMerge = merges.find(r - 1, 7);
    const weightMerge = merges.find(r - 1, 6);
    const ind: Indicator = {
      row: r - 1,
      level1,
      level1Ref: rd.ref(sheet, col('B', r)),
      level1Cap: cap ? Number(cap[1]) : null,
      level2: rd.text(sheet, col('C', r)),
      level3: rd.text(sheet, col('D', r)),
      level3Ref: rd.ref(sheet, col('D', r)),
      target: rd.text(sheet, col('E', r)),
      targetRef: rd.ref(sheet, col('E', r)),
      actual: rd.text(sheet, col('F', r)),
      actualRef: rd.ref(sheet, col('F', r)),
      weight: rd.fig(sheet, weightMerge ? `G${weightMerge.r1 + 1}` : col('G', r)),
      score: rd.fig(sheet, scoreMerge ? `H${scoreMerge.r1 + 1}` : col('H', r)),
      deviation: rd.text(sheet, col('I', r)),
      deviationRef: rd.ref(sheet, col('I', r)),
    };
    if (scoreMerge) ind.scoreGroup = `H${scoreMerge.r1 + 1}`;
    if (weightMerge) ind.weightGroup = `G${weightMerge.r1 + 1}`;
    indicators.push(ind);
  }
  return {
    ...base(kind, sheet, at.total, 9, '万元'),
    kind,
    name: rd.text(sheet, col('B', at.name)),
    nameRef: rd.ref(sheet, col('B', at.name)),
    department: at.dept ? rd.text(sheet, col('B', at.dept)) : '',
    departmentRef: at.dept ? rd.ref(sheet, col('B', at.dept)) : null,
    implementer: at.dept ? rd.text(sheet, col('G', at.dept)) : '',
    implementerRef: at.dept ? rd.ref(sheet, col('G', at.dept)) : null,
    funds: {
      total: fundRow(rd, sheet, at.funds, true),
      fiscal: fundRow(rd, sheet, at.funds + 1, false),
      carryOver: fundRow(rd, sheet, at.funds + 2, false),
      other: fundRow(rd, sheet, at.funds + 3, false),
    },
    goals: {
      expected: rd.text(sheet, col('B', at.goals)),
      expectedRef: rd.ref(sheet, col('B', at.goals)),
      actual: rd.text(sheet, col('F', at.goals)),
      actualRef: rd.ref(sheet, col('F', at.goals)),
    },
    indicators,
    totalRow: { row: at.total - 1, weight: rd.fig(sheet, col('G', at.total)), score: rd.fig(sheet, col('H', at.total)), labelRef: rd.ref(sheet, col('A', at.total)) },
  };
}

export interface BuildOptions {
  /** Unit recorded for the nine disclosure tables (the 元 variant rescales the cells itself). */
  unit?: Unit;
}

/** The Detection that a correct detector returns for the sample workbook (or a variant of it). */
export function sampleDetection(wb: WorkbookSnapshot, opts: BuildOptions = {}): Detection {
  const rd = new SampleReader(wb);
  const unit = opts.unit ?? '万元';
  const S = SHEETS;

  const sm = S.summary;
  const summary: SummaryTable = {
    ...base('summary', sm, 18, 5, unit),
    income: {
      fiscalGeneral: rd.lf(sm, 'A7', 'C7'),
      fiscalGovFund: rd.lf(sm, 'A8', 'C8'),
      fiscalStateCapital: rd.lf(sm, 'A9', 'C9'),
      superior: rd.lf(sm, 'A10', 'C10'),
      business: rd.lf(sm, 'A11', 'C11'),
      operating: rd.lf(sm, 'A12', 'C12'),
      affiliated: rd.lf(sm, 'A13', 'C13'),
      other: rd.lf(sm, 'A14', 'C14'),
    },
    incomeTotal: rd.lf(sm, 'A15', 'C15'),
    useNonFiscalBalance: rd.lf(sm, 'A16', 'C16'),
    openingBalance: rd.lf(sm, 'A17', 'C17'),
    incomeGrandTotal: rd.lf(sm, 'A18', 'C18'),
    classes: [
      { ...rd.lf(sm, 'D7', 'F7'), code: '208' },
      { ...rd.lf(sm, 'D8', 'F8'), code: '210' },
      { ...rd.lf(sm, 'D9', 'F9'), code: '213' },
    ],
    expenditureTotal: rd.lf(sm, 'D15', 'F15'),
    balanceDistribution: rd.lf(sm, 'D16', 'F16'),
    closingBalance: rd.lf(sm, 'D17', 'F17'),
    expenditureGrandTotal: rd.lf(sm, 'D18', 'F18'),
  };

  const income = coded(rd, 'income', S.income, [['C', 'total'], ['D', 'fiscal'], ['E', 'superior'], ['F', 'business'], ['G', 'operating'], ['H', 'affiliated'], ['I', 'other']], 6, 7, 24, unit);
  const expenditure = coded(rd, 'expenditure', S.expenditure, [['C', 'total'], ['D', 'basic'], ['E', 'project'], ['F', 'toSuperior'], ['G', 'operating'], ['H', 'toAffiliated']], 6, 7, 24, unit);
  const general = coded(rd, 'general-budget', S.general, [['C', 'budget'], ['D', 'total'], ['E', 'basic'], ['F', 'project']], 6, 7, 25, unit);
  const govFund = coded(rd, 'gov-fund', S.govFund, [['C', 'opening'], ['D', 'income'], ['E', 'total'], ['F', 'basic'], ['G', 'project'], ['H', 'closing']], 6, 7, 6, unit);
  const stateCapital = coded(rd, 'state-capital', S.stateCapital, [['C', 'total'], ['D', 'basic'], ['E', 'project']], 6, 7, 6, unit);

  const fs = S.fiscal;
  const fundLine = (r: number, code: string | null) => ({
    label: rd.text(fs, `D${r}`),
    labelRef: rd.ref(fs, `D${r}`),
    code,
    total: rd.fig(fs, `F${r}`),
    general: rd.fig(fs, `G${r}`),
    govFund: rd.fig(fs, `H${r}`),
    stateCapital: rd.fig(fs, `I${r}`),
  });
  const fiscal: FiscalSummaryTable = {
    ...base('fiscal-summary', fs, 14, 8, unit),
    income: { general: rd.lf(fs, 'A6', 'C6'), govFund: rd.lf(fs, 'A7', 'C7'), stateCapital: rd.lf(fs, 'A8', 'C8') },
    incomeTotal: rd.lf(fs, 'A9', 'C9'),
    opening: rd.lf(fs, 'A10', 'C10'),
    openingByFund: { general: rd.lf(fs, 'A11', 'C11'), govFund: rd.lf(fs, 'A12', 'C12'), stateCapital: rd.lf(fs, 'A13', 'C13') },
    incomeGrandTotal: rd.lf(fs, 'A14', 'C14'),
    classes: [fundLine(6, '208'), fundLine(7, '210'), fundLine(8, '213')],
    expenditureTotal: fundLine(9, null),
    closing: fundLine(10, null),
    expenditureGrandTotal: fundLine(14, null),
  };

  const bs = S.basic;
  const entry = (c: string, n: string, v: string, r: number, group: 'personnel' | 'public') => {
    const code = rd.text(bs, `${c}${r}`);
    return {
      code,
      codeRef: rd.ref(bs, `${c}${r}`),
      name: rd.text(bs, `${n}${r}`),
      nameRef: rd.ref(bs, `${n}${r}`),
      figure: rd.fig(bs, `${v}${r}`),
      group,
      level: code.length === 3 ? ('class' as const) : ('section' as const),
    };
  };
  const basic: BasicDetailTable = {
    ...base('basic-detail', bs, 18, 8, unit),
    entries: [
      ...Array.from({ length: 12 }, (_, i) => entry('A', 'B', 'C', 6 + i, 'personnel')),
      ...Array.from({ length: 7 }, (_, i) => entry('D', 'E', 'F', 6 + i, 'public')),
      ...Array.from({ length: 6 }, (_, i) => entry('G', 'H', 'I', 6 + i, 'public')),
    ],
    personnelTotal: rd.lf(bs, 'A18', 'C18'),
    publicTotal: rd.lf(bs, 'D18', 'I18'),
  };

  const tp = S.threePublic;
  const tpFigs = (cols: string): ThreePublicFigures => ({
    total: rd.fig(tp, `${cols[0]}7`),
    abroad: rd.fig(tp, `${cols[1]}7`),
    vehicleSubtotal: rd.fig(tp, `${cols[2]}7`),
    vehiclePurchase: rd.fig(tp, `${cols[3]}7`),
    vehicleOperation: rd.fig(tp, `${cols[4]}7`),
    reception: rd.fig(tp, `${cols[5]}7`),
  });
  const threePublic: ThreePublicTable = { ...base('three-public', tp, 7, 11, unit), layout: 'blocks', budget: tpFigs('ABCDEF'), actual: tpFigs('GHIJKL') };

  const pd = S.perfData;
  const triple = (r: number): TripleRow => ({
    label: rd.text(pd, `A${r}`),
    labelRef: rd.ref(pd, `A${r}`),
    row: r - 1,
    prior: rd.fig(pd, `B${r}`),
    budget: rd.fig(pd, `C${r}`),
    actual: rd.fig(pd, `D${r}`),
  });
  const perfData: PerfBasicDataTable = {
    ...base('perf-basic-data', pd, 27, 3, null),
    staff: { authorized: rd.fig(pd, 'B4'), actual: rd.fig(pd, 'C4'), controlRate: rd.fig(pd, 'D4') },
    threePublic: triple(6),
    vehicle: triple(7),
    abroad: triple(8),
    reception: triple(9),
    projectTotal: triple(11),
    projects: Array.from({ length: 12 }, (_, i) => triple(12 + i)),
    publicFunds: triple(24),
    publicFundsParts: [triple(25), triple(26), triple(27)],
  };

  const dept = scorecard(rd, 'perf-dept-scorecard', S.dept, { name: 2, funds: 4, goals: 9, indicators: [11, 19], total: 20 });
  const p1 = scorecard(rd, 'perf-project-scorecard', '项目自评1', { name: 2, dept: 3, funds: 5, goals: 10, indicators: [12, 20], total: 21 });
  const p2 = scorecard(rd, 'perf-project-scorecard', '项目自评2', { name: 3, dept: 4, funds: 6, goals: 11, indicators: [13, 21], total: 22 });
  const p3 = scorecard(rd, 'perf-project-scorecard', '项目自评3', { name: 2, dept: 3, funds: 5, goals: 10, indicators: [12, 20], total: 21 });

  const sup = rd.sheet(S.supplement);
  const entries = [];
  for (let r = 1; r < sup.cells.length; r++) {
    const key = cellText(getValue(sup, r, 0)).trim();
    if (!key) continue;
    const v = getValue(sup, r, 1);
    entries.push({ key, value: typeof v === 'number' || typeof v === 'string' ? v : null, ref: { sheet: S.supplement, row: r, col: 1 } });
  }

  return {
    tables: [summary, income, expenditure, fiscal, general, basic, govFund, stateCapital, threePublic, perfData, dept, p1, p2, p3],
    unknown: [],
    supplement: { sheet: S.supplement, entries },
  };
}

// ---------------------------------------------------------------------------------------------
// Workbook variants

export function cloneWorkbook(wb: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(wb)) as WorkbookSnapshot;
}

/** Set a cell's value (dropping any formula), creating it when absent. */
export function setCell(wb: WorkbookSnapshot, sheet: string, addr: string, v: CellValue): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const p = parseA1(addr)!;
  const row = (s.cells[p.row] ??= []);
  const cell: Cell = { v };
  row[p.col] = cell;
}

/** The nine disclosure tables restated in 元: every numeric amount cell × 10000, unit caption 单位：元. */
export function toYuan(wb: WorkbookSnapshot): WorkbookSnapshot {
  const out = cloneWorkbook(wb);
  const amountCols: Record<string, { cols: string; rows: [number, number] }> = {
    [SHEETS.summary]: { cols: 'CF', rows: [7, 18] },
    [SHEETS.income]: { cols: 'CDEFGHI', rows: [6, 24] },
    [SHEETS.expenditure]: { cols: 'CDEFGH', rows: [6, 24] },
    [SHEETS.fiscal]: { cols: 'CFGHI', rows: [6, 14] },
    [SHEETS.general]: { cols: 'CDEF', rows: [6, 25] },
    [SHEETS.basic]: { cols: 'CFI', rows: [6, 18] },
    [SHEETS.threePublic]: { cols: 'ABCDEFGHIJKL', rows: [7, 7] },
  };
  for (const [sheet, spec] of Object.entries(amountCols)) {
    const s = out.sheets.find((x) => x.name === sheet)!;
    for (let r = spec.rows[0]; r <= spec.rows[1]; r++) {
      for (const c of spec.cols) {
        const p = parseA1(`${c}${r}`)!;
        const cell = s.cells[p.row]?.[p.col];
        if (cell && typeof cell.v === 'number') cell.v = Math.round(cell.v * 1000000) / 100;
      }
    }
  }
  return out;
}
