// What Range.values / formulas / numberFormat give, turned into snapshot cells.
import type { Cell, SheetSnapshot } from '../../core/snapshot';
import { ERROR_VALUES, snapshotCell } from '../cell-io';

export type DateSystem = 1900 | 1904;

export function toCell(value: unknown, formula: unknown, format: unknown, system: DateSystem = 1900): Cell | undefined {
  const z = typeof format === 'string' && format !== 'General' ? format : undefined;
  const f = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 ? formula.slice(1) : undefined;
  const error = typeof value === 'string' && ERROR_VALUES.has(value) ? value : null;
  return snapshotCell(value, error, f, z, system === 1904);
}

/** Fills a sheet from loaded arrays; `onDate` hears of every serial number read as a date. */
export function fillCells(
  sheet: SheetSnapshot,
  row0: number,
  col0: number,
  data: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][] },
  system: DateSystem = 1900,
  onDate?: (row: number, col: number, serial: number) => void,
): void {
  const { values, formulas, numberFormat } = data;
  for (let i = 0; i < values.length; i++) {
    const vr = values[i];
    for (let j = 0; j < vr.length; j++) {
      const cell = toCell(vr[j], formulas[i]?.[j], numberFormat[i]?.[j], system);
      if (!cell) continue;
      (sheet.cells[row0 + i] ??= [])[col0 + j] = cell;
      if (onDate && typeof vr[j] === 'number' && typeof cell.v === 'string') onDate(row0 + i, col0 + j, vr[j] as number);
    }
  }
}

/** UTF-8 size of a JSON value, without building the string twice for big arrays. */
export function utf8JsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) n += 2;
  return n;
}

/** "'表 1'!A1:B2" → { sheet: '表 1', range: 'A1:B2' }. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: address };
  const s = address.slice(0, bang);
  return { sheet: s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s, range: address.slice(bang + 1) };
}
