// What the host remembers between calls: learnt from the last read, used by marks and selection.
import { MergeIndex } from '../../core/snapshot';
import type { SheetSnapshot } from '../../core/snapshot';
import type { ApiSets, Ctx, ExcelEnv } from './env';
import { objectModelOf, type ObjectModel } from './notes';
import { guardedRun } from './run';

export interface HostOptions {
  /** Bytes of cell data per sync (below the 5 MB limit, leaving room for JSON overhead). */
  budget: number;
  /** How many worksheets the first sync looks ahead (more costs nothing but a longer request). */
  lookahead: number;
  /** How long the first sync of a batch may wait for Excel before we say it is in cell-edit mode. */
  cellEditTimeoutMs: number;
}

export class HostState {
  merges = new Map<string, MergeIndex>();
  /** Worksheet id → name, from the last read (selection events carry ids). */
  sheetIds = new Map<string, string>();
  hiddenSheets = new Set<string>();
  /** The last read saw marks saved by the offline page (file host) in this workbook. */
  fileMarks = false;

  private model: ObjectModel | null = null;

  constructor(
    readonly env: ExcelEnv,
    readonly api: ApiSets,
    readonly opts: HostOptions,
  ) {}

  remember(sheets: SheetSnapshot[], infos: { id: string; name: string }[]): void {
    this.merges = new Map(sheets.map((s) => [s.name, new MergeIndex(s.merges)]));
    if (infos.length) this.sheetIds = new Map(infos.map((s) => [s.id, s.name]));
    this.hiddenSheets = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
  }

  /** Excel.run, time-boxed against cell-edit mode (run.ts). */
  run<T>(batch: (ctx: Ctx) => Promise<T>): Promise<T> {
    return guardedRun(this.env, this.opts.cellEditTimeoutMs, batch);
  }

  /** Which message APIs the loaded office.js has (the same for the whole session). */
  objectModel(ctx: Ctx): ObjectModel {
    return (this.model ??= objectModelOf(ctx));
  }

  /** The objectModel without a batch of our own (capabilities): a run that sends nothing. */
  async knownObjectModel(): Promise<ObjectModel> {
    return this.model ?? this.run(async (ctx) => this.objectModel(ctx));
  }

  /** Worksheet.id of a sheet seen by the last read. */
  sheetIdOf(name: string): string | undefined {
    for (const [id, n] of this.sheetIds) if (n === name) return id;
    return undefined;
  }

  /** The cell a finding marks: the top-left of its merge, when it lies in one. */
  anchor(sheet: string, row: number, col: number): { row: number; col: number } {
    const m = this.merges.get(sheet)?.find(row, col);
    return m ? { row: m.r1, col: m.c1 } : { row, col };
  }
}
