// npm run bench — measured, not guessed:
//  1. Office.js round trips (context.sync) per action on the fake Excel, and WPS object-model calls per
//     action on the fake ET, for the sample and a large workbook;
//  2. core time on the sample and on the generated large workbook (2,000 item rows, 60 scorecards),
//     compared with a bare parse of the same .xlsx;
//  3. the task pane's initial JavaScript (gzip) from dist/;
//  4. folder mode of the built CLI: files per second with 1 and 2 check workers;
//  5. reading: peak memory (fresh process) of the file host's read + check against a bare exceljs
//     parse of the same file, and hostile files (a whole-sheet merge, 20,000 merges).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/hosts/file/xlsx-read';
import { analyzeWorkbook, detectTables, runChecks } from '../../src/core/index';
import { generateLarge } from '../../test/fixtures/generator/index';
import { measureExcelHost } from '../../test/fake-excel/bench';
import { FEW_CELLS, sheetWorkbook } from '../../test/unit/file-host/hostile';
import { benchDiagnosis } from './diagnosis';
import { measureWpsHost } from '../../test/fake-et/bench';

// scripts/bench.mjs runs the bundle with the repository as the working directory.
const ROOT = process.cwd();
const SAMPLE = [join(ROOT, '..', 'shared', 'fixtures', 'sample-2023-jiuye.xlsx'), join(ROOT, 'assets', 'sample-2023-jiuye.xlsx')].find(existsSync)!;

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function row(label: string, value: string) {
  console.log(`  ${label.padEnd(52, ' ')} ${value}`);
}

async function benchWorkbook(label: string, bytes: Uint8Array, runs: number) {
  console.log(`\n${label} (${(bytes.length / 1024).toFixed(0)} KB .xlsx)`);
  // Bare parse and end-to-end check alternate, so both see the same machine load and GC state.
  const parseTimes: number[] = [];
  const e2eTimes: number[] = [];
  const readTimes: number[] = [];
  const detectTimes: number[] = [];
  const checkTimes: number[] = [];
  // Each measurement starts from a collected heap, so neither pays for the other's garbage.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let i = 0; i < runs; i++) {
    gc();
    let t0 = process.hrtime.bigint();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    parseTimes.push(ms(t0));
    // End to end, phase by phase, on a fresh snapshot (no cache of an earlier run helps).
    gc();
    t0 = process.hrtime.bigint();
    const fresh = await readXlsx(bytes, label);
    const t1 = process.hrtime.bigint();
    const det = detectTables(fresh);
    const t2 = process.hrtime.bigint();
    runChecks(fresh, det);
    e2eTimes.push(ms(t0));
    readTimes.push(Number(t1 - t0) / 1e6);
    detectTimes.push(Number(t2 - t1) / 1e6);
    checkTimes.push(ms(t2));
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bareParse = mid(parseTimes);
  const endToEnd = mid(e2eTimes);
  const snapshot = await readXlsx(bytes, label);
  const snapshotMs = mid(readTimes);
  const detectMs = mid(detectTimes);
  const checkMs = mid(checkTimes);
  const analysis = analyzeWorkbook(snapshot);
  const cells = snapshot.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + (r ? r.filter(Boolean).length : 0), 0), 0);
  row('sheets / non-empty cells', `${snapshot.sheets.length} / ${cells}`);
  const sev = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) sev[f.severity]++;
  row('tables found / findings (error, warning, info)', `${analysis.detection.tables.length} / ${analysis.findings.length} (${sev.error}, ${sev.warning}, ${sev.info})`);
  row('bare parse of the .xlsx (exceljs load), median', `${bareParse.toFixed(1)} ms`);
  row('.xlsx → snapshot (file host, fresh), median', `${snapshotMs.toFixed(1)} ms`);
  row('detection + reading (core, fresh snapshot), median', `${detectMs.toFixed(1)} ms`);
  row('checks (core, fresh detection), median', `${checkMs.toFixed(1)} ms`);
  row('check end to end from .xlsx, median', `${endToEnd.toFixed(1)} ms  (${(endToEnd / bareParse).toFixed(2)}× bare parse)`);
  const excel = await measureExcelHost(snapshot, {}, analysis.findings.filter((f) => f.sheet && f.cell));
  row('Excel host: context.sync per read', `${excel.readSyncs}  (${excel.readMs} ms on the fake)`);
  row(`Excel host: context.sync per highlight (${excel.marked} marks)`, `${excel.highlightSyncs}`);
  row('Excel host: context.sync per clear', `${excel.clearSyncs}`);
  // Stress: a mark on every 7th number; Excel on the web's 5 MB request limit splits the writes.
  const stress = await measureExcelHost(snapshot);
  row(`Excel host stress: highlight / clear of ${stress.marked} marks`, `${stress.highlightSyncs} / ${stress.clearSyncs} syncs`);
  // WPS: every object-model call is a synchronous call into WPS; they are counted on the fake ET.
  const wps = await measureWpsHost(snapshot, {}, analysis.findings.filter((f) => f.sheet && f.cell));
  row('WPS host: object-model calls per read', `${wps.readCalls}  (${(wps.readCalls / wps.sheets).toFixed(0)} per sheet, ${wps.readMs} ms on the fake)`);
  row(`WPS host: calls per highlight (${wps.marked} marks) / clear`, `${wps.highlightCalls} / ${wps.clearCalls}`);
  const wpsStress = await measureWpsHost(snapshot);
  row(`WPS host stress: highlight / clear of ${wpsStress.marked} marks`, `${wpsStress.highlightCalls} / ${wpsStress.clearCalls} calls (${(wpsStress.highlightCalls / Math.max(1, wpsStress.marked)).toFixed(1)} per mark)`);
  return { bareParse, detectMs, checkMs, endToEnd };
}

function bundleSize() {
  const dist = join(ROOT, 'dist');
  console.log('\nTask pane bundle (production build in dist/)');
  if (!existsSync(join(dist, 'taskpane.html'))) {
    row('dist/taskpane.html', 'missing — run `npm run build` first');
    return;
  }
  // npm start leaves a development build (unminified, with source maps): its sizes mean nothing here.
  const info = existsSync(join(dist, 'build-info.json')) ? (JSON.parse(readFileSync(join(dist, 'build-info.json'), 'utf8')) as { mode?: string }) : {};
  if (info.mode !== 'production') {
    row('dist/', `${info.mode ?? 'unknown'} build, not measured — run \`npm run build\` first`);
    return;
  }
  // taskpane.html's boot script loads the full pane (data-pane) or, in IE11, the plain pane (data-legacy).
  for (const [page, path] of [['taskpane.html', 'data-pane'], ['taskpane.html', 'data-legacy'], ['workbench.html', '']]) {
    const html = readFileSync(join(dist, page), 'utf8');
    const tags = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s) && !s.includes('office-js/') && !s.includes('office.js'));
    const loaded = path ? (new RegExp(`${path}="([^"]*)"`).exec(html)?.[1] ?? '').split(' ').filter(Boolean) : [];
    const scripts = [...tags, ...loaded];
    let raw = 0;
    let gz = 0;
    for (const s of scripts) {
      const p = join(dist, s.replace(/^\.?\//, ''));
      if (!existsSync(p)) continue;
      const buf = readFileSync(p);
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    row(`${page}${path === 'data-legacy' ? ' (IE11 plain pane)' : ''}: initial JS (${scripts.length} files)`, `${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (budget 300 KB)`);
  }
  // Every script the full pane and the offline page may load: the entries and the lazy chunks
  // (the engine, the file host with SheetJS, docx, the WPS host) under chunks/.
  const lazy = [...readdirSync(dist).filter((f) => f.endsWith('.js')), ...(existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join('chunks', f)) : [])];
  const lazyGz = lazy.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  row('all JS of the modern build incl. lazy chunks', `${(lazyGz / 1024).toFixed(0)} KB gzip in ${lazy.length} files`);
}

/** `juesuan check <folder> --json --jobs N` on copies of the sample, end to end (process start included). */
function benchFolder(copies: number, runs: number) {
  // Other processes compete for the cores: the load average says how much the second worker can get.
  console.log(`\nFolder mode (built CLI, ${copies} copies of the sample, ${runs} runs each; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)})`);
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) return row('build-cli', 'failed');
  const folder = mkdtempSync(join(tmpdir(), 'juesuan-bench-folder-'));
  try {
    for (let i = 0; i < copies; i++) copyFileSync(SAMPLE, join(folder, `unit-${String(i).padStart(2, '0')}.xlsx`));
    for (const jobs of [1, 2]) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'juesuan.js'), 'check', folder, '--json', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 28 });
        times.push(ms(t0));
        const checked = r.stdout.split('\n').filter((l) => l.includes('"status":"checked"')).length;
        if (checked !== copies) return row(`--jobs ${jobs}`, `only ${checked}/${copies} files checked (exit ${r.status})`);
      }
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
      row(`check folder --jobs ${jobs}: wall time, median`, `${(median / 1000).toFixed(2)} s  (${((copies * 1000) / median).toFixed(1)} files/s)`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Child mode: read (and check) one file in a fresh process and report its peak memory. */
async function peakChild(mode: string, file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const c0 = process.cpuUsage();
  if (mode === 'exceljs') await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  else {
    const snap = await readXlsx(bytes, file);
    runChecks(snap, detectTables(snap));
  }
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (c.user + c.system) / 1000 }));
}

function peak(mode: 'exceljs' | 'juesuan', file: string): { maxRssMb: number; cpuMs: number } | null {
  const r = spawnSync(process.execPath, [process.argv[1], '--peak', mode, file], { encoding: 'utf8', timeout: 120_000 });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  return line.startsWith('{') ? JSON.parse(line) : null;
}

async function reading(large: Uint8Array) {
  console.log('\nReading (each in a fresh process; CPU time, peak resident memory)');
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-read-'));
  let rows = '';
  let merges = '';
  for (let i = 0; i < 20000; i++) {
    rows += `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`;
    merges += `<mergeCell ref="B${i + 1}:C${i + 1}"/>`;
  }
  const files: [string, Uint8Array][] = [
    ['large: 2,000 item rows, 60 scorecards', large],
    ['hostile: one merge A20:XFD1048576', sheetWorkbook(`${FEW_CELLS}<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>`)],
    ['hostile: 20,000 merges', sheetWorkbook(`<sheetData>${rows}</sheetData><mergeCells count="20000">${merges}</mergeCells>`)],
  ];
  for (const [label, bytes] of files) {
    const file = join(dir, `${files.findIndex((f) => f[0] === label)}.xlsx`);
    writeFileSync(file, bytes);
    const ours = peak('juesuan', file);
    const bare = label.startsWith('large') ? peak('exceljs', file) : null;
    const fmt = (x: { maxRssMb: number; cpuMs: number } | null) => (x ? `${x.cpuMs.toFixed(0)} ms CPU, peak ${x.maxRssMb.toFixed(0)} MB` : 'failed');
    row(`${label} (${(bytes.length / 1024).toFixed(0)} KB): read + check`, fmt(ours));
    if (bare) row('  bare exceljs parse of the same file', `${fmt(bare)}${ours ? `  (read + check: ${(ours.cpuMs / bare.cpuMs).toFixed(2)}× the CPU)` : ''}`);
  }
}

async function main() {
  const pk = process.argv.indexOf('--peak');
  if (pk >= 0) return peakChild(process.argv[pk + 1], process.argv[pk + 2]);
  console.log(`决算助手 bench — node ${process.version}, ${new Date().toISOString()}`);
  await benchWorkbook('sample-2023-jiuye.xlsx', new Uint8Array(readFileSync(SAMPLE)), 9);
  const t0 = process.hrtime.bigint();
  const large = await generateLarge({ itemRows: 2000, scorecards: 60 });
  console.log(`\n(generated the large workbook in ${ms(t0).toFixed(0)} ms)`);
  await benchWorkbook('large: 2,000 item rows, 60 scorecards', large.bytes, 7);
  await reading(large.bytes);
  await benchDiagnosis(ROOT);
  bundleSize();
  benchFolder(40, 3);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
