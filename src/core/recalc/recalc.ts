// Derived figures of SPEC §5 as live Excel formulas over the source cells, each with the value
// computed here too (cachedValue) so the offline page and the CLI can show it without Excel.
// Output: the analysis sheet 指标计算; scorecardFixes() gives formulas for a scorecard's own cells.
import type { CellRef } from '../address';
import { a1, formulaRef } from '../address';
import type { SuggestedFix } from '../findings';
import { fmt, readNumber } from '../numbers';
import { normLabel } from '../text';
import type {
  BasicDetailTable,
  CodedRow,
  CodedTable,
  Detection,
  Figure,
  FiscalSummaryTable,
  PerfBasicDataTable,
  ScorecardTable,
  SummaryTable,
  Table,
  ThreePublicFigures,
  ThreePublicTable,
  TripleRow,
  Unit,
} from '../tables/types';

export interface DerivedCell {
  value?: string | number | null;
  /** Excel formula without '=' (kept live). */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /**
   * What the formula evaluates to on the current figures: a number, '' when a guard applies
   * (zero denominator), null when a source cell is not a number (Excel shows an error, or the
   * cell's text for a plain reference). See displayText().
   */
  cachedValue?: number | string | null;
  /** Source cells behind this cell (for jumping to them from the pane). */
  refs?: CellRef[];
}

export interface DerivedSheet {
  name: string; // 指标计算
  rows: DerivedCell[][];
  columnWidths?: number[];
}

export interface RecalcOptions {
  /** Name of the analysis sheet. */
  sheetName?: string;
  /** Also list income/expenditure types whose amount is zero (the narrative omits them). */
  includeZeroItems?: boolean;
  /** Unit of the amounts typed into 补充信息 (上年收支总计 …); the narrative's 万元 by default. */
  supplementUnit?: Unit;
}

export const AMOUNT_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00%';
export const SCORE_FORMAT = '0.00';

/** Column of the 数值 cell on the analysis sheet (A 指标, B 计算公式说明, C 数值, D 来源单元格). */
const VALUE_COL = 2;

// ---------------------------------------------------------------------------------------------
// Terms: a formula fragment with the value it stands for.

interface Term {
  expr: string;
  /** Value in `unit`; null when a source cell is not a number. */
  value: number | null;
  refs: CellRef[];
  unit: Unit;
  /** Safe to use as an operand of * and / without parentheses. */
  atomic: boolean;
}

const clean = (n: number): number => Number(n.toFixed(10));

/** The reference to a figure, wrapped so that Excel reads it the way readNumber does. */
function refExpr(fig: Figure, ref: string): string {
  // '-', '—' or a blank-looking text mean zero but break arithmetic in Excel: N() reads them as 0
  // and still follows the cell if a number is typed there later.
  if (fig.form === 'dash' || (fig.form === 'blank' && fig.text !== undefined)) return `N(${ref})`;
  // '1,234.56' stored as text: VALUE() makes the coercion explicit (comparisons don't coerce).
  if (fig.form === 'text-number') return `VALUE(${ref})`;
  return ref;
}

/** Text Excel's VALUE() reads in any locale: ASCII digits, thousands commas, sign or (negative). */
const EXCEL_NUMBER_TEXT = /^\s*(\(\s*[\d,]*\.?\d+\s*\)|[+-]?\s*[\d,]*\.?\d+)\s*$/;

function figTerm(fig: Figure, unit: Unit | null, local = false): Term {
  const ref = local ? a1(fig.ref.row, fig.ref.col) : formulaRef(fig.ref);
  // Full-width digits, '万元' or '¥' are read by readNumber but not reliably by Excel: the value
  // Excel will show is unknown, so it is not claimed (the rules report such cells).
  const value = fig.form === 'text-number' && !EXCEL_NUMBER_TEXT.test(fig.text ?? '') ? null : fig.value;
  return { expr: refExpr(fig, ref), value, refs: [fig.ref], unit: unit ?? '万元', atomic: true };
}

function paren(t: Term): string {
  return t.atomic ? t.expr : `(${t.expr})`;
}

/** The term in 万元 (元 tables are divided by 10000). */
function wan(t: Term): Term {
  if (t.unit === '万元') return t;
  return { expr: `${paren(t)}/10000`, value: t.value === null ? null : t.value / 10000, refs: t.refs, unit: '万元', atomic: false };
}

function sumTerms(ts: Term[]): Term | null {
  if (ts.length === 0) return null;
  if (ts.length === 1) return ts[0];
  const unit = ts[0].unit;
  const same = ts.every((t) => t.unit === unit);
  const parts = same ? ts : ts.map(wan);
  const values = parts.map((t) => t.value);
  return {
    expr: parts.map((t) => t.expr).join('+'),
    value: values.some((v) => v === null) ? null : clean((values as number[]).reduce((a, b) => a + b, 0)),
    refs: parts.flatMap((t) => t.refs),
    unit: same ? unit : '万元',
    atomic: false,
  };
}

/** Same unit for both operands (converting to 万元 when they differ). */
function align(a: Term, b: Term): [Term, Term] {
  return a.unit === b.unit ? [a, b] : [wan(a), wan(b)];
}

interface Computed {
  formula: string;
  cached: number | string | null;
  refs: CellRef[];
}

/** num ÷ den, '' when den is 0. */
function ratio(num: Term, den: Term): Computed {
  const [n, d] = align(num, den);
  // The guard is tested first, as Excel's IF does: a zero base hides even a broken numerator.
  const cached = d.value === null ? null : d.value === 0 ? '' : n.value === null ? null : n.value / d.value;
  return { formula: `IF(${paren(d)}=0,"",${paren(n)}/${paren(d)})`, cached, refs: [...n.refs, ...d.refs] };
}

function amount(t: Term): Computed {
  const w = wan(t);
  return { formula: w.expr, cached: w.value, refs: w.refs };
}

/** cur − prior in 万元; two 元 figures are subtracted first and converted once. */
function difference(cur: Term, prior: Term): Computed {
  const [c, p] = align(cur, prior);
  const raw = `${c.expr}-${paren(p)}`;
  const value = c.value === null || p.value === null ? null : clean(c.value - p.value);
  const toWan = c.unit === '元';
  return {
    formula: toWan ? `(${raw})/10000` : raw,
    cached: value === null ? null : toWan ? clean(value / 10000) : value,
    refs: [...c.refs, ...p.refs],
  };
}

/** (cur − prior) ÷ prior, '' when the prior year is 0 (a growth rate from zero is undefined). */
function growth(cur: Term, prior: Term): Computed {
  const [c, p] = align(cur, prior);
  // The guard is tested first, as Excel's IF does.
  const cached = p.value === null ? null : p.value === 0 ? '' : c.value === null ? null : (c.value - p.value) / p.value;
  return {
    formula: `IF(${paren(p)}=0,"",(${c.expr}-${paren(p)})/${paren(p)})`,
    cached,
    refs: [...c.refs, ...p.refs],
  };
}

// ---------------------------------------------------------------------------------------------
// The sheet being built.

class Builder {
  readonly rows: DerivedCell[][] = [];

  text(cells: (string | DerivedCell)[]): number {
    this.rows.push(cells.map((c) => (typeof c === 'string' ? { value: c } : c)));
    return this.rows.length - 1;
  }

  blank(): void {
    if (this.rows.length && this.rows[this.rows.length - 1].length) this.rows.push([]);
  }

  group(title: string): void {
    this.blank();
    this.text([{ value: title, bold: true }]);
    this.text(['指标', '计算公式说明', '数值', '来源单元格'].map((h) => ({ value: h, bold: true })));
  }

  note(text: string): void {
    this.text([{ value: text }]);
  }

  /** A derived figure; returns its row (its 数值 cell is at (row, VALUE_COL)). */
  figure(label: string, explain: string, c: Computed, format: string, bold = false): number {
    return this.text([
      { value: label, bold },
      { value: explain },
      { formula: c.formula, cachedValue: c.cached, numberFormat: format, refs: c.refs, bold },
      { value: sourceText(c.refs), refs: c.refs },
    ]);
  }
}

/** '1收入支出决算总表!C7, C15; 补充信息!B2' — refs grouped by sheet, in order of appearance. */
function sourceText(refs: CellRef[]): string {
  const bySheet = new Map<string, string[]>();
  for (const r of refs) {
    const list = bySheet.get(r.sheet) ?? [];
    const cell = a1(r.row, r.col);
    if (!list.includes(cell)) list.push(cell);
    bySheet.set(r.sheet, list);
  }
  return [...bySheet].map(([sheet, cells]) => `${sheet}!${cells.join(', ')}`).join('; ');
}

// ---------------------------------------------------------------------------------------------

type TableOfKind<K extends Table['kind']> = Table extends infer T ? (T extends { kind: infer TK } ? (K extends TK ? T : never) : never) : never;

function tablesOf<K extends Table['kind']>(d: Detection, kind: K): TableOfKind<K>[] {
  return d.tables.filter((t) => t.kind === kind) as TableOfKind<K>[];
}

function first<K extends Table['kind']>(d: Detection, kind: K): TableOfKind<K> | undefined {
  return tablesOf(d, kind)[0];
}

const nonZero = (t: Term | null): boolean => !!t && t.value !== 0;

interface ShareItem {
  name: string;
  term: Term | null;
  /** Listed even when zero. */
  always?: boolean;
}

/** Denominator amount, then for each item its amount and its share of the denominator. */
function shareBlock(b: Builder, denName: string, den: Term, items: ShareItem[], includeZero: boolean): void {
  b.figure(denName, `${denName}（万元）`, amount(den), AMOUNT_FORMAT, true);
  for (const it of items) {
    if (!it.term) continue;
    if (!includeZero && !it.always && !nonZero(it.term)) continue;
    b.figure(it.name, `${it.name}（万元）`, amount(it.term), AMOUNT_FORMAT);
    b.figure(`${it.name}占比`, `${it.name} ÷ ${denName}`, ratio(it.term, den), PERCENT_FORMAT);
  }
}

function incomeGroup(b: Builder, d: Detection, includeZero: boolean): void {
  const summary = first(d, 'summary');
  const income = first(d, 'income');
  if (summary?.incomeTotal) {
    const u = summary.unit;
    const inc = summary.income;
    const t = (k: keyof SummaryTable['income']): Term | null => (inc[k] ? figTerm(inc[k]!.figure, u) : null);
    b.group(`一、收入结构（${summary.sheet}）`);
    const fiscal = sumTerms([t('fiscalGeneral'), t('fiscalGovFund'), t('fiscalStateCapital')].filter((x): x is Term => !!x));
    shareBlock(
      b,
      '本年收入合计',
      figTerm(summary.incomeTotal.figure, u),
      [
        { name: '财政拨款收入', term: fiscal, always: true },
        { name: '上级补助收入', term: t('superior') },
        { name: '事业收入', term: t('business') },
        { name: '经营收入', term: t('operating') },
        { name: '附属单位上缴收入', term: t('affiliated') },
        { name: '其他收入', term: t('other') },
      ],
      includeZero,
    );
    return;
  }
  const total = income?.total;
  if (income && total?.values.total) {
    const u = income.unit;
    const t = (k: string): Term | null => (total.values[k] ? figTerm(total.values[k], u) : null);
    b.group(`一、收入结构（${income.sheet}）`);
    shareBlock(
      b,
      '本年收入合计',
      t('total')!,
      [
        { name: '财政拨款收入', term: t('fiscal'), always: true },
        { name: '上级补助收入', term: t('superior') },
        { name: '事业收入', term: t('business') },
        { name: '经营收入', term: t('operating') },
        { name: '附属单位上缴收入', term: t('affiliated') },
        { name: '其他收入', term: t('other') },
      ],
      includeZero,
    );
    return;
  }
  b.group('一、收入结构');
  b.note('未找到收入支出决算总表或收入决算表的本年收入合计，本组不计算。');
}

/** 本年支出合计 as a term: the expenditure table's 合计 row, else the summary's. */
function expenditureTotalTerm(d: Detection): Term | null {
  const exp = first(d, 'expenditure');
  if (exp?.total?.values.total) return figTerm(exp.total.values.total, exp.unit);
  const summary = first(d, 'summary');
  if (summary?.expenditureTotal) return figTerm(summary.expenditureTotal.figure, summary.unit);
  return null;
}

function expenditureGroup(b: Builder, d: Detection, includeZero: boolean): void {
  const exp = first(d, 'expenditure');
  const total = exp?.total;
  if (!exp || !total?.values.total) {
    b.group('二、支出结构');
    b.note('未找到支出决算表的合计行，本组不计算。');
    return;
  }
  const t = (k: string): Term | null => (total.values[k] ? figTerm(total.values[k], exp.unit) : null);
  b.group(`二、支出结构（${exp.sheet}）`);
  shareBlock(
    b,
    '本年支出合计',
    t('total')!,
    [
      { name: '基本支出', term: t('basic'), always: true },
      { name: '项目支出', term: t('project'), always: true },
      { name: '上缴上级支出', term: t('toSuperior') },
      { name: '经营支出', term: t('operating') },
      { name: '对附属单位补助支出', term: t('toAffiliated') },
    ],
    includeZero,
  );
}

const codedLabel = (r: CodedRow): string => `${r.code ? `${r.code} ` : ''}${normLabel(r.name) || r.name}`;

function generalBudgetGroups(b: Builder, d: Detection): void {
  const gb = first(d, 'general-budget');
  const total = gb?.total;
  if (!gb || !total?.values.total) {
    b.group('三、一般公共预算财政拨款支出结构');
    b.note('未找到一般公共预算财政拨款支出决算表的合计行，本组不计算。');
    b.group('四、一般公共预算财政拨款支出完成年初预算情况');
    b.note('未找到一般公共预算财政拨款支出决算表的合计行，本组不计算。');
    return;
  }
  const u = gb.unit;
  const gbTotal = figTerm(total.values.total, u);
  b.group(`三、一般公共预算财政拨款支出结构（${gb.sheet}）`);
  b.figure('一般公共预算财政拨款支出', '一般公共预算财政拨款支出合计（万元）', amount(gbTotal), AMOUNT_FORMAT, true);
  const expTotal = expenditureTotalTerm(d);
  if (expTotal) {
    b.figure('一般公共预算财政拨款支出占本年支出合计比例', '一般公共预算财政拨款支出 ÷ 本年支出合计', ratio(gbTotal, expTotal), PERCENT_FORMAT);
  }
  for (const row of gb.items.filter((r) => r.level === 'class')) {
    const v = row.values.total;
    if (!v) continue;
    const name = codedLabel(row);
    const term = figTerm(v, u);
    b.figure(name, `${name}（万元）`, amount(term), AMOUNT_FORMAT);
    b.figure(`${name}占比`, `${name} ÷ 一般公共预算财政拨款支出`, ratio(term, gbTotal), PERCENT_FORMAT);
  }

  b.group(`四、一般公共预算财政拨款支出完成年初预算情况（${gb.sheet}）`);
  if (!total.values.budget) {
    b.note('一般公共预算财政拨款支出决算表无年初预算数列，不计算完成年初预算比例。');
    return;
  }
  const rate = (label: string, row: CodedRow, bold: boolean): void => {
    const actual = row.values.total;
    const budget = row.values.budget;
    if (!actual || !budget) return;
    const zero = budget.value === 0;
    b.figure(
      label,
      zero ? '决算数 ÷ 年初预算数（年初预算为0，不计算）' : '决算数 ÷ 年初预算数',
      ratio(figTerm(actual, u), figTerm(budget, u)),
      PERCENT_FORMAT,
      bold,
    );
  };
  rate('合计 完成年初预算', total, true);
  for (const row of gb.items.filter((r) => r.level === 'item')) rate(`${codedLabel(row)} 完成年初预算`, row, false);
}

function basicGroup(b: Builder, d: Detection): void {
  const bd = first(d, 'basic-detail') as BasicDetailTable | undefined;
  if (!bd || (!bd.personnelTotal && !bd.publicTotal)) {
    b.group('五、一般公共预算财政拨款基本支出结构');
    b.note('未找到一般公共预算财政拨款基本支出决算表的人员经费合计/公用经费合计，本组不计算。');
    return;
  }
  const personnel = bd.personnelTotal ? figTerm(bd.personnelTotal.figure, bd.unit) : null;
  const pub = bd.publicTotal ? figTerm(bd.publicTotal.figure, bd.unit) : null;
  const gb = first(d, 'general-budget');
  const basic = gb?.total?.values.basic;
  // 基本支出 of the general-budget table is the base; without it, 人员经费 + 公用经费.
  const den = basic ? figTerm(basic, gb!.unit) : sumTerms([personnel, pub].filter((x): x is Term => !!x))!;
  b.group(`五、一般公共预算财政拨款基本支出结构（${bd.sheet}）`);
  shareBlock(
    b,
    '基本支出',
    den,
    [
      { name: '人员经费', term: personnel, always: true },
      { name: '公用经费', term: pub, always: true },
    ],
    true,
  );
}

const THREE_PUBLIC_ITEMS: { key: keyof ThreePublicFigures; name: string }[] = [
  { key: 'abroad', name: '因公出国（境）费' },
  { key: 'vehicleSubtotal', name: '公务用车购置及运行维护费' },
  { key: 'vehiclePurchase', name: '其中：公务用车购置费' },
  { key: 'vehicleOperation', name: '其中：公务用车运行维护费' },
  { key: 'reception', name: '公务接待费' },
];

/** Supplement entry by key (spaces and brackets normalised), with its value read as a number. */
function supplementTerm(d: Detection, keys: string[], unit: Unit): Term | null {
  if (!d.supplement) return null;
  const wanted = keys.map(normLabel);
  const e = d.supplement.entries.find((x) => wanted.includes(normLabel(x.key)));
  if (!e) return null;
  const rn = readNumber(e.value);
  if (rn.form === 'blank') return null; // unknown, not zero
  return figTerm({ value: rn.value, ref: e.ref, form: rn.form, text: rn.text }, unit);
}

function supplementText(d: Detection, key: string): string {
  const e = d.supplement?.entries.find((x) => normLabel(x.key) === normLabel(key));
  return e && e.value !== null ? String(e.value).trim() : '';
}

function threePublicGroup(b: Builder, d: Detection, supplementUnit: Unit): void {
  const tp = first(d, 'three-public') as ThreePublicTable | undefined;
  if (!tp || !tp.actual.total) {
    b.group('六、财政拨款“三公”经费支出');
    b.note('未找到财政拨款“三公”经费支出决算表的决算数合计，本组不计算。');
    return;
  }
  const u = tp.unit;
  const total = figTerm(tp.actual.total, u);
  b.group(`六、财政拨款“三公”经费支出（${tp.sheet}）`);
  shareBlock(
    b,
    '“三公”经费决算合计',
    total,
    THREE_PUBLIC_ITEMS.map((it) => ({ name: it.name, term: tp.actual[it.key] ? figTerm(tp.actual[it.key]!, u) : null, always: true })),
    true,
  );
  const budgetTotal = tp.budget?.total ? figTerm(tp.budget.total, u) : supplementTerm(d, ['三公经费预算'], supplementUnit);
  if (!budgetTotal) {
    b.note('“三公”经费表无预算数，补充信息也无“三公经费预算”，不计算完成预算比例。');
    return;
  }
  b.figure('“三公”经费预算', '“三公”经费预算数（万元）', amount(budgetTotal), AMOUNT_FORMAT);
  b.figure('“三公”经费完成预算', '“三公”经费决算合计 ÷ 预算合计', ratio(total, budgetTotal), PERCENT_FORMAT, true);
  if (!tp.budget) return;
  for (const it of THREE_PUBLIC_ITEMS) {
    const a = tp.actual[it.key];
    const bu = tp.budget[it.key];
    if (!a || !bu) continue;
    const name = it.name.replace(/^其中：/, '');
    b.figure(`${name}完成预算`, `${name}决算数 ÷ 预算数${bu.value === 0 ? '（预算为0，不计算）' : ''}`, ratio(figTerm(a, u), figTerm(bu, u)), PERCENT_FORMAT);
  }
}

function changeRows(b: Builder, name: string, cur: Term, prior: Term): void {
  b.figure(`${name} 本年数`, `${name}（万元）`, amount(cur), AMOUNT_FORMAT);
  b.figure(`${name} 上年数`, `上年${name}（万元）`, amount(prior), AMOUNT_FORMAT);
  b.figure(`${name} 增减额`, '本年数 − 上年数', difference(cur, prior), AMOUNT_FORMAT, true);
  b.figure(
    `${name} 增减率`,
    prior.value === 0 ? '（本年数 − 上年数）÷ 上年数（上年为0，不计算）' : '（本年数 − 上年数）÷ 上年数',
    growth(cur, prior),
    PERCENT_FORMAT,
    true,
  );
}

function yearOnYearGroup(b: Builder, d: Detection, supplementUnit: Unit): void {
  b.group(`七、与上年比较${d.supplement ? `（上年数取自${d.supplement.sheet}）` : ''}`);
  let count = 0;
  const summary = first(d, 'summary') as SummaryTable | undefined;
  const fiscal = first(d, 'fiscal-summary') as FiscalSummaryTable | undefined;
  const gb = first(d, 'general-budget') as CodedTable | undefined;
  const tp = first(d, 'three-public') as ThreePublicTable | undefined;
  const bd = first(d, 'basic-detail') as BasicDetailTable | undefined;
  const nature = supplementText(d, '单位性质');
  // 机关运行经费 = 公用经费 only for 行政单位 and 参公事业单位 (SPEC §6).
  const runningCostApplies = /行政单位|参照公务员法|参公/.test(nature);
  const tpTerm = (k: keyof ThreePublicFigures): Term | null => (tp?.actual[k] ? figTerm(tp.actual[k]!, tp.unit) : null);
  const pairs: { name: string; keys: string[]; cur: Term | null }[] = [
    { name: '收支总计', keys: ['上年收支总计'], cur: summary?.incomeGrandTotal ? figTerm(summary.incomeGrandTotal.figure, summary.unit) : null },
    {
      name: '财政拨款收支总计',
      keys: ['上年财政拨款收支总计'],
      cur: fiscal?.incomeGrandTotal ? figTerm(fiscal.incomeGrandTotal.figure, fiscal.unit) : null,
    },
    {
      name: '一般公共预算财政拨款支出',
      keys: ['上年一般公共预算财政拨款支出'],
      cur: gb?.total?.values.total ? figTerm(gb.total.values.total, gb.unit) : null,
    },
    {
      name: '机关运行经费',
      keys: ['上年机关运行经费'],
      cur: runningCostApplies && bd?.publicTotal ? figTerm(bd.publicTotal.figure, bd.unit) : null,
    },
    { name: '“三公”经费', keys: ['上年三公经费', '上年“三公”经费'], cur: tpTerm('total') },
    { name: '因公出国（境）费', keys: ['上年因公出国（境）费', '上年因公出国费', '上年因公出国(境)费'], cur: tpTerm('abroad') },
    {
      name: '公务用车购置及运行维护费',
      keys: ['上年公务用车购置及运行维护费', '上年公务用车购置及运行费', '上年公务用车费'],
      cur: tpTerm('vehicleSubtotal'),
    },
    { name: '公务接待费', keys: ['上年公务接待费'], cur: tpTerm('reception') },
  ];
  for (const p of pairs) {
    const prior = supplementTerm(d, p.keys, supplementUnit);
    if (!p.cur || !prior) continue;
    changeRows(b, p.name, p.cur, prior);
    count++;
  }

  for (const pb of tablesOf(d, 'perf-basic-data') as PerfBasicDataTable[]) {
    const rows: TripleRow[] = [pb.threePublic, pb.vehicle, pb.abroad, pb.reception, pb.projectTotal, ...pb.projects, pb.publicFunds, ...pb.publicFundsParts].filter(
      (r): r is TripleRow => !!r,
    );
    let header = false;
    for (const r of rows) {
      if (!r.prior || !r.actual) continue;
      // Rows with nothing in either year say nothing.
      if (r.prior.form === 'blank' && (r.actual.form === 'blank' || r.actual.value === 0)) continue;
      if (!header) {
        b.text([{ value: `${pb.sheet}：上年决算数与本年决算数`, bold: true }]);
        header = true;
      }
      const name = normLabel(r.label) || r.label.trim();
      const cur = figTerm(r.actual, pb.unit);
      const prior = figTerm(r.prior, pb.unit);
      b.figure(`${name} 增减额`, '本年决算数 − 上年决算数', difference(cur, prior), AMOUNT_FORMAT);
      b.figure(
        `${name} 增减率`,
        r.prior.value === 0 ? '（本年 − 上年）÷ 上年（上年为0，不计算）' : '（本年 − 上年）÷ 上年',
        growth(cur, prior),
        PERCENT_FORMAT,
      );
      count++;
    }
  }
  if (count === 0) b.note('补充信息无上年数（上年收支总计等），绩效基础数据表也无上年决算数，本组不计算。');
}

// ---------------------------------------------------------------------------------------------
// Scorecards.

interface ScoreParts {
  /** 全年预算数 (年初预算数 when the table has no 全年预算数), 全年执行数, 分值; null when absent. */
  budget: Figure | null;
  budgetIsInitial: boolean;
  executed: Figure | null;
  weight: Figure | null;
  /** Distinct 得分 cells of the indicators (merged groups once). */
  indicatorScores: Figure[];
  /** Does the funds block's 预算执行率得分 count toward 总分? */
  countFunds: boolean;
}

function scoreParts(sc: ScorecardTable): ScoreParts {
  const fr = sc.funds.total;
  const budgetIsInitial = !fr?.fullBudget && !!fr?.initialBudget;
  const seen = new Set<string>();
  const indicatorScores: Figure[] = [];
  for (const ind of sc.indicators) {
    if (!ind.score) continue;
    const key = ind.scoreGroup ?? `${ind.score.ref.sheet}!${a1(ind.score.ref.row, ind.score.ref.col)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    indicatorScores.push(ind.score);
  }
  // Templates that list 预算执行率 as an indicator already count it there.
  const listed = sc.indicators.some((i) => /预算执行/.test(normLabel(i.level1 + i.level2 + i.level3)));
  return {
    budget: fr?.fullBudget ?? fr?.initialBudget ?? null,
    budgetIsInitial,
    executed: fr?.executed ?? null,
    weight: fr?.weight ?? null,
    indicatorScores,
    countFunds: !!fr?.weight && !listed,
  };
}

/** SUM over the indicator score cells: contiguous (or merge-joined) runs become ranges. */
function indicatorSum(sc: ScorecardTable, scores: Figure[], local: boolean): Term {
  const plain = scores.every((f) => f.form === 'number' || (f.form === 'blank' && f.text === undefined));
  const values = scores.map((f) => f.value);
  // Excel's SUM over a range skips text and errors propagate; our value mirrors that.
  const value = values.some((v) => v === null) ? null : clean((values as number[]).reduce((a, b) => a + b, 0));
  const refs = scores.map((f) => f.ref);
  if (!plain) {
    // Text-stored scores would be skipped by SUM(range): add them one by one, converted.
    const t = sumTerms(scores.map((f) => figTerm(f, '万元', local)));
    return t ? { ...t, refs } : { expr: '0', value: 0, refs, unit: '万元', atomic: true };
  }
  const indicatorRows = new Set(sc.indicators.map((i) => i.row));
  const sorted = [...refs].sort((x, y) => x.col - y.col || x.row - y.row);
  const parts: string[] = [];
  let start: CellRef | null = null;
  let prev: CellRef | null = null;
  const flush = (): void => {
    if (!start || !prev) return;
    const tl = local ? a1(start.row, start.col) : formulaRef(start);
    parts.push(start.row === prev.row ? tl : `${tl}:${a1(prev.row, prev.col)}`);
  };
  for (const r of sorted) {
    let joins = !!prev && prev.col === r.col && prev.sheet === r.sheet;
    if (joins) for (let k = prev!.row + 1; k < r.row; k++) if (!indicatorRows.has(k)) joins = false;
    if (!joins) {
      flush();
      start = r;
    }
    prev = r;
  }
  flush();
  return { expr: parts.length ? `SUM(${parts.join(',')})` : '0', value, refs, unit: '万元', atomic: true };
}

function scorecardGroup(b: Builder, d: Detection): void {
  const cards = d.tables.filter((t): t is ScorecardTable => t.kind === 'perf-dept-scorecard' || t.kind === 'perf-project-scorecard');
  if (cards.length === 0) return;
  b.group('八、绩效自评表：执行率、预算执行率得分、总分');
  for (const sc of cards) {
    const kindName = sc.kind === 'perf-dept-scorecard' ? '部门整体支出绩效自评表' : '项目支出绩效自评表';
    b.text([{ value: `${kindName}：${sc.name || '（未填名称）'}（${sc.sheet}）`, bold: true }]);
    const p = scoreParts(sc);
    let scoreRow: number | null = null;
    let scoreCached: number | string | null | undefined;
    if (p.budget && p.executed) {
      const r = ratio(figTerm(p.executed, null), figTerm(p.budget, null));
      const rateRow = b.figure(
        '执行率',
        p.budgetIsInitial ? '全年执行数 ÷ 年初预算数（表中无全年预算数）' : '全年执行数 ÷ 全年预算数',
        r,
        PERCENT_FORMAT,
      );
      if (p.weight) {
        // Same-sheet reference to the 执行率 just written (rows are written from A1).
        const rate = { expr: a1(rateRow, VALUE_COL) };
        const w = figTerm(p.weight, null);
        const cached = r.cached === null ? null : r.cached === '' ? '' : w.value === null ? null : clean(Math.min(r.cached as number, 1) * w.value);
        scoreRow = b.figure(
          '预算执行率得分',
          'MIN(执行率, 1) × 分值',
          { formula: `IF(${rate.expr}="","",MIN(${rate.expr},1)*${w.expr})`, cached, refs: [...r.refs, p.weight.ref] },
          SCORE_FORMAT,
        );
        scoreCached = cached;
      }
    } else {
      b.note('未读到项目资金的全年预算数/全年执行数，不计算执行率。');
    }
    const ind = indicatorSum(sc, p.indicatorScores, false);
    const withFunds = p.countFunds && scoreRow !== null;
    const fundsCached = typeof scoreCached === 'number' ? scoreCached : scoreCached === '' ? 0 : null;
    const cached = ind.value === null || (withFunds && fundsCached === null) ? null : clean(ind.value + (withFunds ? fundsCached! : 0));
    const formula = withFunds ? (ind.expr.startsWith('SUM(') ? `${ind.expr.slice(0, -1)},${a1(scoreRow!, VALUE_COL)})` : `SUM(${ind.expr},${a1(scoreRow!, VALUE_COL)})`) : ind.expr;
    b.figure(
      '总分',
      withFunds ? 'Σ 绩效指标得分（合并单元格计一次）+ 预算执行率得分' : 'Σ 绩效指标得分（合并单元格计一次）',
      { formula, cached, refs: ind.refs },
      SCORE_FORMAT,
      true,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function sheetTitle(d: Detection): string {
  const year = d.tables.find((t) => t.year)?.year;
  return `${year ? `${year}年度` : ''}部门决算指标计算`;
}

export function recalculate(detection: Detection, options: RecalcOptions = {}): DerivedSheet {
  const includeZero = options.includeZeroItems ?? false;
  const b = new Builder();
  b.text([{ value: sheetTitle(detection), bold: true }]);
  b.note('本表由决算助手生成：数值为引用各决算表单元格的公式，原表修改后自动更新。金额单位：万元；百分比保留两位小数。');
  incomeGroup(b, detection, includeZero);
  expenditureGroup(b, detection, includeZero);
  generalBudgetGroups(b, detection);
  basicGroup(b, detection);
  const su = options.supplementUnit ?? '万元';
  threePublicGroup(b, detection, su);
  yearOnYearGroup(b, detection, su);
  scorecardGroup(b, detection);
  return { name: options.sheetName ?? '指标计算', rows: b.rows, columnWidths: [44, 40, 16, 52] };
}

/**
 * The text a derived cell shows, for hosts without a calculation engine (offline page, CLI):
 * amounts '877.77', percentages '95.78%', half-up like the narrative; '' for a guarded
 * division; '—' when a source cell is not a number.
 */
export function displayText(cell: DerivedCell): string {
  if (cell.formula === undefined) return cell.value === null || cell.value === undefined ? '' : String(cell.value);
  const v = cell.cachedValue;
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (cell.numberFormat === PERCENT_FORMAT) return `${fmt(v * 100)}%`;
  const text = fmt(v);
  if (cell.numberFormat !== AMOUNT_FORMAT) return text;
  // Thousands separators as '#,##0.00' shows them.
  const [int, dec] = text.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

// ---------------------------------------------------------------------------------------------
// Fixes written into a scorecard's own cells (only when the user applies one).

export interface ScorecardFixSet {
  tableId: string;
  sheet: string;
  name: string;
  /** 执行率 cell: 全年执行数 ÷ 全年预算数. */
  rate: SuggestedFix | null;
  /** 预算执行率得分 cell: MIN(执行率, 1) × 分值. */
  score: SuggestedFix | null;
  /** 总分 得分 cell: Σ 得分. */
  total: SuggestedFix | null;
}

/** What the cell holds now (for preview and undo): the number, the text as typed, or null when empty. */
const previousOf = (f: Figure): number | string | null => {
  if (f.form === 'number') return f.value;
  if (f.form === 'blank' && f.text === undefined) return null;
  return f.text ?? f.value;
};

/** Formula fixes for each scorecard's 执行率 / 得分 / 总分 cells, in the scorecard's own sheet. */
export function scorecardFixes(detection: Detection): ScorecardFixSet[] {
  const out: ScorecardFixSet[] = [];
  for (const sc of detection.tables) {
    if (sc.kind !== 'perf-dept-scorecard' && sc.kind !== 'perf-project-scorecard') continue;
    const p = scoreParts(sc);
    const fr = sc.funds.total;
    const sameSheet = (f: Figure | null): f is Figure => !!f && f.ref.sheet === sc.sheet;
    const set: ScorecardFixSet = { tableId: sc.id, sheet: sc.sheet, name: sc.name, rate: null, score: null, total: null };
    const canRate = sameSheet(p.budget) && sameSheet(p.executed);
    const budgetWord = p.budgetIsInitial ? '年初预算数' : '全年预算数';
    if (canRate && fr?.rate) {
      const bu = figTerm(p.budget!, null, true);
      const ex = figTerm(p.executed!, null, true);
      set.rate = {
        ref: fr.rate.ref,
        formula: `IF(${bu.expr}=0,"",${ex.expr}/${bu.expr})`,
        previous: previousOf(fr.rate),
        description: `执行率 = 全年执行数 ÷ ${budgetWord}（${a1(p.executed!.ref.row, p.executed!.ref.col)} ÷ ${a1(p.budget!.ref.row, p.budget!.ref.col)}）`,
      };
    }
    if (canRate && fr?.score && sameSheet(p.weight)) {
      const bu = figTerm(p.budget!, null, true);
      const ex = figTerm(p.executed!, null, true);
      const w = figTerm(p.weight!, null, true);
      // Self-contained (not via the 执行率 cell) so it is right even if that cell is not fixed.
      set.score = {
        ref: fr.score.ref,
        formula: `IF(${bu.expr}=0,"",MIN(${ex.expr}/${bu.expr},1)*${w.expr})`,
        previous: previousOf(fr.score),
        description: `预算执行率得分 = MIN(执行率, 1) × 分值（分值 ${a1(p.weight!.ref.row, p.weight!.ref.col)}）`,
      };
    }
    const totalScore = sc.totalRow?.score;
    if (totalScore && totalScore.ref.sheet === sc.sheet && p.indicatorScores.every(sameSheet)) {
      const ind = indicatorSum(sc, p.indicatorScores, true);
      const funds = p.countFunds && fr?.score && sameSheet(fr.score) ? a1(fr.score.ref.row, fr.score.ref.col) : null;
      // SUM(…, H5) rather than +H5: SUM skips the '' a guarded 得分 shows.
      const formula = funds ? (ind.expr.startsWith('SUM(') ? `${ind.expr.slice(0, -1)},${funds})` : `SUM(${ind.expr},${funds})`) : ind.expr;
      set.total = {
        ref: totalScore.ref,
        formula,
        previous: previousOf(totalScore),
        description: funds ? '总分 = Σ 绩效指标得分（合并单元格计一次）+ 预算执行率得分' : '总分 = Σ 绩效指标得分（合并单元格计一次）',
      };
    }
    out.push(set);
  }
  return out;
}
