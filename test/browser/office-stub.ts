// Stand-in for office.js in the browser tests, bundled by esbuild into one script that the tests
// serve in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js (page.route).
// It exposes the fake Excel object model (test/fake-excel) populated from a snapshot the test
// injects as globalThis.__JUESUAN_STUB__ = { snapshot, options, officeTheme?, docSettings? }:
// officeTheme is what Office.context.officeTheme reports (彩色/深灰色/黑色 themes), docSettings
// are document settings saved in the workbook before the pane opens (e.g. a closed notice).
import { createFakeExcel } from '../fake-excel/fake-excel';
import type { FakeExcelOptions } from '../fake-excel/fake-excel';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const g = globalThis as unknown as Record<string, unknown>;
const cfg = g.__JUESUAN_STUB__ as {
  snapshot: WorkbookSnapshot;
  options?: FakeExcelOptions;
  host?: string | null;
  officeTheme?: Record<string, unknown>;
  docSettings?: Record<string, unknown>;
};
const fake = createFakeExcel(cfg.snapshot, cfg.options ?? {});
const office = fake.Office as Record<string, unknown> & { context: Record<string, unknown> & { document: { settings: Office.Settings } } };
if (cfg.officeTheme) office.context.officeTheme = cfg.officeTheme;
if (cfg.docSettings) {
  for (const [k, v] of Object.entries(cfg.docSettings)) office.context.document.settings.set(k, v);
  office.context.document.settings.saveAsync(() => undefined);
}
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
