// Object-model calls of the WPS host against the fake ET, for `npm run bench`.
import { a1 } from '../../src/core/address';
import type { Finding } from '../../src/core/findings';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { createFakeEt, type FakeEtOptions } from './fake-et';
import { hostFor } from './workbooks';

export interface WpsMeasure {
  sheets: number;
  readCalls: number;
  readMs: number;
  highlightCalls: number;
  clearCalls: number;
  marked: number;
  restored: number;
}

/**
 * Reads the workbook, marks the given findings' cells — by default every 7th numeric cell of
 * every sheet — then clears the marks; returns the calls into the object model of each step.
 */
export async function measureWpsHost(snapshot: WorkbookSnapshot, options: FakeEtOptions = {}, given?: Finding[]): Promise<WpsMeasure> {
  const fake = createFakeEt(snapshot, options);
  const host = hostFor(fake);
  const t0 = performance.now();
  const read = await fake.measure(() => host.readSnapshot());
  const readMs = Math.round(performance.now() - t0);
  const findings: Finding[] = given ? [...given] : [];
  for (const sheet of given ? [] : read.result.sheets) {
    let n = 0;
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && typeof cell.v === 'number' && n++ % 7 === 0) {
          findings.push({ rule: 'bench', family: 'sum', severity: n % 3 === 0 ? 'error' : 'warning', sheet: sheet.name, cell: a1(r, c), related: [], line: null, message: `基准测试标记 ${sheet.name}!${a1(r, c)}` });
        }
      }),
    );
  }
  const hl = await fake.measure(() => host.highlight(findings));
  const cl = await fake.measure(() => host.clearHighlights());
  return { sheets: read.result.sheets.length, readCalls: read.calls, readMs, highlightCalls: hl.calls, clearCalls: cl.calls, marked: hl.result.marked, restored: cl.result.restored };
}
