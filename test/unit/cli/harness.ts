// Test harness of the CLI: a private build of the bundle and its check worker (each test file its
// own, inside the repository so that node_modules resolves), main() with captured output, the
// built binary as a child process, and scratch folders.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliOptions } from '../../../src/cli/main';

export const ROOT = join(__dirname, '..', '..', '..');

let built: string | null = null;
const cleanup: string[] = [];
// Registered when a test file imports the harness: scratch folders and the build go afterwards.
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

/** Builds dist-like output once per test file; returns its folder. */
export function buildCli(): string {
  if (built) return built;
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'juesuan-cli-test-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
  built = dir;
  cleanup.push(dir);
  return dir;
}

export interface Run {
  code: number;
  out: string;
  err: string;
  /** Every io.out call, in order (JSON Lines are one call each). */
  outCalls: string[];
}

/** main() in this process; files are checked in workers of the private build. */
export async function run(argv: string[], opts: CliOptions = {}): Promise<Run> {
  const outCalls: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => outCalls.push(s), err: (s) => err.push(s) }, { workerScript: join(buildCli(), 'check-worker.js'), ...opts });
  return { code, out: outCalls.join('\n'), err: err.join('\n'), outCalls };
}

/** The built binary in a child process, as a user runs it. */
export function runBinary(argv: string[], cwd = ROOT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(buildCli(), 'juesuan.js'), ...argv], { cwd, encoding: 'utf8', timeout: 60000 });
}

export function scratch(prefix = 'juesuan-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

/** Library or Node error text shown raw instead of plain Chinese. */
export const RAW_LIBRARY_TEXT = /\bE[A-Z]{3,}\b|TypeError|ERR_[A-Z_]+|at .+\(.+:\d+:\d+\)|Unknown option|argument missing/;
