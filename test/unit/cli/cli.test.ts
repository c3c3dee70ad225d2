// The CLI contract of SPEC §8, exercised through main() with captured output.
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { SAMPLE_XLSX } from '../../helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('juesuan CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-cli-'));

  it('prints help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('juesuan check');
    expect(r.out).toContain('退出码');
  });

  it('check --json prints the contract object for the sample', async () => {
    const r = await run('check', SAMPLE_XLSX, '--json');
    const json = JSON.parse(r.out);
    expect(json.file).toBe('sample-2023-jiuye.xlsx');
    expect(Array.isArray(json.tables)).toBe(true);
    expect(Array.isArray(json.findings)).toBe(true);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'sheet', 'cell', 'related', 'line', 'message', 'expected', 'actual']));
    }
    expect(r.code).toBe(json.findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0);
  });

  it('exits 2 with a one-line reason on unreadable input', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await run('check', bad);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('bad.xlsx');
    const missing = await run('check', join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const txt = join(dir, 'table.csv');
    writeFileSync(txt, 'a,b');
    expect((await run('check', txt)).code).toBe(2);
  });

  it('checks every workbook of a folder and summarises', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'juesuan-folder-'));
    copyFileSync(SAMPLE_XLSX, join(folder, 'a.xlsx'));
    copyFileSync(SAMPLE_XLSX, join(folder, 'b.xlsx'));
    const r = await run('check', folder, '--json');
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(r.err).toMatch(/\[1\/2\] a\.xlsx/);
    writeFileSync(join(folder, 'c.xlsx'), 'garbage');
    const r2 = await run('check', folder);
    expect(r2.code).toBe(2);
    expect(r2.out).toContain('汇总');
    expect(r2.out).toMatch(/c\.xlsx\t无法读取/);
  });

  it('uses the bundled sample when no file is given, and says so', async () => {
    const r = await run('check', '--json');
    expect(r.err).toContain('内置示例');
    if (existsSync(join(__dirname, '..', '..', '..', 'assets', 'sample-2023-jiuye.xlsx'))) expect(JSON.parse(r.out).file).toBe('sample-2023-jiuye.xlsx');
  });

  it('rejects unknown commands and formats', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('narrative', SAMPLE_XLSX, '--format', 'pdf')).code).toBe(2);
  });

  it('writes the narrative as text to a file', async () => {
    const out = join(dir, 'n.txt');
    const r = await run('narrative', SAMPLE_XLSX, '-o', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('情况说明');
  });
});
