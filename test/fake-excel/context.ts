// The request context: commands are queued and run in order at sync.
import type { FakeExcel } from './fake-excel';
import { COMMAND_BYTES } from './bytes';
import type { FakeDoc } from './doc';
import { FakeOfficeError } from './errors';
import { versionAtLeast } from './options';
import type { Proxy } from './proxy';
import { FakeWorkbook } from './workbook';

function invalidObjectPath(): FakeOfficeError {
  return new FakeOfficeError('InvalidObjectPath', "The object path isn't working for what you're trying to do: the object was used after its Excel.run ended.");
}

export type Op = { run: () => void; requestBytes: number };

export class FakeRequestContext {
  syncCount = 0;
  private queue: Op[] = [];
  private commits: (() => void)[] = [];
  private nullables: Proxy[] = [];
  /** Response bytes counted while running the current sync. */
  responseBytes = 0;
  readonly workbook: FakeWorkbook;
  /** For tests: largest response and request seen in one sync. */
  maxResponseBytes = 0;
  maxRequestBytes = 0;
  /** Bytes delivered by all successful syncs of this context. */
  totalResponseBytes = 0;
  /** Set when its Excel.run has ended: its objects can no longer be used (until Excel.run(context, …)). */
  ended = false;
  /** Excel.run({ delayForCellEdit: true }, …): syncs wait while the user edits a cell. */
  delayForCellEdit = false;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get doc(): FakeDoc {
    return this.fake.doc;
  }

  enqueue(run: () => void, requestBytes = 0): void {
    // Excel releases a batch's objects when its run ends; a command queued on one afterwards is
    // never sent (and Excel rejects it as InvalidObjectPath if that context is synced again).
    if (this.ended) throw invalidObjectPath();
    // Every command costs its JSON in the request (object path + action), data or not.
    this.queue.push({ run, requestBytes: requestBytes + COMMAND_BYTES });
  }

  stage(commit: () => void): void {
    this.commits.push(commit);
  }

  trackNullable(p: Proxy): void {
    this.nullables.push(p);
  }

  /** Checks a requirement set at sync time, failing like Excel does for an API it lacks. */
  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.fake.excelApi, version)) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${version}).`);
    }
  }

  /** A proxy of another request context passed to one of this context's methods. */
  assertSameContext(other: { context: unknown } | unknown): void {
    const ctx = (other as { context?: unknown } | null)?.context;
    if (ctx !== undefined && ctx !== this) throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
  }

  async sync(): Promise<void> {
    if (this.ended) throw invalidObjectPath();
    if (this.fake.cellEditing) {
      // Excel fails every batch while a cell is being edited, unless the run asked to wait (ExcelApi
      // 1.11); then it waits until the edit ends, which a click in the task pane does not do (#806).
      if (!this.delayForCellEdit) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      await this.fake.cellEditEnded();
      if (this.ended) throw invalidObjectPath();
    }
    this.syncCount++;
    this.fake.totalSyncs++;
    const ops = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    this.commits = [];
    this.responseBytes = 0;
    const request = ops.reduce((n, o) => n + o.requestBytes, 0);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (request > this.fake.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const op of ops) op.run();
    for (const p of nullables) {
      const isNull = p.resolveOrNull() === null;
      this.stage(() => (p._isNull = isNull));
    }
    this.maxResponseBytes = Math.max(this.maxResponseBytes, this.responseBytes);
    if (this.responseBytes > this.fake.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const c of this.commits) c();
    this.commits = [];
    this.totalResponseBytes += this.responseBytes;
    // Events: a selection made by our code fires the handlers, as Excel does.
    this.fake.flushEvents();
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }
}

