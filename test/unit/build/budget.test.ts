// What each webview downloads before the officer can click 检查: the boot script plus the full
// pane (ES2017, every webview but IE11) or plus the plain pane and its core (ES5, IE11). Each
// path stays within the pane's 300 KB gzip budget, and the heavy libraries stay out of both.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootAttributes, DIST, ensureDist } from './dist';

const BUDGET = 300 * 1024;

beforeAll(ensureDist, 600_000);

it.each([
  ['full pane (EdgeHTML 18, WebView2, Mac, web)', 'data-pane'],
  ['plain pane (Internet Explorer 11)', 'data-legacy'],
])('%s: initial JS within 300 KB gzip, no exceljs, SheetJS or docx', (label, attribute) => {
  const boot = bootAttributes();
  const files = [...boot.src, ...boot[attribute]];
  const sizes = files.map((f) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  process.stdout.write(`${label}: ${(total / 1024).toFixed(1)} KB gzip (${files.map((f, i) => `${f} ${(sizes[i] / 1024).toFixed(1)}`).join(', ')})\n`);
  expect(total).toBeLessThanOrEqual(BUDGET);
  for (const f of files) {
    const js = readFileSync(join(DIST, f), 'utf8');
    expect(js).not.toContain('exceljs');
    expect(js).not.toContain('SheetJS');
    expect(js).not.toContain('w:document');
  }
});
