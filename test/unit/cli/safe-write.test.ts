// Safe output files (issue 11): never onto an input (same path, another path, a symlink, a hard
// link), an existing file replaced only with --force, and a failed write leaves the old file whole.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import * as fs from 'node:fs';
import { basename, join, relative } from 'node:path';
import { OutputError, planOutput, writeAtomic, type WriteFs } from '../../../src/cli/safe-write';
import { SAMPLE_XLSX } from '../../helpers';
import { RAW_LIBRARY_TEXT, run, runBinary, scratch } from './harness';

function workbookCopy(dir: string, name = 'x.xlsx'): { path: string; bytes: Buffer } {
  const path = join(dir, name);
  copyFileSync(SAMPLE_XLSX, path);
  chmodSync(path, 0o644);
  return { path, bytes: readFileSync(path) };
}

describe('narrative -o never writes onto its input', () => {
  it.each([
    ['the same path', (p: string) => p],
    ['another spelling of the path', (p: string) => join(p, '..', '.', basename(p))],
    ['a relative path', (p: string) => relative(process.cwd(), p)],
  ])('%s → exit 2, the workbook untouched', async (_label, spell) => {
    const dir = scratch();
    const input = workbookCopy(dir);
    const r = await run(['narrative', input.path, '--format', 'docx', '-o', spell(input.path), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('这是输入文件本身');
    expect(r.err).not.toContain('已写入');
    expect(readFileSync(input.path).equals(input.bytes)).toBe(true);
  });

  it('a symlink or a hard link to the input → exit 2, the workbook untouched', async () => {
    const dir = scratch();
    const input = workbookCopy(dir);
    symlinkSync(input.path, join(dir, 'link.docx'));
    linkSync(input.path, join(dir, 'hard.docx'));
    for (const out of ['link.docx', 'hard.docx']) {
      const r = await run(['narrative', input.path, '--format', 'docx', '-o', join(dir, out), '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('这是输入文件本身');
    }
    expect(readFileSync(input.path).equals(input.bytes)).toBe(true);
  });

  it('--report onto a checked file is refused too, and a report inside the checked folder', async () => {
    const dir = scratch();
    const input = workbookCopy(dir);
    const onto = await run(['check', input.path, '--report', input.path, '--force']);
    expect(onto.code).toBe(2);
    expect(onto.err).toContain('这是输入文件本身');
    const inside = await run(['check', dir, '--report', join(dir, '审核汇总.xlsx')]);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('不能保存在被检查的文件夹中');
    expect(readFileSync(input.path).equals(input.bytes)).toBe(true);
  });
});

describe('an existing output is replaced only with --force', () => {
  it('refuses without --force (old file kept), replaces with it (mode kept), no temporary file left', async () => {
    const dir = scratch();
    const out = join(dir, '情况说明.txt');
    writeFileSync(out, 'the officer’s own draft');
    chmodSync(out, 0o640);
    const refused = await run(['narrative', SAMPLE_XLSX, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件已存在，未覆盖（确需替换请加 --force）');
    expect(readFileSync(out, 'utf8')).toBe('the officer’s own draft');
    const forced = await run(['narrative', SAMPLE_XLSX, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('收、支总计877.77万元');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['情况说明.txt']);
  });

  it('the default .docx name (in the working folder) is not overwritten either', () => {
    const dir = scratch();
    workbookCopy(dir, '单位.xlsx');
    const first = runBinary(['narrative', '单位.xlsx', '--format', 'docx'], dir);
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, '单位-情况说明.docx')).subarray(0, 2).toString()).toBe('PK');
    const again = runBinary(['narrative', '单位.xlsx', '--format', 'docx'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('单位-情况说明.docx：文件已存在，未覆盖');
    expect(runBinary(['narrative', '单位.xlsx', '--format', 'docx', '--force'], dir).status).toBe(0);
  });

  it('refuses a folder, a device, a missing folder and a dangling symlink as the output, in Chinese', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const cases: [string, RegExp][] = [
      [join(dir, 'sub'), /不是普通文件（是文件夹）/],
      ['/dev/null', /不是普通文件（是设备）/],
      [join(dir, 'missing', 'n.txt'), /目标文件夹不存在/],
      [join(dir, 'dangling.txt'), /指向不存在文件的符号链接/],
    ];
    for (const [out, reason] of cases) {
      const r = await run(['narrative', SAMPLE_XLSX, '-o', out, '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(reason);
      expect(r.err).not.toMatch(RAW_LIBRARY_TEXT);
    }
  });

  it('writes through a symlink to an existing file (with --force), keeping the link', async () => {
    const dir = scratch();
    const real = join(dir, 'real.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'link.txt'));
    expect(planOutput(join(dir, 'link.txt'), [SAMPLE_XLSX], true)).toBe(real);
    const r = await run(['narrative', SAMPLE_XLSX, '-o', join(dir, 'link.txt'), '--force']);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('877.77');
  });
});

describe('a failed write leaves the old file whole', () => {
  /** The real file system, except that the disk fills up after `limit` bytes. */
  function fullDiskAfter(limit: number): WriteFs {
    let written = 0;
    return {
      ...fs,
      writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
        if (written >= limit) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = fs.writeSync(fd, buf, off, Math.min(len, limit - written));
        written += n;
        return n;
      }) as WriteFs['writeSync'],
    };
  }

  it('disk full half-way: OutputError in Chinese, old file byte-identical, no temporary file', () => {
    const dir = scratch();
    const target = join(dir, '情况说明.docx');
    writeFileSync(target, 'previous version');
    let error: unknown;
    try {
      writeAtomic(target, new Uint8Array(100000).fill(65), fullDiskAfter(4096));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe('情况说明.docx：磁盘空间不足，未写入（原文件未改动）');
    expect(readFileSync(target, 'utf8')).toBe('previous version');
    expect(readdirSync(dir)).toEqual(['情况说明.docx']);
  });

  it('a failure at the rename leaves the old file and no temporary file', () => {
    const dir = scratch();
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'previous version');
    const failingRename: WriteFs = { ...fs, renameSync: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } };
    expect(() => writeAtomic(target, 'new text', failingRename)).toThrow('out.txt：磁盘读写出错，未写入（原文件未改动）');
    expect(readFileSync(target, 'utf8')).toBe('previous version');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('a new file that fails leaves nothing behind', () => {
    const dir = scratch();
    const target = join(dir, 'new.txt');
    expect(() => writeAtomic(target, 'x'.repeat(10000), fullDiskAfter(100))).toThrow(/磁盘空间不足，未写入$/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
