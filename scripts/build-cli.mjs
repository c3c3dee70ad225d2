// Bundles the CLI with esbuild: src/cli/index.ts → dist/cli/juesuan.js and the check worker
// src/cli/worker.ts → dist/cli/check-worker.js (each file is checked in one). Runs on
// `npm install` (prepare) so that `npx juesuan` works right after a fresh clone.
// `--outdir <dir>` builds elsewhere (tests build a private copy).
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : join(root, 'dist', 'cli');
await build({
  entryPoints: { juesuan: join(root, 'src', 'cli', 'index.ts'), 'check-worker': join(root, 'src', 'cli', 'worker.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Runtime dependencies stay in node_modules (they are regular dependencies).
  external: ['exceljs', 'docx', 'jszip', 'xlsx'],
  logLevel: 'warning',
});
