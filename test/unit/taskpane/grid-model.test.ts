// What the offline grid paints: counts per sheet tab, the finding on each cell (worst first, merges
// drawn at their master cell) and the frozen header rows and code/name columns, from the tables
// detected in the sample and in generated layouts (tables stacked on one sheet included).
import { analyzeWorkbook, detectTables } from '../../../src/core/index';
import type { Finding } from '../../../src/core/findings';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { cellOverlays, frozenPanes, sheetCounts } from '../../../src/offline/grid-model';
import { generateWorkbook, type LayoutId } from '../../fixtures/generator';
import { loadSample } from '../../helpers';

const f = (p: Partial<Finding>): Finding => ({ rule: 'r', family: 'sum', severity: 'error', sheet: 'S', cell: 'A1', related: [], line: null, message: 'm', ...p });

describe('tab counts and cell overlays', () => {
  const findings = [
    f({ cell: 'B2', severity: 'warning', message: 'w' }),
    f({ cell: 'B2', severity: 'error', message: 'e' }),
    f({ cell: 'C3', severity: 'info' }),
    f({ sheet: 'T', cell: 'A1' }),
    f({ sheet: null, cell: null, line: 3, family: 'narrative' }),
  ];

  test('counts per sheet; narrative findings belong to no sheet', () => {
    const c = sheetCounts(findings);
    expect(c.get('S')).toEqual({ error: 1, warning: 1, info: 1 });
    expect(c.get('T')).toEqual({ error: 1, warning: 0, info: 0 });
    expect(c.size).toBe(2);
  });

  test('two findings on one cell: the worse severity, both messages', () => {
    const o = cellOverlays(findings, 'S', []);
    expect(o.get('B2')).toEqual({ severity: 'error', messages: ['w', 'e'] });
    expect(o.get('C3')?.severity).toBe('info');
    expect(o.has('A1')).toBe(false); // that one is on sheet T
  });

  test('a finding inside a merged area is drawn at its master cell', () => {
    const o = cellOverlays([f({ cell: 'C2' })], 'S', [{ r1: 0, c1: 1, r2: 2, c2: 3 }]);
    expect([...o.keys()]).toEqual(['B1']);
  });
});

describe('frozen panes from detected tables', () => {
  test('the sample: code/name columns of coded tables, the label column of the two-sided summary, header rows', async () => {
    const snap = await loadSample();
    const tables = analyzeWorkbook(snap).detection.tables;
    const on = (sheet: string) => frozenPanes(tables.filter((t) => t.sheet === sheet));
    expect(on('2收入决算表')).toEqual({ rowGroups: [[3, 4]], cols: 2 });
    expect(on('1收入支出决算总表').cols).toBe(1);
    expect(on('1收入支出决算总表').rowGroups).toEqual([[3, 4, 5]]);
    expect(on('6一般公共预算财政拨款基本支出决算表').cols).toBe(2);
    // A table of figures only (三公 parts side by side) freezes no column.
    expect(on('9财政拨款三公经费支出决算表').cols).toBe(0);
    expect(on('no such sheet')).toEqual({ rowGroups: [], cols: 0 });
  });

  test.each<LayoutId>(['hunan', 'shanghai', 'central'])('%s layout, tables stacked three to a sheet: one header group per table', async (layout) => {
    const g = await generateWorkbook({ unit: 'bigunit', layout, stackTables: true });
    const snap = await readXlsx(g.bytes, 'stacked.xlsx');
    const det = detectTables(snap);
    const sheets = [...new Set(det.tables.filter((t) => ['income', 'expenditure', 'fiscal-summary'].includes(t.kind)).map((t) => t.sheet))];
    for (const sheet of sheets) {
      const onSheet = det.tables.filter((t) => t.sheet === sheet);
      const fz = frozenPanes(onSheet);
      expect(fz.rowGroups.length).toBe(onSheet.filter((t) => t.rows.some((r) => r.key === 'header')).length);
      // Groups are ascending and each lies inside its table.
      for (const grp of fz.rowGroups) expect(onSheet.some((t) => grp[0] >= t.range.r1 && grp[grp.length - 1] <= t.range.r2)).toBe(true);
      expect(fz.cols).toBeGreaterThanOrEqual(1);
      expect(fz.cols).toBeLessThanOrEqual(4);
    }
  });
});
