// Workbook generators for the Excel host tests and the bench.
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { FakeExcel, createFakeExcel, type FakeExcelOptions } from './fake-excel';
import { ExcelHost, envFrom, type ExcelHostOptions } from '../../src/hosts/excel/excel-host';

/** n sheets cycling through the base workbook's sheets (names made unique). */
export function manySheets(base: WorkbookSnapshot, n: number): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < n; i++) {
    const src = base.sheets[i % base.sheets.length];
    const name = i < base.sheets.length ? src.name : `${src.name.slice(0, 24)}_${i}`;
    sheets.push({ ...src, name, cells: src.cells.map((r) => (r ? r.map((c) => (c ? { ...c } : c)) : r)), merges: src.merges.map((m) => ({ ...m })) });
  }
  return { name: `${n} sheets`, sheets };
}

/**
 * More merged areas than Excel returns in one call (512): 600 one-row merges B:C with labels and
 * amounts, and a tall merge E151:E261 that crosses the first band boundary.
 */
export function manyMergesSheet(name = '多合并'): SheetSnapshot {
  const cells: SheetSnapshot['cells'] = [];
  const merges = [];
  for (let r = 0; r < 600; r++) {
    cells[r] = [];
    cells[r][1] = { v: `项目${r + 1}` };
    cells[r][3] = { v: r * 1.5, z: '0.00' };
    merges.push({ r1: r, c1: 1, r2: r, c2: 2 });
  }
  cells[150][4] = { v: '合并' };
  merges.push({ r1: 150, c1: 4, r2: 260, c2: 4 });
  return { name, cells, merges };
}

/**
 * A sheet of `rows` × `cols` starting at B3: a code column, a Chinese label column, then
 * amounts with formats; every 10th row has a SUM formula. Deterministic.
 */
export function bigSheet(name: string, rows: number, cols: number): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let r = 0; r < rows; r++) {
    const row: (Cell | undefined)[] = [];
    row[1] = { v: String(2080000 + r) };
    row[2] = { v: `其他社会保障和就业支出（第${r + 1}项）` };
    for (let c = 3; c < cols + 1; c++) {
      if (r % 10 === 9 && c === 3) row[c] = { v: 123.45, f: `SUM(D${r - 6}:D${r + 2})`, z: '#,##0.00' };
      else row[c] = { v: Math.round(rnd() * 1e8) / 100, z: '0.00' };
    }
    cells[r + 2] = row;
  }
  return { name, cells, merges: [{ r1: 0, c1: 1, r2: 0, c2: cols }] };
}

export function hostOn(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}, hostOptions: ExcelHostOptions = {}): { fake: FakeExcel; host: ExcelHost } {
  const fake = createFakeExcel(snapshot, options);
  return { fake, host: new ExcelHost(envFrom({ Excel: fake.Excel, Office: fake.Office }), hostOptions) };
}

/** The snapshot as Excel would give it back: hidden/protected flags only when true, no name. */
export function comparable(s: WorkbookSnapshot): SheetSnapshot[] {
  return s.sheets.map((sh) => {
    const out: SheetSnapshot = { name: sh.name, cells: sh.cells.map((r) => (r ? r.map((c) => c) : r)), merges: sh.merges };
    if (sh.protected) out.protected = true;
    if (sh.hidden) out.hidden = true;
    return out;
  });
}
