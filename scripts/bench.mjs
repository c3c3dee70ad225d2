// npm run bench: bundles scripts/bench/bench.ts with esbuild (it imports the core, the hosts,
// the fake Excel and the fixture generator) and runs it in Node.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(mkdtempSync(join(tmpdir(), 'juesuan-bench-')), 'bench.cjs');
await build({ entryPoints: [join(root, 'scripts', 'bench', 'bench.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['exceljs', 'docx', 'jszip', 'xlsx'], nodePaths: [join(root, 'node_modules')], logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
process.exit(r.status ?? 1);
