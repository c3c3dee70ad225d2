// Shared test helpers: paths to the shared fixture and a loader that goes through the real file host.
import { readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { readXlsx } from '../src/hosts/file/xlsx-read';
import type { WorkbookSnapshot } from '../src/core/snapshot';

/** The repository's root (this file is test/helpers.ts). */
export const REPO_ROOT = join(__dirname, '..');
/** The shared domain material sits beside the repository as ../shared, wherever it is cloned. */
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
export const SAMPLE_XLSX = join(SHARED_DIR, 'fixtures', 'sample-2023-jiuye.xlsx');

export async function loadXlsx(path: string): Promise<WorkbookSnapshot> {
  return readXlsx(readFileSync(path), basename(path));
}

export function loadSample(): Promise<WorkbookSnapshot> {
  return loadXlsx(SAMPLE_XLSX);
}
