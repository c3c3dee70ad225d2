// 部门整体支出绩效评价基础数据表: 财政供养人员情况 (编制数, 实际在职人数, 控制率) and 经费控制情况 rows
// (三公经费 and parts, 项目支出 with one row per project, 公用经费 and parts) × [上年决算数, 本年预算数, 本年决算数].
import { normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, cleanName, findRow, isNoteText, yearIn } from '../common';
import type { ColumnInfo, Figure, PerfBasicDataTable, RowInfo, TripleRow } from '../types';
import type { KindReader } from './reader';

interface TripleCols {
  prior?: number;
  budget?: number;
  actual?: number;
}

/** Columns of the 经费控制情况 header: 上年决算数 / 本年预算数 / 本年决算数, or with years (2022年决算数 …). */
function tripleCols(grid: Grid, r: number, c1: number, c2: number, columns: ColumnInfo[]): TripleCols {
  const out: TripleCols = {};
  const decisions: { col: number; year?: number; kind: 'budget' | 'actual'; prior: boolean }[] = [];
  for (const c of grid.filledCols(r, c1, c2)) {
    const raw = grid.text(r, c);
    const n = normLabel(raw);
    if (/预算/.test(n)) decisions.push({ col: c, year: yearIn(raw), kind: 'budget', prior: /上年/.test(n) });
    else if (/决算|实际|执行/.test(n)) decisions.push({ col: c, year: yearIn(raw), kind: 'actual', prior: /上年/.test(n) });
  }
  const actualYears = decisions.filter((d) => d.kind === 'actual' && d.year !== undefined).map((d) => d.year!);
  const maxYear = actualYears.length ? Math.max(...actualYears) : undefined;
  for (const d of decisions) {
    let key: keyof TripleCols;
    if (d.kind === 'budget') key = 'budget';
    else if (d.prior || (d.year !== undefined && maxYear !== undefined && d.year < maxYear)) key = 'prior';
    else key = 'actual';
    if (out[key] === undefined) {
      out[key] = d.col;
      columns.push({ col: d.col, header: grid.text(r, d.col), key });
    }
  }
  return out;
}

export function readPerfBasicData(grid: Grid, region: Region): PerfBasicDataTable | null {
  const { c1, c2, r2 } = region;
  const hRow = findRow(grid, region.titleRow + 1, Math.min(r2, region.titleRow + 40), c1, c2, (n) => /^经费控制情况/.test(n));
  const columns: ColumnInfo[] = [];
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  const warnings: string[] = [];
  // Staff block: a header row with 编制数, values on the next row.
  const staff: PerfBasicDataTable['staff'] = { authorized: null, actual: null, controlRate: null };
  const sRow = findRow(grid, region.titleRow + 1, Math.min(r2, region.titleRow + 20), c1, c2, (n) => /^编制数|编制人数/.test(n));
  let lastRow = region.titleRow;
  if (sRow >= 0) {
    rows.push({ row: sRow, label: '财政供养人员情况', key: 'staffHeader' });
    for (const c of grid.filledCols(sRow, c1, c2)) {
      const n = normLabel(grid.text(sRow, c));
      const f: Figure = grid.fig(sRow + 1, c);
      if (/编制/.test(n)) {
        staff.authorized = f;
        columns.push({ col: c, header: grid.text(sRow, c), key: 'staff.authorized' });
      } else if (/在职|实有/.test(n)) {
        staff.actual = f;
        columns.push({ col: c, header: grid.text(sRow, c), key: 'staff.actual' });
      } else if (/控制率/.test(n)) {
        staff.controlRate = f;
        columns.push({ col: c, header: grid.text(sRow, c), key: 'staff.controlRate' });
      }
    }
    rows.push({ row: sRow + 1, label: '人数', key: 'staff' });
    lastRow = sRow + 1;
  }
  if (hRow < 0) return null;
  const labelCol = grid.filledCols(hRow, c1, c2)[0];
  const cols = tripleCols(grid, hRow, c1, c2, columns);
  if (cols.actual === undefined && cols.budget === undefined) return null;
  rows.push({ row: hRow, label: grid.text(hRow, labelCol), key: 'header' });
  lastRow = Math.max(lastRow, hRow);

  const triple = (r: number, label: string): TripleRow => ({
    label,
    labelRef: grid.ref(r, labelCol),
    row: r,
    prior: cols.prior !== undefined ? grid.fig(r, cols.prior) : null,
    budget: cols.budget !== undefined ? grid.fig(r, cols.budget) : null,
    actual: cols.actual !== undefined ? grid.fig(r, cols.actual) : null,
  });
  const t: Pick<PerfBasicDataTable, 'threePublic' | 'vehicle' | 'abroad' | 'reception' | 'projectTotal' | 'projects' | 'publicFunds' | 'publicFundsParts'> = {
    threePublic: null,
    vehicle: null,
    abroad: null,
    reception: null,
    projectTotal: null,
    projects: [],
    publicFunds: null,
    publicFundsParts: [],
  };
  let section: 'threePublic' | 'projects' | 'public' | 'other' = 'other';
  const projectRows: TripleRow[] = [];
  let projectHeaderTotal: TripleRow | null = null;
  for (let r = hRow + 1; r <= r2; r++) {
    const filled = grid.filledCols(r, c1, c2);
    if (filled.length === 0) continue;
    const raw = cleanName(grid.text(r, labelCol));
    if (isNoteText(raw) || /^填表人|^填报人|^单位负责人/.test(raw)) break;
    if (!raw) {
      continue;
    }
    const n = normLabel(raw).replace(/^\d+[、.．]/, '');
    const tr = triple(r, raw);
    const hasFigures = [tr.prior, tr.budget, tr.actual].some((f) => f && f.form !== 'blank');
    let key = 'other';
    if (/^三公经费/.test(n)) {
      t.threePublic ??= tr;
      section = 'threePublic';
      key = 'threePublic';
    } else if (section === 'threePublic' && /公务用车/.test(n)) {
      t.vehicle ??= tr;
      key = 'vehicle';
    } else if (section === 'threePublic' && /出国/.test(n)) {
      t.abroad ??= tr;
      key = 'abroad';
    } else if (section === 'threePublic' && /公务接待/.test(n)) {
      t.reception ??= tr;
      key = 'reception';
    } else if (/^项目支出/.test(n)) {
      section = 'projects';
      key = 'projectsHeader';
      if (hasFigures) projectHeaderTotal = tr;
    } else if (/^公用经费/.test(n)) {
      t.publicFunds ??= tr;
      section = 'public';
      key = 'publicFunds';
    } else if (section === 'projects') {
      projectRows.push(tr);
      key = 'project';
    } else if (section === 'public') {
      t.publicFundsParts.push(tr);
      key = 'publicFundsPart';
    }
    rows.push({ row: r, label: raw, key });
    lastRow = r;
  }
  // The 项目支出 total: the 项目支出 line itself when it holds figures, else the first line after it
  // that is labelled as a total (专项资金, 合计, 一个专项一行, numbered '3、') or equals the sum of the rest.
  if (projectHeaderTotal) {
    t.projectTotal = projectHeaderTotal;
    t.projects = projectRows;
  } else if (projectRows.length) {
    const first = projectRows[0];
    const rest = projectRows.slice(1);
    const labelled = /专项资金|合计|小计|一个专项一行|^\s*\d+[、.．]/.test(first.label);
    const sumRest = rest.reduce((s, p) => s + (p.actual?.value ?? 0), 0);
    const sums = rest.length > 1 && first.actual?.value !== null && first.actual !== null && Math.abs(sumRest - (first.actual.value ?? 0)) <= (rest.length + 1) * 0.005;
    if (labelled || sums) {
      t.projectTotal = first;
      t.projects = rest;
      const row = rows.find((x) => x.row === first.row);
      if (row) row.key = 'projectTotal';
    } else t.projects = projectRows;
  }
  if (!t.threePublic && !t.publicFunds && projectRows.length === 0) return null;
  const lastCol = Math.max(...columns.map((c) => c.col), labelCol);
  const base = baseOf('perf-basic-data', grid, region, lastRow, lastCol, columns, rows, hRow, warnings);
  const table = { ...base, kind: 'perf-basic-data', staff, ...t } as PerfBasicDataTable;
  if (table.year === undefined && cols.actual !== undefined) {
    const y = yearIn(grid.text(hRow, cols.actual));
    if (y !== undefined) {
      table.year = y;
      table.yearRef = grid.ref(hRow, cols.actual);
    }
  }
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

const TITLES = ['部门整体支出绩效评价基础数据表', '整体支出绩效评价基础数据表', '部门整体支出绩效自评基础数据表', '绩效评价基础数据表'];

export const perfBasicData: KindReader = {
  kind: 'perf-basic-data',
  titles: TITLES,
  read: readPerfBasicData,
};
