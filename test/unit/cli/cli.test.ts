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
    expect(json.unknown).toEqual([]);
    expect(json.tables).toHaveLength(14);
    expect(json.tables[0]).toEqual({ kind: 'summary', sheet: '1收入支出决算总表', range: 'A1:F18', unit: '万元' });
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

  it('refuses to write a narrative for a workbook with no tables', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('草稿').addRow(['项目', '金额']);
    const path = join(dir, 'empty.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await run('narrative', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未识别到任何决算表');
  });

  it('checks the officer’s own text with --narrative and reports its line', async () => {
    const txt = join(dir, '情况说明.txt');
    writeFileSync(txt, '一、收入支出决算总体情况\n2023年度收、支总计878.77万元。\n', 'utf8');
    const r = await run('check', SAMPLE_XLSX, '--narrative', txt, '--json');
    const json = JSON.parse(r.out);
    const f = json.findings.find((x: { line: number | null }) => x.line === 2);
    expect(f).toMatchObject({ severity: 'error', sheet: null, cell: null, line: 2 });
    expect(f.message).toContain('877.77');
    expect(r.code).toBe(1);
  });

  it('writes a .docx narrative', async () => {
    const out = join(dir, 'n.docx');
    const r = await run('narrative', SAMPLE_XLSX, '--format', 'docx', '-o', out);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('writes the narrative as text to a file', async () => {
    const out = join(dir, 'n.txt');
    const r = await run('narrative', SAMPLE_XLSX, '-o', out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('收、支总计877.77万元');
    expect(text).toContain('财政拨款收入840.77万元，占95.78%');
    expect(r.err).not.toMatch(/缺少：缺少/);
  });
});
