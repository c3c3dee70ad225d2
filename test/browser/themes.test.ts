// Every screen of the offline page and of the Excel task pane at 320 px and 1280 px, in light,
// dark and high contrast (forced colours): a screenshot of each into test-artifacts/ (theme-*.png,
// to be looked at) and an axe-core run on each that must report no serious or critical
// violation. The offline page follows the system's colour scheme; the Excel pane follows the
// Office theme (Office.context.officeTheme, set through the office.js stub).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { allFaults, generateWorkbook } from '../fixtures/generator';
import { loadSample } from '../helpers';
import { buildOfficeStub, OFFICE_JS, officeStub, foreignRequests, openSession, screenshot, startServer, withDeadline, type Server, type Session } from './harness';
import { axe, idle, openFile, runCheck, type AxeViolation } from './pane-helpers';

const OFFICE_THEMES = {
  colorful: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626' },
  black: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#363636', controlForegroundColor: '#FFFFFF' },
};

interface Scheme {
  id: 'light' | 'dark' | 'hc';
  colorScheme: 'light' | 'dark';
  forcedColors: 'none' | 'active';
  officeTheme: Record<string, string>;
}
const SCHEMES: Scheme[] = [
  { id: 'light', colorScheme: 'light', forcedColors: 'none', officeTheme: OFFICE_THEMES.colorful },
  { id: 'dark', colorScheme: 'dark', forcedColors: 'none', officeTheme: OFFICE_THEMES.black },
  // Windows high contrast (e.g. 高对比度黑色): forced colours over a dark system scheme.
  { id: 'hc', colorScheme: 'dark', forcedColors: 'active', officeTheme: OFFICE_THEMES.black },
];
const WIDTHS = [320, 1280];

let server: Server;
let stubBundle: string;
let faulty: WorkbookSnapshot;
const files = { hunan: '', random: '', bad: '' };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-themes-'));
  const [srv, hunan, bundle, sample] = await Promise.all([
    startServer(),
    generateWorkbook({ unit: 'jiuye', layout: 'hunan', faults: allFaults() }),
    buildOfficeStub(),
    loadSample(),
  ]);
  server = srv;
  stubBundle = bundle;
  faulty = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  faulty.sheets.find((x) => x.name === '1收入支出决算总表')!.cells[14]![2] = { v: 878.77, z: '0.00' };
  files.hunan = join(dir, '湖南-含错误.xlsx');
  writeFileSync(files.hunan, hunan.bytes);
  files.random = join(dir, '随机内容.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('采购清单');
  ws.addRows([['项目', '金额', '日期'], ['打印纸', 120, '3月'], ['墨盒', 300, '4月']]);
  await wb.xlsx.writeFile(files.random);
  files.bad = join(dir, '坏文件.xlsx');
  writeFileSync(files.bad, 'not a workbook');
});

afterAll(async () => {
  await server?.close();
});

/** The screen the running test last reached (named in a stall message). */
let reached: (name: string) => void = () => undefined;

/** Screenshot + axe of one state; violations are collected with the state's name. */
async function shot(page: Page, name: string, found: string[]): Promise<void> {
  reached(`screenshot ${name}`);
  await screenshot(page, name);
  reached(`axe ${name}`);
  const v: AxeViolation[] = await axe(page, name);
  for (const x of v) found.push(`${name}: ${x.impact} ${x.id} (${x.help}) ${x.nodes.slice(0, 2).join(' | ')}`);
}

async function withSession(width: number, scheme: Scheme, fn: (s: Session) => Promise<void>, origin: () => string, allowed: string[] = [], ms = 100000) {
  const s = await openSession(width, 900);
  try {
    await s.page.emulateMedia({ colorScheme: scheme.colorScheme, forcedColors: scheme.forcedColors });
    // Fails with the last screen reached (and closes the browser) well before Jest's own timeout.
    await withDeadline(ms, `${width}px ${scheme.id}`, (step) => {
      reached = step;
      return fn(s);
    });
    expect(foreignRequests(s.requests, origin(), allowed)).toEqual([]);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
}

/** Relative luminance of an 'rgb(r, g, b)' colour. */
function lum(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map((x) => Number(x) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(SCHEMES.flatMap((sc) => WIDTHS.map((w) => [sc, w] as const)))('%#', (scheme, width) => {
  const tag = `${width}-${scheme.id}`;

  test(`offline page, every screen, ${tag}`, async () => {
    await withSession(width, scheme, async (s) => {
      const page = s.page;
      const found: string[] = [];
      await page.goto(server.url + 'workbench.html');
      await page.getByTestId('sheet-tabs').waitFor();
      await idle(page);
      // The page follows the system's scheme (forced colours are applied by the browser).
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme.id === 'dark') expect(lum(bg)).toBeLessThan(0.2);
      if (scheme.id === 'light') expect(lum(bg)).toBeGreaterThan(0.8);
      if (scheme.id === 'hc') await expect(page.evaluate(() => matchMedia('(forced-colors: active)').matches)).resolves.toBe(true);
      await shot(page, `theme-wb-01-loaded-${tag}`, found);
      await page.getByTestId('limits-notice').getByRole('button', { name: '查看详情' }).click();
      await shot(page, `theme-wb-02-limits-${tag}`, found);

      await openFile(page, files.hunan, '湖南-含错误.xlsx');
      await runCheck(page);
      await shot(page, `theme-wb-03-checked-${tag}`, found);
      await page.keyboard.press('F8');
      await page.keyboard.press('F8');
      await shot(page, `theme-wb-04-selected-${tag}`, found);
      await page.locator('li[data-has-fix="true"]').first().getByRole('button', { name: '应用修正' }).click();
      await page.locator('[data-notice-intent="success"]').filter({ hasText: '已应用修正' }).waitFor();
      await idle(page);
      await shot(page, `theme-wb-05-fixed-${tag}`, found);
      await page.getByRole('button', { name: /^全部修正/ }).click();
      await page.getByRole('dialog').waitFor();
      await shot(page, `theme-wb-06-fixall-dialog-${tag}`, found);
      await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '生成情况说明' }).click();
      await page.getByRole('alertdialog').waitFor();
      await shot(page, `theme-wb-07-guard-dialog-${tag}`, found);
      await page.getByRole('alertdialog').getByRole('button', { name: '仍然生成' }).click();
      await page.getByTestId('narrative-preview').waitFor();
      await idle(page);
      await shot(page, `theme-wb-08-narrative-${tag}`, found);
      await page.getByRole('complementary').getByRole('tab', { name: /^补充信息/ }).click();
      await shot(page, `theme-wb-09-supplement-${tag}`, found);
      await page.getByRole('button', { name: '快捷键说明' }).click();
      await page.getByTestId('shortcuts').waitFor();
      await shot(page, `theme-wb-10-shortcuts-${tag}`, found);
      await page.keyboard.press('Escape');

      await openFile(page, files.random, '随机内容.xlsx');
      await runCheck(page);
      await shot(page, `theme-wb-11-not-recognised-${tag}`, found);
      await page.getByTestId('file-input').setInputFiles(files.bad);
      await page.getByTestId('open-error').waitFor();
      await shot(page, `theme-wb-12-bad-file-${tag}`, found);
      expect(found).toEqual([]);
    }, () => server.origin, [], 150000);
  }, 180000);

  test(`Excel task pane, every screen, ${tag}`, async () => {
    await withSession(
      width,
      scheme,
      async (s) => {
        const page = s.page;
        const found: string[] = [];
        let config: Record<string, unknown> = { snapshot: faulty, officeTheme: scheme.officeTheme };
        await page.route(OFFICE_JS, (route) => route.fulfill(officeStub(stubBundle, config)));
        await page.goto(server.url + 'taskpane.html');
        await page.getByRole('button', { name: '检查', exact: true }).waitFor();
        // The pane follows the Office theme: dark on 黑色, light on 彩色.
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (scheme.id === 'dark') expect(lum(bg)).toBeLessThan(0.2);
        if (scheme.id === 'light') expect(lum(bg)).toBeGreaterThan(0.8);
        await shot(page, `theme-tp-01-ready-${tag}`, found);
        await runCheck(page);
        await shot(page, `theme-tp-02-checked-${tag}`, found);
        await page.getByRole('button', { name: '重新计算' }).click();
        await page.locator('[data-notice-intent]').filter({ hasText: '指标计算' }).first().waitFor();
        await page.getByRole('button', { name: '重新计算' }).click();
        await page.getByRole('alertdialog').waitFor();
        await shot(page, `theme-tp-03-confirm-overwrite-${tag}`, found);
        await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });
        await page.getByRole('button', { name: '生成情况说明', exact: true }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: '仍然生成' }).click();
        await page.getByTestId('narrative-preview').waitFor();
        await idle(page);
        await shot(page, `theme-tp-04-narrative-${tag}`, found);
        config = { snapshot: faulty, officeTheme: scheme.officeTheme, options: { excelApi: '1.1' } };
        await page.goto(server.url + 'taskpane.html');
        await page.getByTestId('limits-notice').getByRole('button', { name: '查看详情' }).click();
        await shot(page, `theme-tp-05-old-excel-limits-${tag}`, found);
        expect(found).toEqual([]);
      },
      () => server.origin,
      [OFFICE_JS],
    );
  }, 120000);
});
