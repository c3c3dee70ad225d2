// taskpane.html in the other webviews Office uses, told apart by their user agents: EdgeHTML 18
// (retail Office 2016/2019, older Microsoft 365) and WebView2 get the full pane, not the plain one; the .docx download is offered
// only where a webview can save a file (WebView2 yes; Excel for Mac no, office-js #2700, and the
// pane says why); and when the pane's script cannot run at all, the boot script says so instead
// of leaving 正在加载… on screen.
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeExcelOptions } from '../fake-excel/fake-excel';
import { loadSample } from '../helpers';
import { buildOfficeStub, guardSession, OFFICE_JS, officeStub, openSession, screenshot, startServer, type Server, type Session } from './harness';

const EDGEHTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
const WEBVIEW2 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';

let server: Server;
let s: Session;
let page: Page;
let stubBundle: string;
let sample: WorkbookSnapshot;
let stubConfig: { snapshot: WorkbookSnapshot; options?: FakeExcelOptions };
let setAgent: (ua: string) => Promise<void>;

// In a page that says it is EdgeHTML 18, what EdgeHTML 18 does not have goes before any script
// runs: the ES2019+ library (core-js must bring it) and the web APIs Fluent UI calls unchecked
// (src/polyfills/edgehtml.ts must stand in). CSS cannot be taken away this way.
const NOT_IN_EDGEHTML = `(() => {
  if (!/Edge\\/18/.test(navigator.userAgent)) return;
  const drop = (o, names) => names.forEach((n) => { try { delete o[n]; } catch (e) {} });
  drop(window, ['ResizeObserver', 'WeakRef', 'FinalizationRegistry', 'queueMicrotask', 'structuredClone']);
  drop(Object, ['fromEntries', 'hasOwn']);
  drop(Array.prototype, ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex']);
  drop(String.prototype, ['trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at']);
  drop(Promise, ['allSettled', 'any']);
  window.__edgeHtmlShape = true;
})();`;

async function openAs(ua: string, options: FakeExcelOptions = {}, snapshot: WorkbookSnapshot = sample): Promise<string[]> {
  await setAgent(ua);
  stubConfig = { snapshot, options };
  s.requests.length = 0;
  await page.goto(server.url + 'taskpane.html');
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
  return s.requests.filter((u) => u.startsWith(server.origin) && u.endsWith('.js')).map((u) => u.slice(server.origin.length + 1).replace(/\.[0-9a-f]{8}\.js$/, ''));
}

/** The 功能限制 notice shows one line at first; its list on demand. */
async function openLimits(): Promise<void> {
  const limits = page.getByTestId('limits-notice');
  await limits.waitFor();
  const more = limits.getByRole('button', { name: '查看详情' });
  if (await more.count()) await more.click();
}

async function generate(): Promise<void> {
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  const guard = page.getByRole('alertdialog').getByRole('button', { name: '仍然生成' });
  await Promise.race([page.getByTestId('narrative-preview').waitFor(), guard.waitFor().then(() => guard.click(), () => undefined)]);
  await page.getByTestId('narrative-preview').waitFor();
}

beforeAll(async () => {
  const [srv, snap, bundle] = await Promise.all([
    startServer(),
    loadSample(),
    buildOfficeStub(),
  ]);
  server = srv;
  sample = snap;
  stubBundle = bundle;
  s = await openSession(320, 900);
  page = s.page;
  const cdp = await s.context.newCDPSession(page);
  setAgent = async (ua) => void (await cdp.send('Emulation.setUserAgentOverride', { userAgent: ua }));
  await page.addInitScript(NOT_IN_EDGEHTML);
  await page.route(OFFICE_JS, (route) => route.fulfill(officeStub(stubBundle, stubConfig)));
});

guardSession(() => ({ s, server }), [OFFICE_JS]);

test('EdgeHTML 18 gets the full pane and none of the ES5 files; it works without the APIs EdgeHTML lacks', async () => {
  const faulty = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  faulty.sheets.find((x) => x.name === '1收入支出决算总表')!.cells[14]![2] = { v: 878.77, z: '0.00' };
  const scripts = await openAs(EDGEHTML, { excelApi: '1.8' }, faulty);
  expect(await page.evaluate(() => (window as unknown as { __edgeHtmlShape?: boolean }).__edgeHtmlShape)).toBe(true);
  expect(scripts.slice(0, 2)).toEqual(['legacy/boot', 'taskpane']);
  expect(scripts.filter((f) => f.startsWith('legacy/'))).toEqual(['legacy/boot']);
  await page.getByRole('tab', { name: '情况说明' }).waitFor(); // the full pane's tabs, not the plain pane
  // EdgeHTML's webview cannot save a blob: 功能限制 says so (and no download is offered below).
  await openLimits();
  await page.getByText(/EdgeHTML）无法下载文件/).waitFor();
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByTestId('check-summary').filter({ hasText: '检查完成' }).waitFor();
  await page.getByRole('button', { name: '标记到单元格' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: /已在工作簿中标记|已标记/ }).first().waitFor();
  await screenshot(page, 'webviews-edgehtml-checked');
  await generate();
  await expect(page.getByRole('button', { name: /下载 Word/ }).count()).resolves.toBe(0);
});

test('WebView2 (Microsoft 365) offers the .docx and the download really happens', async () => {
  await openAs(WEBVIEW2);
  await generate();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Word/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/情况说明\.docx$/);
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已下载 Word 文档' }).waitFor();
});

test('Excel for Mac: no download button; 功能限制 says downloads do not work there and what to use', async () => {
  await openAs(MAC, { platform: 'Mac' });
  await openLimits();
  await page.getByText(/Excel for Mac 的任务窗格无法下载文件/).waitFor();
  await generate();
  await expect(page.getByRole('button', { name: /下载 Word/ }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: /写入“情况说明”表/ }).count()).resolves.toBe(1);
  await screenshot(page, 'webviews-mac-no-download');
});

test('a pane script that cannot run here: the boot script replaces 正在加载… with a plain message', async () => {
  await setAgent(EDGEHTML);
  stubConfig = { snapshot: sample };
  await page.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: 'const broken = { ...' }));
  try {
    await page.goto(server.url + 'taskpane.html');
    await page.getByText('决算助手无法在此 Excel 中启动').waitFor();
    await expect(page.getByRole('link', { name: '离线版' }).getAttribute('href')).resolves.toBe('workbench.html');
    await screenshot(page, 'webviews-boot-problem');
  } finally {
    await page.unroute(/\/taskpane\.[0-9a-f]{8}\.js$/);
  }
  // The syntax error this test planted is the only problem the page reported.
  const planted = s.problems.filter((p) => /Unexpected end of input|SyntaxError/.test(p));
  expect(planted.length).toBeGreaterThan(0);
  s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !planted.includes(p)));
});
