// Browser test harness: serves dist/ with scripts/serve.mjs on a random 127.0.0.1 port, drives the
// system Chromium through playwright-core, records every request (nothing may leave 127.0.0.1)
// and every console error / CSP violation, and saves screenshots into test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Server {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${out}${err}`)), 10000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1];
        resolve({
          url,
          origin: url.replace(/\/$/, ''),
          close: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r();
              child.once('exit', () => r());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/at http/.test(out)) reject(new Error(`serve.mjs exited (${code}): ${out}${err}`));
    });
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested (including ones answered by page.route). */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
  close(): Promise<void>;
}

export async function openSession(width = 320, height = 900): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'juesuan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width, height },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Fail fast: every step of these pages takes well under a second.
  page.setDefaultTimeout(8000);
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    requests,
    problems,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Requests that left the test server's origin (blob:/data: URLs are local). */
export function foreignRequests(requests: string[], origin: string, allowed: string[] = []): string[] {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:') && !allowed.includes(u));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // Let dialog fades and other transitions finish, so the picture shows what the officer sees.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))).catch(() => undefined);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * The checks every browser test ends with, registered once per file: nothing left 127.0.0.1 (but
 * the `allowed` prefixes), no CSP violation or script error happened; then the browser and server
 * close. `current` gives the file's session and server as they are when the hooks run.
 */
export function guardSession(current: () => { s?: Session; server?: Server }, allowed: string[] = []): void {
  afterEach(() => {
    const { s, server } = current();
    expect(foreignRequests(s!.requests, server!.origin, allowed)).toEqual([]);
    expect(s!.problems).toEqual([]);
  });
  afterAll(async () => {
    const { s, server } = current();
    await s?.close();
    await server?.close();
  });
}
