// The request context: commands are queued and run in order at sync.
import type { FakeExcel } from './fake-excel';
import { COMMAND_BYTES } from './bytes';
import type { FakeDoc } from './doc';
import { FakeOfficeError } from './errors';
import { versionAtLeast } from './options';
import type { Proxy } from './proxy';
import { FakeWorkbook } from './workbook';

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

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get doc(): FakeDoc {
    return this.fake.doc;
  }

  enqueue(run: () => void, requestBytes = 0): void {
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

  async sync(): Promise<void> {
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

