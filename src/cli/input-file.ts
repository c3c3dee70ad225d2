// Reads a file the user named, but only a regular file of bounded size: a symlink to /dev/zero
// named .xlsx, a FIFO or a directory named x.xlsx is refused before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { describeFsError, InputError } from './messages';

/** Larger than any 决算 workbook or 情况说明 we know of (they are well under 10 MB). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return '文件夹';
  if (st.isFIFO()) return '管道';
  if (st.isSocket()) return '套接字';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备';
  return '特殊文件';
}

export function notRegular(name: string, kind: string): string {
  return `${name}：不是普通文件（是${kind}），未读取`;
}

/** The bytes of a regular file. Throws InputError with a Chinese reason otherwise. */
export function readRegularFile(path: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  const name = basename(path);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below then refuses it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(describeFsError(name, e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(notRegular(name, kindOf(st)));
    if (st.size > maxBytes) throw new InputError(`${name}：文件过大（${mb(st.size)}，上限 ${mb(maxBytes)}），未读取`);
    const bytes = new Uint8Array(st.size);
    let off = 0;
    // A file that grows while we read is read up to the size it had: never more than the limit.
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === bytes.length ? bytes : bytes.subarray(0, off);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(name, e));
  } finally {
    closeSync(fd);
  }
}

export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
