// A small pool of check workers (worker_threads). Each file runs in a worker with a heap limit and
// a time limit; a worker that crashes, runs out of memory or overruns is ended and replaced, and
// its file gets a one-line reason. run() never rejects: a batch always gets an answer per file.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Job, WorkerReply } from './worker';

export type TestHook = 'crash' | 'hang' | 'oom';
export type TestHooks = Record<string, TestHook>;

export interface PoolOptions {
  size: number;
  /** Per file, from the moment a worker takes it. */
  timeoutMs: number;
  /** The worker's V8 old-generation heap limit. */
  maxMemoryMb: number;
  workerScript: string;
  testHooks?: TestHooks;
}

export type JobResult<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string; ms: number };

interface Slot {
  worker: Worker;
  busy: { id: number; job: Job; started: number; timer: NodeJS.Timeout; done: (r: JobResult<unknown>) => void; failure?: string } | null;
}

export const DEFAULT_WORKER_SCRIPT = join(__dirname, 'check-worker.js');
/** Allowed on top of the file's limit for a new worker to load its modules (slow on a busy machine). */
const STARTUP_ALLOWANCE_MS = 60_000;

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: { job: Job; done: (r: JobResult<unknown>) => void }[] = [];
  private nextId = 1;

  constructor(private readonly opts: PoolOptions) {
    if (!existsSync(opts.workerScript)) throw new Error(`命令行程序不完整：缺少 ${basename(opts.workerScript)}（请运行 npm run build:cli）`);
  }

  run<T>(job: Job): Promise<JobResult<T>> {
    return new Promise((done) => {
      this.queue.push({ job, done: done as (r: JobResult<unknown>) => void });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.opts.size) slot = this.spawn();
      if (!slot) return;
      const { job, done } = this.queue.shift()!;
      const id = this.nextId++;
      const timer = this.limit(slot, this.opts.timeoutMs + STARTUP_ALLOWANCE_MS);
      slot.busy = { id, job, started: Date.now(), timer, done };
      slot.worker.postMessage({ id, job });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerScript, {
      workerData: { testHooks: this.opts.testHooks },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb },
      // A library's console output must not land in the JSON Lines on stdout: read and dropped.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      clearTimeout(busy.timer);
      if ('started' in reply) {
        busy.started = Date.now();
        busy.timer = this.limit(slot, this.opts.timeoutMs);
        return;
      }
      slot.busy = null;
      const ms = Date.now() - busy.started;
      busy.done(reply.ok ? { ok: true, value: reply.value, ms } : { ok: false, reason: reply.reason, ms });
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (!slot.busy || slot.busy.failure) return;
      slot.busy.failure =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `超出内存上限（${this.opts.maxMemoryMb} MB），已停止检查此文件`
          : `检查此文件时程序意外中止（${e.message.split('\n')[0]}）`;
    });
    worker.on('exit', (code) => this.retire(slot, code));
    this.slots.push(slot);
    return slot;
  }

  private limit(slot: Slot, ms: number): NodeJS.Timeout {
    return setTimeout(() => this.fail(slot, `检查超时（超过 ${seconds(this.opts.timeoutMs)} 秒），已停止检查此文件`), ms);
  }

  /** Ends a worker that overran; 'exit' then reports the file. */
  private fail(slot: Slot, reason: string): void {
    if (!slot.busy) return;
    slot.busy.failure ??= reason;
    void slot.worker.terminate();
  }

  private retire(slot: Slot, code: number): void {
    this.slots = this.slots.filter((s) => s !== slot);
    const busy = slot.busy;
    slot.busy = null;
    if (busy) {
      clearTimeout(busy.timer);
      busy.done({ ok: false, reason: busy.failure ?? `检查此文件时程序意外退出（退出码 ${code}）`, ms: Date.now() - busy.started });
    }
    this.pump();
  }
}

function seconds(ms: number): string {
  return Number.isInteger(ms / 1000) ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
