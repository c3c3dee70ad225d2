// The 情况说明 preview at 320 px on the offline page: every 【待补充：…】 placeholder is highlighted
// in the text, the missing facts are listed once above it, and no tool message shows. Screenshots:
// test-artifacts/narrative-preview-*.png.
import type { Page } from 'playwright-core';
import { openSession, screenshot, startServer, type Server, type Session, guardSession } from './harness';

let server: Server;
let s: Session;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  s = await openSession(320, 900);
  page = s.page;
  await page.goto(server.url + 'workbench.html');
  await page.getByTestId('sheet-tabs').waitFor();
});

guardSession(() => ({ s, server }));

async function generate(profile: '湖南格式' | '上海格式') {
  if (!(await page.getByTestId('narrative-preview').count())) {
    await page.getByRole('button', { name: '生成情况说明' }).click();
    await page.getByTestId('narrative-preview').waitFor();
  }
  await page.getByRole('radio', { name: profile }).check();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.waitForFunction((t) => document.querySelector('[data-testid="narrative-preview"]')?.textContent?.includes(t), profile === '上海格式' ? '第三部分' : '年度部门决算情况说明');
}

test.each(['湖南格式', '上海格式'] as const)('%s: placeholders are highlighted and listed once above the text', async (profile) => {
  await generate(profile);
  const preview = page.getByTestId('narrative-preview');
  const text = await preview.innerText();
  expect(text).not.toMatch(/补充信息缺少|缺少表|上年无数据/);
  // Every 【待补充：…】 in the text is a highlighted <mark>.
  const inText = text.match(/【待补充：[^】]*】/g) ?? [];
  expect(inText.length).toBeGreaterThan(0);
  const marked = await preview.locator('mark').allInnerTexts();
  for (const p of inText) expect(marked).toContain(p);
  const bg = await preview.locator('mark').first().evaluate((m) => getComputedStyle(m).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  // The list above the preview (one line until opened) names each missing fact once.
  const list = page.getByTestId('narrative-missing');
  await expect(list.innerText()).resolves.toMatch(/\d+ 项信息缺失，相关句子需要您补充/);
  const open = list.getByRole('button', { name: '查看' });
  if (await open.count()) await open.click(); // still open from the other profile otherwise
  const items = await list.locator('li').allInnerTexts();
  expect(new Set(items).size).toBe(items.length);
  expect(items.some((i) => i.includes('单价100万元以上设备'))).toBe(true);
  const listBox = await list.boundingBox();
  const previewBox = await preview.boundingBox();
  expect(listBox!.y).toBeLessThan(previewBox!.y);
  // Nothing overflows the 320 px pane.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(320);
  await screenshot(page, `narrative-preview-${profile === '湖南格式' ? 'hunan' : 'shanghai'}`);
  await preview.locator('mark').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-artifacts/narrative-preview-${profile === '湖南格式' ? 'hunan' : 'shanghai'}-placeholders.png` });
});
