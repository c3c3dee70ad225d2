// Small in-test layout builders: table blocks as value grids with merges, stackable on one sheet.
// Figures follow the sample (怀化市就业服务中心 2023) so expectations are easy to read.
import type { CellRange, CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';

export interface Block {
  rows: CellValue[][];
  merges: CellRange[];
}

export function block(rows: CellValue[][], merges: CellRange[] = []): Block {
  return { rows, merges };
}

export const M = (r1: number, c1: number, r2: number, c2: number): CellRange => ({ r1, c1, r2, c2 });

/** Blocks one under another, `gap` blank rows between; `cols` puts blocks side by side instead. */
export function stack(name: string, blocks: Block[], gap = 2): SheetSnapshot {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  for (const b of blocks) {
    const r0 = rows.length;
    rows.push(...b.rows.map((r) => [...r]));
    merges.push(...b.merges.map((m) => ({ r1: m.r1 + r0, c1: m.c1, r2: m.r2 + r0, c2: m.c2 })));
    for (let i = 0; i < gap; i++) rows.push([]);
  }
  return sheetFromValues(name, rows, { merges });
}

export function sideBySide(name: string, left: Block, right: Block, gapCols = 1): SheetSnapshot {
  const width = Math.max(...left.rows.map((r) => r.length)) + gapCols;
  const n = Math.max(left.rows.length, right.rows.length);
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const l = [...(left.rows[i] ?? [])];
    while (l.length < width) l.push(null);
    rows.push([...l, ...(right.rows[i] ?? [])]);
  }
  const merges = [...left.merges, ...right.merges.map((m) => ({ r1: m.r1, c1: m.c1 + width, r2: m.r2, c2: m.c2 + width }))];
  return sheetFromValues(name, rows, { merges });
}

export interface Opts {
  title?: string;
  unitCaption?: string;
  /** Multiply every amount (元 layouts). */
  scale?: number;
  text?: boolean;
}

const amt = (v: number, o: Opts): CellValue => {
  const x = Math.round(v * (o.scale ?? 1) * 100) / 100;
  if (!o.text) return x;
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
};

/** Summary, Shanghai style: no 行次, amount header 决算数. */
export function summaryBlock(o: Opts & { lineNumbers?: boolean } = {}): Block {
  const a = (v: number) => amt(v, o);
  const ln = o.lineNumbers;
  const L = (label: string, n: number, v: number): CellValue[] => (ln ? [label, n, a(v)] : [label, a(v)]);
  const incomes: [string, number][] = [
    ['一、一般公共预算财政拨款收入', 840.77],
    ['二、政府性基金预算财政拨款收入', 0],
    ['三、国有资本经营预算财政拨款收入', 0],
    ['四、上级补助收入', 0],
    ['五、事业收入', 0],
    ['六、经营收入', 0],
    ['七、附属单位上缴收入', 0],
    ['八、其他收入', 37],
  ];
  const classes: [string, number][] = [
    ['一、社会保障和就业支出', 830.68],
    ['二、卫生健康支出', 27.09],
    ['三、农林水支出', 20],
  ];
  const width = ln ? 6 : 4;
  const rows: CellValue[][] = [[o.title ?? '收入支出决算总表'], [...Array(width - 1).fill(null), o.unitCaption ?? '金额单位：万元']];
  rows.push(ln ? ['收入', null, null, '支出'] : ['收入', null, '支出']);
  rows.push(ln ? ['项目', '行次', '金额', '项目', '行次', '金额'] : ['项目', '决算数', '项目', '决算数']);
  if (ln) rows.push(['栏次', null, 1, '栏次', null, 2]);
  let n = 1;
  incomes.forEach(([l, v], i) => {
    const right = classes[i] ? L(classes[i][0], 20 + i, classes[i][1]) : [];
    rows.push([...L(l, n++, v), ...right]);
  });
  const bottom: [string, number, string, number][] = [
    ['本年收入合计', 877.77, '本年支出合计', 877.77],
    ['使用非财政拨款结余（含专用结余）', 0, '结余分配', 0],
    ['年初结转和结余', 0, '年末结转和结余', 0],
    ['总计', 877.77, '总计', 877.77],
  ];
  for (const [l, v, r, w] of bottom) rows.push([...L(l, n++, v), ...L(r, n + 20, w)]);
  const half = ln ? 3 : 2;
  return block(rows, [M(0, 0, 0, width - 1), M(2, 0, 2, half - 1), M(2, half, 2, width - 1)]);
}

export interface CodedLine {
  code: string;
  name: string;
  values: number[];
}

export const EXP_LINES: CodedLine[] = [
  { code: '208', name: '社会保障和就业支出', values: [830.68, 710.99, 119.69, 0, 0, 0] },
  { code: '20801', name: '人力资源和社会保障管理事务', values: [594.24, 488.54, 105.7, 0, 0, 0] },
  { code: '2080106', name: '就业管理事务', values: [449.89, 344.19, 105.7, 0, 0, 0] },
  { code: '2080109', name: '社会保险经办机构', values: [94.6, 94.6, 0, 0, 0, 0] },
  { code: '2080199', name: '其他人力资源和社会保障管理事务支出', values: [49.75, 49.75, 0, 0, 0, 0] },
  { code: '20805', name: '行政事业单位养老支出', values: [103.42, 103.42, 0, 0, 0, 0] },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', values: [68.96, 68.96, 0, 0, 0, 0] },
  { code: '2080599', name: '其他行政事业单位养老支出', values: [34.46, 34.46, 0, 0, 0, 0] },
  { code: '20807', name: '就业补助', values: [13.99, 0, 13.99, 0, 0, 0] },
  { code: '2080799', name: '其他就业补助支出', values: [13.99, 0, 13.99, 0, 0, 0] },
  { code: '20899', name: '其他社会保障和就业支出', values: [119.03, 119.03, 0, 0, 0, 0] },
  { code: '2089999', name: '其他社会保障和就业支出', values: [119.03, 119.03, 0, 0, 0, 0] },
  { code: '210', name: '卫生健康支出', values: [27.09, 27.09, 0, 0, 0, 0] },
  { code: '21011', name: '行政事业单位医疗', values: [27.09, 27.09, 0, 0, 0, 0] },
  { code: '2101101', name: '行政单位医疗', values: [27.09, 27.09, 0, 0, 0, 0] },
  { code: '213', name: '农林水支出', values: [20, 0, 20, 0, 0, 0] },
  { code: '21308', name: '普惠金融发展支出', values: [20, 0, 20, 0, 0, 0] },
  { code: '2130804', name: '创业担保贷款贴息及奖补', values: [20, 0, 20, 0, 0, 0] },
];
export const EXP_TOTAL = [877.77, 738.08, 139.69, 0, 0, 0];

export interface CodedOpts extends Opts {
  split?: boolean;
  /** In split layouts, leave the 类 column blank on 款/项 rows. */
  classOnlyOnClassRows?: boolean;
  numeric?: boolean;
  totalFirst?: boolean;
  indent?: boolean;
  blankZeros?: boolean;
  note?: string;
  lines?: CodedLine[];
  total?: number[];
  /** Column headers: [group|null, label] per amount column. */
  headers?: [string | null, string][];
  /** 栏次 row after the header. */
  lineRow?: boolean;
}

export const EXP_HEADERS: [string | null, string][] = [
  [null, '本年支出合计'],
  [null, '基本支出'],
  [null, '项目支出'],
  [null, '上缴上级支出'],
  [null, '经营支出'],
  [null, '对附属单位补助支出'],
];

export function codedBlock(o: CodedOpts = {}): Block {
  const lines = o.lines ?? EXP_LINES;
  const headers = o.headers ?? EXP_HEADERS;
  const total = o.total ?? EXP_TOTAL;
  const nCode = o.split ? 3 : 1;
  const first = nCode + 1;
  const width = first + headers.length;
  const a = (v: number): CellValue => (o.blankZeros && v === 0 ? null : amt(v, o));
  const rows: CellValue[][] = [[o.title ?? '支出决算表'], [...Array(width - 1).fill(null), o.unitCaption ?? '单位：万元']];
  const merges: CellRange[] = [M(0, 0, 0, width - 1)];
  const h = rows.length;
  const h1: CellValue[] = Array(width).fill(null);
  const h2: CellValue[] = Array(width).fill(null);
  h1[0] = '科目编码';
  if (o.split) {
    merges.push(M(h, 0, h, 2));
    h2[0] = '类';
    h2[1] = '款';
    h2[2] = '项';
  } else merges.push(M(h, 0, h + 1, 0));
  h1[nCode] = '科目名称';
  merges.push(M(h, nCode, h + 1, nCode));
  headers.forEach(([g, label], i) => {
    const c = first + i;
    if (g) {
      if (i === 0 || headers[i - 1][0] !== g) {
        h1[c] = g;
        const span = headers.filter((x) => x[0] === g).length;
        merges.push(M(h, c, h, c + span - 1));
      }
      h2[c] = label;
    } else {
      h1[c] = label;
      merges.push(M(h, c, h + 1, c));
    }
  });
  rows.push(h1, h2);
  if (o.lineRow) rows.push(['栏次', ...Array(nCode).fill(null), ...headers.map((_, i) => i + 1)].slice(0, width));
  const totalRow = (): void => {
    merges.push(M(rows.length, 0, rows.length, nCode));
    rows.push(['合计', ...Array(nCode).fill(null), ...total.map((v) => amt(v, o))]);
  };
  if (o.totalFirst !== false) totalRow();
  for (const l of lines) {
    const row: CellValue[] = Array(width).fill(null);
    if (o.split) {
      if (!o.classOnlyOnClassRows || l.code.length === 3) row[0] = o.numeric ? Number(l.code.slice(0, 3)) : l.code.slice(0, 3);
      if (l.code.length >= 5) row[1] = l.code.slice(3, 5);
      if (l.code.length === 7) row[2] = l.code.slice(5, 7);
    } else row[0] = o.numeric ? Number(l.code) : l.code;
    const ind = o.indent ? (l.code.length === 5 ? '　' : l.code.length === 7 ? '　　' : '') : '';
    row[nCode] = ind + l.name;
    l.values.forEach((v, i) => (row[first + i] = a(v)));
    rows.push(row);
  }
  if (o.totalFirst === false) totalRow();
  if (o.note) {
    merges.push(M(rows.length, 0, rows.length, width - 1));
    rows.push([o.note]);
  }
  return block(rows, merges);
}

export function incomeBlock(o: CodedOpts = {}): Block {
  return codedBlock({
    title: '收入决算表',
    headers: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].map((x) => [null, x] as [null, string]),
    total: [877.77, 840.77, 0, 0, 0, 0, 37],
    lines: EXP_LINES.map((l) => ({ ...l, values: [l.values[0], l.values[0] - (l.code === '208' || l.code === '20801' || l.code === '2080109' ? 37 : 0), 0, 0, 0, 0, l.code === '208' || l.code === '20801' || l.code === '2080109' ? 37 : 0] })),
    ...o,
  });
}

export function generalBudgetBlock(o: CodedOpts & { budget?: boolean; sub?: string } = {}): Block {
  const headers: [string | null, string][] = [...(o.budget !== false ? [[null, '年初预算数'] as [null, string]] : []), ['本年支出', o.sub ?? '小计'], ['本年支出', '基本支出'], ['本年支出', '项目支出']];
  const pick = (v: number[], b: number) => (o.budget !== false ? [b, v[0], v[1], v[2]] : [v[0], v[1], v[2]]);
  return codedBlock({
    title: '一般公共预算财政拨款支出决算表',
    headers,
    total: pick([840.77, 701.08, 139.69], 897.32),
    lines: EXP_LINES.map((l) => ({ ...l, values: pick(l.values, l.code === '2080106' ? 0 : 1) })),
    ...o,
  });
}

export function govFundBlock(o: CodedOpts = {}): Block {
  return codedBlock({
    title: '政府性基金预算财政拨款收入支出决算表',
    headers: [
      [null, '年初结转和结余'],
      [null, '本年收入'],
      ['本年支出', '小计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
      [null, '年末结转和结余'],
    ],
    total: [0, 0, 0, 0, 0, 0],
    lines: [],
    note: '注：本单位2023年度无政府性基金预算财政拨款收入支出，故本表为空表。',
    ...o,
  });
}

export function stateCapitalBlock(o: CodedOpts = {}): Block {
  return codedBlock({
    title: '国有资本经营预算财政拨款支出决算表',
    headers: [
      ['本年支出', '合计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
    ],
    total: [0, 0, 0],
    lines: [],
    note: '注：本单位无国有资本经营预算财政拨款支出，故本表为空表。',
    ...o,
  });
}

export function fiscalSummaryBlock(o: Opts = {}): Block {
  const a = (v: number) => amt(v, o);
  const rows: CellValue[][] = [
    [o.title ?? '财政拨款收入支出决算总表'],
    [null, null, null, null, null, null, o.unitCaption ?? '单位：万元'],
    ['收入', null, '支出'],
    ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['一、一般公共预算财政拨款', a(840.77), '一、社会保障和就业支出', a(793.68), a(793.68), a(0), a(0)],
    ['二、政府性基金预算财政拨款', a(0), '二、卫生健康支出', a(27.09), a(27.09), a(0), a(0)],
    ['三、国有资本经营预算财政拨款', a(0), '三、农林水支出', a(20), a(20), a(0), a(0)],
    ['本年收入合计', a(840.77), '本年支出合计', a(840.77), a(840.77), a(0), a(0)],
    ['年初财政拨款结转和结余', a(0), '年末财政拨款结转和结余', a(0), a(0), a(0), a(0)],
    ['　一般公共预算财政拨款', a(0)],
    ['　政府性基金预算财政拨款', a(0)],
    ['　国有资本经营预算财政拨款', a(0)],
    ['总计', a(840.77), '总计', a(840.77), a(840.77), a(0), a(0)],
  ];
  return block(rows, [M(0, 0, 0, 6), M(2, 0, 2, 1), M(2, 2, 2, 6)]);
}

export function basicDetailBlock(o: Opts & { blocks?: 2 | 3; bands?: boolean } = {}): Block {
  const a = (v: number) => amt(v, o);
  const personnel: [string, string, number][] = [
    ['301', '工资福利支出', 487.72],
    ['30101', '基本工资', 156.34],
    ['30102', '津贴补贴', 121.58],
    ['303', '对个人和家庭的补助', 153.49],
    ['30305', '生活补助', 153.49],
  ];
  const pub: [string, string, number][] = [
    ['302', '商品和服务支出', 59.87],
    ['30201', '办公费', 19.28],
    ['30217', '公务接待费', 1.16],
    ['30231', '公务用车运行维护费', 0],
  ];
  const blocks = o.blocks === 3 ? [personnel, pub.slice(0, 2), pub.slice(2)] : [personnel, pub];
  const width = blocks.length * 3;
  const rows: CellValue[][] = [[o.title ?? '一般公共预算财政拨款基本支出决算表'], [...Array(width - 1).fill(null), o.unitCaption ?? '单位：万元']];
  const merges: CellRange[] = [M(0, 0, 0, width - 1)];
  if (o.bands !== false) {
    const band: CellValue[] = Array(width).fill(null);
    band[0] = '人员经费';
    band[3] = '公用经费';
    merges.push(M(2, 0, 2, 2), M(2, 3, 2, width - 1));
    rows.push(band);
  }
  rows.push(blocks.flatMap(() => ['科目编码', '科目名称', '决算数']));
  const d = rows.length;
  const n = Math.max(...blocks.map((b) => b.length));
  for (let i = 0; i < n; i++) rows.push(blocks.flatMap((b) => (b[i] ? [b[i][0], b[i][1], a(b[i][2])] : [null, null, null])));
  const last = d + n;
  const lastRow: CellValue[] = Array(width).fill(null);
  lastRow[0] = '人员经费合计';
  lastRow[2] = a(641.21);
  lastRow[3] = '公用经费合计';
  lastRow[width - 1] = a(59.87);
  rows.push(lastRow);
  merges.push(M(last, 0, last, 1), M(last, 3, last, width - 2));
  return block(rows, merges);
}

const TP_ITEMS = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'];

/** 三公 table: 'blocks' (预算数 block, 决算数 block) or 'pairs' (预算数/决算数 under each item). */
export function threePublicBlock(layout: 'blocks' | 'pairs', o: Opts = {}): Block {
  const budget = [1.4, 0, 0, 0, 0, 1.4];
  const actual = [1.16, 0, 0, 0, 0, 1.16];
  const rows: CellValue[][] = [[o.title ?? '财政拨款“三公”经费支出决算表'], [...Array(11).fill(null), o.unitCaption ?? '单位：万元']];
  const merges: CellRange[] = [M(0, 0, 0, 11)];
  const h = 2;
  if (layout === 'blocks') {
    const r1: CellValue[] = Array(12).fill(null);
    const r2: CellValue[] = Array(12).fill(null);
    const r3: CellValue[] = Array(12).fill(null);
    for (const [b, label] of [
      [0, '预算数'],
      [6, '决算数'],
    ] as [number, string][]) {
      r1[b] = label;
      merges.push(M(h, b, h, b + 5));
      r2[b] = '合计';
      merges.push(M(h + 1, b, h + 2, b));
      r2[b + 1] = '因公出国（境）费';
      merges.push(M(h + 1, b + 1, h + 2, b + 1));
      r2[b + 2] = '公务用车购置及运行费';
      merges.push(M(h + 1, b + 2, h + 1, b + 4));
      r3[b + 2] = '小计';
      r3[b + 3] = '公务用车购置费';
      r3[b + 4] = '公务用车运行费';
      r2[b + 5] = '公务接待费';
      merges.push(M(h + 1, b + 5, h + 2, b + 5));
    }
    rows.push(r1, r2, r3, [...budget.map((v) => amt(v, o)), ...actual.map((v) => amt(v, o))]);
  } else {
    const r1: CellValue[] = Array(12).fill(null);
    const r2: CellValue[] = Array(12).fill(null);
    const r3: CellValue[] = Array(12).fill(null);
    r1[0] = TP_ITEMS[0];
    merges.push(M(h, 0, h + 1, 1));
    r1[2] = TP_ITEMS[1];
    merges.push(M(h, 2, h + 1, 3));
    r1[4] = TP_ITEMS[2];
    merges.push(M(h, 4, h, 9));
    r1[10] = TP_ITEMS[3];
    merges.push(M(h, 10, h + 1, 11));
    (
      [
        ['小计', 4],
        ['公务用车购置费', 6],
        ['公务用车运行（维护）费', 8],
      ] as [string, number][]
    ).forEach(([l, c]) => {
      r2[c] = l;
      merges.push(M(h + 1, c, h + 1, c + 1));
    });
    const data: CellValue[] = [];
    for (let i = 0; i < 6; i++) {
      r3[i * 2] = '预算数';
      r3[i * 2 + 1] = '决算数';
      data.push(amt(budget[i], o), amt(actual[i], o));
    }
    rows.push(r1, r2, r3, data);
  }
  return block(rows, merges);
}

export interface ScorecardOpts {
  kind?: 'project' | 'dept';
  name: string;
  executed?: number;
  mergedScores?: boolean;
  title?: string;
  fiscalLabel?: string;
  capStyle?: 'full' | 'short';
}

/** A scorecard in the sample's layout (10 columns). */
export function scorecardBlock(o: ScorecardOpts): Block {
  const dept = o.kind === 'dept';
  const exec = o.executed ?? 19.76;
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  rows.push([o.title ?? (dept ? '部门整体支出绩效自评表' : '项目支出绩效自评表')]);
  merges.push(M(0, 0, 0, 9));
  rows.push([dept ? '预算单位名称' : '项目名称', o.name]);
  merges.push(M(1, 1, 1, 9));
  if (!dept) {
    rows.push(['主管部门', '某市人力资源和社会保障局', null, null, null, '实施单位', '某市就业服务中心']);
    merges.push(M(2, 1, 2, 4), M(2, 6, 2, 9));
  }
  const f = rows.length;
  rows.push(['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  merges.push(M(f, 0, f + 4, 0));
  rows.push([null, '年度资金总额', 20, 20, exec, 10, exec / 20, Math.round((exec / 20) * 1000) / 100]);
  rows.push([null, o.fiscalLabel ?? '其中：当年财政拨款', 20, 20, exec]);
  rows.push([null, '上年结转资金']);
  rows.push([null, '其他资金']);
  const g = rows.length;
  rows.push(['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
  rows.push([null, '组织专场招聘活动', null, null, null, '已完成']);
  merges.push(M(g, 0, g + 1, 0), M(g, 1, g, 4), M(g, 5, g, 9), M(g + 1, 1, g + 1, 4), M(g + 1, 5, g + 1, 9));
  const ih = rows.length;
  rows.push(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  const cap = (l: string, n: number) => (o.capStyle === 'short' ? `${l}(${n})` : `${l}（${n}分）`);
  const ind: [string, string, string, string, string, number, number, string?][] = [
    [cap('产出指标', 50), '数量指标', '登记率', '≥95%', '95.84%', 20, 20],
    [cap('产出指标', 50), '质量指标', '达标率', '达到要求', '达到要求', 15, 15],
    [cap('产出指标', 50), '时效指标', '完成及时率', '12月31日前', '12月31日', 15, 15],
    [cap('效益指标', 30), '社会效益指标', '社会效益', '效果明显', '效果明显', 30, 30],
    [cap('满意度指标', 10), '服务对象满意度指标', '满意度', '≥90%', '88%', 10, 9, '宣传不足'],
  ];
  const first = rows.length;
  ind.forEach((x, i) => {
    const row: CellValue[] = [null, null, x[1], x[2], x[3], x[4], x[5], x[6], x[7] ?? null];
    if (i === 0 || ind[i - 1][0] !== x[0]) row[1] = x[0];
    if (o.mergedScores) {
      if (i === 0) {
        row[6] = 50;
        row[7] = 50;
      } else if (i >= 3) {
        row[6] = x[5];
        row[7] = x[6];
      } else {
        row[6] = null;
        row[7] = null;
      }
    }
    rows.push(row);
  });
  merges.push(M(ih, 0, ih + ind.length, 0), M(first, 1, first + 2, 1));
  if (o.mergedScores) merges.push(M(first, 6, first + 2, 6), M(first, 7, first + 2, 7));
  rows.push(['总分', null, null, null, null, null, 100, Math.round((89 + (exec / 20) * 10) * 100) / 100]);
  merges.push(M(rows.length - 1, 1, rows.length - 1, 5));
  rows.push(['填表人：张敏', null, null, null, '填报日期：2024.6.30']);
  return block(rows, merges);
}

export function perfBasicDataBlock(o: { years?: boolean } = {}): Block {
  const y = o.years !== false;
  const rows: CellValue[][] = [
    ['部门整体支出绩效评价基础数据表'],
    ['填报单位：某市就业服务中心'],
    ['财政供养人员情况', '编制数', '实际在职人数', '控制率'],
    [null, 54, 46, 0.8519],
    ['经费控制情况（万元）', y ? '2022年决算数' : '上年决算数', y ? '2023年预算数' : '本年预算数', y ? '2023年决算数' : '本年决算数'],
    ['三公经费', 1.42, 1.4, 1.16],
    ['   1、公务用车购置和维护经费'],
    ['   2、出国经费'],
    ['   3、公务接待', 1.42, 1.4, 1.16],
    ['项目支出：'],
    ['合计', 40, 37.5, 37.26],
    ['流动人员档案管理经费', 21, 17.5, 17.5],
    ['高校毕业生招聘工作经费', 19, 20, 19.76],
    ['公用经费', 82.21, 72, 59.87],
    ['    其中：办公费', 0.19, null, 19.28],
  ];
  return block(rows, [M(0, 0, 0, 3)]);
}
