// The Excel host: WorkbookHost over Office.js. Every Office.js call of the add-in lives in this
// folder, one file per job: read.ts (snapshot), marks.ts + file-marks.ts (标记/清除标记),
// fixes.ts, output.ts (output sheets), events.ts (selection), capabilities.ts, preferences.ts and
// theme.ts (the pane's settings and the Office theme). This class only
// wires them to the interface the pane talks to.
import type { Finding, SuggestedFix } from '../../core/findings';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { AppliedFix, HostCapabilities, HostTheme, OutputSheet, Progress, WorkbookHost } from '../types';
import { capabilities } from './capabilities';
import { ApiSets, defaultEnv, type ExcelEnv } from './env';
import { select, onSelectionChanged } from './events';
import { clearFileHostMarks } from './file-marks';
import { applyFix, undoFix } from './fixes';
import { clearOwnMarks, highlight } from './marks';
import { hasSheet, writeSheet } from './output';
import { readPreference, writePreference } from './preferences';
import { officeTheme } from './theme';
import { SnapshotReader } from './read';
import { HostState } from './state';

export { envFrom, type ExcelEnv } from './env';
export { fileDownloads, type DownloadSupport } from './platform';

export interface ExcelHostOptions {
  /** Bytes of cell data per sync (below the 5 MB limit, leaving room for JSON overhead). */
  payloadBudget?: number;
  /** How many worksheets the first sync looks ahead (more costs nothing but a longer request). */
  sheetLookahead?: number;
  /** How long a batch may wait for Excel to leave cell-edit mode before the pane says so (default 8 s). */
  cellEditTimeoutMs?: number;
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly s: HostState;
  private readonly reader: SnapshotReader;

  constructor(env?: ExcelEnv, opts: ExcelHostOptions = {}) {
    const e = env ?? defaultEnv();
    this.s = new HostState(e, new ApiSets(e), {
      budget: opts.payloadBudget ?? 4 * 1024 * 1024,
      lookahead: opts.sheetLookahead ?? 128,
      cellEditTimeoutMs: opts.cellEditTimeoutMs ?? 8000,
    });
    this.reader = new SnapshotReader(this.s);
  }

  // Pane preferences in the document settings, and the Office theme (preferences.ts, theme.ts).
  readPreference = async (key: string): Promise<string | null> => readPreference(this.s.env.settings, key);
  writePreference = (key: string, value: string | null): Promise<void> => writePreference(this.s.env.settings, key, value);
  theme = (): HostTheme | null => officeTheme();

  async capabilities(): Promise<HostCapabilities> {
    return capabilities(this.s.api, await this.s.knownObjectModel(), this.s.env);
  }

  readSnapshot(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    return this.reader.read(onProgress);
  }

  hasSheet(name: string): Promise<boolean> {
    return hasSheet(this.s, name);
  }

  select(sheet: string, address: string): Promise<void> {
    return select(this.s, sheet, address);
  }

  onSelectionChanged(cb: (sheet: string, address: string) => void): () => void {
    return onSelectionChanged(this.s, cb);
  }

  highlight(findings: Finding[]): Promise<{ marked: number }> {
    return highlight(this.s, findings);
  }

  async clearHighlights(): Promise<{ restored: number }> {
    const own = await clearOwnMarks(this.s);
    const offline = this.s.fileMarks && this.s.api.has('1.4') ? await clearFileHostMarks(this.s) : 0;
    return { restored: own + offline };
  }

  applyFix(fix: SuggestedFix): Promise<AppliedFix> {
    return applyFix(this.s, fix);
  }

  undoFix(applied: AppliedFix): Promise<void> {
    return undoFix(this.s, applied);
  }

  writeSheet(sheet: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
    return writeSheet(this.s, sheet, opts);
  }
}
