// Browser test harness: serves dist/ with scripts/serve.mjs on a random 127.0.0.1 port, drives the
// system Chromium through playwright-core, records every request (nothing may leave 127.0.0.1)
// and every console error / CSP violation, and saves screenshots into test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
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

/**
 * Sessions not yet closed. A test that times out never reaches its `finally`, and a Chromium left
 * running keeps Jest from exiting (CI then waits for its own time limit): setup-browser.ts closes
 * whatever is left after each file.
 */
const openSessions = new Set<Session>();

export async function closeAllSessions(): Promise<void> {
  await Promise.all([...openSessions].map((s) => s.close().catch(() => undefined)));
}

export async function openSession(width = 320, height = 900): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'juesuan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    timeout: 60000,
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
  const session: Session = {
    context,
    page,
    requests,
    problems,
    close: async () => {
      openSessions.delete(session);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  openSessions.add(session);
  return session;
}

/**
 * Runs `work`, failing with `what` and the last step it reached when it takes longer than `ms`
 * (a page.evaluate has no timeout of its own). The caller's `finally` then still runs.
 */
export async function withDeadline<T>(ms: number, what: string, work: (step: (name: string) => void) => Promise<T>): Promise<T> {
  let last = '(start)';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no progress within ${ms / 1000} s; last step reached: ${last}`)), ms);
  });
  try {
    return await Promise.race([work((name) => (last = name)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Requests that left the test server's origin (blob:/data: URLs are local). */
export function foreignRequests(requests: string[], origin: string, allowed: string[] = []): string[] {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:') && !allowed.includes(u));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // Let dialog fades and other transitions finish, so the picture shows what the officer sees.
  // Only finite, running animations are awaited (a spinner or a paused animation never finishes),
  // and never for more than 3 s.
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((r) => setTimeout(r, 3000)),
      ]),
    )
    .catch(() => undefined);
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

/** The office.js CDN URL taskpane.html loads; the tests answer it with the fake Office (office-stub.ts). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The fake Office (test/browser/office-stub.ts over test/fake-excel) bundled for the page. */
export async function buildOfficeStub(): Promise<string> {
  const out = await build({ entryPoints: [join(__dirname, 'office-stub.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2020', logLevel: 'silent' });
  return out.outputFiles[0].text;
}

/** The answer to the office.js request: the stub, told its workbook and options (read as globalThis.__JUESUAN_STUB__). */
export function officeStub(bundle: string, config: unknown): { contentType: string; body: string } {
  return { contentType: 'text/javascript; charset=utf-8', body: `globalThis.__JUESUAN_STUB__ = ${JSON.stringify(config)};\n${bundle}` };
}
