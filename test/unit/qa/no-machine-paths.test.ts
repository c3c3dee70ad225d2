// No machine-specific paths in the repository (issue 11): the tests and scripts must pass in a clone
// at any path, and nothing may point at one developer's or one build machine's folders.
//
// What counts, in every text file under src/, test/, scripts/ and bin/ (code and comments alike):
//  - an absolute path under a root that holds one machine's home, checkout or scratch folders (the
//    ROOTS below: work, root, home, Users, mnt, media, srv, tmp, var/tmp, var/folders — the last
//    is macOS's temp) or a Windows user folder (drive letter, then Users or Documents and Settings).
//    Temporary folders come from os.tmpdir(), the shared material from ../shared beside the repo;
//  - only when the root starts the path: not preceded by a letter, digit, '.', '-', '~' or a slash,
//    so a relative 'src/root/x', a '../tmp/x' or the path part of a URL does not count.
// What does not count: the platform's own fixed paths (/dev/zero, /dev/null, /proc/…, /usr/bin/…,
// e.g. Debian's Chromium, always overridable) and URL paths served by the add-in ('/workbench.html').
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { REPO_ROOT } from '../../helpers';

const SCANNED = ['src', 'test', 'scripts', 'bin'];
const TEXT = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.md', '.html', '.css', '.xml', '.txt', '.yml', '.yaml', '.sh', '']);
// Built from pieces so that this file does not match itself.
const ROOTS = ['work', 'root', 'home', 'Users', 'mnt', 'media', 'srv', 'tmp', 'var/tmp', 'var/folders'];
const UNIX = new RegExp(`(?<![\\w.~/-])/(?:${ROOTS.join('|')})(?=/|\\b)`, 'g');
const WINDOWS = /(?<![\w])[A-Za-z]:(?:\\\\?|\/)(?:Users|Documents and Settings)\b/g;

export function machinePaths(text: string): string[] {
  const hits: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const re of [UNIX, WINDOWS]) for (const m of line.matchAll(re)) hits.push(`${i + 1}: ${line.trim().slice(0, 140)}  ← ${m[0]}`);
  });
  return hits;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? files(path) : TEXT.has(extname(name)) ? [path] : [];
  });
}

describe('no machine-specific paths', () => {
  it('the rule catches what it should and lets the platform paths be', () => {
    const bad = [`'/${'work'}/shared/x.xlsx'`, `// see /${'tmp'}/dump.txt`, `"/${'home'}/ci/repo"`, `\`/${'Users'}/me/x\``, `'/${'var/folders'}/ab/T/x'`, `'C:\\\\${'Users'}\\\\me'`, `join('/${'root'}', 'x')`];
    for (const s of bad) expect(machinePaths(s)).toHaveLength(1);
    const fine = ["'/dev/zero'", "'/dev/null'", "'/usr/bin/chromium'", "'/workbench.html'", "join(ROOT, '..', 'shared')", "'src/root/x'", "'../tmp/x'", "'https://example.com/home/x'", 'os.tmpdir()', "'/proc/self/status'"];
    for (const s of fine) expect(machinePaths(s)).toEqual([]);
  });

  it('src/, test/, scripts/ and bin/ contain none', () => {
    const scanned = SCANNED.flatMap((d) => files(join(REPO_ROOT, d)));
    expect(scanned.length).toBeGreaterThan(100);
    const found = scanned.flatMap((f) => machinePaths(readFileSync(f, 'utf8')).map((h) => `${relative(REPO_ROOT, f)}:${h}`));
    expect(found).toEqual([]);
  });
});
