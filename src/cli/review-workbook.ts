// The reviewers' summary workbook (--report 审核汇总.xlsx): what a 财政局 reviewer opens after a
// batch. Sheet 汇总 has a row per file; sheet 问题明细 every finding, its cell a link into the file.
import ExcelJS from 'exceljs';
import { relative, sep } from 'node:path';
import type { CheckedFile } from './check-job';
import { splitLinkLocations } from './link-locations';
import { SEVERITY_LABEL } from './report-text';
import { stripControl } from './sanitize';

export interface ReviewRow {
  /** Where the checked file is, for the links. */
  path: string;
  file: string;
  checked: CheckedFile | null;
  /** Why the file could not be checked. */
  reason?: string;
}

export const SUMMARY_SHEET = '汇总';
export const DETAIL_SHEET = '问题明细';

/** Text a cell can hold: no control characters (invalid in the sheet XML), within Excel's limit. */
function text(s: string): string {
  const t = stripControl(s);
  return t.length > 32767 ? `${t.slice(0, 32766)}…` : t;
}

export function statusOf(row: ReviewRow): string {
  if (!row.checked) return '无法读取';
  const c = row.checked.counts;
  return c.error ? '有错误' : c.warning ? '有警告' : c.info ? '仅有提示' : '未发现问题';
}

/** 'a b.xlsx#'表'!F18' relative to the report's folder; only what a link target cannot hold is escaped. */
export function linkTarget(reportDir: string, filePath: string, sheet: string | null, cell: string | null): string {
  const file = relative(reportDir, filePath).split(sep).join('/').replace(/%/g, '%25').replace(/#/g, '%23').replace(/ /g, '%20');
  return sheet && cell ? `${file}#${sheetRef(sheet)}!${cell}` : file;
}

function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function sheetWithHeader(wb: ExcelJS.Workbook, name: string, columns: [string, number][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle' };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const RED = { argb: 'FFC00000' };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

export async function buildReviewWorkbook(rows: ReviewRow[], reportDir: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算助手';
  const summary = sheetWithHeader(wb, SUMMARY_SHEET, [['文件', 34], ['状态', 11], ['识别表数', 9], ['错误', 7], ['警告', 7], ['提示', 7], ['未能检查的原因', 70]]);
  for (const r of rows) {
    const c = r.checked?.counts;
    const row = summary.addRow([{ text: text(r.file), hyperlink: linkTarget(reportDir, r.path, null, null) }, statusOf(r), r.checked?.tables.length ?? null, c?.error ?? null, c?.warning ?? null, c?.info ?? null, r.reason ? text(r.reason) : null]);
    row.getCell(1).font = LINK_FONT;
    if (!r.checked || c!.error > 0) row.getCell(2).font = { color: RED, bold: true };
  }
  const detail = sheetWithHeader(wb, DETAIL_SHEET, [['文件', 28], ['表', 34], ['工作表', 18], ['单元格', 26], ['规则', 26], ['级别', 7], ['说明', 90], ['相关单元格', 24]]);
  for (const r of rows) {
    if (!r.checked) continue;
    r.checked.findings.forEach((f, i) => {
      const where = f.sheet && f.cell ? { text: text(`${sheetRef(f.sheet)}!${f.cell}`), hyperlink: linkTarget(reportDir, r.path, f.sheet, f.cell) } : f.line !== null ? `情况说明第${f.line}行` : f.sheet ? text(f.sheet) : '';
      const row = detail.addRow([text(r.file), text(r.checked!.places[i] ?? ''), f.sheet ? text(f.sheet) : '', where, f.rule, SEVERITY_LABEL[f.severity], text(f.message), text(f.related.join('，'))]);
      if (typeof where === 'object') row.getCell(4).font = LINK_FONT;
      row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
      if (f.severity === 'error') row.getCell(6).font = { color: RED, bold: true };
    });
  }
  return splitLinkLocations(new Uint8Array(await wb.xlsx.writeBuffer()));
}
