// Performance budget of the built pages: the task pane's initial JS ≤ 300 KB gzip, and the heavy
// libraries (exceljs, SheetJS, docx) are never in an initial bundle (they load on demand).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './harness';

const DIST = join(ROOT, 'dist');
const BUDGET = 300 * 1024;

/** Scripts a page loads before any user action (its <script src> tags on our origin). */
function initialScripts(page: string): string[] {
  const html = readFileSync(join(DIST, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

function gz(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

test.each(['taskpane.html', 'workbench.html'])('%s: initial JS within 300 KB gzip, heavy libraries split off', (page) => {
  const scripts = initialScripts(page);
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((n, f) => n + gz(f), 0);
  process.stdout.write(`${page}: initial JS ${(total / 1024).toFixed(1)} KB gzip (${scripts.join(', ')})\n`);
  expect(total).toBeLessThanOrEqual(BUDGET);
  for (const f of scripts) {
    const js = readFileSync(join(DIST, f), 'utf8');
    expect(js).not.toContain('exceljs'); // exceljs's browser build names itself in its banner
    expect(js).not.toContain('SheetJS');
    expect(js).not.toContain('w:document'); // docx's XML writer
  }
  // The chunks for those libraries exist (loaded by import()).
  expect(readdirSync(join(DIST, 'chunks')).length).toBeGreaterThan(0);
});
