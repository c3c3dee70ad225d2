// Output files that cannot cost the user data: never written onto an input (by any path, symlink
// or hard link), an existing file replaced only when asked, and written to a temporary file in
// the target folder then renamed into place, so a failure (a full disk) leaves the old file whole.
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeFsError } from './messages';
import { kindOf } from './input-file';

/** An output that must not or cannot be written; the message is for the user (exit 2). */
export class OutputError extends Error {}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrNull(path: string): fs.Stats | null {
  try {
    return fs.statSync(path);
  } catch {
    return null;
  }
}

/**
 * The path to write to, after refusing what must not happen: writing onto one of `inputs`,
 * replacing an existing file without `force`, writing onto a folder or a device. A symlink to a
 * file resolves to that file (the link keeps working).
 */
export function planOutput(path: string, inputs: string[], force: boolean): string {
  const name = basename(path);
  let target = resolve(path);
  let existing: fs.Stats | null = null;
  try {
    if (fs.lstatSync(target).isSymbolicLink()) target = fs.realpathSync(target);
    existing = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(describeFsError(name, e));
    if (fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw new OutputError(`${name}：是指向不存在文件的符号链接，未写入`);
  }
  const folder = statOrNull(dirname(target));
  if (!folder || !folder.isDirectory()) throw new OutputError(`${name}：目标文件夹不存在（${dirname(path) || '.'}）`);
  if (existing) {
    if (!existing.isFile()) throw new OutputError(`${name}：已存在且不是普通文件（是${kindOf(existing)}），未写入`);
    for (const input of inputs) {
      const st = statOrNull(input);
      if (st && sameFile(st, existing)) throw new OutputError(`${name}：这是输入文件本身，不能用输出覆盖它；请换一个输出文件名`);
    }
    if (!force) throw new OutputError(`${name}：文件已存在，未覆盖（确需替换请加 --force）`);
  }
  return target;
}

/** The file-system calls writeAtomic makes; tests pass one that fails half-way. */
export type WriteFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'chmodSync'>;

/** Write `data` to `target` through a temporary file in the same folder and one rename. */
export function writeAtomic(target: string, data: Uint8Array | string, io: WriteFs = fs): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = io.openSync(tmp, 'wx', 0o666);
    for (let off = 0; off < bytes.length; ) {
      const n = io.writeSync(fd, bytes, off, bytes.length - off);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += n;
    }
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = null;
    // Replacing a file keeps its permissions.
    const old = (() => {
      try {
        return io.statSync(target);
      } catch {
        return null;
      }
    })();
    if (old) io.chmodSync(tmp, old.mode & 0o7777);
    io.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        io.closeSync(fd);
      } catch {
        /* already failing; the reason below matters more */
      }
    }
    try {
      io.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw new OutputError(`${describeFsError(basename(target), e)}，未写入${statOrNull(target) ? '（原文件未改动）' : ''}`);
  }
}

/** planOutput then writeAtomic: the one call commands make. Returns the path written. */
export function writeOutput(path: string, data: Uint8Array | string, inputs: string[], force: boolean, io?: WriteFs): string {
  const target = planOutput(path, inputs, force);
  writeAtomic(target, data, io);
  return target;
}
