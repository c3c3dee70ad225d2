// Excel.run with a time box on cell-edit mode. While the user is typing in a cell, Excel either
// fails the batch (InvalidOperationInCellEditMode) or, with delayForCellEdit (ExcelApi 1.11), holds
// it until the edit ends — and clicking the task pane does not end it (office-js #806), so the
// pane would wait forever. The first sync of a run is where that wait happens (later syncs follow
// one Excel has just answered, and may legitimately carry megabytes), so only it is time-boxed:
// past the limit the run is abandoned with a message saying what to do, and when Excel does get
// to the held batch later, the batch stops at its next sync, before it can write anything.
import type { Ctx, ExcelEnv } from './env';
import { CELL_EDIT_MESSAGE, isCellEditError } from './errors';

export function cellEditError(): Error {
  const e = new Error(CELL_EDIT_MESSAGE) as Error & { code: string };
  e.code = 'InvalidOperationInCellEditMode';
  return e;
}

export function guardedRun<T>(env: ExcelEnv, timeoutMs: number, batch: (ctx: Ctx) => Promise<T>): Promise<T> {
  let abandoned = false;
  let answered = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let giveUp: (e: Error) => void = () => undefined;
  const timedOut = new Promise<never>((_, reject) => (giveUp = reject));
  timedOut.catch(() => undefined);

  const run = env.run(async (ctx) => {
    const sync = ctx.sync.bind(ctx);
    ctx.sync = (async () => {
      if (abandoned) throw cellEditError();
      if (!answered && timer === undefined) {
        timer = setTimeout(() => {
          if (answered) return;
          abandoned = true;
          giveUp(cellEditError());
        }, timeoutMs);
      }
      await sync();
      answered = true;
      clearTimeout(timer);
      if (abandoned) throw cellEditError();
    }) as Ctx['sync'];
    return batch(ctx);
  });
  const settled = run.then(
    (v) => {
      clearTimeout(timer);
      return v;
    },
    (e: unknown) => {
      clearTimeout(timer);
      throw isCellEditError(e) ? cellEditError() : e;
    },
  );
  settled.catch(() => undefined); // an abandoned run's own outcome is of no further interest
  return Promise.race([settled, timedOut]);
}
