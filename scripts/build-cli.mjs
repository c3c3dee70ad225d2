// Bundles the CLI (src/cli/index.ts) into dist/cli/juesuan.js with esbuild. Runs on `npm install`
// (prepare) so that `npx juesuan` works right after a fresh clone.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src', 'cli', 'index.ts')],
  outfile: join(root, 'dist', 'cli', 'juesuan.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Runtime dependencies stay in node_modules (they are regular dependencies).
  external: ['exceljs', 'docx', 'jszip', 'xlsx'],
  logLevel: 'warning',
});
