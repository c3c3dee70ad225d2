// The plain pane that Internet Explorer 11 (Office 2016/2019 volume licence) gets, in Chromium: the page reports
// IE11's user agent (so the boot script picks the ES5 path) and, before any script runs, loses the
// built-ins IE11 does not have (Promise, Symbol, Array.from, Object.assign, String#includes…), so
// the plain pane and its core must bring their own (core-js). office.js is the fake Excel limited
// to ExcelApi 1.1, the floor of Office 2016.
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeExcelOptions } from '../fake-excel/fake-excel';
import { loadSample } from '../helpers';
import { buildOfficeStub, guardSession, OFFICE_JS, officeStub, openSession, screenshot, startServer, type Server, type Session } from './harness';

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const S1 = '1收入支出决算总表';
const PLANTED = 'C15';

// What IE11 lacks and the pane's code or its libraries use. Deleted before any script runs (not
// globalThis, which the test's office.js stand-in itself needs).
const NOT_IN_IE11 = `(() => {
  const drop = (o, names) => names.forEach((n) => { try { delete o[n]; } catch (e) {} });
  drop(window, ['Promise', 'Symbol', 'WeakSet', 'Reflect', 'queueMicrotask', 'fetch']);
  drop(Array, ['from', 'of']);
  drop(Array.prototype, ['includes', 'find', 'findIndex', 'fill', 'flat', 'flatMap', 'at', 'copyWithin', 'entries', 'keys', 'values']);
  drop(Object, ['assign', 'entries', 'values', 'fromEntries', 'getOwnPropertyDescriptors', 'is']);
  drop(String.prototype, ['includes', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'repeat', 'trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at', 'codePointAt']);
  drop(String, ['fromCodePoint', 'raw']);
  drop(Number, ['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt', 'EPSILON', 'MAX_SAFE_INTEGER']);
  drop(Math, ['trunc', 'sign', 'log10', 'log2', 'hypot', 'cbrt', 'expm1', 'fround']);
  window.__ie11Shape = true;
})();`;

type FakeWindow = {
  __fake: {
    cell(sheet: string, a: string): { v: unknown; fill?: { color: string | null } } | undefined;
    doc: { selection: { sheet: string; address: string }; sheets: { name: string }[]; notes: unknown[] };
  };
};

let server: Server;
let s: Session;
let page: Page;
let stubBundle: string;
let faulty: WorkbookSnapshot;
let stubConfig: { snapshot: WorkbookSnapshot; options?: FakeExcelOptions };

const fillOf = (sheet: string, a: string): Promise<string | null> => page.evaluate(([sh, ad]) => (window as unknown as FakeWindow).__fake.cell(sh, ad)?.fill?.color ?? null, [sheet, a]);
const valueOf = (sheet: string, a: string): Promise<unknown> => page.evaluate(([sh, ad]) => (window as unknown as FakeWindow).__fake.cell(sh, ad)?.v, [sheet, a]);

async function click(name: string, notice: RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: notice }).first().waitFor();
}

beforeAll(async () => {
  const [srv, sample, bundle] = await Promise.all([
    startServer(),
    loadSample(),
    buildOfficeStub(),
  ]);
  server = srv;
  stubBundle = bundle;
  faulty = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  faulty.sheets.find((x) => x.name === S1)!.cells[14]![2] = { v: 878.77, z: '0.00' };
  s = await openSession(320, 900);
  page = s.page;
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: IE11 });
  await page.addInitScript(NOT_IN_IE11);
  await page.route(OFFICE_JS, (route) => route.fulfill(officeStub(stubBundle, stubConfig)));
});

guardSession(() => ({ s, server }), [OFFICE_JS]);

test('IE11 gets the plain pane: only the ES5 scripts load, and it says what Office 2016 cannot do', async () => {
  stubConfig = { snapshot: faulty, options: { excelApi: '1.1' } };
  s.requests.length = 0;
  await page.goto(server.url + 'taskpane.html');
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __ie11Shape?: boolean; Promise?: unknown }).__ie11Shape)).toBe(true);
  const scripts = s.requests.filter((u) => u.startsWith(server.origin) && u.endsWith('.js')).map((u) => u.slice(server.origin.length + 1));
  expect(scripts.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['legacy/boot', 'legacy/legacy-engine', 'legacy/legacy-pane']);
  await page.getByText('功能限制').waitFor();
  await expect(page.locator('.lp-limits').innerText()).resolves.toMatch(/ExcelApi 1\.13/);
  await expect(page.getByRole('link', { name: '离线版' }).getAttribute('href')).resolves.toBe('workbench.html');
  await screenshot(page, 'legacy-01-ready');
});

test('检查 lists the findings; clicking one selects its cell in Excel', async () => {
  await click('检查', /检查完成/);
  const planted = page.locator(`li[data-cell="${S1}!${PLANTED}"]`).first();
  await planted.waitFor();
  await expect(planted.innerText()).resolves.toMatch(/错误/);
  // No false errors at ExcelApi 1.1: the merged headers came from the workbook file.
  const errors = page.locator('li.lp-error');
  const n = await errors.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(errors.nth(i).getAttribute('data-cell')).resolves.toBe(`${S1}!${PLANTED}`);
  await screenshot(page, 'legacy-02-checked');
  await planted.getByRole('button').click();
  // Polled from Node: Playwright's in-page waitForFunction iterates a Map, which the page's
  // core-js Map (installed because Symbol was removed) does not let native code do.
  const selection = () => page.evaluate(() => (window as unknown as FakeWindow).__fake.doc.selection);
  for (let i = 0; i < 40 && (await selection()).address !== PLANTED; i++) await page.waitForTimeout(50);
  expect(await selection()).toEqual({ sheet: S1, address: PLANTED });
});

test('标记 paints fills only (no notes before ExcelApi 1.10); 清除标记 restores them', async () => {
  await click('标记到单元格', /已标记/);
  expect(await fillOf(S1, PLANTED)).toBe('#FFC7CE');
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__fake.doc.notes.length)).toBe(0);
  await click('清除标记', /已清除标记/);
  expect(await fillOf(S1, PLANTED)).toBeNull();
});

test('生成情况说明 asks first on errors, writes the sheet 情况说明, and asks before overwriting it', async () => {
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  const ask = page.getByRole('alertdialog');
  await ask.getByText('表格中有').waitFor();
  await ask.getByRole('button', { name: '仍然生成' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已写入“情况说明”' }).waitFor();
  expect(await valueOf('情况说明', 'A1')).toMatch(/情况说明$/);
  expect(typeof (await valueOf('情况说明', 'A3'))).toBe('string');
  await screenshot(page, 'legacy-03-narrative');
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  await ask.getByRole('button', { name: '仍然生成' }).click();
  await ask.getByText('覆盖“情况说明”工作表？').waitFor();
  await ask.getByRole('button', { name: '取消' }).click();
  await page.locator('[data-notice-intent="info"]').filter({ hasText: '未写入“情况说明”' }).waitFor();
  // The Shanghai layout, overwriting: 其他重要事项 gathers the last sections.
  const headings = () => page.evaluate(() => {
    const f = (window as unknown as FakeWindow).__fake;
    const out: unknown[] = [];
    for (let r = 1; r <= 120; r++) out.push(f.cell('情况说明', `A${r}`)?.v);
    return out.filter((v) => typeof v === 'string' && /^[一二三四五六七八九十]+、/.test(v as string));
  });
  expect(await headings()).not.toContain('十、预算绩效管理情况');
  await page.getByLabel('情况说明格式').selectOption('shanghai');
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  await ask.getByRole('button', { name: '仍然生成' }).click();
  await ask.getByRole('button', { name: '覆盖' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已写入“情况说明”' }).waitFor();
  expect(await headings()).toEqual(expect.arrayContaining(['十、预算绩效管理情况', '十一、其他重要事项的情况说明']));
});

test('outside Excel, or without office.js, the plain pane says so plainly', async () => {
  stubConfig = { snapshot: faulty, options: { excelApi: '1.1' } };
  await page.route(OFFICE_JS, (route) => route.fulfill(officeStub(stubBundle, { ...stubConfig, host: null })));
  await page.goto(server.url + 'taskpane.html');
  await page.getByText('请在 Excel 中打开决算助手').waitFor();
  await page.unroute(OFFICE_JS);
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: '/* an office.js that never defines Office */' }));
  await page.goto(server.url + 'taskpane.html');
  await page.getByText('无法加载 office.js').waitFor();
  await screenshot(page, 'legacy-04-no-office-js');
});
