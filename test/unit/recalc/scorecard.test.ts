// Scorecard figures: the fixes written into a scorecard's own 执行率/得分/总分 cells, merged
// 得分 groups counted once, planted faults corrected by applying the fixes.
import { loadSample } from '../../helpers';
import { a1 } from '../../../src/core/address';
import type { CellRef } from '../../../src/core/address';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { recalculate, scorecardFixes } from '../../../src/core/recalc/recalc';
import type { ScorecardFixSet } from '../../../src/core/recalc/recalc';
import type { ScorecardTable } from '../../../src/core/tables/types';
import { sampleDetection, cloneWorkbook, setCell } from './build';
import { evaluate, evaluateDerived, valueOf } from './derived';

let wb: WorkbookSnapshot;
beforeAll(async () => {
  wb = await loadSample();
});

/** Write the fixes' formulas into a copy of the workbook, as applying them in Excel would. */
function applyFixes(src: WorkbookSnapshot, set: ScorecardFixSet): WorkbookSnapshot {
  const out = cloneWorkbook(src);
  for (const fix of [set.rate, set.score, set.total]) {
    if (!fix) continue;
    const s = out.sheets.find((x) => x.name === fix.ref.sheet)!;
    (s.cells[fix.ref.row] ??= [])[fix.ref.col] = { v: null, f: fix.formula! };
  }
  return out;
}

const cellValue = (w: WorkbookSnapshot, ref: CellRef) => evaluate(w, a1(ref.row, ref.col), ref.sheet, { recompute: new Set([ref.sheet]) });

describe('scorecardFixes', () => {
  it('offers sheet-local formulas for the 执行率, 得分 and 总分 cells of every scorecard', () => {
    const sets = scorecardFixes(sampleDetection(wb));
    expect(sets.map((s) => s.sheet)).toEqual(['整体支出绩效自评表', '项目自评1', '项目自评2', '项目自评3']);
    const p3 = sets[3];
    expect(p3.name).toBe('高校毕业生招聘工作经费');
    expect(p3.rate).toMatchObject({ ref: { sheet: '项目自评3', row: 4, col: 6 }, formula: 'IF(D5=0,"",E5/D5)', previous: 0.988 });
    expect(p3.score).toMatchObject({ ref: { sheet: '项目自评3', row: 4, col: 7 }, formula: 'IF(D5=0,"",MIN(E5/D5,1)*F5)', previous: 9.88 });
    expect(p3.total).toMatchObject({ ref: { sheet: '项目自评3', row: 20, col: 7 }, formula: 'SUM(H12:H20,H5)', previous: 99.88 });
    for (const s of sets) for (const f of [s.rate, s.score, s.total]) expect(f?.description).toMatch(/[\u4e00-\u9fff]/);
    // Department scorecard: 总分 over its own rows.
    expect(sets[0].total?.formula).toBe('SUM(H11:H19,H4)');
  });

  it('applied to the clean sample, the fixes reproduce the printed figures', () => {
    const sets = scorecardFixes(sampleDetection(wb));
    const fixed = applyFixes(wb, sets[3]);
    expect(cellValue(fixed, sets[3].rate!.ref)).toBeCloseTo(0.988, 12);
    expect(cellValue(fixed, sets[3].score!.ref)).toBeCloseTo(9.88, 12);
    expect(cellValue(fixed, sets[3].total!.ref)).toBeCloseTo(99.88, 12);
  });

  it('corrects planted faults: a rate against 年初预算数, a blank 得分, a wrong 总分', () => {
    const bad = cloneWorkbook(wb);
    setCell(bad, '项目自评3', 'D5', 25); // 全年预算数 raised; the printed rate still uses 年初预算数 20
    setCell(bad, '项目自评3', 'G5', 0.988);
    setCell(bad, '项目自评3', 'H5', null);
    setCell(bad, '项目自评3', 'H21', 100);
    const d = sampleDetection(bad);
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评3')!;
    expect(set.score!.previous).toBeNull();
    expect(set.total!.previous).toBe(100);
    const fixed = applyFixes(bad, set);
    expect(cellValue(fixed, set.rate!.ref)).toBeCloseTo(19.76 / 25, 12);
    expect(cellValue(fixed, set.score!.ref)).toBeCloseTo(7.904, 12);
    expect(cellValue(fixed, set.total!.ref)).toBeCloseTo(97.904, 12);
    // The analysis sheet agrees with the fixed cells.
    const ds = recalculate(d);
    const ev = evaluateDerived(bad, ds);
    expect(valueOf(ev, ds, '总分', '项目自评3')).toBeCloseTo(97.904, 12);
  });

  it('a zero 全年预算数 leaves the rate and score blank instead of #DIV/0!', () => {
    const z = cloneWorkbook(wb);
    setCell(z, '项目自评1', 'D5', 0);
    const d = sampleDetection(z);
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评1')!;
    const fixed = applyFixes(z, set);
    expect(cellValue(fixed, set.rate!.ref)).toBe('');
    expect(cellValue(fixed, set.score!.ref)).toBe('');
    // SUM skips the blank-looking score: 总分 is the indicators' 90.
    expect(cellValue(fixed, set.total!.ref)).toBe(90);
    const ds = recalculate(d);
    const ev = evaluateDerived(z, ds);
    expect(valueOf(ev, ds, '执行率', '项目自评1')).toBe('');
    expect(valueOf(ev, ds, '总分', '项目自评1')).toBe(90);
  });

  it('without 全年预算数 the rate falls back to 年初预算数 and says so', () => {
    const d = sampleDetection(wb);
    const sc = d.tables.find((t) => t.sheet === '项目自评2') as ScorecardTable;
    sc.funds.total!.fullBudget = null;
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评2')!;
    expect(set.rate!.formula).toBe('IF(C6=0,"",E6/C6)');
    expect(set.rate!.description).toContain('年初预算数');
    const ds = recalculate(d);
    expect(ds.rows.some((r) => r[0]?.value === '执行率' && String(r[1]?.value).includes('年初预算数'))).toBe(true);
  });
});

describe('merged 得分 groups count once', () => {
  it('a 得分 merged over two indicator rows adds its value once', () => {
    const m = cloneWorkbook(wb);
    const sheet = m.sheets.find((s) => s.name === '项目自评3')!;
    // 产出 数量+质量 scored together: H12:H13 merged holding 30 (was 15 + 15).
    sheet.merges.push({ r1: 11, c1: 7, r2: 12, c2: 7 });
    setCell(m, '项目自评3', 'H12', 30);
    delete sheet.cells[12][7];
    const d = sampleDetection(m);
    const sc = d.tables.find((t) => t.sheet === '项目自评3') as ScorecardTable;
    expect(sc.indicators[0].scoreGroup).toBe('H12');
    expect(sc.indicators[1].score?.ref).toEqual(sc.indicators[0].score?.ref);
    const ds = recalculate(d);
    const ev = evaluateDerived(m, ds);
    expect(valueOf(ev, ds, '总分', '项目自评3')).toBeCloseTo(99.88, 12);
    const c = ev.find((x) => x.label === '总分' && x.formula.includes('项目自评3'))!;
    expect(c.cached).toBeCloseTo(99.88, 12);
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评3')!;
    expect(set.total!.formula).toBe('SUM(H12:H20,H5)');
    expect(cellValue(applyFixes(m, set), set.total!.ref)).toBeCloseTo(99.88, 12);
  });

  it('scores stored as text are summed one by one (SUM over a range would skip them)', () => {
    const t = cloneWorkbook(wb);
    setCell(t, '项目自评3', 'H16', '5');
    const d = sampleDetection(t);
    const ds = recalculate(d);
    const ev = evaluateDerived(t, ds);
    expect(valueOf(ev, ds, '总分', '项目自评3')).toBeCloseTo(99.88, 12);
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评3')!;
    expect(set.total!.formula).toContain('VALUE(H16)');
    expect(cellValue(applyFixes(t, set), set.total!.ref)).toBeCloseTo(99.88, 12);
  });

  it('a template listing 预算执行率 as an indicator does not count the funds 得分 twice', () => {
    const d = sampleDetection(wb);
    const sc = d.tables.find((t) => t.sheet === '项目自评1') as ScorecardTable;
    sc.indicators[sc.indicators.length - 1] = { ...sc.indicators[sc.indicators.length - 1], level1: '预算执行率（10分）', level2: '预算执行率' };
    const set = scorecardFixes(d).find((s) => s.sheet === '项目自评1')!;
    expect(set.total!.formula).toBe('SUM(H12:H20)');
    const ds = recalculate(d);
    const ev = evaluateDerived(wb, ds);
    expect(valueOf(ev, ds, '总分', '项目自评1')).toBe(90);
  });
});
