// A batch that survives (issue 11): one file that crashes its worker, runs it out of memory, hangs,
// or is not a regular file costs only its own row; every good file is still checked and reported.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SAMPLE_XLSX } from '../../helpers';
import { run, scratch } from './harness';
import { mergeBomb, NOT_WORKBOOKS, zipOf } from './hostile';

const GOOD = ['a-good.xlsx', 'b-good.xlsx', 'c-good.xlsx', 'd-good.xlsx'];

function folderWithGoodFiles(): string {
  const folder = scratch('juesuan-batch-');
  for (const f of GOOD) copyFileSync(SAMPLE_XLSX, join(folder, f));
  return folder;
}

type Line = { file: string; status: string; unreadable?: string; tables?: unknown[]; counts?: { error: number } };
const jsonLines = (outCalls: string[]): Line[] => outCalls.map((l) => JSON.parse(l));

function expectGoodFilesReported(lines: Line[]) {
  for (const f of GOOD) {
    const line = lines.find((l) => l.file === f);
    // (The reason is in the comparison so that a failure says why the file was not checked.)
    expect({ file: f, status: line?.status, reason: line?.unreadable, errors: line?.counts?.error }).toEqual({ file: f, status: 'checked', reason: undefined, errors: 0 });
    expect(line!.tables).toHaveLength(14);
  }
}

describe('folder mode survives a file that takes its worker down', () => {
  it('crash, out of memory and hang each cost one row; the four good files are reported; exit 2', async () => {
    const folder = folderWithGoodFiles();
    for (const f of ['crash.xlsx', 'oom.xlsx', 'hang.xlsx']) copyFileSync(SAMPLE_XLSX, join(folder, f));
    const t0 = Date.now();
    const r = await run(['check', folder, '--json', '--jobs', '2', '--timeout', '6', '--max-memory', '96'], {
      testHooks: { 'crash.xlsx': 'crash', 'oom.xlsx': 'oom', 'hang.xlsx': 'hang' },
    });
    expect(r.code).toBe(2);
    const lines = jsonLines(r.outCalls);
    expect(lines).toHaveLength(7);
    expectGoodFilesReported(lines);
    expect(lines.find((l) => l.file === 'crash.xlsx')).toMatchObject({ status: 'unreadable', unreadable: expect.stringContaining('意外中止') });
    expect(lines.find((l) => l.file === 'oom.xlsx')).toMatchObject({ status: 'unreadable', unreadable: expect.stringContaining('超出内存上限（96 MB）') });
    expect(lines.find((l) => l.file === 'hang.xlsx')).toMatchObject({ status: 'unreadable', unreadable: expect.stringContaining('检查超时（超过 6 秒）') });
    // One progress line per file, numbered as they finish.
    for (let i = 1; i <= 7; i++) expect(r.err).toContain(`[${i}/7] `);
    expect(r.err).toMatch(/hang\.xlsx：无法读取 — 检查超时/);
    // The hang was stopped at its limit, not waited out.
    expect(Date.now() - t0).toBeLessThan(30000);
  });

  it('streams one JSON line per file as it finishes: good files are out while another still runs', async () => {
    const folder = folderWithGoodFiles();
    copyFileSync(SAMPLE_XLSX, join(folder, 'zz-hang.xlsx'));
    const outCalls: string[] = [];
    let finished = false;
    const { main } = await import('../../../src/cli/main');
    const { buildCli } = await import('./harness');
    const running = main(['check', folder, '--json', '--jobs', '2', '--timeout', '5'], { out: (s) => outCalls.push(s), err: () => undefined }, { workerScript: join(buildCli(), 'check-worker.js'), testHooks: { 'zz-hang.xlsx': 'hang' } }).then((code) => {
      finished = true;
      return code;
    });
    const deadline = Date.now() + 15000;
    while (outCalls.length < GOOD.length && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    // A run killed now would keep these lines: each is a whole JSON object.
    expect(finished).toBe(false);
    expectGoodFilesReported(jsonLines(outCalls));
    expect(await running).toBe(2);
  });

  it('a real 28 KB merge bomb under a small heap limit is read like any file (reading is bounded), the rest are checked', async () => {
    const folder = folderWithGoodFiles();
    writeFileSync(join(folder, 'merge-bomb.xlsx'), await mergeBomb());
    const r = await run(['check', folder, '--json', '--max-memory', '128', '--timeout', '30']);
    const lines = jsonLines(r.outCalls);
    expectGoodFilesReported(lines);
    // The merge A20:XFD1048576 is kept as one range, never expanded: 128 MB of heap is plenty.
    expect(lines.find((l) => l.file === 'merge-bomb.xlsx')).toMatchObject({ status: 'checked' });
    expect(lines).toHaveLength(GOOD.length + 1);
  });
});

describe('folder mode reads only regular workbooks', () => {
  it('a symlink to /dev/zero, a FIFO, a directory named x.xlsx and non-workbook zips are rows with reasons', async () => {
    const folder = folderWithGoodFiles();
    symlinkSync('/dev/zero', join(folder, 'zero.xlsx'));
    execFileSync('mkfifo', [join(folder, 'fifo.xlsx')]);
    mkdirSync(join(folder, 'folder.xlsx'));
    const zips = NOT_WORKBOOKS;
    for (const z of zips) writeFileSync(join(folder, z.name), await zipOf(z.parts));
    writeFileSync(join(folder, '~$a-good.xlsx'), 'Excel lock file');
    writeFileSync(join(folder, 'notes.txt'), 'not a workbook');
    const r = await run(['check', folder]);
    expect(r.code).toBe(2);
    const table = r.out.slice(r.out.indexOf('汇总：'));
    for (const f of GOOD) expect(table).toMatch(new RegExp(`${f.replace('.', '\\.')}\\t已检查\\t14\\t0\\t0\\t0`));
    expect(table).toMatch(/zero\.xlsx\t无法读取.*不是普通文件（是设备）/);
    expect(table).toMatch(/fifo\.xlsx\t无法读取.*不是普通文件（是管道）/);
    expect(table).toMatch(/folder\.xlsx\t无法读取.*不是普通文件（是文件夹）/);
    for (const z of zips) expect(table).toMatch(new RegExp(`${z.name.replace('.', '\\.')}\\t无法读取.*${z.reason.source}`));
    // Lock files and other extensions are not submissions.
    expect(table).not.toContain('~$');
    expect(table).not.toContain('notes.txt');
    expect(r.out.split('\n').filter((l) => /\t(已检查|有错误|无法读取)\t/.test(l))).toHaveLength(GOOD.length + 3 + zips.length);
  });
});
