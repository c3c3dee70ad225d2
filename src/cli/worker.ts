// Entry of a check worker (bundled as dist/cli/check-worker.js). One file at a time: the pool gives
// it a job, it answers with plain data or a one-line Chinese reason. A crash, a hang or running out
// of its heap ends only this worker; the pool reports that file and carries on.
import { parentPort, workerData } from 'node:worker_threads';
import { basename } from 'node:path';
import { runCheckJob, type CheckJob } from './check-job';
import { runNarrativeJob, type NarrativeJob } from './narrative-job';
import { describeUnexpected, InputError } from './messages';
import type { TestHook, TestHooks } from './pool';

export type Job = CheckJob | NarrativeJob;
export type WorkerReply = { id: number; started: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; reason: string };

const hooks: TestHooks = (workerData as { testHooks?: TestHooks } | null)?.testHooks ?? {};

/** Test-only misbehaviour for a named file; reachable only through main()'s programmatic options. */
function misbehave(hook: TestHook): Promise<never> {
  if (hook === 'hang') for (;;);
  if (hook === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1 << 16).fill(hoard.length));
  }
  // 'crash': an exception nobody catches, as a bug deep inside a library would throw it.
  setImmediate(() => {
    throw new Error('test hook: worker crash');
  });
  return new Promise(() => undefined);
}

async function run(job: Job): Promise<unknown> {
  const hook = hooks[basename(job.path)];
  if (hook) return misbehave(hook);
  return job.type === 'check' ? runCheckJob(job) : runNarrativeJob(job);
}

parentPort!.on('message', async ({ id, job }: { id: number; job: Job }) => {
  // The file's time limit starts now, not while this worker was still loading its modules.
  parentPort!.postMessage({ id, started: true } satisfies WorkerReply);
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: await run(job) };
  } catch (e) {
    reply = { id, ok: false, reason: e instanceof InputError ? e.message : describeUnexpected(basename(job.path), e) };
  }
  parentPort!.postMessage(reply);
});
