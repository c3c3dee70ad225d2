// Issue 10 as a finance officer meets it, in the offline page: the grid shows where the problems
// are (tab counts, a strip that keeps the active sheet in view, frozen headers and code/name
// columns, findings painted at once, cells updated after a fix), the 320 px layout (limits notice
// collapsed and remembered, the grid one tap from a finding, the narrative preview near the top),
// the keyboard path (Tab count after 检查, ↑/↓, Enter, F8/Shift+F8, 快捷键), dialogs without
// flashes, and workbooks in several layouts, including one that is not a 决算 at all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { allFaults, generateWorkbook } from '../fixtures/generator';
import { openSession, screenshot, startServer, type Server, type Session, guardSession } from './harness';
import { focused, idle, openFile, runCheck } from './pane-helpers';

let server: Server;
let s: Session;
let page: Page;
const files: Record<'hunan' | 'shanghai' | 'stacked' | 'random', string> = { hunan: '', shanghai: '', stacked: '', random: '' };
let plantedHunan: { sheet: string; cell: string }[] = [];

/** A workbook of random words and numbers: nothing in it is a 决算 table. */
async function randomWorkbook(path: string): Promise<void> {
  let seed = 7;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const words = ['项目', '金额', '合计', '备注', '日期', '数量', '单价', '部门', '摘要', '余额'];
  const wb = new ExcelJS.Workbook();
  for (const name of ['Sheet1', '数据', '草稿']) {
    const ws = wb.addWorksheet(name);
    for (let r = 0; r < 30; r++) ws.addRow(Array.from({ length: 8 }, () => (rnd() < 0.5 ? Math.round(rnd() * 100000) / 100 : words[Math.floor(rnd() * words.length)])));
  }
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-ux-'));
  const [srv, hunan, shanghai, stacked] = await Promise.all([
    startServer(),
    generateWorkbook({ unit: 'jiuye', layout: 'hunan', faults: allFaults() }),
    generateWorkbook({ unit: 'bigunit', layout: 'shanghai', faults: allFaults().slice(0, 6) }),
    generateWorkbook({ unit: 'bigunit', layout: 'hunan', stackTables: true, stackScorecards: true }),
  ]);
  server = srv;
  plantedHunan = hunan.truth.planted.map((p) => ({ sheet: p.sheet, cell: p.cell }));
  files.hunan = join(dir, '湖南-含错误.xlsx');
  files.shanghai = join(dir, '上海-含错误.xlsx');
  files.stacked = join(dir, '多表同页.xlsx');
  files.random = join(dir, '随机内容.xlsx');
  writeFileSync(files.hunan, hunan.bytes);
  writeFileSync(files.shanghai, shanghai.bytes);
  writeFileSync(files.stacked, stacked.bytes);
  await randomWorkbook(files.random);
  s = await openSession(320, 900);
  page = s.page;
  await page.goto(server.url + 'workbench.html');
  await page.getByTestId('sheet-tabs').waitFor();
});

guardSession(() => ({ s, server }));

const box = async (sel: ReturnType<Page['locator']>) => (await sel.boundingBox())!;

test('320 px: the limits notice is one line, opens on demand, and once closed stays closed for the next file and after a reload', async () => {
  const notice = page.getByTestId('limits-notice');
  await notice.waitFor();
  expect((await box(notice)).height).toBeLessThan(64);
  await notice.getByRole('button', { name: '查看详情' }).click();
  await expect(notice.innerText()).resolves.toContain('保存标注副本');
  await screenshot(page, 'ux-01-limits-open');
  await notice.getByRole('button', { name: /^关闭功能限制/ }).click();
  await expect(notice.count()).resolves.toBe(0);
  // Another file: still closed. A reload: still closed (localStorage).
  await openFile(page, files.hunan, '湖南-含错误.xlsx');
  await expect(page.getByTestId('limits-notice').count()).resolves.toBe(0);
  await page.reload();
  await page.getByTestId('sheet-tabs').waitFor();
  await page.getByTestId('limits-reopen').waitFor();
  await expect(page.getByTestId('limits-notice').count()).resolves.toBe(0);
  // It can be reopened, and closes again.
  await page.getByTestId('limits-reopen').click();
  await expect(page.getByTestId('limits-notice').innerText()).resolves.toContain('保存标注副本');
  await page.getByTestId('limits-notice').getByRole('button', { name: /^关闭功能限制/ }).click();
  await expect(page.getByTestId('limits-notice').count()).resolves.toBe(0);
});

test('keyboard: after 检查 focus is on the first finding (Tab count 0 ≤ 3); ↑/↓ move, Enter selects, Tab leaves the list', async () => {
  await openFile(page, files.hunan, '湖南-含错误.xlsx');
  await page.getByRole('button', { name: '检查', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('check-summary').waitFor();
  await idle(page);
  // Count the Tab presses from where focus lands to the first finding.
  const first = page.locator('li[data-finding-index] > button').first();
  let tabs = 0;
  while (!(await first.evaluate((el) => el === document.activeElement)) && tabs < 20) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  process.stdout.write(`Tab presses from focus after 检查 to the first finding: ${tabs}\n`);
  expect(tabs).toBeLessThanOrEqual(3);
  expect(await focused(page)).not.toBe('body');
  // The first finding is high enough to be seen without scrolling at 320 × 900 (was ~830 px down).
  expect((await box(first)).y).toBeLessThan(500);
  await screenshot(page, 'ux-02-checked-focus');

  const idx = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-finding-index') ?? null);
  const i0 = await idx();
  await page.keyboard.press('ArrowDown');
  const i1 = await idx();
  expect(i1).not.toBe(i0);
  await page.keyboard.press('ArrowUp');
  expect(await idx()).toBe(i0);
  await page.keyboard.press('End');
  const last = await idx();
  await page.keyboard.press('Home');
  expect(await idx()).toBe(i0);
  expect(last).not.toBe(i0);
  // Enter selects the finding's cell in the grid.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const cell = await page.locator(`li[data-finding-index="${i1}"]`).getAttribute('data-cell');
  await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${cell}`);
  await expect(page.locator('li[data-current="true"]').getAttribute('data-finding-index')).resolves.toBe(i1);
  // The list is one tab stop: Tab goes through this finding's own controls, then out of the list.
  let inside = 0;
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press('Tab');
    const inList = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="findings"]'));
    if (!inList) break;
    const sameItem = await page.evaluate((i) => document.activeElement?.closest('li')?.getAttribute('data-finding-index') === i, i1);
    expect(sameItem).toBe(true);
    inside++;
  }
  expect(inside).toBeLessThan(6);
});

test('F8 / Shift+F8 walk the problems from anywhere; focus stays where it was (grid) or follows (list)', async () => {
  const current = () => page.locator('li[data-current="true"]').getAttribute('data-finding-index');
  const before = await current();
  await page.getByTestId('grid').focus();
  await page.keyboard.press('F8');
  const next = await current();
  expect(next).not.toBe(before);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('grid');
  const nextCell = await page.locator(`li[data-finding-index="${next}"]`).getAttribute('data-cell');
  if (nextCell) await expect(page.getByTestId('selection-info').innerText()).resolves.toBe(`选中：${nextCell}`);
  await page.keyboard.press('Shift+F8');
  await expect(current()).resolves.toBe(before);
  // From the list, focus moves with the current finding.
  await page.locator(`li[data-finding-index="${before}"] > button`).focus();
  await page.keyboard.press('F8');
  await expect(page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-finding-index'))).resolves.toBe(await current());
});

test('快捷键 lists the keys; Esc closes it and focus returns to the button', async () => {
  const btn = page.getByRole('button', { name: '快捷键说明' });
  await btn.click();
  const table = page.getByTestId('shortcuts');
  await table.waitFor();
  const text = await table.innerText();
  for (const k of ['F8', 'Shift+F8', '↑ / ↓', 'Enter', '方向键']) expect(text).toContain(k);
  await screenshot(page, 'ux-03-shortcuts');
  await page.keyboard.press('Escape');
  await table.waitFor({ state: 'detached' });
  expect(await btn.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('sheet tabs carry the error/warning counts of the pane, and the strip keeps the active tab in view', async () => {
  // Counts on the tabs equal the findings listed for each sheet.
  const perSheet = await page.locator('li[data-cell]').evaluateAll((els) => {
    const m: Record<string, { error: number; warning: number }> = {};
    for (const el of els) {
      const sheet = el.getAttribute('data-cell')!.replace(/!.*$/, '');
      const sev = el.getAttribute('data-severity')!;
      m[sheet] ??= { error: 0, warning: 0 };
      if (sev === 'error' || sev === 'warning') m[sheet][sev]++;
    }
    return m;
  });
  for (const [sheet, c] of Object.entries(perSheet)) {
    const tab = page.locator(`[data-testid="sheet-tabs"] [data-sheet="${sheet}"]`);
    // (Fluent's Tab renders its content twice, once hidden to reserve the bold width.)
    if (c.error) await expect(tab.locator('[data-count="error"]').first().innerText()).resolves.toMatch(new RegExp(`^${c.error}`));
    if (c.warning) await expect(tab.locator('[data-count="warning"]').first().innerText()).resolves.toMatch(new RegExp(`^${c.warning}`));
  }
  // A finding on a sheet far to the right: its tab scrolls into view.
  const sheets = await page.getByTestId('sheet-tabs').getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')!));
  const far = [...plantedHunan].reverse().find((p) => sheets.indexOf(p.sheet) > 4);
  expect(far).toBeTruthy();
  await page.locator(`li[data-cell^="${far!.sheet}!"] > button`).first().click();
  const strip = await box(page.getByTestId('sheet-strip'));
  const tab = await box(page.locator(`[data-testid="sheet-tabs"] [data-sheet="${far!.sheet}"]`));
  expect(tab.x).toBeGreaterThanOrEqual(strip.x - 1);
  expect(tab.x + tab.width).toBeLessThanOrEqual(strip.x + strip.width + 1);
  await expect(page.locator(`[data-testid="sheet-tabs"] [data-sheet="${far!.sheet}"]`).getAttribute('aria-selected')).resolves.toBe('true');
  await screenshot(page, 'ux-04-far-tab-in-view');
});

test('the grid freezes the header rows and the 科目编码/科目名称 columns while scrolling', async () => {
  await page.getByRole('tab', { name: /^2收入决算表/ }).click();
  const grid = page.getByTestId('grid');
  await expect(grid.getAttribute('data-frozen-cols')).resolves.toBe('2');
  const frozenRows = (await grid.getAttribute('data-frozen-rows'))!.split(',').map(Number);
  expect(frozenRows.length).toBeGreaterThan(0);
  // Scroll to the far right and the bottom.
  await grid.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForTimeout(50);
  const g = await box(grid);
  const name = await box(grid.locator('tbody td[data-addr^="B"]').last());
  const header = await box(grid.locator(`tbody tr[data-row="${frozenRows[0]}"] td`).last());
  // The name of the last row is still at the left edge, and the header row is still at the top.
  expect(name.x).toBeLessThan(g.x + g.width / 2);
  expect(name.x).toBeGreaterThanOrEqual(g.x);
  expect(header.y).toBeGreaterThanOrEqual(g.y);
  expect(header.y).toBeLessThan(g.y + 120);
  await screenshot(page, 'ux-05-frozen-scrolled');
});

test('320 px: the grid is one tap from a finding (split panel), and can be folded away', async () => {
  const toggle = page.getByTestId('grid-toggle');
  await toggle.click(); // fold
  await expect(page.getByTestId('grid').count()).resolves.toBe(0);
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  await screenshot(page, 'ux-06-grid-folded');
  const item = page.locator('li[data-severity="error"][data-cell] > button').first();
  const cell = (await item.locator('xpath=..').getAttribute('data-cell'))!;
  await item.click(); // one tap
  const [sheet, addr] = [cell.replace(/!.*$/, ''), cell.replace(/^.*!/, '')];
  const td = page.locator(`[data-testid="grid"][data-sheet="${sheet}"] td[data-addr="${addr}"]`);
  await td.waitFor();
  const b = await box(td);
  expect(b.y + b.height).toBeLessThanOrEqual(900);
  expect(b.x).toBeLessThan(320);
  await expect(td.getAttribute('aria-current')).resolves.toBe('true');
  await screenshot(page, 'ux-07-grid-from-finding');
});

test('dialogs close without an empty 确定/取消 frame flashing', async () => {
  await page.getByRole('button', { name: '生成情况说明' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  // Watch every frame until the dialog is gone: its title and buttons never go blank.
  const watch = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const tick = () => {
          const d = document.querySelector('[role="alertdialog"]');
          if (!d) return resolve(seen);
          const title = d.querySelector('h2')?.textContent ?? '';
          const buttons = [...d.querySelectorAll('button')].map((b) => b.textContent ?? '').join('|');
          seen.push(`${title}#${buttons}`);
          requestAnimationFrame(tick);
        };
        tick();
      }),
  );
  await dialog.getByRole('button', { name: '取消' }).click();
  const frames = await watch;
  expect(frames.length).toBeGreaterThan(0);
  for (const f of frames) expect(f).toMatch(/^表格中有 \d+ 个错误#仍然生成\|取消$/);
  // Focus went back to the button that opened it.
  expect(await focused(page)).toContain('生成情况说明');
});

test('320 px: the narrative preview starts near the top (the missing list is one line until opened)', async () => {
  await page.getByRole('button', { name: '生成情况说明' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '仍然生成' }).click();
  const preview = page.getByTestId('narrative-preview');
  await preview.waitFor();
  await idle(page);
  const missing = page.getByTestId('narrative-missing');
  if (await missing.count()) {
    expect((await box(missing)).height).toBeLessThan(90);
    await missing.getByRole('button', { name: '查看' }).click();
    expect((await missing.locator('li').count())).toBeGreaterThan(0);
    await missing.getByRole('button', { name: '收起' }).click();
  }
  const pane = await box(page.getByRole('complementary', { name: '决算助手任务窗格' }));
  const top = (await box(preview)).y - pane.y;
  process.stdout.write(`narrative preview starts ${Math.round(top)} px below the top of the pane at 320 px\n`);
  expect(top).toBeLessThan(480);
  await screenshot(page, 'ux-08-narrative-320');
});

test('Shanghai layout and tables stacked on one sheet: faults found, frozen header rows per table', async () => {
  await openFile(page, files.shanghai, '上海-含错误.xlsx');
  await runCheck(page);
  expect(await page.locator('li[data-severity="error"]').count()).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="sheet-tabs"] [data-count="error"]').count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'ux-09-shanghai-checked');

  await openFile(page, files.stacked, '多表同页.xlsx');
  await runCheck(page);
  await expect(page.getByTestId('check-summary').innerText()).resolves.toMatch(/识别出 \d+ 张表/);
  await page.getByRole('tab', { name: /^公开表（一）/ }).click();
  const rows = (await page.getByTestId('grid').getAttribute('data-frozen-rows'))!.split(',').filter(Boolean).map(Number);
  // Three tables on the sheet: header rows of more than one table stick as they scroll past.
  const groups = rows.filter((r, i) => i === 0 || r !== rows[i - 1] + 1).length;
  expect(groups).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'ux-10-stacked');
});

test('a workbook of random content: no 决算 table recognised, what was looked for is shown, nothing is written', async () => {
  await openFile(page, files.random, '随机内容.xlsx');
  await runCheck(page);
  const box = page.getByTestId('not-recognised');
  await expect(box.innerText()).resolves.toContain('已查看全部 3 个工作表');
  await expect(box.innerText()).resolves.toContain('项目支出绩效自评表');
  await page.getByRole('button', { name: '重新计算' }).click();
  await page.locator('[data-notice-intent="warning"]').filter({ hasText: '未写入“指标计算”' }).waitFor();
  const tabs = await page.getByTestId('sheet-tabs').getByRole('tab').allInnerTexts();
  expect(tabs.map((t) => t.trim())).toEqual(['Sheet1', '数据', '草稿']);
  await screenshot(page, 'ux-11-random-content');
});

test('side by side from 900 px, stacked below', async () => {
  const pane = page.getByRole('complementary', { name: '决算助手任务窗格' });
  const grid = page.getByTestId('grid');
  // The layout follows the resize on the next render: wait for it instead of reading at once.
  const settles = async (holds: () => Promise<boolean>) => {
    for (let i = 0; i < 50 && !(await holds()); i++) await page.waitForTimeout(100);
    expect(await holds()).toBe(true);
  };
  await page.setViewportSize({ width: 900, height: 800 });
  await settles(async () => {
    const [g, p] = [await box(grid), await box(pane)];
    return p.x >= g.x + g.width - 1;
  });
  await page.setViewportSize({ width: 899, height: 800 });
  await page.getByTestId('grid-toggle').waitFor();
  await settles(async () => {
    const [g, p] = [await box(grid), await box(pane)];
    return g.y >= p.y + p.height - 1;
  });
  await page.setViewportSize({ width: 320, height: 900 });
});
