// 补充信息 in the offline page at 320 px: a workbook without the sheet gets it created (never
// overwritten), values typed in the pane are written to the sheet and reach the narrative, reasons
// typed inline are stored as 原因:… rows, and the text of a sheet's column A is checked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { SAMPLE_XLSX } from '../helpers';
import { ARTIFACTS, openSession, screenshot, startServer, type Server, type Session, guardSession } from './harness';
import { runCheck } from './pane-helpers';

let server: Server;
let s: Session;
let page: Page;
let dir: string;
let noSupPath: string;
let withTextPath: string;

async function variant(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_XLSX);
  edit(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function open(path: string, name: string) {
  await page.getByTestId('file-input').setInputFiles(path);
  await page.waitForFunction((n) => document.querySelector('[data-testid="file-name"]')?.textContent?.includes(n), name);
}

async function idle() {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

async function generate() {
  await page.getByRole('button', { name: '生成情况说明' }).click();
  await page.getByTestId('narrative-preview').waitFor();
  await idle();
}

const pane = () => page.getByRole('complementary', { name: '决算助手任务窗格' });
const paneTab = (name: string | RegExp) => pane().getByRole('tab', { name });
const preview = () => page.getByTestId('narrative-preview').innerText();
const field = (key: string) => page.locator(`li[data-sup-key="${key}"] input`);

async function saveAndDownload(): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存标注副本' }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  return wb;
}

function sheetRows(wb: ExcelJS.Workbook, name: string): Map<string, unknown> {
  const ws = wb.getWorksheet(name)!;
  const out = new Map<string, unknown>();
  ws.eachRow((row) => {
    const k = row.getCell(1).value;
    if (typeof k === 'string') out.set(k, row.getCell(2).value);
  });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juesuan-sup-'));
  [server, noSupPath, withTextPath] = await Promise.all([
    startServer(),
    variant('无补充信息.xlsx', (wb) => wb.removeWorksheet(wb.getWorksheet('补充信息')!.id)),
    variant('含情况说明.xlsx', (wb) => {
      const ws = wb.addWorksheet('情况说明');
      ws.getCell('A1').value = '第三部分 情况说明';
      ws.getCell('A2').value = '一、收入支出决算总体情况';
      // 收入合计 is 877.77 in the sample: 878.77 must be reported on line 3 (cell A3).
      ws.getCell('A3').value = '2023年度收入合计878.77万元，其中：财政拨款收入840.77万元。';
      // A key the generator does not know: shown as such, never deleted.
      wb.getWorksheet('补充信息')!.addRow(['联系人电话', '0745-1234567']);
    }),
  ]);
  s = await openSession(320, 900);
  page = s.page;
  await page.goto(server.url + 'workbench.html');
  await page.getByTestId('sheet-tabs').waitFor();
});

guardSession(() => ({ s, server }));

test('without 补充信息: the pane says what needs it, creates the sheet, and a value typed there reaches the narrative', async () => {
  await open(noSupPath, '无补充信息.xlsx');
  await generate();
  const bar = page.getByTestId('supplement-missing');
  await bar.waitFor();
  // Above the preview the bar is one line; its list opens on demand.
  await expect(bar.innerText()).resolves.not.toMatch(/与上年对比/);
  await bar.getByRole('button', { name: '哪些内容' }).click();
  await expect(bar.innerText()).resolves.toMatch(/与上年对比/);
  await expect(preview()).resolves.not.toContain('收、支总计各减少153.60万元');
  await screenshot(page, 'supplement-01-missing');

  await bar.getByRole('button', { name: '创建补充信息表' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已创建“补充信息”工作表' }).waitFor();
  await idle();
  // The sheet exists in the workbook with every key, and the form lists it.
  await expect(page.getByTestId('sheet-tabs').getByRole('tab', { name: '补充信息' }).count()).resolves.toBe(1);
  const form = page.getByTestId('supplement-form');
  await form.waitFor();
  await expect(page.locator('li[data-sup-key="上年收支总计"][data-needed="true"]').count()).resolves.toBe(1);
  await screenshot(page, 'supplement-02-created');

  // A bad number is refused with a message, nothing is written.
  await field('上年收支总计').fill('一千');
  await page.getByRole('button', { name: /^保存到补充信息表/ }).click();
  await form.getByText('不是数字').waitFor();
  await field('上年收支总计').fill('1,031.37');
  await field('因公出国团组').fill('2');
  await expect(page.getByRole('button', { name: /^保存到补充信息表/ }).innerText()).resolves.toContain('2 项');
  await screenshot(page, 'supplement-03-filled');
  // What the officer sees in a 900 px high pane: the save bar stays in reach while filling.
  await field('因公出国团组').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'supplement-03b-viewport.png') });
  const saveBox = await page.getByRole('button', { name: /^保存到补充信息表/ }).boundingBox();
  expect(saveBox!.y + saveBox!.height).toBeLessThanOrEqual(900);
  await page.getByRole('button', { name: /^保存到补充信息表/ }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已保存 2 项' }).waitFor();
  await idle();
  // The form now shows the saved value, no longer needed.
  await expect(field('上年收支总计').inputValue()).resolves.toBe('1031.37');
  await expect(page.locator('li[data-sup-key="上年收支总计"][data-needed="true"]').count()).resolves.toBe(0);

  await paneTab('情况说明').click();
  await expect(preview()).resolves.toContain('收、支总计各减少153.60万元');
  await screenshot(page, 'supplement-04-narrative-updated');

  // The written workbook holds the values in the 补充信息 sheet (a number, not text).
  const wb = await saveAndDownload();
  const rows = sheetRows(wb, '补充信息');
  expect(rows.get('上年收支总计')).toBe(1031.37);
  expect(rows.get('因公出国团组')).toBe(2);
  expect(rows.get('公务接待批次')).toBeNull(); // untouched keys stay blank
});

test('with the sample: changing a value changes the preview, undo restores it, and the saved file holds the value', async () => {
  await page.getByTestId('file-input').setInputFiles(SAMPLE_XLSX);
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent?.includes('sample-2023-jiuye.xlsx'));
  await generate();
  await expect(preview()).resolves.toContain('收、支总计各减少153.60万元');
  await paneTab(/^补充信息/).click();
  await expect(field('上年收支总计').inputValue()).resolves.toBe('1031.37');
  await expect(field('公务接待批次').inputValue()).resolves.toBe('15'); // read under its alias 公务接待团组
  await field('上年收支总计').fill('1,000.00');
  await page.getByRole('button', { name: /^保存到补充信息表（1 项）/ }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已保存 1 项' }).waitFor();
  await idle();
  await paneTab('情况说明').click();
  // 877.77 - 1000.00 = -122.23
  await expect(preview()).resolves.toContain('收、支总计各减少122.23万元');
  const wb = await saveAndDownload();
  const rows = sheetRows(wb, '补充信息');
  expect(rows.get('上年收支总计')).toBe(1000);
  expect(wb.getWorksheet('补充信息')!.getCell('B2').value).toBe(1000); // written in place, not appended
  expect(rows.get('公务接待团组')).toBe(15);

  await paneTab(/^补充信息/).click();
  await page.getByRole('button', { name: '撤销上次保存' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销上次保存' }).waitFor();
  await idle();
  await expect(field('上年收支总计').inputValue()).resolves.toBe('1031.37');
});

test('a reason typed inline is stored as a 原因 row and fills its 【请填写原因】', async () => {
  await paneTab('情况说明').click();
  const panel = page.getByTestId('reasons-panel');
  await panel.waitFor();
  const before = ((await preview()).match(/【请填写原因】/g) ?? []).length;
  expect(before).toBeGreaterThan(0);
  // The placeholder in the preview takes the officer to its field.
  await page.getByTestId('narrative-preview').getByRole('button', { name: '【请填写原因】' }).first().click();
  const focused = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-reason-subject'));
  expect(focused).toBe('收支总计');
  await page.keyboard.type('本年度部分专项业务移交其他单位');
  await screenshot(page, 'supplement-05-reason-typed');
  await panel.getByRole('button', { name: /^保存原因到补充信息表/ }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已保存 1 项' }).waitFor();
  await idle();
  const text = await preview();
  expect(text).toContain('收、支总计各减少153.60万元，下降14.89%。主要原因是本年度部分专项业务移交其他单位。');
  expect((text.match(/【请填写原因】/g) ?? []).length).toBe(before - 1);
  const rows = sheetRows(await saveAndDownload(), '补充信息');
  expect(rows.get('原因:收支总计')).toBe('本年度部分专项业务移交其他单位');
});

test('检查工作表中的文字 checks column A of a sheet, findings by line number', async () => {
  await open(withTextPath, '含情况说明.xlsx');
  await runCheck(page);
  await paneTab('情况说明').click();
  await page.getByRole('radio', { name: '工作表中的文字' }).check();
  await expect(page.getByLabel('选择工作表').inputValue()).resolves.toBe('情况说明');
  await page.getByRole('button', { name: '检查工作表中的文字' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: '情况说明检查完成' }).waitFor();
  const items = page.getByRole('region', { name: '情况说明检查结果' }).locator('li[data-finding-index]');
  expect(await items.count()).toBeGreaterThan(0);
  const all = (await items.allInnerTexts()).join('\n');
  expect(all).toContain('第 3 行');
  expect(all).toMatch(/877\.77/);
  await screenshot(page, 'supplement-06-sheet-text-checked');
  // Clicking the finding selects its cell in the workbook.
  await items.filter({ hasText: '第 3 行' }).first().locator('button').first().click();
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe('选中：情况说明!A3');

  await paneTab(/^补充信息/).click();
  const unknown = page.getByTestId('supplement-unknown');
  await expect(unknown.innerText()).resolves.toMatch(/联系人电话：0745-1234567/);
  await expect(page.locator('li[data-sup-key="联系人电话"]').count()).resolves.toBe(0);
  await screenshot(page, 'supplement-07-unknown-key');
});
