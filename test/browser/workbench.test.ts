// The offline page end to end, at 320 px (the narrowest task pane): sample loads, 检查, jump to a
// finding, apply/undo a fix on a planted fault (the grid and the list follow at once), marks,
// annotated download, 情况说明, unreadable and non-决算 workbooks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { SAMPLE_XLSX } from '../helpers';
import { openSession, screenshot, startServer, type Server, type Session, guardSession } from './harness';
import { idle, runCheck as check } from './pane-helpers';

const SUMMARY_SHEET = '1收入支出决算总表';
const PLANTED_CELL = 'C15'; // 本年收入合计 877.77 in the sample
const PLANTED_VALUE = 878.77;

let server: Server;
let s: Session;
let page: Page;
let expectedSheets: string[];
let plantedPath: string;

async function sampleSheetNames(): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_XLSX);
  return wb.worksheets.filter((w) => w.state === 'visible' || !w.state).map((w) => w.name);
}

async function plantFault(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_XLSX);
  wb.getWorksheet(SUMMARY_SHEET)!.getCell(PLANTED_CELL).value = PLANTED_VALUE;
  // A second, independent slip (2080106 基本支出 344.19 → 345.19): one finding per slip, so the list has two.
  wb.getWorksheet('3支出决算表')!.getCell('D9').value = 345.19;
  const path = join(mkdtempSync(join(tmpdir(), 'juesuan-fault-')), '含错误的决算.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const runCheck = () => check(page);
const gridCell = (sheet: string, addr: string) => page.locator(`[data-testid="grid"][data-sheet="${sheet}"] td[data-addr="${addr}"]`);

beforeAll(async () => {
  [server, expectedSheets, plantedPath] = await Promise.all([startServer(), sampleSheetNames(), plantFault()]);
  s = await openSession(320, 900);
  page = s.page;
});

guardSession(() => ({ s, server }));

test('the sample workbook loads by itself and its sheets are listed', async () => {
  await page.goto(server.url + 'workbench.html');
  await page.getByTestId('sheet-tabs').waitFor();
  const tabs = await page.getByTestId('sheet-tabs').getByRole('tab').allInnerTexts();
  expect(tabs.map((t) => t.trim())).toEqual(expectedSheets);
  await expect(page.getByTestId('file-name').innerText()).resolves.toContain('sample-2023-jiuye.xlsx');
  // The grid shows the first sheet's title cell.
  await expect(page.locator('[data-testid="grid"] td[data-addr="A1"]').innerText()).resolves.toContain('收入支出决算总表');
  expect(s.requests.some((u) => u.endsWith('/assets/sample-2023-jiuye.xlsx'))).toBe(true);
  await screenshot(page, 'workbench-01-loaded');
});

test('检查 lists the detected tables and a summary', async () => {
  await runCheck();
  const expected = JSON.parse(readFileSync(SAMPLE_XLSX.replace(/\.xlsx$/, '.tables.json'), 'utf8')) as { kind: string; sheet: string }[];
  await page.getByRole('button', { name: /识别出的表格/ }).click();
  const kinds = await page.locator('[data-testid="tables-list"] [data-table-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table-kind')));
  expect([...kinds].sort()).toEqual(expected.map((t) => t.kind).sort());
  const sheets = await page.locator('[data-testid="sheets-list"] li').allInnerTexts();
  expect(sheets.map((x) => x.replace(/（.*）$/, ''))).toEqual(expect.arrayContaining(expectedSheets));
  // The clean sample has no error.
  await expect(page.getByTestId('check-summary').innerText()).resolves.toMatch(/检查完成：(未发现问题|无错误)/);
  await screenshot(page, 'workbench-02-checked-sample');
  // Clicking a table selects its range in the grid.
  await page.locator('[data-testid="tables-list"] [data-table-kind="income"]').click();
  await expect(page.getByTestId('selection-info').innerText()).resolves.toMatch(/^选中：2收入决算表!A1:/);
});

test('a planted fault is found; clicking it selects its cell; the fix applies and undoes, and the grid follows at once', async () => {
  await page.getByTestId('file-input').setInputFiles(plantedPath);
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent?.includes('含错误的决算.xlsx'));
  await runCheck();
  const errors = page.locator('li[data-severity="error"]');
  expect(await errors.count()).toBeGreaterThan(0);
  // The sum rule reports the planted total with a suggested fix (877.77 = Σ items).
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.waitFor();
  await expect(planted.getAttribute('data-severity')).resolves.toBe('error');
  // Every finding says which row and column it is about, whatever its message says.
  await expect(planted.innerText()).resolves.toContain('行“本年收入合计”');
  // The grid shows the finding as soon as 检查 finishes (标记 is for writing into the file).
  const cell = gridCell(SUMMARY_SHEET, PLANTED_CELL);
  await expect(cell.getAttribute('data-finding')).resolves.toBe('error');
  await screenshot(page, 'workbench-03-planted-fault');

  await planted.locator('button').first().click();
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${SUMMARY_SHEET}!${PLANTED_CELL}`);
  await expect(cell.getAttribute('aria-current')).resolves.toBe('true');
  await expect(planted.getAttribute('data-current')).resolves.toBe('true');

  // Clicking another cell in the grid and back: the list follows the selection.
  await gridCell(SUMMARY_SHEET, 'A1').click();
  await expect(page.locator('li[data-current="true"]').count()).resolves.toBe(0);
  await cell.click();
  await expect(page.locator(`li[data-current="true"]`).getAttribute('data-cell')).resolves.toBe(`${SUMMARY_SHEET}!${PLANTED_CELL}`);

  await planted.getByRole('button', { name: '应用修正' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已应用修正' }).waitFor();
  await idle(page);
  await expect(cell.innerText()).resolves.toBe('877.77');
  // Re-checked at once: the cell is no longer in error, the finding shows as resolved, in place.
  await expect(cell.getAttribute('data-finding')).resolves.toBeNull();
  await expect(cell.getAttribute('data-fixed')).resolves.toBe('true');
  await expect(planted.getAttribute('data-resolved')).resolves.toBe('true');
  await expect(page.getByTestId('check-summary').innerText()).resolves.toMatch(/已解决 \d+ 条/);
  await screenshot(page, 'workbench-04-fix-applied');
  await page.getByRole('region', { name: '已应用的修正' }).getByRole('button', { name: '撤销' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销修正' }).waitFor();
  await idle(page);
  await expect(cell.innerText()).resolves.toBe('878.77');
  await expect(cell.getAttribute('data-finding')).resolves.toBe('error');
  await expect(cell.getAttribute('data-fixed')).resolves.toBeNull();
  await expect(planted.getAttribute('data-resolved')).resolves.toBeNull();
});

test('keyboard: findings, next/previous and the grid work without a mouse', async () => {
  await page.getByRole('button', { name: '下一条' }).focus();
  await page.keyboard.press('Enter');
  const first = await page.locator('li[data-current="true"]').getAttribute('data-cell');
  expect(first).toBeTruthy();
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${first}`);
  await page.keyboard.press('Enter'); // focus stays on 下一条
  const second = await page.locator('li[data-current="true"]').getAttribute('data-finding-index');
  await page.getByRole('button', { name: '上一条' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('li[data-current="true"]').getAttribute('data-finding-index')).not.toBe(second);

  // A finding is a real button: focus + Enter jumps to its cell.
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"]`).first();
  await planted.locator('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${SUMMARY_SHEET}!${PLANTED_CELL}`);

  // Arrow keys move the selection in the grid, and the list follows.
  await page.getByTestId('grid').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${SUMMARY_SHEET}!C16`);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('li[data-current="true"]').getAttribute('data-cell')).resolves.toBe(`${SUMMARY_SHEET}!${PLANTED_CELL}`);
});

test('全部修正 previews every change before applying', async () => {
  const fixAll = page.getByRole('button', { name: /^全部修正/ });
  await fixAll.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const rows = dialog.locator('li[data-fix-cell]');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(dialog.locator(`li[data-fix-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"]`).count()).resolves.toBe(1);
  await screenshot(page, 'workbench-05-fix-all-preview');
  const n = await rows.count();
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  const cell = gridCell(SUMMARY_SHEET, PLANTED_CELL);
  await expect(cell.innerText()).resolves.toBe('878.77'); // cancel changed nothing

  await fixAll.click();
  await page.getByRole('dialog').getByRole('button', { name: `应用全部 ${n} 项` }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: `已应用全部 ${n} 项修正` }).waitFor();
  await idle(page);
  await expect(cell.innerText()).resolves.toBe('877.77');
  await expect(fixAll.isDisabled()).resolves.toBe(true);
  // After 全部修正 the workbook is consistent again: no cell of the sheet is painted as an error.
  await expect(page.locator('[data-testid="grid"] td[data-finding="error"]').count()).resolves.toBe(0);
  // Each applied fix is undone on its own.
  const undo = page.getByRole('region', { name: '已应用的修正' }).getByRole('button', { name: '撤销' });
  expect(await undo.count()).toBe(n);
  for (let i = 0; i < n; i++) {
    await undo.first().click();
    await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销修正' }).waitFor();
    await idle(page);
  }
  await expect(cell.innerText()).resolves.toBe('878.77');
});

test('marks are written into the file (a corner triangle on the grid), and the annotated workbook downloads with them', async () => {
  await page.getByRole('tab', { name: new RegExp(`^${SUMMARY_SHEET}`) }).click();
  const cell = gridCell(SUMMARY_SHEET, PLANTED_CELL);
  await expect(cell.getAttribute('data-mark')).resolves.toBeNull(); // findings are painted, nothing written yet
  await expect(cell.getAttribute('data-finding')).resolves.toBe('error');
  await page.getByRole('button', { name: '标记到单元格' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已在工作簿中标记' }).waitFor();
  await expect(cell.getAttribute('data-mark')).resolves.toBe('true');
  await screenshot(page, 'workbench-06-marked');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存标注副本' }).click()]);
  expect(download.suggestedFilename()).toBe('含错误的决算-已标注.xlsx');
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path!);
  const c = wb.getWorksheet(SUMMARY_SHEET)!.getCell(PLANTED_CELL);
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  expect(fill?.type).toBe('pattern');
  expect(fill?.pattern).toBe('solid');
  expect(c.note).toBeTruthy();
  expect(c.value).toBe(PLANTED_VALUE); // marking never changes a figure

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已清除' }).waitFor();
  await expect(page.locator('[data-testid="grid"] td[data-mark]').count()).resolves.toBe(0);
  // The findings stay painted: clearing marks only restores the file's formatting.
  await expect(cell.getAttribute('data-finding')).resolves.toBe('error');
});

test('生成情况说明 asks first when the tables contradict each other, then shows the narrative', async () => {
  // The planted workbook (本年收入合计 878.77) is still open: its figures contain an error.
  const generate = page.getByRole('button', { name: '生成情况说明' });
  await generate.click();
  let dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await expect(dialog.innerText()).resolves.toContain('表格中有');
  await screenshot(page, 'workbench-07a-narrative-guard');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.locator('[data-notice-intent="info"]').filter({ hasText: '未生成情况说明' }).waitFor();
  await expect(page.getByTestId('narrative-preview').count()).resolves.toBe(0);

  await generate.click();
  dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: '仍然生成' }).click();
  const preview = page.getByTestId('narrative-preview');
  await preview.waitFor();
  const text = await preview.innerText();
  expect(text).toContain('情况说明');
  expect(text).toContain('收入合计878.77万元'); // taken from the table as it stands
  await screenshot(page, 'workbench-07-narrative');
  await page.getByRole('radio', { name: '上海格式' }).check();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await expect(preview.isVisible()).resolves.toBe(true);
});

test("the officer's own text is checked against the tables, line by line", async () => {
  const text = ['一、收入决算情况', '2023年度收入合计878.77万元，其中：财政拨款收入840.77万元，占90.00%。'].join('\n');
  await page.getByLabel('粘贴您写的情况说明文字').fill(text);
  await page.getByRole('button', { name: '检查这段文字' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: '情况说明检查完成' }).waitFor();
  const items = page.getByRole('region', { name: '情况说明检查结果' }).locator('li[data-finding-index]');
  expect(await items.count()).toBeGreaterThan(0);
  const all = (await items.allInnerTexts()).join('\n');
  expect(all).toContain('第 2 行');
  expect(all).toMatch(/90\.00%/);
  // Clicking the finding selects its line in the text.
  await items.first().locator('button').first().click();
  const selected = await page.getByLabel('粘贴您写的情况说明文字').evaluate((ta: HTMLTextAreaElement) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
  expect(selected).toBe('2023年度收入合计878.77万元，其中：财政拨款收入840.77万元，占90.00%。');
  await screenshot(page, 'workbench-07b-own-text-checked');
});

test('the docx of the narrative downloads', async () => {
  const btn = page.getByRole('button', { name: '下载 Word' });
  const [download] = await Promise.all([page.waitForEvent('download'), btn.click()]);
  expect(download.suggestedFilename()).toBe('含错误的决算-情况说明.docx');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('an unreadable file gives a plain Chinese message and the page stays usable', async () => {
  const bad = join(mkdtempSync(join(tmpdir(), 'juesuan-bad-')), '坏文件.xlsx');
  writeFileSync(bad, 'this is not a workbook');
  await page.getByTestId('file-input').setInputFiles(bad);
  const msg = page.getByTestId('open-error').filter({ hasText: '无法打开“坏文件.xlsx”' });
  await msg.waitFor();
  const text = await msg.innerText();
  // Which file, what is wrong, what to do; no English beyond file-type names.
  expect(text).toContain('另存为 .xlsx');
  expect(text.replace(/\.xlsx?|Excel|WPS/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  expect(text).toContain('仍显示之前打开的“含错误的决算.xlsx”');
  await screenshot(page, 'workbench-08-bad-file');
});

test('an empty workbook and a workbook without 决算 tables get plain messages, and nothing is written to them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-misc-'));
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  await empty.xlsx.writeFile(join(dir, '空白.xlsx'));
  const other = new ExcelJS.Workbook();
  const ws = other.addWorksheet('采购清单');
  ws.addRows([['项目', '金额'], ['打印纸', 120], ['墨盒', 300]]);
  await other.xlsx.writeFile(join(dir, '采购清单.xlsx'));

  await page.getByTestId('file-input').setInputFiles(join(dir, '空白.xlsx'));
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent?.includes('空白.xlsx'));
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.locator('[data-notice-intent="warning"]').filter({ hasText: '工作簿是空的' }).waitFor();
  await screenshot(page, 'workbench-08a-empty');

  await page.getByTestId('file-input').setInputFiles(join(dir, '采购清单.xlsx'));
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent?.includes('采购清单.xlsx'));
  await runCheck();
  const box = page.getByTestId('not-recognised');
  await expect(box.innerText()).resolves.toContain('未识别出决算表格');
  // What was looked for is shown.
  await expect(box.innerText()).resolves.toContain('收入支出决算总表、收入决算表、支出决算表');
  await screenshot(page, 'workbench-08b-no-tables');

  // 重新计算 writes no 指标计算 sheet; 生成情况说明 writes no text.
  await page.getByRole('button', { name: '重新计算' }).click();
  await page.locator('[data-notice-intent="warning"]').filter({ hasText: '未识别出决算表格，未写入“指标计算”' }).waitFor();
  await expect(page.getByTestId('sheet-tabs').getByRole('tab').allInnerTexts()).resolves.toEqual(['采购清单']);
  await page.getByRole('button', { name: '生成情况说明' }).click();
  await page.locator('[data-notice-intent="warning"]').filter({ hasText: '未生成情况说明' }).waitFor();
  await expect(page.getByTestId('narrative-preview').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: '标记到单元格' }).count()).resolves.toBe(0); // no tools without tables
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存标注副本' }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['采购清单']);
  await screenshot(page, 'workbench-08c-no-tables-recalc');
});

test('a workbook dropped on the page opens', async () => {
  const b64 = readFileSync(SAMPLE_XLSX).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], '拖入的决算.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const target = document.querySelector('[role="toolbar"]')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent?.includes('拖入的决算.xlsx'));
  const tabs = await page.getByTestId('sheet-tabs').getByRole('tab').allInnerTexts();
  expect(tabs.map((t) => t.trim())).toEqual(expectedSheets);
});

test('at desktop width the grid and the pane stand side by side', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '打开文件' }).waitFor();
  const grid = await page.getByTestId('grid').boundingBox();
  const pane = await page.getByRole('complementary', { name: '决算助手任务窗格' }).boundingBox();
  expect(grid && pane).toBeTruthy();
  expect(pane!.x).toBeGreaterThan(grid!.x + grid!.width - 1);
  await screenshot(page, 'workbench-09-desktop');
  await page.setViewportSize({ width: 320, height: 900 });
});
