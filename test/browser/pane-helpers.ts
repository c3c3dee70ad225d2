// Helpers shared by the browser tests of the pane and the offline page: waiting for 检查 and for
// the pane to be idle, axe-core accessibility checks, and the focused element.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ROOT } from './harness';

export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** Clicks 检查 and waits for the summary of the new check. */
export async function runCheck(page: Page): Promise<void> {
  const before = await page.getByTestId('check-summary').count();
  const old = before ? await page.getByTestId('check-summary').elementHandle() : null;
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.waitForFunction((prev) => {
    const el = document.querySelector('[data-testid="check-summary"]');
    return !!el && el !== prev && !document.querySelector('[aria-busy="true"]');
  }, old);
  // Or an empty-workbook notice: then there is no summary.
}

/** Opens a file in the offline page and waits until its name shows. */
export async function openFile(page: Page, path: string, name: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
  await page.waitForFunction((n) => document.querySelector('[data-testid="file-name"]')?.textContent?.includes(n), name);
  await idle(page);
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Tabster (Fluent UI v9's focus manager) adds invisible focus sentinels, `<i data-tabster-dummy
 * tabindex="0" aria-hidden="true">`, that hand focus on at once; axe flags them under
 * aria-hidden-focus. Fluent lists this as a known false positive, and Microsoft's Accessibility
 * Insights suppresses exactly these nodes (microsoft/accessibility-insights-web#7605, tabster#288).
 * Only those nodes are dropped: any other node of that rule still fails.
 */
function withoutTabsterSentinels(v: AxeViolation): AxeViolation | null {
  if (v.id !== 'aria-hidden-focus') return v;
  const nodes = v.nodes.filter((n) => !n.includes('data-tabster-dummy'));
  return nodes.length ? { ...v, nodes } : null;
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays as
 * it is) and returns the serious and critical violations; every violation is saved to
 * test-artifacts/axe-<label>.json for reading.
 */
export async function axe(page: Page, label: string): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!has) await page.evaluate(AXE_SOURCE);
  const run = page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    }));
  });
  // page.evaluate has no timeout of its own: a stalled axe run fails the test, naming the screen.
  let timer: NodeJS.Timeout | undefined;
  const all = (await Promise.race([
    run,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`axe-core did not finish on ${label} within 60 s`)), 60000))),
  ]).finally(() => clearTimeout(timer))) as AxeViolation[];
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `axe-${label}.json`), JSON.stringify(all, null, 2));
  return all
    .map(withoutTabsterSentinels)
    .filter((v): v is AxeViolation => v !== null && (v.impact === 'serious' || v.impact === 'critical'));
}

/** A short description of the focused element (test messages). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} ${(el.innerText || el.getAttribute('aria-label') || '').slice(0, 40)}`;
  });
}
