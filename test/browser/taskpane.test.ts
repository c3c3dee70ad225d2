// The add-in's task pane (taskpane.html) at 320 px, with office.js replaced by the fake Excel
// object model (test/fake-excel) through page.route: the real ExcelHost runs against it.
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeExcelOptions } from '../fake-excel/fake-excel';
import { loadSample } from '../helpers';
import { buildOfficeStub, guardSession, OFFICE_JS, officeStub, openSession, screenshot, startServer, type Server, type Session } from './harness';
import { runCheck } from './pane-helpers';

const SUMMARY_SHEET = '1收入支出决算总表';
const PLANTED_CELL = 'C15';

let server: Server;
let s: Session;
let page: Page;
let stubBundle: string;
let faulty: WorkbookSnapshot;
let stubConfig: { snapshot: WorkbookSnapshot; options?: FakeExcelOptions; host?: string | null; officeTheme?: Record<string, unknown>; docSettings?: Record<string, unknown> };
/** When true, office.js cannot be fetched (an intranet without the CDN). */
let officeJsUnreachable = false;

type FakeWindow = { Office: { context: { document: { settings: { get(k: string): unknown } } } }; __fake: { cell(sheet: string, a: string): { v: unknown; fill?: { color: string | null } } | undefined; doc: { selection: { sheet: string; address: string }; sheets: { name: string }[] }; userSelects(sheet: string, a: string): void } };

async function openPane(config: typeof stubConfig) {
  stubConfig = config;
  await page.goto(server.url + 'taskpane.html');
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
}

async function clickAndWait(name: string | RegExp, notice: string | RegExp) {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: notice }).first().waitFor();
}

async function check() {
  await runCheck(page);
  await expect(page.getByTestId('check-summary').innerText()).resolves.toContain('检查完成');
}

beforeAll(async () => {
  const [srv, sample, bundle] = await Promise.all([
    startServer(),
    loadSample(),
    buildOfficeStub(),
  ]);
  server = srv;
  stubBundle = bundle;
  // Plant a fault: 本年收入合计 877.77 → 878.77.
  faulty = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  const sheet = faulty.sheets.find((x) => x.name === SUMMARY_SHEET)!;
  sheet.cells[14]![2] = { v: 878.77, z: '0.00' };
  s = await openSession(320, 900);
  page = s.page;
  await page.route(OFFICE_JS, (route) =>
    officeJsUnreachable ? route.abort('internetdisconnected') : route.fulfill(officeStub(stubBundle, stubConfig)),
  );
});

guardSession(() => ({ s, server }), [OFFICE_JS]);

test('the pane renders after Office.onReady and checks the workbook through ExcelHost', async () => {
  await openPane({ snapshot: faulty });
  await expect(page.getByText('功能限制').count()).resolves.toBe(0); // ExcelApi 1.18: nothing missing
  await screenshot(page, 'taskpane-01-ready');
  await check();
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.waitFor();
  await screenshot(page, 'taskpane-02-checked');

  // Click → Excel selects the cell.
  await planted.locator('button').first().click();
  await page.waitForFunction(([sh, a]) => {
    const sel = (window as unknown as FakeWindow).__fake.doc.selection;
    return sel.sheet === sh && sel.address.replace(/^.*!/, '').replace(/\$/g, '') === a;
  }, [SUMMARY_SHEET, PLANTED_CELL]);

  // The user selects another cell in Excel, then the planted one: the list follows.
  await page.evaluate((sh) => (window as unknown as FakeWindow).__fake.userSelects(sh, 'A1'), SUMMARY_SHEET);
  await page.waitForFunction(() => !document.querySelector('li[data-current="true"]'));
  await page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.userSelects(sh, a), [SUMMARY_SHEET, PLANTED_CELL]);
  await page.waitForFunction((c) => document.querySelector('li[data-current="true"]')?.getAttribute('data-cell') === c, `${SUMMARY_SHEET}!${PLANTED_CELL}`);
});

test('marks go into Excel and come off again', async () => {
  await clickAndWait('标记到单元格', '已在工作簿中标记');
  const fill = await page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.cell(sh, a)?.fill?.color ?? null, [SUMMARY_SHEET, PLANTED_CELL]);
  expect(fill).not.toBeNull();
  await clickAndWait('清除标记', '已清除');
  const after = await page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.cell(sh, a)?.fill?.color ?? null, [SUMMARY_SHEET, PLANTED_CELL]);
  expect(after).toBeNull();
});

test('a fix is written to Excel and undone', async () => {
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.getByRole('button', { name: '应用修正' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已应用修正' }).waitFor();
  const value = () => page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.cell(sh, a)?.v, [SUMMARY_SHEET, PLANTED_CELL]);
  await expect(value()).resolves.toBe(877.77);
  await screenshot(page, 'taskpane-03-fix-applied');
  await page.getByRole('region', { name: '已应用的修正' }).getByRole('button', { name: '撤销' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销修正' }).waitFor();
  await expect(value()).resolves.toBe(878.77);
});

test('marks follow a fix: the fixed cell loses its mark at once, undo brings it back', async () => {
  const fill = () => page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.cell(sh, a)?.fill?.color ?? null, [SUMMARY_SHEET, PLANTED_CELL]);
  await clickAndWait('标记到单元格', '已在工作簿中标记');
  expect(await fill()).not.toBeNull();
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.getByRole('button', { name: '应用修正' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已应用修正' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect(await fill()).toBeNull();
  await expect(planted.getAttribute('data-resolved')).resolves.toBe('true');
  await planted.getByRole('button', { name: '撤销' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销修正' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect(await fill()).not.toBeNull();
  await clickAndWait('清除标记', '已清除');
});

test('重新计算 writes 指标计算 and asks before overwriting it', async () => {
  await clickAndWait('重新计算', /指标计算|没有可以计算的指标/);
  const sheets = () => page.evaluate(() => (window as unknown as FakeWindow).__fake.doc.sheets.map((x) => x.name));
  expect(await sheets()).toContain('指标计算');
  await page.getByRole('button', { name: '重新计算' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await expect(dialog.innerText()).resolves.toContain('覆盖“指标计算”工作表？');
  await screenshot(page, 'taskpane-04-confirm-overwrite');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.locator('[data-notice-intent="info"]').filter({ hasText: '未写入“指标计算”' }).waitFor();
});

test('生成情况说明 asks first on a workbook with errors, previews the text and writes the 情况说明 sheet', async () => {
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  const guard = page.getByRole('alertdialog');
  await guard.waitFor();
  await expect(guard.innerText()).resolves.toContain('表格中有');
  await guard.getByRole('button', { name: '仍然生成' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: '已生成情况说明' }).first().waitFor();
  const preview = page.getByTestId('narrative-preview');
  await expect(preview.innerText()).resolves.toMatch(/\d{4}年度部门决算情况说明/); // the profile's title (issue 12)
  await expect(page.getByRole('button', { name: '下载 Word' }).count()).resolves.toBe(0); // offline page only
  await screenshot(page, 'taskpane-05-narrative');
  await clickAndWait('写入“情况说明”表', '已写入“情况说明”工作表');
  const a1 = await page.evaluate(() => (window as unknown as FakeWindow).__fake.cell('情况说明', 'A1')?.v);
  expect(a1).toMatch(/^\d{4}年度部门决算情况说明$/);
});

test('an old Excel (ExcelApi 1.1) gets a plain list of what is unavailable', async () => {
  await openPane({ snapshot: faulty, options: { excelApi: '1.1' } });
  const limits = page.getByTestId('limits-notice');
  await limits.waitFor();
  // One line at first; the list on demand.
  await expect(page.getByText('ExcelApi 1.13').count()).resolves.toBe(0);
  await limits.getByRole('button', { name: '查看详情' }).click();
  await expect(page.getByText('ExcelApi 1.13').count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'taskpane-06-old-excel');
  await check();
});

test('the pane follows the Office theme (黑色 → dark) even on a light system', async () => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openPane({ snapshot: faulty, officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' } });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(41, 41, 41)'); // Fluent's dark neutral background
  await openPane({ snapshot: faulty, officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' } });
  await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe('rgb(255, 255, 255)');
});

test('the limits notice, once closed, is remembered in the document settings', async () => {
  await openPane({ snapshot: faulty, options: { excelApi: '1.1' } });
  await page.getByTestId('limits-notice').getByRole('button', { name: /^关闭功能限制/ }).click();
  const saved = await page.evaluate(() => (window as unknown as FakeWindow).Office.context.document.settings.get('juesuan.pref.limits.dismissed'));
  expect(typeof saved).toBe('string');
  // The same workbook opened again (its settings saved with it): the notice stays closed.
  await openPane({ snapshot: faulty, options: { excelApi: '1.1' }, docSettings: { 'juesuan.pref.limits.dismissed': saved } });
  await page.getByTestId('limits-reopen').waitFor();
  await expect(page.getByTestId('limits-notice').count()).resolves.toBe(0);
  // Another workbook has its own settings: the notice shows there.
  await openPane({ snapshot: faulty, options: { excelApi: '1.1' } });
  await page.getByTestId('limits-notice').waitFor();
});

test('keyboard in Excel: 检查 by Enter, focus lands on the first finding; F8 selects the next problem in Excel', async () => {
  await openPane({ snapshot: faulty });
  await page.getByRole('button', { name: '检查', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('check-summary').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('li')?.hasAttribute('data-finding-index'));
  await page.keyboard.press('F8');
  const cell = await page.locator('li[data-current="true"]').getAttribute('data-cell');
  await page.waitForFunction((c) => {
    const sel = (window as unknown as FakeWindow).__fake.doc.selection;
    return `${sel.sheet}!${sel.address.replace(/^.*!/, '').replace(/\$/g, '')}` === c;
  }, cell);
});

test('a protected sheet: the fix fails with a clear message', async () => {
  await openPane({ snapshot: faulty, options: { protectedSheets: [SUMMARY_SHEET] } });
  await check();
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.getByRole('button', { name: '应用修正' }).click();
  const err = page.locator('[data-notice-intent="error"]').first();
  await err.waitFor();
  await expect(err.innerText()).resolves.toMatch(/保护/);
  await screenshot(page, 'taskpane-07-protected');
  const v = await page.evaluate(([sh, a]) => (window as unknown as FakeWindow).__fake.cell(sh, a)?.v, [SUMMARY_SHEET, PLANTED_CELL]);
  expect(v).toBe(878.77);
});

test('opened in a plain browser, the page says to use Excel or the offline page', async () => {
  stubConfig = { snapshot: faulty, host: null };
  await page.goto(server.url + 'taskpane.html');
  await page.getByText('请在 Excel 中打开决算助手').waitFor();
  await expect(page.getByRole('link', { name: '离线版' }).getAttribute('href')).resolves.toBe('workbench.html');
});

test('office.js unreachable (intranet without OFFICE_JS=local): a plain message, no crash', async () => {
  officeJsUnreachable = true;
  try {
    await page.goto(server.url + 'taskpane.html');
    await page.getByText('无法加载 office.js').waitFor();
    await expect(page.getByText('OFFICE_JS=local').count()).resolves.toBe(1);
    await screenshot(page, 'taskpane-08-no-office-js');
  } finally {
    officeJsUnreachable = false;
  }
  // The failed fetch is the only console error, and it is the one this test provoked.
  const expected = s.problems.filter((p) => /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p));
  expect(expected.length).toBeGreaterThan(0);
  s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !expected.includes(p)));
});
