// Shared helpers of the hostile-review tests: the shared sample as a snapshot to mutate cell by
// cell, a hand-built scorecard, and a compact view of findings.
import { readFileSync } from 'fs';
import { parseA1 } from '../../../src/core/address';
import type { Finding } from '../../../src/core/findings';
import { analyzeWorkbook } from '../../../src/core/index';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { SAMPLE_XLSX } from '../../helpers';

export const SAMPLE_PATH = SAMPLE_XLSX;
let sampleBytes: Uint8Array | null = null;

/** A fresh snapshot of the shared sample (parsed each call, so tests may mutate it). */
export async function sample(): Promise<WorkbookSnapshot> {
  sampleBytes ??= new Uint8Array(readFileSync(SAMPLE_PATH));
  return readXlsx(sampleBytes, 'sample.xlsx');
}

export function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Set one cell's value (A1 address), dropping any formula. */
export function set(wb: WorkbookSnapshot, sheet: string, cell: string, v: CellValue): void {
  const s = sheetOf(wb, sheet);
  const p = parseA1(cell)!;
  const row = (s.cells[p.row] ??= []);
  row[p.col] = v === null ? undefined : { v };
}

export function get(wb: WorkbookSnapshot, sheet: string, cell: string): CellValue {
  const p = parseA1(cell)!;
  return sheetOf(wb, sheet).cells[p.row]?.[p.col]?.v ?? null;
}

export function analyze(wb: WorkbookSnapshot) {
  return analyzeWorkbook(wb);
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
export const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.message}`);

/** Findings of a rule (regexp on the id) at a sheet/cell. */
export function at(fs: Finding[], rule: RegExp, sheet: string, cell: string): Finding[] {
  return fs.filter((f) => rule.test(f.rule) && f.sheet === sheet && f.cell === cell);
}

export const M = (r1: number, c1: number, r2: number, c2: number): CellRange => ({ r1, c1, r2, c2 });

export interface ScorecardRow {
  l1: string;
  l2: string;
  l3: string;
  target: string;
  actual: string;
  weight: number | string | null;
  score: number | string | null;
  dev?: string;
}

/** A department scorecard like the sample's (A1 title, funds block, goals, indicators, 总分). */
export function deptScorecardSheet(name: string, indicators: ScorecardRow[], opts: { funds?: boolean; total?: [number | null, number | null]; title?: string } = {}): SheetSnapshot {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [M(0, 0, 0, 8)];
  rows.push([opts.title ?? '部门整体支出绩效自评表']);
  rows.push(['预算单位名称', '怀化市就业服务中心']);
  if (opts.funds !== false) {
    rows.push(['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    rows.push([null, '年度资金总额', 897.32, 877.77, 877.77, 10, 1, 10]);
    rows.push([null, '其中：当年财政拨款', 897.32, 877.77, 877.77]);
    rows.push([null, '上年结转资金']);
    rows.push([null, '其他资金']);
  }
  rows.push(['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
  rows.push([null, '组织落实促进就业各项政策措施', null, null, null, '完成职业技能培训2.66万人']);
  rows.push(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  for (const i of indicators) rows.push([null, i.l1, i.l2, i.l3, i.target, i.actual, i.weight, i.score, i.dev ?? null]);
  const [tw, ts] = opts.total ?? [100, 100];
  rows.push(['总分', null, null, null, null, null, tw, ts]);
  return sheetFromValues(name, rows, { merges });
}

/** The sample's department indicators (50/30/10 + the 10 of the funds block). */
export function standardIndicators(l1 = (base: string, cap: number) => `${base}（${cap}分）`): ScorecardRow[] {
  const P = l1('产出指标', 50);
  const B = l1('效益指标', 30);
  const S = l1('满意度指标', 10);
  return [
    { l1: P, l2: '数量指标', l3: '新增农村劳动力转移就业', target: '3.9万', actual: '4.03万', weight: 10, score: 10 },
    { l1: P, l2: '数量指标', l3: '失业保险参保总人数', target: '32.8万', actual: '32.81万', weight: 10, score: 10 },
    { l1: P, l2: '质量指标', l3: '服务覆盖率', target: '100%', actual: '100%', weight: 10, score: 10 },
    { l1: P, l2: '时效指标', l3: '按规定时间内完成工作', target: '100%', actual: '100%', weight: 10, score: 10 },
    { l1: P, l2: '成本指标', l3: '基本支出成本控制', target: '≤804.32万元', actual: '738.08万元', weight: 10, score: 10 },
    { l1: B, l2: '经济效益指标', l3: '稳岗返还惠及用人单位', target: '≥1300家', actual: '1306家', weight: 10, score: 10 },
    { l1: B, l2: '社会效益指标', l3: '城镇登记失业率', target: '≤4.5%', actual: '1.9%', weight: 10, score: 10 },
    { l1: B, l2: '可持续影响指标', l3: '就业形势保持稳定', target: '稳定', actual: '稳定', weight: 10, score: 10 },
    { l1: S, l2: '服务对象满意度指标', l3: '服务对象满意度', target: '≥90%', actual: '92.97%', weight: 10, score: 10 },
  ];
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: 'qa.xlsx', sheets };
}
