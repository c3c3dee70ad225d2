// Builds the pages once (webpack, production mode) when dist/ is missing, older than its sources,
// or not the default production build (npm start's development build, an OFFICE_JS=local build).
// Installs nothing: Chromium is the system's (/usr/bin/chromium), driven by playwright-core.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const DIST_PAGE = join(ROOT, 'dist', 'workbench.html');
const SOURCES = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(join(path, name)));
  }
  return max;
}

function isStale() {
  if (!existsSync(DIST_PAGE) || !existsSync(join(ROOT, 'dist', 'taskpane.html'))) return 'dist/ is missing';
  // The tests expect the default production build (office.js from the CDN URL, stubbed by the
  // tests); `npm start` leaves a development build in dist/, and OFFICE_JS=local a local office.js.
  const infoPath = join(ROOT, 'dist', 'build-info.json');
  if (!existsSync(infoPath)) return 'dist/ has no build-info.json';
  const info = JSON.parse(readFileSync(infoPath, 'utf8'));
  if (info.mode !== 'production') return `dist/ holds a ${info.mode} build (npm start)`;
  if (info.officeJs !== 'cdn' || readFileSync(join(ROOT, 'dist', 'taskpane.html'), 'utf8').includes('office-js/office.js')) return 'dist/ was built with OFFICE_JS=local';
  const built = statSync(DIST_PAGE).mtimeMs;
  const src = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return src > built ? 'sources changed since the last build' : null;
}

module.exports = async () => {
  // JUESUAN_SKIP_BUILD=1: use dist/ as it is (e.g. CI that has just run `npm run build`).
  if (process.env.JUESUAN_SKIP_BUILD === '1' && existsSync(DIST_PAGE)) return;
  const why = isStale();
  if (!why) return;
  process.stdout.write(`\n[browser tests] building dist/ (${why})…\n`);
  const env = { ...process.env };
  delete env.OFFICE_JS;
  delete env.ADDIN_URL;
  const res = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`webpack build failed:\n${(res.stdout || '').slice(-4000)}\n${(res.stderr || '').slice(-4000)}`);
  }
};
