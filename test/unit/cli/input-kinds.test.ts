// Single-file mode meets the same hostile inputs (issue 11): only regular files of bounded size are
// read, zips that are not workbooks are refused with the reason, and every reason is plain Chinese.
import { closeSync, copyFileSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SAMPLE_XLSX } from '../../helpers';
import { RAW_LIBRARY_TEXT, run, scratch } from './harness';
import { NOT_WORKBOOKS, zipOf } from './hostile';

async function expectRefused(argv: string[], reason: RegExp) {
  const t0 = Date.now();
  const r = await run(argv);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(reason);
  expect(r.err).not.toMatch(RAW_LIBRARY_TEXT);
  expect(r.out).toBe('');
  // Refused up front, not after reading endless bytes.
  expect(Date.now() - t0).toBeLessThan(15000);
  return r;
}

describe('check of one file that is not a regular workbook', () => {
  const dir = scratch();

  it('a symlink to /dev/zero named .xlsx', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
    await expectRefused(['check', join(dir, 'zero.xlsx')], /zero\.xlsx：不是普通文件（是设备），未读取/);
  });

  it('a FIFO named .xlsx (no writer: opening must not block)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
    await expectRefused(['check', join(dir, 'pipe.xlsx')], /pipe\.xlsx：不是普通文件（是管道），未读取/);
  });

  it('a directory named x.xlsx is checked as a folder (and an empty one says so)', async () => {
    mkdirSync(join(dir, 'x.xlsx'));
    await expectRefused(['check', join(dir, 'x.xlsx')], /文件夹中没有 \.xlsx、\.xlsm 或 \.xls 文件/);
  });

  it('a file larger than the limit is refused without being read', async () => {
    const big = join(dir, 'huge.xlsx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 101 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    await expectRefused(['check', big], /huge\.xlsx：文件过大（101 MB，上限 100 MB），未读取/);
  });

  it('a narrative text that is a FIFO or a folder is refused the same way', async () => {
    execFileSync('mkfifo', [join(dir, 'text.txt')]);
    await expectRefused(['check', SAMPLE_XLSX, '--narrative', join(dir, 'text.txt')], /text\.txt：不是普通文件（是管道）/);
    mkdirSync(join(dir, 'words.docx'));
    await expectRefused(['check', SAMPLE_XLSX, '--narrative', join(dir, 'words.docx')], /words\.docx：不是普通文件（是文件夹）/);
    await expectRefused(['check', SAMPLE_XLSX, '--narrative', join(dir, 'none.txt')], /none\.txt：文件不存在/);
  });

  it('a narrative .docx that is not a zip gets a Chinese reason', async () => {
    writeFileSync(join(dir, 'fake.docx'), 'plain text');
    await expectRefused(['check', SAMPLE_XLSX, '--narrative', join(dir, 'fake.docx')], /fake\.docx：不是有效的 \.docx 文件/);
  });
});

describe('zips that are not workbooks exit 2 with the reason', () => {
  it.each(NOT_WORKBOOKS.map((z) => [z.name, z] as const))('%s', async (_name, z) => {
    const dir = scratch();
    writeFileSync(join(dir, z.name), await zipOf(z.parts));
    await expectRefused(['check', join(dir, z.name)], new RegExp(`${z.name.replace('.', '\\.')}：.*${z.reason.source}`));
    await expectRefused(['narrative', join(dir, z.name)], z.reason);
  });

  it('a real workbook saved with a different case extension is still read', async () => {
    const dir = scratch();
    copyFileSync(SAMPLE_XLSX, join(dir, 'UPPER.XLSX'));
    expect((await run(['check', join(dir, 'UPPER.XLSX')])).code).toBe(0);
  });
});
