// The built pages for the build tests: dist/ is (re)built by the browser tests' global setup when
// it is missing or older than its sources, and read as it is under JUESUAN_SKIP_BUILD=1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist');

export async function ensureDist(): Promise<void> {
  const build = require(join(ROOT, 'test', 'browser', 'global-setup.js')) as () => Promise<void>;
  await build();
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/ was not built');
}

/** Every script webpack emitted (office.js copies excluded: Microsoft's, shipped as published). */
export function emittedScripts(): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== 'office-js' && r !== 'cli') walk(join(dir, e.name), r);
      } else if (e.name.endsWith('.js')) out.push(r);
    }
  };
  walk(DIST, '');
  return out.sort();
}

/** The scripts taskpane.html's boot script loads, by attribute (data-pane, data-legacy, …). */
export function bootAttributes(): Record<string, string[]> {
  const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
  const tag = /<script[^>]*id="juesuan-boot"[^>]*>/.exec(html)?.[0] ?? '';
  const out: Record<string, string[]> = { src: [/\bsrc="([^"]+)"/.exec(tag)?.[1] ?? ''] };
  for (const m of tag.matchAll(/\b(data-[a-z-]+)="([^"]*)"/g)) out[m[1]] = m[2].split(' ').filter(Boolean);
  return out;
}

export function read(file: string): string {
  return readFileSync(join(DIST, file), 'utf8');
}
