// The CLI contract of SPEC §8, exercised through main() with captured output.
import { writeFileSync, copyFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_XLSX } from '../../helpers';
import { ROOT, run, scratch } from './harness';

describe('juesuan CLI', () => {
  const dir = scratch();

  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('juesuan check');
    expect(r.out).toContain('退出码');
    expect(r.out).toContain('--report');
    expect(r.out).toContain('--force');
  });

  it('check --json prints the contract object for the sample', async () => {
    const r = await run(['check', SAMPLE_XLSX, '--json']);
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

  it('exits 2 with a one-line Chinese reason on unreadable input', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await run(['check', bad]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('bad.xlsx');
    const missing = await run(['check', join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    expect(missing.err).not.toMatch(/ENOENT/);
    const txt = join(dir, 'table.csv');
    writeFileSync(txt, 'a,b');
    const csv = await run(['check', txt]);
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('不是 Excel 工作簿');
  });

  it('checks every workbook of a folder: JSON Lines on stdout, progress on stderr, summary table', async () => {
    const folder = scratch('juesuan-folder-');
    copyFileSync(SAMPLE_XLSX, join(folder, 'a.xlsx'));
    copyFileSync(SAMPLE_XLSX, join(folder, 'b.xlsx'));
    const r = await run(['check', folder, '--json']);
    const lines = r.outCalls.map((l) => JSON.parse(l));
    expect(r.outCalls.every((l) => !l.includes('\n'))).toBe(true);
    expect(lines.map((f: { file: string }) => f.file).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    expect(lines[0]).toMatchObject({ status: 'checked', counts: { error: 0 } });
    expect(lines[0].tables).toHaveLength(14);
    expect(r.err).toMatch(/\[1\/2\] [ab]\.xlsx：14 张表/);
    expect(r.err).toMatch(/\[2\/2\] [ab]\.xlsx：14 张表/);
    expect(r.code).toBe(0);
    writeFileSync(join(folder, 'c.xlsx'), 'garbage');
    const r2 = await run(['check', folder]);
    expect(r2.code).toBe(2);
    expect(r2.out).toContain('汇总');
    expect(r2.out).toMatch(/a\.xlsx\t已检查\t14\t0\t0\t0/);
    expect(r2.out).toMatch(/c\.xlsx\t无法读取/);
  });

  it('uses the bundled sample when no file is given, and says so', async () => {
    const r = await run(['check', '--json']);
    expect(r.err).toContain('内置示例');
    if (existsSync(join(ROOT, 'assets', 'sample-2023-jiuye.xlsx'))) expect(JSON.parse(r.out).file).toBe('sample-2023-jiuye.xlsx');
  });

  it('rejects unknown commands and formats', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const pdf = await run(['narrative', SAMPLE_XLSX, '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toContain('--format 只能是 text、json、docx');
  });

  it('refuses to write a narrative for a workbook with no tables', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('草稿').addRow(['项目', '金额']);
    const path = join(dir, 'empty.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await run(['narrative', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未识别到任何决算表');
  });

  it('checks the officer’s own text with --narrative and reports its line', async () => {
    const txt = join(dir, '情况说明.txt');
    writeFileSync(txt, '一、收入支出决算总体情况\n2023年度收、支总计878.77万元。\n', 'utf8');
    const r = await run(['check', SAMPLE_XLSX, '--narrative', txt, '--json']);
    const json = JSON.parse(r.out);
    const f = json.findings.find((x: { line: number | null }) => x.line === 2);
    expect(f).toMatchObject({ severity: 'error', sheet: null, cell: null, line: 2 });
    expect(f.message).toContain('877.77');
    expect(r.code).toBe(1);
  });

  it('writes a .docx narrative', async () => {
    const out = join(dir, 'n.docx');
    const r = await run(['narrative', SAMPLE_XLSX, '--format', 'docx', '-o', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(r.err).toContain('已写入');
  });

  it('writes the narrative as text to a file', async () => {
    const out = join(dir, 'n.txt');
    const r = await run(['narrative', SAMPLE_XLSX, '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('收、支总计877.77万元');
    expect(text).toContain('财政拨款收入840.77万元，占95.78%');
    expect(r.err).not.toMatch(/缺少：缺少/);
  });
});
