// STUB (owned by the tables work): finds and reads every table in a workbook.
import type { WorkbookSnapshot } from '../snapshot';
import type { Detection } from './types';

export function detectTables(_wb: WorkbookSnapshot): Detection {
  return { tables: [], unknown: [], supplement: null };
}
