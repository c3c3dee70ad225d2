// The figures the 情况说明 speaks about, read once from the detected tables and converted to 万元.
// Shared by the generator and the narrative checker so both use the same numbers and bases.
import type {
  BasicDetailTable,
  CodedRow,
  CodedTable,
  Detection,
  Figure,
  FiscalSummaryTable,
  LabelledFigure,
  PerfBasicDataTable,
  ScorecardTable,
  SummaryTable,
  Table,
  ThreePublicFigures,
  ThreePublicTable,
  Unit,
} from '../tables/types';
import { readSupplement, supNumber, type SupplementFacts } from './supplement-keys';
import { workbookYear } from '../tables/year';

/** An amount in 万元 (null when the cell is missing or unreadable). */
export type Wan = number | null;

export function toWan(v: number | null | undefined, unit: Unit | null): Wan {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  // Tables in 元 are converted; exact to the cent because 元 figures have ≤ 2 decimals.
  return unit === '元' ? Number((v / 10000).toFixed(8)) : v;
}

function fig(f: Figure | null | undefined, unit: Unit | null): Wan {
  return f ? toWan(f.value, unit) : null;
}
function lab(f: LabelledFigure | null | undefined, unit: Unit | null): Wan {
  return f ? toWan(f.figure.value, unit) : null;
}

export interface CodedItem {
  code: string | null;
  name: string;
  level: 'class' | 'section' | 'item' | 'total';
  values: Record<string, Wan>;
}

export interface ThreePublicWan {
  total: Wan;
  abroad: Wan;
  vehicleSubtotal: Wan;
  vehiclePurchase: Wan;
  vehicleOperation: Wan;
  reception: Wan;
}

export interface EconomicWan {
  code: string | null;
  name: string;
  value: Wan;
  group: 'personnel' | 'public';
  level: 'class' | 'section' | null;
}

export interface ScorecardFacts {
  name: string;
  fullBudget: Wan;
  executed: Wan;
  score: number | null;
}

export interface NarrativeFacts {
  year: number | null;
  unitName: string | null;
  present: Set<string>;
  sup: SupplementFacts;
  // 收入支出决算总表 / 收入决算表 / 支出决算表
  grandTotal: Wan; // 收、支总计
  incomeTotal: Wan; // 本年收入合计
  income: { fiscal: Wan; fiscalGeneral: Wan; fiscalGovFund: Wan; fiscalStateCapital: Wan; superior: Wan; business: Wan; operating: Wan; affiliated: Wan; other: Wan };
  useNonFiscalBalance: Wan;
  openingBalance: Wan;
  expenditureTotal: Wan; // 本年支出合计
  expenditure: { basic: Wan; project: Wan; toSuperior: Wan; operating: Wan; toAffiliated: Wan };
  closingBalance: Wan;
  balanceDistribution: Wan;
  expenditureItems: CodedItem[];
  // 财政拨款收入支出决算总表
  fiscalGrandTotal: Wan;
  fiscalIncomeTotal: Wan;
  fiscalExpenditureTotal: Wan;
  // 一般公共预算财政拨款支出决算表
  general: { budget: Wan; total: Wan; basic: Wan; project: Wan } | null;
  generalItems: CodedItem[];
  // 基本支出决算表
  personnel: Wan;
  publicFunds: Wan;
  economic: EconomicWan[];
  // 政府性基金 / 国有资本经营
  govFund: { present: boolean; empty: boolean; opening: Wan; income: Wan; total: Wan; basic: Wan; project: Wan; closing: Wan; note?: string; items: CodedItem[] };
  stateCapital: { present: boolean; empty: boolean; total: Wan; basic: Wan; project: Wan; note?: string; items: CodedItem[] };
  // 三公
  threePublic: { present: boolean; budget: ThreePublicWan | null; actual: ThreePublicWan | null };
  perfBasic: PerfBasicDataTable | null;
  deptScorecards: ScorecardFacts[];
  projectScorecards: ScorecardFacts[];
  // Prior year (补充信息 first, then the 绩效基础数据表 上年决算数)
  prior: {
    grandTotal: Wan;
    incomeTotal: Wan;
    expenditureTotal: Wan;
    fiscalGrandTotal: Wan;
    generalExpenditure: Wan;
    operatingCost: Wan;
    threePublic: Wan;
    abroad: Wan;
    vehicle: Wan;
    reception: Wan;
  };
}

function first<T extends Table>(d: Detection, kind: T['kind']): T | null {
  return (d.tables.find((t) => t.kind === kind) as T | undefined) ?? null;
}

function codedItems(t: CodedTable | null): CodedItem[] {
  if (!t) return [];
  return t.items.map((r: CodedRow) => {
    const values: Record<string, Wan> = {};
    for (const [k, f] of Object.entries(r.values)) values[k] = fig(f, t.unit);
    return { code: r.code, name: r.name.trim(), level: r.level, values };
  });
}

function totalRow(t: CodedTable | null): Record<string, Wan> {
  const out: Record<string, Wan> = {};
  if (!t) return out;
  // The 类 rows add up to the 合计: used where there is no 合计 row, or where its cell for a column
  // holds a sub-header instead of a figure (Shanghai's 合计｜基本支出｜项目支出 on the 合计 row).
  const sums: Record<string, Wan> = {};
  for (const r of t.items.filter((i) => i.level === 'class')) {
    for (const [k, f] of Object.entries(r.values)) {
      const v = fig(f, t.unit);
      if (v !== null) sums[k] = Number(((sums[k] ?? 0) + v).toFixed(8));
    }
  }
  if (!t.total) return sums;
  for (const [k, f] of Object.entries(t.total.values)) out[k] = fig(f, t.unit);
  for (const [k, v] of Object.entries(sums)) if (out[k] === undefined || out[k] === null) out[k] = v;
  return out;
}

function tp(f: ThreePublicFigures | null, unit: Unit | null): ThreePublicWan | null {
  if (!f) return null;
  return {
    total: fig(f.total, unit),
    abroad: fig(f.abroad, unit),
    vehicleSubtotal: fig(f.vehicleSubtotal, unit),
    vehiclePurchase: fig(f.vehiclePurchase, unit),
    vehicleOperation: fig(f.vehicleOperation, unit),
    reception: fig(f.reception, unit),
  };
}

const pick = (...vs: Wan[]): Wan => {
  for (const v of vs) if (v !== null && v !== undefined) return v;
  return null;
};

function addWan(...vs: Wan[]): Wan {
  if (vs.every((v) => v === null)) return null;
  return Number(vs.reduce<number>((s, v) => s + (v ?? 0), 0).toFixed(8));
}

export function extractFacts(d: Detection, yearOpt?: number): NarrativeFacts {
  const sup = readSupplement(d.supplement);
  const summary = first<SummaryTable>(d, 'summary');
  const incomeT = first<CodedTable>(d, 'income');
  const expT = first<CodedTable>(d, 'expenditure');
  const fiscal = first<FiscalSummaryTable>(d, 'fiscal-summary');
  const gb = first<CodedTable>(d, 'general-budget');
  const basic = first<BasicDetailTable>(d, 'basic-detail');
  const gf = first<CodedTable>(d, 'gov-fund');
  const sc = first<CodedTable>(d, 'state-capital');
  const three = first<ThreePublicTable>(d, 'three-public');
  const perf = first<PerfBasicDataTable>(d, 'perf-basic-data');
  const su = summary?.unit ?? null;

  const incT = totalRow(incomeT);
  const expTot = totalRow(expT);
  const inc = (k: keyof SummaryTable['income']) => lab(summary?.income[k], su);

  const fiscalGeneral = pick(inc('fiscalGeneral'), fiscal ? lab(fiscal.income.general, fiscal.unit) : null);
  const fiscalGovFund = pick(inc('fiscalGovFund'), fiscal ? lab(fiscal.income.govFund, fiscal.unit) : null);
  const fiscalStateCapital = pick(inc('fiscalStateCapital'), fiscal ? lab(fiscal.income.stateCapital, fiscal.unit) : null);
  const fiscalSum = summary ? addWan(fiscalGeneral, fiscalGovFund, fiscalStateCapital) : null;

  const gbTotal = totalRow(gb);
  // detectTables records the year (workbookYear); a detection built by hand gets the same vote here.
  const year = yearOpt ?? d.year ?? workbookYear(d) ?? null;

  const deptCards = d.tables.filter((t): t is ScorecardTable => t.kind === 'perf-dept-scorecard');
  const projCards = d.tables.filter((t): t is ScorecardTable => t.kind === 'perf-project-scorecard');
  const card = (t: ScorecardTable): ScorecardFacts => ({
    name: t.name,
    fullBudget: fig(t.funds.total?.fullBudget, t.unit ?? '万元'),
    executed: fig(t.funds.total?.executed, t.unit ?? '万元'),
    score: t.totalRow?.score?.value ?? null,
  });

  const threeBudget = three ? tp(three.budget, three.unit) : null;
  const supBudget = supNumber(sup, '三公经费预算');
  const budget3: ThreePublicWan | null =
    threeBudget && threeBudget.total !== null
      ? threeBudget
      : supBudget !== null
        ? { total: supBudget, abroad: null, vehicleSubtotal: null, vehiclePurchase: null, vehicleOperation: null, reception: null }
        : threeBudget;

  const unitFromSup = sup.values.get('单位名称');
  // An empty table's note names the unit ('说明：上海市普陀区生态环境局本年度没有…，故本表无数据').
  const fromNote = [gf?.note, sc?.note].map((n) => (n ? /(?:^|说明[:：])\s*([^，。：:\n]{4,40}?)\s*(?:本年度|\d{4}\s*年度)(?:没有|无)/.exec(n)?.[1] : undefined)).find(Boolean);
  const unitName = unitFromSup !== undefined ? String(unitFromSup) : deptCards[0]?.name || projCards[0]?.implementer || fromNote || null;

  const supOr = (key: string, fallback: Wan): Wan => pick(supNumber(sup, key), fallback);

  return {
    year,
    unitName: unitName || null,
    present: new Set(d.tables.map((t) => t.kind)),
    sup,
    grandTotal: pick(lab(summary?.incomeGrandTotal, su), lab(summary?.expenditureGrandTotal, su)),
    incomeTotal: pick(lab(summary?.incomeTotal, su), incT.total ?? null),
    income: {
      fiscal: pick(fiscalSum, incT.fiscal ?? null),
      fiscalGeneral,
      fiscalGovFund,
      fiscalStateCapital,
      superior: pick(inc('superior'), incT.superior ?? null),
      business: pick(inc('business'), incT.business ?? null),
      operating: pick(inc('operating'), incT.operating ?? null),
      affiliated: pick(inc('affiliated'), incT.affiliated ?? null),
      other: pick(inc('other'), incT.other ?? null),
    },
    useNonFiscalBalance: lab(summary?.useNonFiscalBalance, su),
    openingBalance: lab(summary?.openingBalance, su),
    expenditureTotal: pick(expTot.total ?? null, lab(summary?.expenditureTotal, su)),
    expenditure: {
      basic: expTot.basic ?? null,
      project: expTot.project ?? null,
      toSuperior: expTot.toSuperior ?? null,
      operating: expTot.operating ?? null,
      toAffiliated: expTot.toAffiliated ?? null,
    },
    closingBalance: lab(summary?.closingBalance, su),
    balanceDistribution: lab(summary?.balanceDistribution, su),
    expenditureItems: codedItems(expT),
    fiscalGrandTotal: fiscal ? pick(lab(fiscal.incomeGrandTotal, fiscal.unit), fig(fiscal.expenditureGrandTotal?.total, fiscal.unit)) : null,
    fiscalIncomeTotal: fiscal ? lab(fiscal.incomeTotal, fiscal.unit) : null,
    fiscalExpenditureTotal: fiscal ? fig(fiscal.expenditureTotal?.total, fiscal.unit) : null,
    general: gb
      ? { budget: gbTotal.budget ?? null, total: gbTotal.total ?? null, basic: gbTotal.basic ?? null, project: gbTotal.project ?? null }
      : null,
    generalItems: codedItems(gb),
    personnel: basic
      ? pick(lab(basic.personnelTotal, basic.unit), addWan(...basic.entries.filter((e) => e.group === 'personnel' && e.level === 'class').map((e) => fig(e.figure, basic.unit))))
      : null,
    publicFunds: basic
      ? pick(lab(basic.publicTotal, basic.unit), addWan(...basic.entries.filter((e) => e.group === 'public' && e.level === 'class').map((e) => fig(e.figure, basic.unit))))
      : null,
    economic: basic ? basic.entries.map((e) => ({ code: e.code, name: e.name.trim(), value: fig(e.figure, basic.unit), group: e.group, level: e.level })) : [],
    govFund: {
      present: !!gf,
      empty: gf ? gf.empty : true,
      ...(() => {
        const t = totalRow(gf);
        return { opening: t.opening ?? null, income: t.income ?? null, total: t.total ?? null, basic: t.basic ?? null, project: t.project ?? null, closing: t.closing ?? null };
      })(),
      note: gf?.note,
      items: codedItems(gf),
    },
    stateCapital: {
      present: !!sc,
      empty: sc ? sc.empty : true,
      ...(() => {
        const t = totalRow(sc);
        return { total: t.total ?? null, basic: t.basic ?? null, project: t.project ?? null };
      })(),
      note: sc?.note,
      items: codedItems(sc),
    },
    threePublic: { present: !!three, budget: budget3, actual: three ? tp(three.actual, three.unit) : null },
    perfBasic: perf,
    deptScorecards: deptCards.map(card),
    projectScorecards: projCards.map(card),
    prior: {
      grandTotal: supNumber(sup, '上年收支总计'),
      incomeTotal: supNumber(sup, '上年收入合计'),
      expenditureTotal: supNumber(sup, '上年支出合计'),
      fiscalGrandTotal: supNumber(sup, '上年财政拨款收支总计'),
      generalExpenditure: supNumber(sup, '上年一般公共预算财政拨款支出'),
      operatingCost: supNumber(sup, '上年机关运行经费'),
      threePublic: supOr('上年三公经费', perf ? fig(perf.threePublic?.prior, perf.unit ?? '万元') : null),
      abroad: supOr('上年因公出国费', perf ? fig(perf.abroad?.prior, perf.unit ?? '万元') : null),
      vehicle: supOr('上年公务用车购置及运行费', perf ? fig(perf.vehicle?.prior, perf.unit ?? '万元') : null),
      reception: supOr('上年公务接待费', perf ? fig(perf.reception?.prior, perf.unit ?? '万元') : null),
    },
  };
}

/** 单位性质 makes 机关运行经费 equal to 公用经费 (SPEC §6). */
export function isAdministrative(nature: string | null): boolean | null {
  if (!nature) return null;
  const n = nature.replace(/\s/g, '');
  if (/参照公务员法|参公|行政单位|行政机关|机关/.test(n)) return true;
  return false;
}
