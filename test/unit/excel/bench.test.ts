import { loadSample } from '../../helpers';
import { measureExcelHost } from '../../fake-excel/bench';
import { manySheets } from '../../fake-excel/workbooks';

describe('measureExcelHost', () => {
  it('reports round trips within budget for a 15-sheet workbook, and every mark is restored', async () => {
    const r = await measureExcelHost(manySheets(await loadSample(), 15));
    expect(r.readSyncs).toBeLessThanOrEqual(2);
    expect(r.highlightSyncs).toBeLessThanOrEqual(2);
    expect(r.clearSyncs).toBeLessThanOrEqual(2);
    expect(r.marked).toBeGreaterThan(15);
    expect(r.restored).toBe(r.marked);
    expect(r.readMs).toBeGreaterThanOrEqual(0);
  });
});
