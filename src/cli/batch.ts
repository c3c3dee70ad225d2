// Checks a list of workbooks on the worker pool and hands back each file's row as it finishes.
// A file that cannot be read, crashes its worker, runs out of memory or time is that file's row;
// every other file is still checked.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedFile } from './check-job';
import { kindOf, notRegular } from './input-file';
import { WORKBOOK_EXTENSIONS } from './load-workbook';
import { describeFsError, InputError } from './messages';
import type { WorkerPool } from './pool';
import type { ReviewRow } from './review-workbook';
import { reasonOnly } from './context';

export interface Entry {
  path: string;
  file: string;
  /** Set when the entry is not a regular file: it is reported, never opened. */
  refused?: string;
}

export interface BatchRow extends ReviewRow {
  ms: number;
}

/** The workbooks of a folder (not its subfolders), by name; Excel's ~$ lock files left out. */
export function listFolder(folder: string): Entry[] {
  let dirents;
  try {
    dirents = readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    throw new InputError(describeFsError(folder, e));
  }
  return dirents
    .filter((d) => WORKBOOK_EXTENSIONS.some((x) => d.name.toLowerCase().endsWith(x)) && !d.name.startsWith('~$') && !d.name.startsWith('._'))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((d) => {
      const entry: Entry = { path: join(folder, d.name), file: d.name };
      // A symlink (or a file system that does not say) is decided by the worker after opening it.
      const special = d.isDirectory() || d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice();
      if (special) entry.refused = notRegular(d.name, kindOf(d));
      return entry;
    });
}

export async function checkBatch(entries: Entry[], narrativePath: string | null, pool: WorkerPool, onRow: (row: BatchRow) => void): Promise<BatchRow[]> {
  const rows = await Promise.all(
    entries.map(async (e): Promise<BatchRow> => {
      let row: BatchRow;
      if (e.refused) row = { path: e.path, file: e.file, checked: null, reason: reasonOnly(e.file, e.refused), ms: 0 };
      else {
        const r = await pool.run<CheckedFile>({ type: 'check', path: e.path, narrativePath });
        row = r.ok ? { path: e.path, file: e.file, checked: r.value, ms: r.ms } : { path: e.path, file: e.file, checked: null, reason: reasonOnly(e.file, r.reason), ms: r.ms };
      }
      onRow(row);
      return row;
    }),
  );
  return rows;
}

/** 2 when any file could not be read, else 1 when any has an error finding, else 0. */
export function batchExitCode(rows: ReviewRow[]): number {
  if (rows.some((r) => !r.checked)) return 2;
  return rows.some((r) => r.checked!.counts.error > 0) ? 1 : 0;
}
