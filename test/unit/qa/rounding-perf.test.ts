// Hostile review (4, 5): figures consistent in 元 but rounded to 万元 cell by cell give no error in
// any layout; and the engine stays (near) linear on large workbooks.
import { checkNarrative, detectTables, generateNarrative, narrativeLines, runChecks } from '../../../src/core/index';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { generateLarge, generateWorkbook } from '../../fixtures/generator';
import type { GenerateOptions, LayoutId } from '../../fixtures/generator';
import { show } from './helpers';

describe('rounding only: no error', () => {
  const cases: [string, GenerateOptions][] = (['hunan', 'shanghai', 'central'] as LayoutId[]).flatMap((layout) => [
    [`${layout}`, { layout, unit: 'rounding' }],
    [`${layout} stacked, merged scores, dash zeros`, { layout, unit: 'rounding', stackTables: true, stackScorecards: true, mergedScores: true, dashZeros: true }],
  ]);
  it.each(cases)('%s', async (_n, opts) => {
    const g = await generateWorkbook(opts);
    const wb = await readXlsx(g.bytes, 'r.xlsx');
    const d = detectTables(wb);
    expect(d.tables.length).toBe(g.truth.tables.length);
    const fs = runChecks(wb, d);
    expect(show(fs.filter((f) => f.severity === 'error'))).toEqual([]);
    // Rounding differences may be mentioned, but only as info.
    expect(show(fs.filter((f) => f.severity === 'warning' && f.family === 'sum'))).toEqual([]);
  });
  it('the central layout really is in 元 with cents (so the test above means something)', async () => {
    const g = await generateWorkbook({ layout: 'central', unit: 'rounding' });
    const d = detectTables(await readXlsx(g.bytes, 'r.xlsx'));
    const exp = d.tables.find((t) => t.kind === 'expenditure');
    expect(exp?.unit).toBe('元');
    const cents = exp && 'items' in exp ? exp.items.filter((r) => Math.round((r.values.total.value ?? 0) * 100) % 100 !== 0) : [];
    expect(cents.length).toBeGreaterThan(0);
  });
});

describe('large workbooks', () => {
  let small: WorkbookSnapshot;
  let large: WorkbookSnapshot;
  beforeAll(async () => {
    small = await readXlsx((await generateLarge({ itemRows: 500, scorecards: 15 })).bytes, 's.xlsx');
    large = await readXlsx((await generateLarge({ itemRows: 2000, scorecards: 60 })).bytes, 'l.xlsx');
  }, 60000);

  /** Best of two runs of detection, checks and narrative checking, in ms. */
  function time(wb: WorkbookSnapshot) {
    let best = { detect: Infinity, checks: Infinity, narrative: Infinity, errors: -1 };
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const d = detectTables(wb);
      const t1 = performance.now();
      const fs = runChecks(wb, d);
      const t2 = performance.now();
      const text = narrativeLines(generateNarrative(d)).join('\n');
      const t3 = performance.now();
      const nf = checkNarrative(text, d);
      const t4 = performance.now();
      best = {
        detect: Math.min(best.detect, t1 - t0),
        checks: Math.min(best.checks, t2 - t1),
        narrative: Math.min(best.narrative, t4 - t3),
        errors: fs.filter((f) => f.severity === 'error').length + nf.filter((f) => f.severity === 'error').length,
      };
    }
    return best;
  }

  it('2,000 项 rows and 60 scorecards: clean, and each stage within budget', () => {
    const t = time(large);
    expect(t.errors).toBe(0);
    expect(t.detect).toBeLessThan(1500);
    expect(t.checks).toBeLessThan(2500);
    expect(t.narrative).toBeLessThan(2500);
  });

  it('grows about linearly: 4× the rows costs well under 16× the time', () => {
    const s = time(small);
    const l = time(large);
    // Linear would be ~4×; quadratic 16×. Small absolute times are floored to absorb timer noise.
    for (const k of ['detect', 'checks', 'narrative'] as const) expect(l[k] / Math.max(s[k], 20)).toBeLessThan(9);
  });
});
