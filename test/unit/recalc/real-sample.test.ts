// The full pipeline on the sample: detectTables → recalculate → every formula evaluated against
// the real cells. Also cross-checks the hand-built Detection of build.ts against the detector.
import { loadSample } from '../../helpers';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import { recalculate, scorecardFixes } from '../../../src/core/recalc/recalc';
import type { DerivedSheet } from '../../../src/core/recalc/recalc';
import { sampleDetection } from './build';
import { evaluateDerived, valueOf } from './derived';
import type { EvaluatedCell } from './derived';

let wb: WorkbookSnapshot;
let ds: DerivedSheet;
let ev: EvaluatedCell[];

beforeAll(async () => {
  wb = await loadSample();
  ds = recalculate(detectTables(wb));
  ev = evaluateDerived(wb, ds);
});

const pct = (v: unknown): string => ((v as number) * 100).toFixed(2);

describe('recalculate(detectTables(sample))', () => {
  it('every formula evaluates, on the real cells, to its cachedValue', () => {
    expect(ev.length).toBeGreaterThan(100);
    for (const c of ev) {
      const ctx = `${c.label}: ${c.formula}`;
      const got = typeof c.evaluated === 'number' ? Number(c.evaluated.toFixed(9)) : c.evaluated;
      const want = typeof c.cached === 'number' ? Number(c.cached.toFixed(9)) : c.cached;
      expect({ ctx, v: got }).toEqual({ ctx, v: want });
    }
  });

  it('gives the figures of the published 情况说明', () => {
    expect(pct(valueOf(ev, ds, '财政拨款收入占比'))).toBe('95.78');
    expect(pct(valueOf(ev, ds, '其他收入占比'))).toBe('4.22');
    expect(pct(valueOf(ev, ds, '基本支出占比'))).toBe('84.09');
    expect(pct(valueOf(ev, ds, '合计 完成年初预算'))).toBe('93.70');
    expect(pct(valueOf(ev, ds, '“三公”经费完成预算'))).toBe('82.86');
    expect(pct(valueOf(ev, ds, '收支总计 增减率'))).toBe('-14.89');
    expect(pct(valueOf(ev, ds, '执行率', '项目自评3'))).toBe('98.80');
    expect(valueOf(ev, ds, '预算执行率得分', '项目自评3')).toBeCloseTo(9.88, 10);
    expect(valueOf(ev, ds, '总分', '项目自评3')).toBeCloseTo(99.88, 10);
  });

  it('agrees cell for cell with the hand-built Detection of build.ts', () => {
    const hand = recalculate(sampleDetection(wb));
    const pick = (s: DerivedSheet) => s.rows.map((r) => r.slice(0, 3).map((c) => c.formula ?? c.value ?? null));
    expect(pick(ds)).toEqual(pick(hand));
  });

  it('offers the scorecard fixes from the detected scorecards', () => {
    const sets = scorecardFixes(detectTables(wb));
    const p3 = sets.find((s) => s.sheet === '项目自评3')!;
    expect(p3.rate?.formula).toBe('IF(D5=0,"",E5/D5)');
    expect(p3.score?.formula).toBe('IF(D5=0,"",MIN(E5/D5,1)*F5)');
    expect(p3.total?.formula).toBe('SUM(H12:H20,H5)');
    expect(sets).toHaveLength(4);
  });
});
