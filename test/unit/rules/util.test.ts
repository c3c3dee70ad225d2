// Tolerance, percentage reading, related-cell compression and fuzzy project matching.
import { checkRate, compareAtPrecision, divideIntervals, sumTolerance, truncate, verdictOf } from '../../../src/core/rules/util/tolerance';
import { readPercent } from '../../../src/core/rules/util/figures';
import { relatedText } from '../../../src/core/rules/util/report';
import { bestMatch, nameSimilarity } from '../../../src/core/rules/util/match';
import { fig } from './build';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

describe('tolerance', () => {
  it('(n+1) × 0.005 for a total of n items', () => {
    expect(sumTolerance(3)).toBeCloseTo(0.02);
    expect(verdictOf(0.02, sumTolerance(3))).toBe('rounding');
    expect(verdictOf(0.03, sumTolerance(3))).toBe('mismatch');
    expect(verdictOf(1e-12, sumTolerance(3))).toBe('equal');
  });
  it('a 元 figure converted to 万元 equals the 万元 figure it rounds to', () => {
    expect(compareAtPrecision(1.1649, 1.16, 0.00505, 2)).toBe('equal');
    expect(compareAtPrecision(1.1651, 1.16, 0.00505, 2)).toBe('mismatch');
  });
  it('divides intervals', () => {
    const q = divideIntervals({ lo: 19.755, hi: 19.765 }, { lo: 19.995, hi: 20.005 })!;
    expect(q.lo).toBeCloseTo(19.755 / 20.005, 10);
    expect(q.hi).toBeCloseTo(19.765 / 19.995, 10);
    expect(divideIntervals({ lo: 1, hi: 2 }, { lo: -0.005, hi: 0.005 })).toBeNull();
  });
  it('checks printed rates: SPEC §2 examples', () => {
    // 15.31% where the figures give 15.48–15.54% is an error.
    expect(checkRate(15.31, 2, 15.51, 100, 0.005, 0.005)!.verdict).toBe('mismatch');
    // 99.86% where the exact value is 99.868% is truncation.
    expect(checkRate(99.86, 2, 99.868, 100, 0, 0)!.verdict).toBe('truncation');
    expect(checkRate(98.8, 2, 19.76, 20)!.verdict).toBe('equal');
    expect(checkRate(98.81, 2, 19.76, 20)!.verdict).toBe('rounding');
    expect(checkRate(50, 2, 1, 0)).toBeNull();
    expect(truncate(99.868, 2)).toBe(99.86);
  });
});

describe('readPercent', () => {
  const wb: WorkbookSnapshot = { name: 'x', sheets: [{ name: 'S', cells: [[{ v: 0.988, z: '0.00%' }, { v: 98.8 }, { v: '98.80%' }, { v: 1 }, { v: 0.9, z: '0%' }]], merges: [] }] };
  it('reads a fraction under a percent format', () => {
    expect(readPercent(wb, fig(0.988, 'S', 0, 0))).toEqual({ pct: 98.8, decimals: 2 });
    expect(readPercent(wb, fig(0.9, 'S', 0, 4))).toEqual({ pct: 90, decimals: 0 });
  });
  it('reads a number typed in percent, and text with %', () => {
    expect(readPercent(wb, fig(98.8, 'S', 0, 1))!.pct).toBe(98.8);
    expect(readPercent(wb, fig('98.80%', 'S', 0, 2))).toEqual({ pct: 98.8, decimals: 2 });
  });
  it('settles an unformatted 1 with the expected rate', () => {
    expect(readPercent(wb, fig(1, 'S', 0, 3), 100)!.pct).toBe(100);
    expect(readPercent(wb, fig(1, 'S', 0, 3), 1.2)!.pct).toBe(1);
  });
});

describe('relatedText', () => {
  it('compresses runs and prefixes other sheets', () => {
    const r = (sheet: string, row: number, col: number) => ({ sheet, row, col });
    expect(relatedText([r('A', 6, 5), r('A', 7, 5), r('A', 8, 5), r('B', 5, 2), r('A', 2, 1), r('A', 2, 2)], 'A')).toEqual(['F7:F9', 'B3:C3', 'B!C6']);
  });
});

describe('project name matching', () => {
  it('matches the sample variants', () => {
    expect(nameSimilarity('流动人员档案管理工作经费', '流动人员档案管理经费')).toBe(1);
    expect(nameSimilarity('失业动态监测（失业预警）工作和失业保险稳定就业工作经费', '失业动态监测（失业预警）工作和失业保险稳定就业工作经费')).toBe(1);
    expect(nameSimilarity('城市绿化养护', '就业见习补贴')).toBeLessThan(0.3);
  });
  it('prefers the exact project among similar ones', () => {
    const m = bestMatch('企业用工保障服务经费', ['市级企业用工保障服务专项经费', '企业用工保障服务经费'], (s) => s)!;
    expect(m.item).toBe('企业用工保障服务经费');
    expect(m.score).toBe(1);
  });
});
