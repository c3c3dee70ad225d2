// 财政拨款收入支出决算总表: 收入 by fund, 本年收入合计, 年初财政拨款结转和结余 (split by fund), 总计;
// 支出 by 类 with [合计, 一般公共预算, 政府性基金, 国有资本经营] columns, 本年支出合计, 年末…, 总计.
import { normLabel } from '../../text';
import type { Grid, HeaderColumn, Region } from '../common';
import { attachNote, baseOf, isNoteText, lastColOf } from '../common';
import type { FiscalSummaryTable, FundKey, FundLine, RowInfo } from '../types';
import type { KindReader } from './reader';
import { isRepeatRow } from '../page';
import { amountCol, classLine, columnInfo, labelled, parseTwoSided } from './two-sided';
import { notActual } from '../common';

export function fundOf(n: string): FundKey | null {
  if (/^一般公共预算(财政拨款)?(收入)?$/.test(n)) return 'general';
  if (/^政府性基金预算(财政拨款)?(收入)?$/.test(n)) return 'govFund';
  if (/^国有资本经营预算(财政拨款)?(收入)?$/.test(n)) return 'stateCapital';
  return null;
}

function fundColumnKey(hc: HeaderColumn): 'total' | FundKey | null {
  const p = hc.norm[hc.norm.length - 1];
  if (/一般公共预算/.test(p)) return 'general';
  if (/政府性基金/.test(p)) return 'govFund';
  if (/国有资本/.test(p)) return 'stateCapital';
  if (/^合计$|^小计$|^金额$|^决算数$|^支出合计$/.test(p)) return 'total';
  return null;
}

export function readFiscalSummary(grid: Grid, region: Region): FiscalSummaryTable | null {
  const h = parseTwoSided(grid, region);
  if (!h) return null;
  const inc = amountCol(h.income.amounts);
  const fundCols: Partial<Record<'total' | FundKey, number>> = {};
  for (const hc of h.expenditure.amounts) {
    if (hc.norm.some(notActual)) continue; // a budget band (年初预算数) over the fund columns
    const k = fundColumnKey(hc);
    if (k && fundCols[k] === undefined) fundCols[k] = hc.col;
  }
  if (fundCols.general === undefined && fundCols.govFund === undefined) return null;
  const columns = columnInfo(h, (side, hc) => (side === 'income' ? (hc === inc ? 'amount' : 'unknown') : fundColumnKey(hc) ?? 'unknown'));
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const r of h.header.rows) rows.push({ row: r, label: 'header', key: 'header' });
  for (const r of h.header.lineRows) rows.push({ row: r, label: '栏次', key: 'lineNumbers' });
  const warnings: string[] = [];
  const t: Pick<FiscalSummaryTable, 'income' | 'incomeTotal' | 'opening' | 'openingByFund' | 'incomeGrandTotal' | 'classes' | 'expenditureTotal' | 'closing' | 'expenditureGrandTotal'> = {
    income: {},
    incomeTotal: null,
    opening: null,
    openingByFund: {},
    incomeGrandTotal: null,
    classes: [],
    expenditureTotal: null,
    closing: null,
    expenditureGrandTotal: null,
  };
  const line = (r: number): FundLine => {
    const f = (c: number | undefined) => (c === undefined ? null : grid.fig(r, c));
    return {
      label: grid.text(r, h.expenditure.nameCol).replace(/^[\s\u3000]+/, ''),
      labelRef: grid.ref(r, h.expenditure.nameCol),
      code: null,
      total: f(fundCols.total),
      general: f(fundCols.general),
      govFund: f(fundCols.govFund),
      stateCapital: f(fundCols.stateCapital),
    };
  };
  let lastRow = h.header.lineRows.length ? h.header.lineRows[h.header.lineRows.length - 1] : h.header.rows[h.header.rows.length - 1];
  let afterOpening = false;
  let seen = 0;
  for (let r = h.header.dataStart; r <= region.r2; r++) {
    const filled = grid.filledCols(r, region.c1, region.c2);
    if (filled.length === 0) continue;
    if (isNoteText(grid.text(r, filled[0]))) break;
    if (isRepeatRow(grid, r, region.c1, region.c2, h.header, filled)) {
      rows.push({ row: r, label: grid.text(r, filled[0]), key: 'repeat' });
      continue;
    }
    const left = normLabel(grid.text(r, h.income.nameCol));
    const right = normLabel(grid.text(r, h.expenditure.nameCol));
    let used = false;
    if (left) {
      const lf = labelled(grid, r, h.income, grid.fig(r, inc.col));
      const fund = fundOf(left);
      let key = 'income.other-line';
      if (/^(本年)?收入(合计|小计)$/.test(left)) {
        t.incomeTotal ??= lf;
        key = 'income.incomeTotal';
      } else if (/^年初(财政拨款)?结转和?结余/.test(left)) {
        t.opening ??= lf;
        afterOpening = true;
        key = 'income.opening';
      } else if (/^(收入)?总计$/.test(left)) {
        t.incomeGrandTotal ??= lf;
        key = 'income.incomeGrandTotal';
      } else if (fund && afterOpening) {
        t.openingByFund[fund] ??= lf;
        key = `income.opening.${fund}`;
      } else if (fund) {
        t.income[fund] ??= lf;
        key = `income.${fund}`;
      }
      rows.push({ row: r, label: lf.label, key });
      if (key !== 'income.other-line') used = true;
    }
    if (right) {
      const fl = line(r);
      let key = 'expenditure.other-line';
      if (/^(本年)?支出(合计|小计)$/.test(right)) {
        t.expenditureTotal ??= fl;
        key = 'expenditure.expenditureTotal';
      } else if (/^年末(财政拨款)?结转和?结余/.test(right)) {
        t.closing ??= fl;
        key = 'expenditure.closing';
      } else if (/^(支出)?总计$/.test(right)) {
        t.expenditureGrandTotal ??= fl;
        key = 'expenditure.expenditureGrandTotal';
      } else if (!fundOf(right)) {
        const cl = classLine(fl.label);
        if (cl) {
          fl.code = cl.code;
          if (cl.name) fl.label = cl.name;
          t.classes.push(fl);
          key = 'expenditure.class';
          if (cl.code === null) warnings.push(`第${r + 1}行：支出功能分类「${fl.label}」不在分类目录中`);
        }
      }
      rows.push({ row: r, label: fl.label, key });
      if (key !== 'expenditure.other-line') used = true;
    }
    if (used) {
      lastRow = r;
      seen++;
    }
  }
  if (seen === 0 || (!t.incomeTotal && Object.keys(t.income).length === 0)) return null;
  const base = baseOf('fiscal-summary', grid, region, lastRow, lastColOf(grid, region, h.header), columns, rows, h.header.rows[0], warnings);
  const table = { ...base, ...t, kind: 'fiscal-summary' } as FiscalSummaryTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

export const fiscalSummary: KindReader = {
  kind: 'fiscal-summary',
  titles: ['财政拨款收入支出决算总表', '财政拨款收入支出决算表'],
  read: readFiscalSummary,
};
