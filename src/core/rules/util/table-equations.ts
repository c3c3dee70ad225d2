// The intra-table equations of each table kind (SPEC §4 表内), built once per table.
import type { CodedRow, CodedTable, Figure, FundKey, Table, ThreePublicFigures } from '../../tables/types';
import type { Equation, Evaluated, Term } from './equations';
import { evaluate } from './equations';

const cache = new WeakMap<Table, Evaluated[]>();

/** Every equation of a table, evaluated (equations with an unreadable figure are left out). */
export function evaluatedEquations(table: Table): Evaluated[] {
  const hit = cache.get(table);
  if (hit) return hit;
  const eqs = buildEquations(table);
  const out: Evaluated[] = [];
  for (const e of eqs) {
    const v = evaluate(e);
    if (v) out.push(v);
  }
  cache.set(table, out);
  return out;
}

function buildEquations(table: Table): Equation[] {
  switch (table.kind) {
    case 'income':
    case 'expenditure':
    case 'general-budget':
    case 'gov-fund':
    case 'state-capital':
      return codedEquations(table);
    case 'summary':
      return summaryEquations(table);
    case 'fiscal-summary':
      return fiscalSummaryEquations(table);
    case 'three-public':
      return threePublicEquations(table);
    case 'basic-detail':
      return basicDetailEquations(table);
    case 'perf-basic-data':
      return perfBasicEquations(table);
    case 'perf-dept-scorecard':
    case 'perf-project-scorecard':
      return scorecardFundEquations(table);
  }
  return [];
}

const plus = (fig: Figure, label?: string): Term => ({ fig, sign: 1, label });
const minus = (fig: Figure, label?: string): Term => ({ fig, sign: -1, label });
const present = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

// Headers are named in every equation's message: look each one up once per table, not per term.
const headerCache = new WeakMap<Table, Map<string, string>>();

export function columnHeader(table: Table, col: number, fallback: string): string {
  let m = headerCache.get(table);
  if (!m) headerCache.set(table, (m = new Map()));
  const k = `${col}|${fallback}`;
  let out = m.get(k);
  if (out === undefined) {
    const c = table.columns.find((x) => x.col === col);
    const h = c?.header?.split('/').filter((p) => p.trim() !== '').pop();
    out = (h ?? fallback).replace(/\s+/g, '');
    m.set(k, out);
  }
  return out;
}

export function rowLabel(r: CodedRow): string {
  if (r.level === 'total' || r.code === null) return r.name.replace(/\s+/g, '') || '合计';
  return `${r.code} ${r.name.replace(/[\s\u3000]+/g, '')}`;
}

/** The printed header of each coded-table column key (also the fallback name in messages). */
export const KEY_NAMES: Record<string, string> = {
  total: '合计',
  fiscal: '财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
  basic: '基本支出',
  project: '项目支出',
  toSuperior: '上缴上级支出',
  toAffiliated: '对附属单位补助支出',
  budget: '年初预算数',
  opening: '年初结转和结余',
  income: '本年收入',
  closing: '年末结转和结余',
};

/** Rows of a coded table with no ancestor listed in the table (normally the 类 rows). */
export function topLevelRows(table: CodedTable): CodedRow[] {
  const codes = new Set(table.items.map((r) => r.code).filter(present));
  return table.items.filter((r) => {
    if (!r.code) return false;
    for (let n = r.code.length - 1; n >= 3; n--) if (codes.has(r.code.slice(0, n)) && r.code.slice(0, n) !== r.code) return false;
    return true;
  });
}

const childIndex = new WeakMap<CodedTable, Map<string, CodedRow[]>>();

/** Rows keyed by every proper prefix of their code ('208' and '20801' for 2080106), in sheet order. */
function byPrefix(table: CodedTable): Map<string, CodedRow[]> {
  let m = childIndex.get(table);
  if (m) return m;
  m = new Map();
  for (const r of table.items) {
    if (!r.code) continue;
    for (const n of [3, 5]) {
      if (r.code.length <= n) continue;
      const k = `${r.code.slice(0, n)}:${r.code.length}`;
      const l = m.get(k);
      if (l) l.push(r);
      else m.set(k, [r]);
    }
  }
  childIndex.set(table, m);
  return m;
}

/** Children of a 类/款 row by the code hierarchy: its 款 (or, when a 类 lists no 款, its 项). */
export function childRows(table: CodedTable, parent: CodedRow): CodedRow[] {
  const code = parent.code;
  if (!code || (code.length !== 3 && code.length !== 5)) return [];
  const idx = byPrefix(table);
  const direct = idx.get(`${code}:${code.length + 2}`) ?? [];
  if (direct.length > 0 || code.length !== 3) return direct;
  return idx.get(`${code}:7`) ?? [];
}

function rowParts(kind: CodedTable['kind']): string[] {
  switch (kind) {
    case 'income':
      return ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'];
    case 'expenditure':
      return ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'];
    default:
      return ['basic', 'project'];
  }
}

function codedEquations(table: CodedTable): Equation[] {
  const out: Equation[] = [];
  const keys = table.valueKeys.length ? table.valueKeys : [...new Set(table.items.flatMap((r) => Object.keys(r.values)))];
  // Every cell is named in the messages of up to three equations; building ~10⁵ names eagerly
  // dominated the checks, so row labels and column names are each worked out once and joined.
  const rowLabels = new Map<CodedRow, string>();
  const colNames = new Map<string, { col: number; name: string }>();
  const head = (r: CodedRow, k: string) => {
    let rl = rowLabels.get(r);
    if (rl === undefined) rowLabels.set(r, (rl = rowLabel(r)));
    const f = r.values[k];
    const fallback = KEY_NAMES[k] ?? k;
    if (!f) return rl + '「' + fallback + '」';
    let c = colNames.get(k);
    if (!c || c.col !== f.ref.col) colNames.set(k, (c = { col: f.ref.col, name: columnHeader(table, f.ref.col, fallback) }));
    return rl + '「' + c.name + '」';
  };
  const tops = topLevelRows(table);
  const allClasses = tops.every((r) => r.level === 'class');
  for (const k of keys) {
    if (table.total?.values[k] && tops.length > 0) {
      if (tops.every((r) => r.values[k]))
        out.push({ table, group: 'coded-total', orient: 'col', total: table.total.values[k], terms: tops.map((r) => plus(r.values[k], head(r, k))), what: head(table.total, k), basis: allClasses ? '各类之和' : '各科目之和' });
    }
    for (const r of table.items) {
      if (r.level !== 'class' && r.level !== 'section') continue;
      const kids = childRows(table, r);
      if (kids.length === 0 || !r.values[k]) continue;
      if (!kids.every((c) => c.values[k])) continue;
      const basis = kids[0].level === 'section' ? '所属各款之和' : '所属各项之和';
      out.push({ table, group: 'coded-hierarchy', orient: 'col', total: r.values[k], terms: kids.map((c) => plus(c.values[k], head(c, k))), what: head(r, k), basis });
    }
  }
  const parts = rowParts(table.kind).filter((k) => keys.includes(k));
  const rows = table.total ? [table.total, ...table.items] : table.items;
  if (keys.includes('total') && parts.length > 0) {
    for (const r of rows) {
      const t = r.values.total;
      const terms = parts.map((k) => r.values[k]).filter(present);
      if (!t || terms.length === 0) continue;
      const present_ = parts.filter((k) => r.values[k]);
      const names = present_.map((k) => columnHeader(table, r.values[k].ref.col, KEY_NAMES[k]));
      out.push({ table, group: 'row-parts', orient: 'row', total: t, terms: present_.map((k) => plus(r.values[k], head(r, k))), what: head(r, 'total'), basis: names.join('＋') });
    }
  }
  if ((table.kind === 'gov-fund' || table.kind === 'state-capital') && ['opening', 'income', 'total', 'closing'].every((k) => keys.includes(k))) {
    for (const r of rows) {
      const { opening, income, total, closing } = r.values;
      if (!opening || !income || !closing) continue;
      // A 合计 row whose 本年支出 cells hold the sub-headers (合计|基本支出|项目支出) prints no 本年支出:
      // the balance then holds with the 本年支出 of its top-level rows.
      const spent = total ? [minus(total)] : r === table.total && tops.every((x) => x.values.total) ? tops.map((x) => minus(x.values.total, head(x, 'total'))) : null;
      if (!spent) continue;
      out.push({ table, group: 'balance', orient: 'row', total: closing, terms: [plus(opening), plus(income), ...spent], what: head(r, 'closing'), basis: '年初结转和结余＋本年收入－本年支出' });
    }
  }
  return out;
}

function summaryEquations(t: Extract<Table, { kind: 'summary' }>): Equation[] {
  const out: Equation[] = [];
  const incomes = Object.values(t.income).filter(present);
  if (t.incomeTotal && incomes.length > 0)
    out.push({ table: t, group: 'summary', orient: 'col', total: t.incomeTotal.figure, terms: incomes.map((l) => plus(l.figure, l.label)), what: '本年收入合计', basis: '各项收入之和' });
  if (t.expenditureTotal && t.classes.length > 0)
    out.push({ table: t, group: 'summary', orient: 'col', total: t.expenditureTotal.figure, terms: t.classes.map((l) => plus(l.figure, l.label)), what: '本年支出合计', basis: '各类支出之和' });
  if (t.incomeGrandTotal && t.incomeTotal) {
    const terms = [t.incomeTotal, t.useNonFiscalBalance, t.openingBalance].filter(present).map((l) => plus(l.figure, l.label));
    out.push({ table: t, group: 'summary', orient: 'col', total: t.incomeGrandTotal.figure, terms, what: '收入总计', basis: '本年收入合计＋使用非财政拨款结余＋年初结转和结余' });
  }
  if (t.expenditureGrandTotal && t.expenditureTotal) {
    const terms = [t.expenditureTotal, t.balanceDistribution, t.closingBalance].filter(present).map((l) => plus(l.figure, l.label));
    out.push({ table: t, group: 'summary', orient: 'col', total: t.expenditureGrandTotal.figure, terms, what: '支出总计', basis: '本年支出合计＋结余分配＋年末结转和结余' });
  }
  if (t.expenditureGrandTotal && t.incomeGrandTotal)
    out.push({ table: t, group: 'summary', orient: 'none', total: t.expenditureGrandTotal.figure, terms: [plus(t.incomeGrandTotal.figure)], what: '支出总计', basis: '应与收入总计相等' });
  return out;
}

const FUND_NAMES: Record<FundKey | 'total', string> = { total: '合计', general: '一般公共预算财政拨款', govFund: '政府性基金预算财政拨款', stateCapital: '国有资本经营预算财政拨款' };
const FUNDS: FundKey[] = ['general', 'govFund', 'stateCapital'];

function fiscalSummaryEquations(t: Extract<Table, { kind: 'fiscal-summary' }>): Equation[] {
  const out: Equation[] = [];
  const g = 'fiscal-summary';
  const incomes = FUNDS.map((f) => t.income[f]).filter(present);
  if (t.incomeTotal && incomes.length > 0)
    out.push({ table: t, group: g, orient: 'col', total: t.incomeTotal.figure, terms: incomes.map((l) => plus(l.figure)), what: '本年收入合计', basis: '三项财政拨款收入之和' });
  const openings = FUNDS.map((f) => t.openingByFund[f]).filter(present);
  if (t.opening && openings.length > 0)
    out.push({ table: t, group: g, orient: 'col', total: t.opening.figure, terms: openings.map((l) => plus(l.figure)), what: '年初财政拨款结转和结余', basis: '分资金来源之和' });
  if (t.incomeGrandTotal && t.incomeTotal) {
    const terms = [t.incomeTotal, t.opening].filter(present).map((l) => plus(l.figure));
    out.push({ table: t, group: g, orient: 'col', total: t.incomeGrandTotal.figure, terms, what: '收入总计', basis: '本年收入合计＋年初财政拨款结转和结余' });
  }
  for (const col of ['total', ...FUNDS] as const) {
    const name = FUND_NAMES[col];
    const et = t.expenditureTotal?.[col];
    const classFigs = t.classes.map((c) => c[col]);
    if (et && t.classes.length > 0 && classFigs.every(present))
      out.push({ table: t, group: g, orient: 'col', total: et, terms: classFigs.map((f) => plus(f as Figure)), what: `本年支出合计「${name}」`, basis: '各类支出之和' });
    const gt = t.expenditureGrandTotal?.[col];
    if (gt && et) {
      const terms = [plus(et)];
      const cl = t.closing?.[col];
      if (cl) terms.push(plus(cl));
      out.push({ table: t, group: g, orient: 'col', total: gt, terms, what: `支出总计「${name}」`, basis: '本年支出合计＋年末财政拨款结转和结余' });
    }
  }
  for (const line of [...t.classes, t.expenditureTotal, t.closing, t.expenditureGrandTotal]) {
    if (!line || !line.total) continue;
    const terms = FUNDS.map((f) => line[f]).filter(present);
    if (terms.length < 2) continue;
    out.push({ table: t, group: g, orient: 'row', total: line.total, terms: terms.map((f) => plus(f)), what: `${line.label.replace(/[\s\u3000]+/g, '')}「合计」`, basis: '三项财政拨款之和' });
  }
  if (t.expenditureGrandTotal?.total && t.incomeGrandTotal)
    out.push({ table: t, group: g, orient: 'none', total: t.expenditureGrandTotal.total, terms: [plus(t.incomeGrandTotal.figure)], what: '支出总计', basis: '应与收入总计相等' });
  // Each fund balances on its own: its income plus its opening balance is its grand total.
  for (const f of FUNDS) {
    const gt = t.expenditureGrandTotal?.[f];
    const inc = t.income[f];
    if (!gt || !inc) continue;
    const op = t.openingByFund[f];
    if (!op && t.opening && t.opening.figure.value !== 0) continue;
    const terms = [plus(inc.figure)];
    if (op) terms.push(plus(op.figure));
    out.push({ table: t, group: g, orient: 'none', total: gt, terms, what: `支出总计「${FUND_NAMES[f]}」`, basis: `${FUND_NAMES[f]}收入＋年初结转和结余` });
  }
  return out;
}

function threePublicEquations(t: Extract<Table, { kind: 'three-public' }>): Equation[] {
  const out: Equation[] = [];
  const blocks: [ThreePublicFigures | null, string][] = [
    [t.budget, '预算数'],
    [t.actual, '决算数'],
  ];
  for (const [b, name] of blocks) {
    if (!b) continue;
    if (b.vehicleSubtotal && b.vehiclePurchase && b.vehicleOperation)
      out.push({ table: t, group: 'three-public', orient: 'none', total: b.vehicleSubtotal, terms: [plus(b.vehiclePurchase), plus(b.vehicleOperation)], what: `${name}「公务用车购置及运行费小计」`, basis: '公务用车购置费＋公务用车运行费' });
    if (b.total) {
      const parts = b.vehicleSubtotal ? [b.abroad, b.vehicleSubtotal, b.reception] : [b.abroad, b.vehiclePurchase, b.vehicleOperation, b.reception];
      const terms = parts.filter(present);
      if (terms.length > 0) out.push({ table: t, group: 'three-public', orient: 'none', total: b.total, terms: terms.map((f) => plus(f)), what: `${name}「合计」`, basis: b.vehicleSubtotal ? '因公出国（境）费＋公务用车购置及运行费＋公务接待费' : '各项之和' });
    }
  }
  return out;
}

function basicDetailEquations(t: Extract<Table, { kind: 'basic-detail' }>): Equation[] {
  const out: Equation[] = [];
  const classes = t.entries.filter((e) => e.code && e.code.length === 3);
  for (const [group, total, name] of [
    ['personnel', t.personnelTotal, '人员经费合计'],
    ['public', t.publicTotal, '公用经费合计'],
  ] as const) {
    if (!total) continue;
    let items = classes.filter((e) => e.group === group);
    let basis = '所属各类之和';
    if (items.length === 0) {
      items = t.entries.filter((e) => e.group === group && e.code && e.code.length === 5);
      basis = '所属各款之和';
    }
    if (items.length === 0) continue;
    out.push({ table: t, group: 'basic-detail', orient: 'col', total: total.figure, terms: items.map((e) => plus(e.figure, e.name)), what: name, basis });
  }
  for (const c of classes) {
    const kids = t.entries.filter((e) => e.code && e.code.length === 5 && e.code.startsWith(c.code as string));
    if (kids.length === 0) continue;
    out.push({ table: t, group: 'basic-detail', orient: 'col', total: c.figure, terms: kids.map((e) => plus(e.figure, e.name)), what: `${c.code} ${c.name.replace(/[\s\u3000]+/g, '')}`, basis: '所属各款之和' });
  }
  return out;
}

function perfBasicEquations(t: Extract<Table, { kind: 'perf-basic-data' }>): Equation[] {
  const out: Equation[] = [];
  const cols = [
    ['prior', '上年决算数'],
    ['budget', '本年预算数'],
    ['actual', '本年决算数'],
  ] as const;
  for (const [col, name] of cols) {
    const tp = t.threePublic?.[col];
    const parts = [t.vehicle, t.abroad, t.reception].map((r) => r?.[col]).filter(present);
    if (tp && parts.length > 0)
      out.push({ table: t, group: 'perf-basic-data', orient: 'col', total: tp, terms: parts.map((f) => plus(f)), what: `三公经费「${name}」`, basis: '公务用车＋出国＋公务接待之和' });
    const pt = t.projectTotal?.[col];
    const projs = t.projects.map((r) => r[col]).filter(present);
    if (pt && projs.length > 0)
      out.push({ table: t, group: 'perf-basic-data', orient: 'col', total: pt, terms: projs.map((f) => plus(f)), what: `项目支出「${name}」`, basis: '各项目之和' });
  }
  return out;
}

function scorecardFundEquations(t: Extract<Table, { kind: 'perf-dept-scorecard' | 'perf-project-scorecard' }>): Equation[] {
  const out: Equation[] = [];
  const { total, fiscal, carryOver, other } = t.funds;
  if (!total) return out;
  const cols = [
    ['initialBudget', '年初预算数'],
    ['fullBudget', '全年预算数'],
    ['executed', '全年执行数'],
  ] as const;
  for (const [col, name] of cols) {
    const tf = total[col];
    const parts = [fiscal, carryOver, other].map((r) => r?.[col]).filter(present);
    if (!tf || parts.length === 0) continue;
    out.push({ table: t, group: 'scorecard-funds', orient: 'col', total: tf, terms: parts.map((f) => plus(f)), what: `年度资金总额「${name}」`, basis: '当年财政拨款＋上年结转资金＋其他资金' });
  }
  return out;
}
