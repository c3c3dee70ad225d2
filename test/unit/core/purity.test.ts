// The functional core must stay pure: no Office, React, DOM or Node. This test reads every
// source file under src/core and fails on any import that leaves src/core or any host global.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const CORE = resolve(__dirname, '..', '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FORBIDDEN_GLOBALS = /\b(document|window|navigator|localStorage|Office|Excel|process|Buffer|require|__dirname|fetch|XMLHttpRequest|globalThis)\s*[.(\[]/;

describe('src/core purity', () => {
  const sources = files(CORE);
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });
  it.each(sources.map((f) => [relative(CORE, f), f]))('%s imports only from src/core and uses no host globals', (_name, file) => {
    const src = stripComments(readFileSync(file, 'utf8'));
    const specs = [...src.matchAll(/(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    for (const spec of specs) {
      expect(spec.startsWith('.')).toBe(true);
      const target = resolve(dirname(file), spec);
      expect(target.startsWith(CORE)).toBe(true);
    }
    expect(src).not.toMatch(FORBIDDEN_GLOBALS);
  });
  it('the checker itself catches a violation', () => {
    const bad = stripComments("import { readFileSync } from 'node:fs';\nconst x = document.body;");
    expect(bad).toMatch(FORBIDDEN_GLOBALS);
    expect([...bad.matchAll(/from\s*['"]([^'"]+)['"]/g)][0][1]).toBe('node:fs');
  });
});
