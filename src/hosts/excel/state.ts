// What the host remembers between calls: learnt from the last read, used by marks and selection.
import type { SheetSnapshot } from '../../core/snapshot';
import { mergeAnchor, type CellAnchor } from '../cell-io';
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
  /** The cell a finding marks or a fix writes: the top-left of its merge (as last read), when it lies in one. */
  anchor: CellAnchor = mergeAnchor([]);
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
    this.anchor = mergeAnchor(sheets);
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
}
