import { loadSample } from '../../helpers';
import { measureWpsHost } from '../../fake-et/bench';
import { manySheets } from '../../fake-excel/workbooks';

describe('measureWpsHost', () => {
  it('reports object-model calls per read, highlight and clear; every mark is restored', async () => {
    const r = await measureWpsHost(manySheets(await loadSample(), 15));
    expect(r.sheets).toBe(15);
    expect(r.readCalls / r.sheets).toBeLessThan(200);
    expect(r.marked).toBeGreaterThan(15);
    expect(r.restored).toBe(r.marked);
    expect(r.highlightCalls / r.marked).toBeLessThan(12);
    expect(r.clearCalls / r.marked).toBeLessThan(10);
  });
});
