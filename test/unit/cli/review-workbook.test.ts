// The reviewers' summary workbook (--report): read back with exceljs as a reviewer would open it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../fixtures/generator';
import { SAMPLE_XLSX } from '../../helpers';
import { DETAIL_SHEET, linkTarget, SUMMARY_SHEET } from '../../../src/cli/review-workbook';
import { run, scratch } from './harness';

async function readBack(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('check --report 审核汇总.xlsx', () => {
  it('a row per file, every finding with a link into its file, frozen headers, set widths', async () => {
    const folder = scratch('juesuan-report-in-');
    const outDir = scratch('juesuan-report-out-');
    copyFileSync(SAMPLE_XLSX, join(folder, '甲单位.xlsx'));
    const faulty = await generateWorkbook({ faults: [{ category: 'sum.total' }] });
    writeFileSync(join(folder, '乙单位.xlsx'), faulty.bytes);
    writeFileSync(join(folder, '丙单位.xlsx'), 'not a workbook');
    const report = join(outDir, '审核汇总.xlsx');
    const r = await run(['check', folder, '--report', report]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`已写入审核汇总：${report}`);

    const wb = await readBack(report);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, DETAIL_SHEET]);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(values(summary, 1)).toEqual(['文件', '状态', '识别表数', '错误', '警告', '提示', '未能检查的原因']);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(summary.getColumn(7).width).toBeGreaterThanOrEqual(60);
    expect(summary.rowCount).toBe(4);
    const byFile = new Map<string, unknown[]>();
    for (let i = 2; i <= 4; i++) {
      const row = values(summary, i);
      const link = row[0] as { text: string; hyperlink: string };
      expect(link.hyperlink).toBe(`../${folder.split('/').pop()}/${link.text}`);
      byFile.set(link.text, row);
    }
    expect(byFile.get('甲单位.xlsx')!.slice(1, 6)).toEqual(['未发现问题', 14, 0, 0, 0]);
    const yi = byFile.get('乙单位.xlsx')!;
    expect(yi[1]).toBe('有错误');
    expect(yi[3]).toBeGreaterThan(0);
    expect(byFile.get('丙单位.xlsx')!.slice(1, 3)).toEqual(['无法读取', undefined]);
    expect(byFile.get('丙单位.xlsx')![6]).toContain('不是有效的 .xlsx');

    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    expect(values(detail, 1)).toEqual(['文件', '表', '工作表', '单元格', '规则', '级别', '说明', '相关单元格']);
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(detail.getColumn(7).width).toBeGreaterThanOrEqual(80);
    const rows = Array.from({ length: detail.rowCount - 1 }, (_, i) => values(detail, i + 2));
    // Every finding of the faulty file is there (and none of the clean one's, which has none).
    expect(rows.length).toBe(yi[3] as number + (yi[4] as number) + (yi[5] as number));
    const planted = faulty.truth.planted[0];
    const hit = rows.find((row) => row[2] === planted.sheet && (row[3] as { text: string }).text.endsWith(`!${planted.cell}`) && row[5] === '错误');
    expect(hit).toBeDefined();
    expect(hit![0]).toBe('乙单位.xlsx');
    expect(String(hit![1])).toContain(`（${planted.sheet}）`);
    // The link opens the file (relative to the report) at the cell: file in the relationship, place in `location`.
    expect((hit![3] as { hyperlink: string }).hyperlink).toBe(`../${folder.split('/').pop()}/乙单位.xlsx`);
    const rowNumber = rows.indexOf(hit!) + 2;
    const zip = await JSZip.loadAsync(readFileSync(report));
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const link = new RegExp(`<hyperlink ref="D${rowNumber}" r:id="(rId\\d+)" location="([^"]+)"/>`).exec(sheetXml);
    expect(link).not.toBeNull();
    expect(link![2].replace(/&apos;/g, "'")).toBe(`'${planted.sheet}'!${planted.cell}`);
    const rels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string');
    expect(rels).toContain(`Id="${link![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="../${folder.split('/').pop()}/乙单位.xlsx" TargetMode="External"`);
    expect(String(hit![4])).toMatch(/^sum\./);
    expect(String(hit![6])).toMatch(/应为|相差/);
  });

  it('a single file gets a report too; an existing report is replaced only with --force', async () => {
    const outDir = scratch('juesuan-report-one-');
    const report = join(outDir, 'r.xlsx');
    expect((await run(['check', SAMPLE_XLSX, '--report', report])).code).toBe(0);
    expect((await readBack(report)).getWorksheet(SUMMARY_SHEET)!.rowCount).toBe(2);
    const again = await run(['check', SAMPLE_XLSX, '--report', report]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('文件已存在，未覆盖');
    expect((await run(['check', SAMPLE_XLSX, '--report', report, '--force'])).code).toBe(0);
  });

  it('link targets escape only what a link cannot hold and quote sheet names', () => {
    expect(linkTarget('/a/r', '/a/in/x 1#.xlsx', "O'Neil 表", 'B2')).toBe("../in/x%201%23.xlsx#'O''Neil 表'!B2");
    expect(linkTarget('/a', '/a/甲.xlsx', null, null)).toBe('甲.xlsx');
  });
});
