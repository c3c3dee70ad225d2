// The task pane inside WPS 表格 (no WPS exists here): the WPS pane page (wps-taskpane.html) at a
// WPS task pane's width, with window.Application replaced by the fake ET object model
// (test/fake-et) — the real WpsHost runs against it. Also the 加载项's entry page and ribbon
// callbacks, the self-service install page, and the pane loaded from file:// as an offline
// 加载项 is loaded from the user's jsaddons folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FakeEtOptions } from '../fake-et/fake-et';
import { loadSample } from '../helpers';
import { foreignRequests, openSession, ROOT, screenshot, startServer, type Server, type Session } from './harness';

/** The width the ribbon gives the pane (src/wps/ribbon.js), in CSS pixels. */
const PANE_WIDTH = 360;
const SUMMARY_SHEET = '1收入支出决算总表';
const PLANTED_CELL = 'C15';
const WPS_SERVICE = ['http://127.0.0.1:58890/', 'http://localhost:58890/'];

let server: Server;
let s: Session;
let page: Page;
let stubBundle: string;
let faulty: WorkbookSnapshot;
let wpsConfig: { snapshot: WorkbookSnapshot | null; options?: FakeEtOptions } | null = null;

interface FakeCell {
  v: unknown;
  fill?: { color: number };
  comment?: { text: string };
}
type W = {
  __fakeEt: {
    cell(sheet: string, a: string): FakeCell | undefined;
    wb: { selection: { sheet: string; address: string }; activeSheet: string; sheets: { name: string }[] };
    userSelects(sheet: string, a: string): void;
    taskPanes: { url: string; Visible: boolean; Width: number; DockPosition: number }[];
    calls: number;
  };
  OnAddinLoad(ribbon: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
};

const stubScript = (original: string) => `globalThis.__JUESUAN_WPS__ = ${JSON.stringify(wpsConfig)};\n${stubBundle}\n${original}`;

async function openPane(config: typeof wpsConfig) {
  wpsConfig = config;
  await page.goto(server.url + 'wps-taskpane.html');
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
}

async function clickAndWait(name: string | RegExp, notice: string | RegExp) {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  // 检查 reports in the summary above the findings, the other actions in a notice.
  if (notice === '检查完成') return void (await page.getByTestId('check-summary').filter({ hasText: notice }).waitFor());
  await page.locator('[data-notice-intent]').filter({ hasText: notice }).first().waitFor();
}

const fakeCell = (sh: string, a: string) => page.evaluate(([x, y]) => (window as unknown as W).__fakeEt.cell(x, y) ?? null, [sh, a]);

beforeAll(async () => {
  const [srv, sample, bundle] = await Promise.all([
    startServer(),
    loadSample(),
    build({ entryPoints: [join(__dirname, 'wps-stub.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2020', logLevel: 'silent' }),
  ]);
  server = srv;
  stubBundle = bundle.outputFiles[0].text;
  faulty = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  faulty.sheets.find((x) => x.name === SUMMARY_SHEET)!.cells[14]![2] = { v: 878.77, z: '0.00' }; // 本年收入合计 877.77 → 878.77
  s = await openSession(PANE_WIDTH, 900);
  page = s.page;
  // The fake WPS is put in place by the first script each page loads (before the bundle).
  for (const script of ['wps/boot-check.js', 'wps/ribbon.js']) {
    const original = readFileSync(join(ROOT, 'dist', script), 'utf8');
    await page.route(server.url + script, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: stubScript(original) }));
  }
});

afterEach(() => {
  expect(foreignRequests(s.requests, server.origin).filter((u) => !WPS_SERVICE.some((w) => u.startsWith(w)))).toEqual([]);
  expect(s.problems).toEqual([]);
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

test('inside WPS 表格 the pane checks the workbook through WpsHost, and follows selections both ways', async () => {
  await openPane({ snapshot: faulty });
  await expect(page.getByText('功能限制').count()).resolves.toBe(0);
  await screenshot(page, 'wps-01-ready');
  await clickAndWait('检查', '检查完成');
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.waitFor();
  await screenshot(page, 'wps-02-checked');

  // Click → WPS selects the cell.
  await planted.locator('button').first().click();
  await page.waitForFunction(([sh, a]) => {
    const sel = (window as unknown as W).__fakeEt.wb.selection;
    return sel.sheet === sh && sel.address === a;
  }, [SUMMARY_SHEET, PLANTED_CELL]);
  // The user selects cells in WPS: the list follows.
  await page.evaluate((sh) => (window as unknown as W).__fakeEt.userSelects(sh, 'A1'), SUMMARY_SHEET);
  await page.waitForFunction(() => !document.querySelector('li[data-current="true"]'));
  await page.evaluate(([sh, a]) => (window as unknown as W).__fakeEt.userSelects(sh, a), [SUMMARY_SHEET, PLANTED_CELL]);
  await page.waitForFunction((c) => document.querySelector('li[data-current="true"]')?.getAttribute('data-cell') === c, `${SUMMARY_SHEET}!${PLANTED_CELL}`);
});

test('marks go into WPS (fill and 批注) and come off again', async () => {
  await clickAndWait('标记到单元格', '已在工作簿中标记');
  const marked = await fakeCell(SUMMARY_SHEET, PLANTED_CELL);
  expect(marked?.fill?.color).toBe(0xcec7ff); // #FFC7CE as ET's BGR
  expect(marked?.comment?.text).toMatch(/^决算助手：/);
  await screenshot(page, 'wps-03-marked');
  await clickAndWait('清除标记', '已清除');
  const after = await fakeCell(SUMMARY_SHEET, PLANTED_CELL);
  expect(after?.fill).toBeUndefined();
  expect(after?.comment).toBeUndefined();
});

test('a fix is written to WPS and undone', async () => {
  const planted = page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first();
  await planted.getByRole('button', { name: '应用修正' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已应用修正' }).waitFor();
  await expect(fakeCell(SUMMARY_SHEET, PLANTED_CELL).then((c) => c?.v)).resolves.toBe(877.77);
  await screenshot(page, 'wps-04-fix-applied');
  await page.getByRole('region', { name: '已应用的修正' }).getByRole('button', { name: '撤销' }).click();
  await page.locator('[data-notice-intent="success"]').filter({ hasText: '已撤销修正' }).waitFor();
  await expect(fakeCell(SUMMARY_SHEET, PLANTED_CELL).then((c) => c?.v)).resolves.toBe(878.77);
});

test('重新计算 and 情况说明 write their sheets into the WPS workbook', async () => {
  await clickAndWait('重新计算', /指标计算|没有可以计算的指标/);
  const sheets = () => page.evaluate(() => (window as unknown as W).__fakeEt.wb.sheets.map((x) => x.name));
  expect(await sheets()).toContain('指标计算');
  await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
  const guard = page.getByRole('alertdialog');
  await guard.waitFor();
  await guard.getByRole('button', { name: '仍然生成' }).click();
  await page.locator('[data-notice-intent]').filter({ hasText: '已生成情况说明' }).first().waitFor();
  await screenshot(page, 'wps-05-narrative');
  await clickAndWait('写入“情况说明”表', '已写入“情况说明”工作表');
  await expect(fakeCell('情况说明', 'A1').then((c) => c?.v)).resolves.toMatch(/\d{4}年度部门决算情况说明/);
});

test('a protected sheet: the fix fails with a clear message and nothing is written', async () => {
  await openPane({ snapshot: faulty, options: { protectedSheets: [SUMMARY_SHEET] } });
  await clickAndWait('检查', '检查完成');
  await page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"][data-has-fix="true"]`).first().getByRole('button', { name: '应用修正' }).click();
  const err = page.locator('[data-notice-intent="error"]').first();
  await err.waitFor();
  await expect(err.innerText()).resolves.toMatch(/受保护/);
  await expect(fakeCell(SUMMARY_SHEET, PLANTED_CELL).then((c) => c?.v)).resolves.toBe(878.77);
});

test('WPS 表格 with no workbook open: 检查 says to open one', async () => {
  await openPane({ snapshot: null });
  await page.getByRole('button', { name: '检查', exact: true }).click();
  const err = page.locator('[data-notice-intent="error"]').first();
  await err.waitFor();
  await expect(err.innerText()).resolves.toMatch(/没有打开的工作簿/);
  await screenshot(page, 'wps-06-no-workbook');
});

test('the WPS pane opened in a plain browser says where it belongs', async () => {
  wpsConfig = null;
  await page.goto(server.url + 'wps-taskpane.html');
  await page.getByText('请在 WPS 表格中打开决算助手').waitFor();
  await expect(page.getByRole('link', { name: '离线版' }).getAttribute('href')).resolves.toBe('workbench.html');
});

test('a WPS whose browser engine cannot run the pane gets an explanation instead of a blank pane', async () => {
  wpsConfig = { snapshot: faulty };
  await page.clock.install();
  // An engine too old for the bundle's syntax: the script fails to parse.
  await page.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'const a = { ...b ?? c };\n}' }));
  await page.goto(server.url + 'wps-taskpane.html');
  await expect(page.getByText('正在加载决算助手…').count()).resolves.toBe(1);
  await page.clock.fastForward(16000);
  await page.getByText('决算助手未能在此 WPS 中启动').waitFor();
  await expect(page.getByRole('link', { name: '离线版' }).getAttribute('href')).resolves.toBe('workbench.html');
  await page.unroute(/\/taskpane\.[0-9a-f]{8}\.js$/);
  const expected = s.problems.filter((p) => /^pageerror: .*(Unexpected|SyntaxError)/.test(p));
  expect(expected).toHaveLength(1);
  s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !expected.includes(p)));
});

test("the 加载项's entry page: OnAddinLoad and the ribbon's buttons open, size and toggle the pane", async () => {
  wpsConfig = { snapshot: faulty };
  await page.goto(server.url + 'index.html');
  await page.waitForFunction(() => typeof (window as unknown as W).OnAction === 'function');
  const panes = await page.evaluate(() => {
    const w = window as unknown as W;
    w.OnAddinLoad({ Invalidate() {} });
    w.OnAction({ Id: 'juesuanOpenPane' });
    const first = JSON.parse(JSON.stringify(w.__fakeEt.taskPanes));
    w.OnAction({ Id: 'juesuanOpenPane' }); // the same button hides it again
    return { first, after: JSON.parse(JSON.stringify(w.__fakeEt.taskPanes)), image: w.GetImage({ Id: 'juesuanOpenPane' }) };
  });
  expect(panes.first).toEqual([expect.objectContaining({ url: server.url + 'wps-taskpane.html', Visible: true, DockPosition: 2, Width: PANE_WIDTH })]);
  expect(panes.after).toEqual([expect.objectContaining({ Visible: false })]);
  // Every callback ribbon.xml names exists, and the image it returns is in the package.
  const ribbon = readFileSync(join(ROOT, 'dist', 'ribbon.xml'), 'utf8');
  const callbacks = [...ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1]);
  for (const cb of new Set(callbacks)) await expect(page.evaluate((n) => typeof (window as unknown as Record<string, unknown>)[n], cb)).resolves.toBe('function');
  expect((await page.request.get(server.url + panes.image)).status()).toBe(200);
});

test('publish.html registers this server as an online 加载项 with the local WPS service, as wpsjs does', async () => {
  const posted: { url: string; body: string | null }[] = [];
  const installed: unknown[] = [];
  for (const origin of WPS_SERVICE) {
    await page.route(origin + '**', async (route) => {
      const req = route.request();
      posted.push({ url: req.url(), body: req.postData() });
      const path = new URL(req.url()).pathname;
      const headers = { 'Access-Control-Allow-Origin': '*' };
      if (path === '/version') return route.fulfill({ status: 200, headers, body: '1.0.2' });
      if (path === '/publishlist') return route.fulfill({ status: 200, headers, contentType: 'application/json', body: JSON.stringify(installed) });
      if (path === '/deployaddons/runParams') {
        installed.push(JSON.parse(Buffer.from(req.postData() ?? '', 'base64').toString('utf8')));
        return route.fulfill({ status: 200, headers, body: 'OK' });
      }
      return route.fulfill({ status: 404, headers, body: '' });
    });
  }
  await page.goto(server.url + 'publish.html');
  await page.getByText('尚未安装。').waitFor();
  await expect(page.locator('#addin-url').innerText()).resolves.toBe(server.url);
  await page.getByRole('button', { name: '安装到 WPS 表格' }).click();
  await page.getByText('安装成功').waitFor();
  await screenshot(page, 'wps-07-publish');
  expect(installed).toEqual([{ cmd: 'enable', name: 'juesuan', url: server.url, addonType: 'et', online: 'true' }]);
  expect(posted.map((p) => new URL(p.url).pathname)).toEqual(['/version', '/publishlist', '/deployaddons/runParams']);
  for (const origin of WPS_SERVICE) await page.unroute(origin + '**');
});

test('publish.html without WPS on the machine: it tries to start the WPS service, then says what to do', async () => {
  for (const origin of WPS_SERVICE) await page.route(origin + '**', (route) => route.abort('connectionrefused'));
  await page.goto(server.url + 'publish.html');
  await page.getByText('无法连接本机的 WPS').waitFor({ timeout: 15000 });
  for (const origin of WPS_SERVICE) await page.unroute(origin + '**');
  // It asked the system to start WPS's local service (the scheme wpsjs's installer page uses), once.
  const handOff = s.requests.filter((u) => /^ksowpscloudsvr:/i.test(u));
  expect(handOff).toEqual(['ksowpscloudsvr://start=RelayHttpServer']);
  s.requests.splice(0, s.requests.length, ...s.requests.filter((u) => !handOff.includes(u)));
  // The refused connections and the ksoWPSCloudSvr:// hand-off are the console errors this test provoked.
  const expected = s.problems.filter((p) => /ERR_CONNECTION_REFUSED|Failed to load resource|ksoWPSCloudSvr|scheme/i.test(p));
  s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !expected.includes(p)));
});

test('offline 加载项: the pane works when loaded from the file system (the user\'s jsaddons folder)', async () => {
  const local = await openSession(PANE_WIDTH, 900);
  try {
    wpsConfig = { snapshot: faulty };
    await local.page.addInitScript({ content: stubScript('') });
    await local.page.goto('file://' + join(ROOT, 'dist', 'wps-taskpane.html'));
    await local.page.getByRole('button', { name: '检查', exact: true }).click();
    await local.page.getByTestId('check-summary').filter({ hasText: '检查完成' }).waitFor();
    await local.page.locator(`li[data-cell="${SUMMARY_SHEET}!${PLANTED_CELL}"]`).first().waitFor();
    expect(local.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(local.problems).toEqual([]);
  } finally {
    await local.close();
  }
});
