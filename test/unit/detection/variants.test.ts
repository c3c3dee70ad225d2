// Real files nobody here has seen: every family of real variation (layouts/variants) in both money
// units, over the four layouts and three figure sets. A clean variant must be read exactly (the
// truth tables with their ranges and continuations, every truth figure at its cell, every extra
// table reported as unknown and nothing else) and give no error and no warning.
import { parseA1, rangeA1 } from '../../../src/core/address';
import { readNumber } from '../../../src/core/numbers';
import { getValue } from '../../../src/core/snapshot';
import type { Finding } from '../../../src/core/findings';
import { runChecks } from '../../../src/core/rules/engine';
import { detectTables } from '../../../src/core/tables/detect';
import type { Table } from '../../../src/core/tables/types';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { VARIANT_FAMILIES, allFaults, checkConsistency, generateWorkbook, valuesByPath, resolveFigure, type GenerateOptions, type LayoutId, type TruthTable, type UnitId, type VariantId } from '../../fixtures/generator/index';

const LAYOUTS: LayoutId[] = ['hunan', 'shanghai', 'central', 'putuo'];
const UNITS: UnitId[] = ['jiuye', 'bigunit', 'rounding'];
const MONEY = ['万元', '元'] as const;

interface Case {
  family: string;
  name: string;
  opts: GenerateOptions;
}

const cases: Case[] = [];
let k = 0;
for (const [family, sets] of Object.entries(VARIANT_FAMILIES))
  for (const variants of sets)
    for (const money of MONEY) {
      // Rotate layouts and figure sets so that every family meets every layout and unit.
      const layout = LAYOUTS[k % LAYOUTS.length];
      const unit = UNITS[Math.floor(k / LAYOUTS.length) % UNITS.length];
      k++;
      cases.push({ family, name: `${family}: ${variants.join('+')} / ${layout} / ${unit} / ${money}`, opts: { unit, layout, money, variants } });
    }
// Variants that act on empty fund tables only: the sample's figures (no 政府性基金, no 国有资本经营).
for (const layout of LAYOUTS) cases.push({ family: 'frame', name: `frame: note-in-table+spacers / ${layout} / jiuye / 万元`, opts: { unit: 'jiuye', layout, variants: ['note-in-table', 'spacers'] } });
// Variants that act on split 类|款|项 code columns only (the central layout).
for (const unit of ['jiuye', 'bigunit'] as UnitId[]) cases.push({ family: 'frame', name: `frame: code-band+header-words / central / ${unit} / 元`, opts: { unit, layout: 'central', variants: ['code-band', 'header-words'] } });
// Every family at once, on every layout.
const ALL: VariantId[] = ['continued', 'page-marks', 'spacers', 'text-forms', 'code-in-name', 'name-forms', 'class-codes', 'line-numbers', 'budget-rate', 'budget-columns', 'three-public-vertical', 'hidden', 'blank-cols', 'merged-names', 'note-in-table', 'caption-merged', 'extra-tables'];
for (const layout of LAYOUTS)
  for (const money of MONEY) {
    const unit = UNITS[k++ % UNITS.length];
    cases.push({ family: 'all', name: `all families / ${layout} / ${unit} / ${money}`, opts: { unit, layout, money, variants: ALL } });
  }

const tableKey = (t: { kind: string; sheet: string; range: string; unit: string | null; continued?: { sheet: string; range: string }[] }) =>
  `${t.sheet}!${t.range} ${t.kind} ${t.unit}${(t.continued ?? []).map((c) => ` +${c.sheet}!${c.range}`).join('')}`;
const readKey = (t: Table) => tableKey({ kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit, continued: t.continued?.map((c) => ({ sheet: c.sheet, range: rangeA1(c.range) })) });
const show = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`;

/** Per family: cases, cases read exactly, truth figures read at their cells, cases clean. */
const summary = new Map<string, { cases: number; exact: number; figures: number; clean: number }>();
const tally = (family: string) => {
  const s = summary.get(family) ?? { cases: 0, exact: 0, figures: 0, clean: 0 };
  summary.set(family, s);
  return s;
};

describe.each(cases)('$name', ({ family, opts }) => {
  let gen: Awaited<ReturnType<typeof generateWorkbook>>;
  let detection: ReturnType<typeof detectTables>;
  let findings: Finding[];
  beforeAll(async () => {
    gen = await generateWorkbook(opts);
    const wb = await readXlsx(gen.bytes, 'variant.xlsx');
    detection = detectTables(wb);
    findings = runChecks(wb, detection);
  });

  test('the generator tells the truth: titles and figures in their cells, every identity holds', async () => {
    const wb = await readXlsx(gen.bytes, 'variant.xlsx');
    const cell = (sheet: string, a1: string) => {
      const p = parseA1(a1)!;
      return getValue(wb.sheets.find((s) => s.name === sheet)!, p.row, p.col);
    };
    for (const t of gen.truth.tables) expect([t.sheet, cell(t.sheet, t.range.split(':')[0])]).toEqual([t.sheet, t.title]);
    const { raw, wan } = valuesByPath(gen.truth.figures, gen.layout.unit, (f) => readNumber(cell(f.sheet, f.cell)).value);
    for (const f of gen.truth.figures) expect([f.path, raw.get(f.path)]).toEqual([f.path, f.value]);
    // (An identity over a 合计 cell that holds a sub-header, as in the putuo layout, has no figure to form it: NaN.)
    expect(checkConsistency(raw, wan, { rounding: opts.unit === 'rounding' }).filter((v) => !Number.isNaN(v.expected))).toEqual([]);
  });

  test('finds exactly the truth tables (kind, sheet, range, unit, continuation)', () => {
    tally(family).cases++;
    expect(detection.tables.map(readKey).sort()).toEqual(gen.truth.tables.map((t: TruthTable) => tableKey(t)).sort());
    tally(family).exact++;
  });

  test('reports every extra table as unknown, and nothing else', () => {
    const unknown = detection.unknown.map((u) => `${u.sheet}: ${u.title}`).sort();
    expect(unknown).toEqual(gen.truth.extras.map((x) => `${x.sheet}: ${x.title}`).sort());
  });

  test('reads every truth figure at its cell with its value', () => {
    const wrong: string[] = [];
    for (const f of gen.truth.figures) {
      const r = resolveFigure(detection, f.path);
      const got = r ? `${r.sheet}!${r.cell}=${r.value}` : 'missing';
      const want = `${f.sheet}!${f.cell}=${f.value}`;
      if (got !== want) wrong.push(`${f.path}: want ${want}, got ${got}`);
    }
    expect({ count: wrong.length, first: wrong.slice(0, 25) }).toEqual({ count: 0, first: [] });
    tally(family).figures += gen.truth.figures.length;
  });

  test('a clean variant gives no error and no warning', () => {
    expect(findings.filter((f) => f.severity !== 'info').map(show)).toEqual([]);
    tally(family).clean++;
  });
});

afterAll(() => {
  const lines = [...summary.entries()].map(([family, s]) => `${family}: ${s.cases} cases (variant sets × 万元/元), ${s.exact} read exactly, ${s.clean} clean (0 errors, 0 warnings), ${s.figures} truth figures read at their cells`);
  // eslint-disable-next-line no-console
  console.log(lines.join('\n'));
});

// Reading the variants must not hide faults: every planted fault (a 0.01 cross-table difference
// is rounding, at most info) still gives an error or a warning on or next to its cell.
describe('planted faults stay visible on variant workbooks', () => {
  const sets: [LayoutId, VariantId[]][] = [
    ['hunan', ['continued', 'page-marks', 'spacers', 'line-numbers', 'budget-columns']],
    ['shanghai', ['text-forms', 'code-in-name', 'name-forms', 'class-codes', 'three-public-vertical']],
    ['central', ['hidden', 'blank-cols', 'merged-names', 'caption-merged', 'budget-rate']],
    // (Not caption-in-title: the unit-caption fault clears the caption cell, and the unit then stands in the title.)
    ['putuo', ['extra-tables', 'one-sheet', 'code-forms', 'caption-beside-header']],
  ];
  const near = (f: Finding, sheet: string, cell: string) => {
    const a = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
    const b = /^([A-Z]+)(\d+)$/.exec(cell);
    if (f.sheet !== sheet || !a || !b) return false;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return Math.abs(Number(a[2]) - Number(b[2])) <= 1 && Math.abs(col(a[1]) - col(b[1])) <= 1;
  };
  it.each(sets)('%s with %j', async (layout, variants) => {
    const run = async (o: GenerateOptions) => {
      const g = await generateWorkbook(o);
      const wb = await readXlsx(g.bytes, 'variant.xlsx');
      return { g, findings: runChecks(wb, detectTables(wb)) };
    };
    const clean = await run({ unit: 'bigunit', layout, variants });
    const bad = await run({ unit: 'bigunit', layout, variants, faults: allFaults() });
    const key = (f: Finding) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
    const before = new Set(clean.findings.map(key));
    const fresh = bad.findings.filter((f) => f.severity !== 'info' && !before.has(key(f)));
    const missed = bad.g.truth.planted
      .filter((p) => p.category !== 'cross.project-total')
      .filter((p) => ![p.cell, ...(p.cells ?? [])].some((c) => fresh.some((f) => (c.includes('!') ? near(f, c.split('!')[0], c.split('!')[1]) : near(f, p.sheet, c)))))
      .map((p) => `${p.category} ${p.sheet}!${p.cell}`);
    expect(bad.g.truth.planted.length).toBeGreaterThanOrEqual(allFaults().length);
    expect(missed).toEqual([]);
  });
});
