// The built command as a user runs it (a child process): exit statuses, messages, and a batch that
// is killed half-way keeps every line it had written.
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_XLSX } from '../../helpers';
import { buildCli, RAW_LIBRARY_TEXT, runBinary, scratch } from './harness';
import { mergeBomb } from './hostile';

describe('the juesuan binary', () => {
  it('usage errors exit 2 with Chinese text, never a Node exception', () => {
    for (const [argv, reason] of [
      [['check', SAMPLE_XLSX, '--jsno'], '未知选项：--jsno'],
      [['narrative', SAMPLE_XLSX, '-o'], '选项 -o 缺少取值'],
      [['frobnicate'], '未知命令：frobnicate'],
    ] as const) {
      const r = runBinary([...argv]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).not.toMatch(RAW_LIBRARY_TEXT);
      expect(r.stdout).toBe('');
    }
  });

  it('checks a file: exit 0 and the report on stdout', () => {
    const r = runBinary(['check', SAMPLE_XLSX]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('识别到 14 张表');
  });

  it('a killed batch keeps every JSON line it wrote, each whole', async () => {
    const folder = scratch('juesuan-killed-');
    const good = ['a.xlsx', 'b.xlsx', 'c.xlsx'];
    for (const f of good) copyFileSync(SAMPLE_XLSX, join(folder, f));
    // A file that keeps one worker busy (until its heap limit, or until refused once reading is bounded).
    writeFileSync(join(folder, 'zz-bomb.xlsx'), await mergeBomb());
    const child = spawn(process.execPath, [join(buildCli(), 'juesuan.js'), 'check', folder, '--json', '--jobs', '2', '--max-memory', '512'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await new Promise<void>((res) => {
      const timer = setTimeout(res, 30000);
      child.stdout.on('data', (s: string) => {
        out += s;
        if (good.every((f) => out.includes(`"file":"${f}"`))) {
          clearTimeout(timer);
          res();
        }
      });
      void exited.then(() => res());
    });
    child.kill('SIGKILL');
    await exited;
    const lines = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const f of good) expect(lines.find((l) => l.file === f)).toMatchObject({ status: 'checked', counts: { error: 0 } });
  });

  it('a closed pipe (| head) ends the run quietly', async () => {
    const folder = scratch('juesuan-pipe-');
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx']) copyFileSync(SAMPLE_XLSX, join(folder, f));
    const child = spawn(process.execPath, [join(buildCli(), 'juesuan.js'), 'check', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    expect(code).not.toBeNull();
    expect(err).not.toMatch(/EPIPE|Error:|at .+:\d+:\d+/);
  });
});
