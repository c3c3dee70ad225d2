// Shared test helpers: paths to the shared fixture and a loader that goes through the real file host.
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { readXlsx } from '../src/hosts/file/xlsx-read';
import type { WorkbookSnapshot } from '../src/core/snapshot';

/** ../shared next to the repo (as CI lays it out), or /work/shared. */
export const SHARED_DIR = [join(__dirname, '..', '..', 'shared'), '/work/shared'].find((d) => existsSync(join(d, 'SPEC.md'))) ?? join(__dirname, '..', '..', 'shared');
export const SAMPLE_XLSX = join(SHARED_DIR, 'fixtures', 'sample-2023-jiuye.xlsx');

export async function loadXlsx(path: string): Promise<WorkbookSnapshot> {
  return readXlsx(readFileSync(path), basename(path));
}

export function loadSample(): Promise<WorkbookSnapshot> {
  return loadXlsx(SAMPLE_XLSX);
}
