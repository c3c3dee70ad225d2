// Stand-in for office.js in the browser tests, bundled by esbuild into one script that the tests
// serve in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js (page.route).
// It exposes the fake Excel object model (test/fake-excel) populated from a snapshot the test
// injects as globalThis.__JUESUAN_STUB__ = { snapshot, options }.
import { createFakeExcel } from '../fake-excel/fake-excel';
import type { FakeExcelOptions } from '../fake-excel/fake-excel';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const g = globalThis as unknown as Record<string, unknown>;
const cfg = g.__JUESUAN_STUB__ as { snapshot: WorkbookSnapshot; options?: FakeExcelOptions; host?: string | null };
const fake = createFakeExcel(cfg.snapshot, cfg.options ?? {});
const office = fake.Office as Record<string, unknown>;
office.HostType = { Excel: 'Excel', Word: 'Word' };
office.onReady = (cb?: (info: { host: string | null; platform: string }) => void) => {
  // host null: the page was opened in a plain browser, not inside Office.
  const info = { host: cfg.host === undefined ? 'Excel' : cfg.host, platform: 'PC' };
  return new Promise((resolve) => setTimeout(() => {
    cb?.(info);
    resolve(info);
  }, 0));
};
g.Office = office;
g.Excel = fake.Excel;
g.__fake = fake;
