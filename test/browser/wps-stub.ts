// Stand-in for WPS 表格 in the browser tests: bundled by esbuild into one script that the tests
// run before the page's own scripts. It sets window.Application to the fake ET object model
// (test/fake-et) populated from the snapshot the test injects as globalThis.__JUESUAN_WPS__
// ({ snapshot, options }; null snapshot = WPS with no workbook open), and exposes the fake as
// window.__fakeEt for the test's assertions. Without a config the page sees a plain browser.
import { createFakeEt, type FakeEtOptions } from '../fake-et/fake-et';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const g = globalThis as unknown as Record<string, unknown>;
const cfg = g.__JUESUAN_WPS__ as { snapshot: WorkbookSnapshot | null; options?: FakeEtOptions } | null | undefined;
if (cfg) {
  const fake = createFakeEt(cfg.snapshot, cfg.options ?? {});
  g.Application = fake.Application;
  g.__fakeEt = fake;
}
