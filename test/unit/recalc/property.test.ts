// Property: whatever the source cells hold (numbers, zeros, blanks, dashes, numbers stored as text,
// full-width digits, junk text, errors), each formula recalc emits evaluates in Excel to exactly the
// cachedValue recalc claims — or to an error when it claims nothing (null).
import fc from 'fast-check';
import { loadSample } from '../../helpers';
import type { CellRef } from '../../../src/core/address';
import { a1 } from '../../../src/core/address';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { recalculate, scorecardFixes } from '../../../src/core/recalc/recalc';
import { sampleDetection, cloneWorkbook, setCell } from './build';
import { evaluate, evaluateDerived } from './derived';

let wb: WorkbookSnapshot;
let refs: CellRef[];

/** Every cell a Figure of the detection points at, plus the 补充信息 values. */
function figureRefs(o: unknown, out: Map<string, CellRef>): void {
  if (!o || typeof o !== 'object') return;
  if (Array.isArray(o)) return o.forEach((x) => figureRefs(x, out));
  const r = o as Record<string, unknown>;
  if ('form' in r && r.ref && typeof r.ref === 'object') {
    const ref = r.ref as CellRef;
    out.set(`${ref.sheet}!${ref.row},${ref.col}`, ref);
  }
  for (const v of Object.values(r)) figureRefs(v, out);
}

beforeAll(async () => {
  wb = await loadSample();
  const det = sampleDetection(wb);
  const m = new Map<string, CellRef>();
  figureRefs(det.tables, m);
  for (const e of det.supplement!.entries) m.set(`${e.ref.sheet}!${e.ref.row},${e.ref.col}`, e.ref);
  refs = [...m.values()];
});

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -100000, max: 10000000 }).map((n) => n / 100) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('-', '—', '－', '', '  ') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999999 }).map((n) => (n / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })) },
  { weight: 1, arbitrary: fc.constantFrom(' 12.50 ', '(3.20)', '１２', '5万元', 'abc', '无') },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }) },
);

function consistent(evaluated: unknown, cached: unknown): boolean {
  if (typeof cached === 'number') return typeof evaluated === 'number' && Math.abs(evaluated - cached) <= 1e-9 * Math.max(1, Math.abs(cached));
  // null: recalc claims no figure; Excel shows an error, or the cell's own text for a bare reference.
  if (cached === null) return (typeof evaluated === 'object' && evaluated !== null && 'error' in evaluated) || (typeof evaluated === 'string' && evaluated !== '');
  return evaluated === cached;
}

describe('formulas and cached values agree on arbitrary cell contents', () => {
  it('analysis sheet', () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 400, maxLength: 400 }), fc.integer({ min: 0, max: 399 }), (values, shift) => {
        const v = cloneWorkbook(wb);
        refs.forEach((r, i) => setCell(v, r.sheet, a1(r.row, r.col), values[(i + shift) % values.length]));
        const ds = recalculate(sampleDetection(v), { includeZeroItems: true });
        for (const c of evaluateDerived(v, ds)) {
          if (!consistent(c.evaluated, c.cached)) throw new Error(`${c.label}: ${c.formula} → ${JSON.stringify(c.evaluated)}, cached ${JSON.stringify(c.cached)}`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('scorecard fixes never produce a number the analysis sheet disagrees with', () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 4, maxLength: 4 }), ([budget, executed, weight, score]) => {
        const v = cloneWorkbook(wb);
        setCell(v, '项目自评3', 'D5', budget);
        setCell(v, '项目自评3', 'E5', executed);
        setCell(v, '项目自评3', 'F5', weight);
        setCell(v, '项目自评3', 'H16', score);
        const d = sampleDetection(v);
        const set = scorecardFixes(d).find((s) => s.sheet === '项目自评3')!;
        const fixed = cloneWorkbook(v);
        const sh = fixed.sheets.find((s) => s.name === '项目自评3')!;
        for (const f of [set.rate!, set.score!, set.total!]) (sh.cells[f.ref.row] ??= [])[f.ref.col] = { v: null, f: f.formula! };
        const ds = recalculate(d);
        const ev = evaluateDerived(v, ds);
        const start = ds.rows.findIndex((r) => String(r[0]?.value ?? '').includes('（项目自评3）'));
        const derived = (label: string) => ev.find((c) => c.row > start && c.label === label)!;
        for (const [label, fix] of [['执行率', set.rate!], ['预算执行率得分', set.score!], ['总分', set.total!]] as const) {
          const inSheet = evaluate(fixed, a1(fix.ref.row, fix.ref.col), '项目自评3', { recompute: new Set(['项目自评3']) });
          const d2 = derived(label);
          if (!consistent(d2.evaluated, d2.cached)) throw new Error(`${label} cached ${JSON.stringify(d2.cached)} vs ${JSON.stringify(d2.evaluated)}`);
          if (typeof d2.cached === 'number' && !consistent(inSheet, d2.cached)) throw new Error(`${label}: fix gives ${JSON.stringify(inSheet)}, analysis ${d2.cached}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
