// Round trips and time of the Excel host against the fake object model, for `npm run bench`.
import { a1 } from '../../src/core/address';
import type { Finding } from '../../src/core/findings';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { createFakeExcel, type FakeExcelOptions } from './fake-excel';
import { ExcelHost, envFrom } from '../../src/hosts/excel/excel-host';

/**
 * Reads the workbook, marks the given findings' cells — by default a stress set: every 7th
 * numeric cell of every sheet — then clears the marks; returns the context.sync counts of each
 * step and the wall time of the read.
 */
export async function measureExcelHost(
  snapshot: WorkbookSnapshot,
  options: FakeExcelOptions = {},
  given?: Finding[],
): Promise<{ readSyncs: number; highlightSyncs: number; clearSyncs: number; readMs: number; marked: number; restored: number }> {
  const fake = createFakeExcel(snapshot, options);
  const host = new ExcelHost(envFrom({ Excel: fake.Excel, Office: fake.Office }));
  const t0 = performance.now();
  const snap = await host.readSnapshot();
  const readMs = performance.now() - t0;
  const readSyncs = fake.lastSyncCount;

  const findings: Finding[] = given ? [...given] : [];
  for (const sheet of given ? [] : snap.sheets) {
    let n = 0;
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && typeof cell.v === 'number' && n++ % 7 === 0) {
          findings.push({ rule: 'bench', family: 'sum', severity: n % 3 === 0 ? 'error' : 'warning', sheet: sheet.name, cell: a1(r, c), related: [], line: null, message: `基准测试标记 ${sheet.name}!${a1(r, c)}` });
        }
      }),
    );
  }
  const { marked } = await host.highlight(findings);
  const highlightSyncs = fake.lastSyncCount;
  const { restored } = await host.clearHighlights();
  const clearSyncs = fake.lastSyncCount;
  return { readSyncs, highlightSyncs, clearSyncs, readMs: Math.round(readMs), marked, restored };
}
