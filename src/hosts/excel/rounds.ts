// Batching under Excel on the web's 5 MB request limit.
import type { Ctx } from './env';

/** Estimated request+response bytes of one marked cell's commands (object paths, actions). */
export const CELL_COMMAND_BYTES = 1000;

/**
 * Queues commands into as few syncs as the payload budget allows: normally all in one, but a
 * very long list of marks is split rather than failing with RequestPayloadSizeLimitExceeded.
 */
export class Rounds {
  private used = 0;
  constructor(
    private readonly ctx: Ctx,
    private readonly budget: number,
  ) {}
  async room(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) {
      await this.ctx.sync();
      this.used = 0;
    }
    this.used += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.used = 0;
  }
}
