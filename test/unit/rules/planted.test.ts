// Recall on generated workbooks: every fault category of the generator planted in every layout
// must be reported on or next to the cell a reviewer would point at; clean workbooks (including
// the 元 figures rounded to 万元 cell by cell) must produce no error.
import { parseA1 } from '../../../src/core/address';
import type { Finding } from '../../../src/core/findings';
import { runChecks } from '../../../src/core/rules/engine';
import { detectTables } from '../../../src/core/tables/detect';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { LAYOUTS, allFaults, generateWorkbook } from '../../fixtures/generator';
import type { GenerateOptions, LayoutId, PlantedFault, UnitId } from '../../fixtures/generator';

async function check(opts: GenerateOptions) {
  const g = await generateWorkbook(opts);
  const wb = await readXlsx(g.bytes, 'generated.xlsx');
  return { findings: runChecks(wb, detectTables(wb)), truth: g.truth };
}

const key = (f: Finding) => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;

/** On the cell, or in one of the 8 cells around it. */
function near(f: Finding, sheet: string, cell: string): boolean {
  if (f.sheet !== sheet || !f.cell) return false;
  const a = parseA1(f.cell);
  const b = parseA1(cell.includes('!') ? cell.split('!')[1] : cell);
  if (!a || !b) return false;
  return Math.abs(a.row - b.row) <= 1 && Math.abs(a.col - b.col) <= 1;
}

/** The rules that answer each fault category (a finding from another rule does not count). */
const EXPECTED_RULES: Record<string, RegExp> = {
  'sum.total': /^sum\.(coded-total|row-parts)$/,
  'sum.hierarchy': /^sum\.(coded-hierarchy|coded-total)$/,
  'summary.grand-total': /^sum\.summary$/,
  'gov-fund.balance': /^sum\.fund-balance$/,
  'three-public.total': /^sum\.three-public$/,
  'basic-detail.personnel-total': /^sum\.basic-detail$/,
  'cross.project-total': /^(cross\.perf-projects|sum\.perf-basic-data)$/,
  'cross.summary-income': /^cross\.(summary-income|summary-fiscal-income)$/,
  'catalogue.name': /^catalogue\.(name-mismatch|inconsistent-name)$/,
  'catalogue.parent': /^catalogue\.wrong-parent$/,
  'scorecard.level1-cap': /^scorecard\.level1-cap$/,
  'scorecard.rate-base': /^scorecard\.execution-rate$/,
  'scorecard.blank-score': /^scorecard\.required-fields$/,
  'scorecard.fund-total-zero': /^scorecard\.fund-total$/,
  'scorecard.no-deviation': /^scorecard\.deviation-reason$/,
  'scorecard.score-over-weight': /^scorecard\.score-cap$/,
  'scorecard.total-score': /^scorecard\.score-total$/,
  'number.text': /^input\.invalid-number$/,
  'completeness.unit-caption': /^completeness\.unit-caption$/,
};

/** Faults that rounding could explain (SPEC §2: a 0.01 cross-table difference is at most info). */
const INFO_SUFFICES = new Set(['cross.project-total']);

function reported(p: PlantedFault, fresh: Finding[]): Finding | undefined {
  const cells = [`${p.sheet}!${p.cell}`, ...(p.cells ?? []).map((c) => (c.includes('!') ? c : `${p.sheet}!${c}`))];
  const want = EXPECTED_RULES[p.category] ?? /./;
  // A planted 1.00 must be at least a warning: an info ("rounding") finding does not count as caught.
  return fresh.find((f) => want.test(f.rule) && (f.severity !== 'info' || INFO_SUFFICES.has(p.category)) && cells.some((c) => near(f, c.split('!')[0], c.split('!')[1])));
}

const layouts = Object.keys(LAYOUTS) as LayoutId[];
const configs: [string, GenerateOptions][] = layouts.flatMap((layout) => [
  [`${layout}`, { layout }],
  [`${layout} stacked, merged scores, decoys`, { layout, stackTables: true, stackScorecards: true, mergedScores: true, decoys: true }],
]);

describe('planted faults are reported on or next to their cell', () => {
  it.each(configs)('%s', async (_name, opts) => {
    const clean = await check(opts);
    const faulty = await check({ ...opts, faults: allFaults() });
    const base = new Set(clean.findings.map(key));
    const fresh = faulty.findings.filter((f) => !base.has(key(f)));
    const planted = faulty.truth.planted;
    const missed = planted.filter((p) => !reported(p, fresh));
    const onCell = planted.filter((p) => fresh.some((f) => f.sheet === p.sheet && f.cell === p.cell && (EXPECTED_RULES[p.category] ?? /./).test(f.rule)));
    const exact = onCell.length;
    const beside = planted.filter((p) => !onCell.includes(p) && !missed.includes(p)).map((p) => `${p.category}@${p.cell}→${reported(p, fresh)?.cell}`);
    const recall = (planted.length - missed.length) / planted.length;
    // eslint-disable-next-line no-console
    console.log(`${_name}: ${planted.length - missed.length}/${planted.length} planted faults reported (${(recall * 100).toFixed(1)}%), ${exact} on the exact cell (beside: ${beside.join(', ')})` + missed.map((m) => `\n  missed ${m.category} ${m.sheet}!${m.cell}: ${m.description}`).join(''));
    expect(planted.length).toBeGreaterThanOrEqual(allFaults().length);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('clean generated workbooks produce no error and no warning', () => {
  const units: UnitId[] = ['jiuye', 'bigunit', 'rounding'];
  const cases: [string, GenerateOptions][] = units.flatMap((unit) => layouts.map((layout) => [`${unit} / ${layout}`, { unit, layout }] as [string, GenerateOptions]));
  cases.push(['rounding / hunan, text numbers and dash zeros', { unit: 'rounding', layout: 'hunan', dashZeros: true, textNumbers: ['income', 'expenditure'] }]);
  it.each(cases)('%s', async (_name, opts) => {
    const { findings } = await check(opts);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
    expect(errors).toEqual([]);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
    expect(warnings).toEqual([]);
    const infos = findings.filter((f) => f.severity === 'info');
    console.log(`${_name}: 0 errors, ${warnings.length} warnings, ${infos.length} infos` + [...warnings, ...infos.slice(0, 4).map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)].map((w) => `\n  ${w}`).join(''));
  });
});
