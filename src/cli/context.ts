// What every command shares: the output channels (made terminal-safe in main), the programmatic
// options tests use, the limits each worker runs under, and the bundled sample.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { numberOption, type Parsed } from './args';
import { DEFAULT_WORKER_SCRIPT, type PoolOptions, type TestHooks } from './pool';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Not reachable from the command line: where the worker bundle is, and test-only misbehaviour. */
export interface CliOptions {
  workerScript?: string;
  testHooks?: TestHooks;
}

/** Per file: generous for a real 决算 workbook (well under a second), short enough to end a hang. */
export const DEFAULT_TIMEOUT_S = 120;
/** Per worker heap: a 200,000-row workbook fits; a merge or zip bomb is stopped, not the batch. */
export const DEFAULT_MAX_MEMORY_MB = 2048;

export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function poolOptions(values: Parsed['values'], size: number, opts: CliOptions): PoolOptions {
  return {
    size,
    timeoutMs: Math.round(numberOption(values, 'timeout', DEFAULT_TIMEOUT_S, 0.1, 86400, false) * 1000),
    maxMemoryMb: numberOption(values, 'max-memory', DEFAULT_MAX_MEMORY_MB, 32, 65536, true),
    workerScript: opts.workerScript ?? DEFAULT_WORKER_SCRIPT,
    testHooks: opts.testHooks,
  };
}

/** The sample shipped with the package, used when no file is given. */
export function bundledSamplePath(): string {
  // Both src/cli (tests) and dist/cli (the bundle) sit two levels below the package root.
  return join(__dirname, '..', '..', 'assets', 'sample-2023-jiuye.xlsx');
}

export function targetOrSample(positionals: string[], io: CliIO): string {
  if (positionals[0] !== undefined) return positionals[0];
  const sample = bundledSamplePath();
  io.err(`未指定文件，使用内置示例工作簿：${sample}${existsSync(sample) ? '' : '（未找到）'}`);
  return sample;
}

/** A reason without the file name it may start with (the name is shown beside it). */
export function reasonOnly(file: string, reason: string): string {
  return reason.startsWith(file) ? reason.slice(file.length).replace(/^\s*[:：]\s*/, '') : reason;
}
