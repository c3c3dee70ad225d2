// The core as the plain pane runs it — dist/legacy/legacy-engine.*.js, ES5 with its core-js
// polyfills — under Duktape, an ES5.1 engine (no Map, Set, Promise, WeakMap, Array.from…), on the
// shared sample, the sample with planted faults and the two real Shanghai reports: it must print
// exactly what Node prints for the same file (tables, findings, 情况说明 lines). Node's output is
// computed here, from the same bundle, never stored. Under CI (CI set) a missing `duk` fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { loadSample, loadXlsx, SHARED_DIR } from '../../helpers';
import { DIST, ensureDist } from './dist';

const DUK = process.env.DUK_PATH ?? '/usr/bin/duk';
const haveDuk = existsSync(DUK);
if (!haveDuk && process.env.CI) {
  test('Duktape is installed (CI)', () => {
    throw new Error(`${DUK} is missing: .ci/run installs it (apt-get install -y duktape)`);
  });
}
const maybe = haveDuk ? describe : describe.skip;

/** The engine file plus a driver that prints JueSuanEngine.report(snapshot) with Duktape's print or Node's console. */
function program(engine: string, snapshot: WorkbookSnapshot): string {
  return [
    "var print = typeof print !== 'undefined' ? print : function (s) { console.log(s); };",
    `var SNAPSHOT = ${JSON.stringify(snapshot)};`,
    engine,
    ';print(JSON.stringify(JueSuanEngine.report(SNAPSHOT)));',
  ].join('\n');
}

function planted(sample: WorkbookSnapshot): WorkbookSnapshot {
  const wb = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  // 本年收入合计 off by 1.00, a 类 row off by 0.01 (rounding), a 合计 given as text.
  const summary = wb.sheets.find((s) => s.name.includes('收入支出决算总表'))!;
  const c15 = summary.cells[14]![2]!;
  summary.cells[14]![2] = { ...c15, v: (c15.v as number) + 1 };
  const expenditure = wb.sheets.find((s) => s.name.includes('支出决算表') && !s.name.includes('财政'))!;
  const row = expenditure.cells.findIndex((r, i) => i > 5 && typeof r?.[2]?.v === 'number');
  const cell = expenditure.cells[row]![2]!;
  expenditure.cells[row]![2] = { ...cell, v: Math.round(((cell.v as number) + 0.01) * 100) / 100 };
  const income = wb.sheets.find((s) => s.name.includes('2收入决算表'))!;
  const total = income.cells.findIndex((r) => typeof r?.[2]?.v === 'number');
  income.cells[total]![2] = { v: String(income.cells[total]![2]!.v) };
  return wb;
}

maybe('the ES5 core under Duktape prints what Node prints', () => {
  let dir: string;
  let engine: string;
  const cases: [string, () => Promise<WorkbookSnapshot>][] = [
    ['the shared sample', () => loadSample()],
    ['the sample with planted faults', async () => planted(await loadSample())],
    ['sh-putuo-shengtai-2025 (real)', () => loadXlsx(join(SHARED_DIR, 'fixtures', 'real', 'sh-putuo-shengtai-2025.xlsx'))],
    ['sh-putuo-yichuan-2025 (real)', () => loadXlsx(join(SHARED_DIR, 'fixtures', 'real', 'sh-putuo-yichuan-2025.xlsx'))],
  ];

  beforeAll(async () => {
    await ensureDist();
    const file = readdirSync(join(DIST, 'legacy')).find((f) => /^legacy-engine\.[0-9a-f]+\.js$/.test(f));
    if (!file) throw new Error('dist/legacy/legacy-engine.*.js is missing');
    engine = require('node:fs').readFileSync(join(DIST, 'legacy', file), 'utf8') as string;
    dir = mkdtempSync(join(tmpdir(), 'juesuan-duk-'));
  }, 600_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('Duktape is an ES5 engine without the built-ins the core uses (the polyfills are really exercised)', () => {
    const probe = join(dir, 'probe.js');
    writeFileSync(probe, 'print(typeof Map, typeof Promise, typeof WeakMap, typeof Array.from);');
    expect(execFileSync(DUK, [probe], { encoding: 'utf8' }).trim()).toBe('undefined undefined undefined undefined');
  });

  it.each(cases)('%s', async (_, load) => {
    const file = join(dir, 'run.js');
    writeFileSync(file, program(engine, await load()));
    const node = spawnSync(process.execPath, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const duk = spawnSync(DUK, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    expect({ status: node.status, stderr: node.stderr }).toEqual({ status: 0, stderr: '' });
    expect({ status: duk.status, stderr: duk.stderr }).toEqual({ status: 0, stderr: '' });
    const fromNode = JSON.parse(node.stdout) as { tables: unknown[]; findings: unknown[]; narrative: string[] };
    expect(fromNode.tables.length).toBeGreaterThan(5);
    expect(fromNode.narrative.length).toBeGreaterThan(10);
    expect(duk.stdout).toBe(node.stdout);
  }, 180_000);

  it('the comparison sees faults: planted and real workbooks have findings', async () => {
    const file = join(dir, 'faults.js');
    writeFileSync(file, program(engine, planted(await loadSample())));
    const out = JSON.parse(execFileSync(DUK, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { findings: { severity: string; cell: string | null }[] };
    expect(out.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  }, 180_000);
});
