// STUB (owned by the recalculation work): derived figures of SPEC §5 as live formulas.
import type { Detection } from '../tables/types';

export interface DerivedCell {
  value?: string | number | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

export interface DerivedSheet {
  name: string; // 指标计算
  rows: DerivedCell[][];
  columnWidths?: number[];
}

export function recalculate(_detection: Detection): DerivedSheet {
  return { name: '指标计算', rows: [] };
}
