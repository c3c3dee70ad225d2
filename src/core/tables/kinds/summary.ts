// 收入支出决算总表: 收入 side (8 sources, 本年收入合计, 使用非财政拨款结余, 年初结转和结余, 总计)
// and 支出 side (功能分类 类 lines, 本年支出合计, 结余分配, 年末结转和结余, 总计).
import { normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, isNoteText, lastColOf } from '../common';
import type { RowInfo, SummaryIncomeKey, SummaryTable, TableBase } from '../types';
import type { KindReader } from './reader';
import { isRepeatRow } from '../page';
import { amountCol, classLine, columnInfo, labelled, parseTwoSided } from './two-sided';

type IncomeSlot = SummaryIncomeKey | 'incomeTotal' | 'useNonFiscalBalance' | 'openingBalance' | 'incomeGrandTotal';

export function summaryIncomeKey(n: string): IncomeSlot | null {
  if (/^(本年)?收入(合计|小计)$/.test(n)) return 'incomeTotal';
  if (/^使用非财政拨款结余/.test(n)) return 'useNonFiscalBalance';
  if (/^年初结转和?结余/.test(n)) return 'openingBalance';
  if (/^(收入)?总计$/.test(n)) return 'incomeGrandTotal';
  if (/^一般公共预算财政拨款(收入)?$/.test(n) || n === '财政拨款收入') return 'fiscalGeneral';
  if (/^政府性基金预算财政拨款(收入)?$/.test(n)) return 'fiscalGovFund';
  if (/^国有资本经营预算财政拨款(收入)?$/.test(n)) return 'fiscalStateCapital';
  if (/^上级补助收入$/.test(n)) return 'superior';
  if (/^事业收入$/.test(n)) return 'business';
  if (/^经营收入$/.test(n)) return 'operating';
  if (/^附属单位上缴收入$/.test(n)) return 'affiliated';
  if (/^其他收入$/.test(n)) return 'other';
  return null;
}

type ExpSlot = 'expenditureTotal' | 'balanceDistribution' | 'closingBalance' | 'expenditureGrandTotal';

export function summaryExpKey(n: string): ExpSlot | null {
  if (/^(本年)?支出(合计|小计)$/.test(n)) return 'expenditureTotal';
  if (/^结余分配$/.test(n)) return 'balanceDistribution';
  if (/^年末结转和?结余/.test(n)) return 'closingBalance';
  if (/^(支出)?总计$/.test(n)) return 'expenditureGrandTotal';
  return null;
}


export function readSummary(grid: Grid, region: Region): SummaryTable | null {
  const h = parseTwoSided(grid, region);
  if (!h) return null;
  // Fund columns on the 支出 side mean the fiscal-summary shape, not this one.
  if (h.expenditure.amounts.filter((a) => /政府性基金|国有资本/.test(a.header)).length > 0) return null;
  const inc = amountCol(h.income.amounts);
  const exp = amountCol(h.expenditure.amounts);
  const columns = columnInfo(h, (_s, hc) => (hc === inc || hc === exp ? 'amount' : 'unknown'));
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  for (const r of h.header.rows) rows.push({ row: r, label: 'header', key: 'header' });
  for (const r of h.header.lineRows) rows.push({ row: r, label: '栏次', key: 'lineNumbers' });
  const warnings: string[] = [];
  const t: Omit<SummaryTable, keyof TableBase> = {
    income: {},
    incomeTotal: null,
    useNonFiscalBalance: null,
    openingBalance: null,
    incomeGrandTotal: null,
    classes: [],
    expenditureTotal: null,
    balanceDistribution: null,
    closingBalance: null,
    expenditureGrandTotal: null,
  };
  let lastRow = h.header.lineRows.length ? h.header.lineRows[h.header.lineRows.length - 1] : h.header.rows[h.header.rows.length - 1];
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
      const k = summaryIncomeKey(left);
      const lf = labelled(grid, r, h.income, grid.fig(r, inc.col));
      if (k === 'incomeTotal' || k === 'useNonFiscalBalance' || k === 'openingBalance' || k === 'incomeGrandTotal') {
        if (!t[k]) t[k] = lf;
        rows.push({ row: r, label: lf.label, key: `income.${k}` });
        used = true;
      } else if (k) {
        if (!t.income[k]) t.income[k] = lf;
        rows.push({ row: r, label: lf.label, key: `income.${k}` });
        used = true;
      } else {
        rows.push({ row: r, label: lf.label, key: 'income.other-line' });
        if (grid.isNumeric(r, inc.col) && (grid.fig(r, inc.col).value ?? 0) !== 0) warnings.push(`第${r + 1}行：收入项目「${lf.label}」未能识别`);
      }
    }
    if (right) {
      const k = summaryExpKey(right);
      const lf = labelled(grid, r, h.expenditure, grid.fig(r, exp.col));
      if (k) {
        if (!t[k]) t[k] = lf;
        rows.push({ row: r, label: lf.label, key: `expenditure.${k}` });
        used = true;
      } else {
        const cl = classLine(lf.label);
        if (cl) {
          t.classes.push({ ...lf, label: cl.name ?? lf.label, code: cl.code });
          rows.push({ row: r, label: lf.label, key: 'expenditure.class' });
          if (cl.code === null) warnings.push(`第${r + 1}行：支出功能分类「${lf.label}」不在分类目录中`);
          used = true;
        } else rows.push({ row: r, label: lf.label, key: 'expenditure.other-line' });
      }
    }
    if (used) {
      lastRow = r;
      seen++;
    }
  }
  if (seen === 0) return null;
  if (!t.incomeTotal && !t.incomeGrandTotal && Object.keys(t.income).length === 0) return null;
  const base = baseOf('summary', grid, region, lastRow, lastColOf(grid, region, h.header), columns, rows, h.header.rows[0], warnings);
  const table = { ...base, ...t, kind: 'summary' } as SummaryTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

export const summary: KindReader = {
  kind: 'summary',
  titles: ['收入支出决算总表', '收入支出决算表'],
  read: readSummary,
};
