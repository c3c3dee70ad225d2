#!/usr/bin/env node
// npm start: build, serve, and (where Excel runs) sideload the add-in.
//   node scripts/start.mjs                       Windows/macOS: https://localhost:3000 + Excel desktop
//                                                elsewhere: http://127.0.0.1:3000, prints the offline page URL
//   node scripts/start.mjs --web --document <url>  Excel on the web with that workbook (office-addin-debugging)
//   --no-build   serve dist/ as it is;   --port N   another port (the manifest expects 3000)
// office-addin-debugging and office-addin-dev-certs are optional dependencies: loaded with import(),
// and when missing the script says so and still serves the offline page.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const web = flag('--web');
const document = option('--document');
const port = Number(option('--port') ?? 3000);
const sideload = web || process.platform === 'win32' || process.platform === 'darwin';

async function optional(name) {
  try {
    return await import(name);
  } catch {
    return null;
  }
}

/** Path of an optional package's CLI script, or null when the package is not installed. */
function binOf(name) {
  try {
    const pkgPath = require.resolve(`${name}/package.json`);
    const pkg = require(pkgPath);
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[name] ?? Object.values(pkg.bin ?? {})[0];
    return bin ? join(dirname(pkgPath), bin) : null;
  } catch {
    return null;
  }
}

function build() {
  console.log('正在构建（webpack, development）…');
  const res = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

if (web && !document) {
  console.error('用法：npm run start:web -- --document <Excel 网页版工作簿的 URL>');
  process.exit(2);
}

if (!flag('--no-build')) build();

if (!sideload) {
  const { url } = await serve({ port, host: '127.0.0.1' });
  console.log(`\n已在 ${url} 提供 dist/（仅本机可访问）。`);
  console.log(`离线版（无需 Excel）：${url}workbench.html`);
  console.log('Excel 加载项需要 HTTPS 和 Windows/macOS 上的 Excel，或 Excel 网页版（--web --document <url>）。按 Ctrl+C 退出。');
} else {
  const certs = await optional('office-addin-dev-certs');
  const debuggingCli = binOf('office-addin-debugging');
  if (!certs || !debuggingCli) {
    const { url } = await serve({ port, host: '127.0.0.1' });
    console.warn('\n未安装可选依赖 office-addin-dev-certs / office-addin-debugging，无法自动旁加载到 Excel。');
    console.warn('请运行 npm install --include=optional，或按 README 手动旁加载 manifest.xml。');
    console.log(`离线版：${url}workbench.html`);
  } else {
    // A trusted localhost certificate (installed once, with the user's consent, by dev-certs).
    const https = await certs.getHttpsServerOptions();
    const { url } = await serve({ port, host: 'localhost', https: { cert: https.cert, key: https.key, ca: https.ca } });
    console.log(`已在 ${url} 提供 dist/`);
    // The CLI is office-addin-debugging's stable interface (its JS API changed between majors);
    // the server above is ours, so no --dev-server is passed.
    const args = [debuggingCli, 'start', join(ROOT, 'manifest.xml'), web ? 'web' : 'desktop', '--no-debug'];
    if (web) args.push('--document', document);
    const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (res.status === 0) console.log(web ? `已在 Excel 网页版中打开：${document}` : '已启动 Excel 并旁加载“决算助手”（开始 → 决算助手）。');
    else console.error(`旁加载失败（office-addin-debugging 退出码 ${res.status}）。仍可使用离线版：${url}workbench.html`);
    console.log('停止：npm run stop；按 Ctrl+C 关闭服务器。');
  }
}
