// A zip reader and writer for .xlsx packages, small on purpose: the reader checks the declared
// sizes against LIMITS before inflating anything and stops inflating the moment a part exceeds
// what it declared; the writer copies every part it is not asked to change as its original
// compressed bytes (byte-identical content, no recompression), so an annotated copy loses nothing.
import { deflateSync, Inflate } from 'fflate';
import { LIMITS, sizeText, type Limits } from './limits';
import { WorkbookReadError } from './read-error';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  crc: number;
  csize: number;
  usize: number;
  time: number;
  date: number;
  /** Offset of the compressed data in the zip's bytes. */
  dataStart: number;
}

export interface Zip {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;

function damaged(name: string, why: string): WorkbookReadError {
  return new WorkbookReadError(`${name}: 文件已损坏，无法读取（${why}）`);
}

/** Reads the central directory and checks it against the limits. Inflates nothing. */
export function readZip(bytes: Uint8Array, name: string, limits: Limits = LIMITS): Zip {
  if (bytes.length > limits.fileBytes) throw new WorkbookReadError(`${name}: 文件大小 ${sizeText(bytes.length)}，超过可读取的上限 ${sizeText(limits.fileBytes)}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => (o + 4 <= bytes.length ? dv.getUint32(o, true) : -1);
  const u16 = (o: number) => (o + 2 <= bytes.length ? dv.getUint16(o, true) : 0);
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(o) === SIG_EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw damaged(name, 'zip directory not found');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== SIG_LOC64) throw damaged(name, 'zip64 locator missing');
    const rec = Number(dv.getBigUint64(loc + 8, true));
    if ( rec + 56 > bytes.length || u32(rec) !== SIG_EOCD64) throw damaged(name, 'zip64 directory missing');
    count = Number(dv.getBigUint64(rec + 32, true));
    cdSize = Number(dv.getBigUint64(rec + 40, true));
    cdOffset = Number(dv.getBigUint64(rec + 48, true));
  }
  if (count > limits.entries) throw new WorkbookReadError(`${name}: 压缩包内有 ${count} 个部件，超过上限 ${limits.entries}`);
  if (cdOffset + cdSize > bytes.length) throw damaged(name, 'zip directory out of range');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(o) !== SIG_CEN) throw damaged(name, 'bad zip directory entry');
    const flags = u16(o + 8);
    const method = u16(o + 10);
    let csize = u32(o + 20);
    let usize = u32(o + 24);
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const commentLen = u16(o + 32);
    let local = u32(o + 42);
    const entryName = decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen));
    // Zip64 sizes and offset live in extra field 0x0001, in this order, when the 32-bit ones are full.
    for (let e = o + 46 + nameLen; e + 4 <= o + 46 + nameLen + extraLen; ) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 1) {
        let p = e + 4;
        const next = () => {
          if (p + 8 > bytes.length) throw damaged(name, 'bad zip64 field');
          const v = Number(dv.getBigUint64(p, true));
          p += 8;
          return v;
        };
        if (usize === 0xffffffff) usize = next();
        if (csize === 0xffffffff) csize = next();
        if (local === 0xffffffff) local = next();
      }
      e += 4 + len;
    }
    if (flags & 1) throw new WorkbookReadError(`${name}: 文件已加密，请先在 Excel 中取消密码后再打开（encrypted zip entry）`);
    if (method !== 0 && method !== 8) throw damaged(name, `unsupported compression method ${method}`);
    if (local + 30 > bytes.length || u32(local) !== SIG_LOC) throw damaged(name, `bad local header for ${entryName}`);
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + csize > bytes.length) throw damaged(name, `${entryName} out of range`);
    if (byName.has(entryName)) throw damaged(name, `duplicate part ${entryName}`);
    total += usize;
    if (total > limits.totalBytes) throw new WorkbookReadError(`${name}: 解压后超过 ${sizeText(limits.totalBytes)}，超过可读取的上限（压缩炸弹或异常文件）`);
    if (usize > limits.ratioFloorBytes && usize > csize * limits.ratio) {
      throw new WorkbookReadError(`${name}: 部件 ${entryName} 的压缩比为 ${Math.round(usize / Math.max(csize, 1))}:1，超过上限 ${limits.ratio}:1（疑似压缩炸弹）`);
    }
    const entry: ZipEntry = { name: entryName, method, flags, crc: u32(o + 16), csize, usize, time: u16(o + 12), date: u16(o + 14), dataStart };
    entries.push(entry);
    byName.set(entryName, entry);
    o += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries, byName };
}

/**
 * Inflates one entry. Stops as soon as the output passes the declared size (or `maxBytes`), and
 * checks the CRC, so a lying header can cost at most one chunk's worth of work.
 */
export function inflateEntry(zip: Zip, entry: ZipEntry, name: string, maxBytes: number): Uint8Array {
  if (entry.usize > maxBytes) throw new WorkbookReadError(`${name}: 部件 ${entry.name} 解压后 ${sizeText(entry.usize)}，超过单个部件的上限 ${sizeText(maxBytes)}`);
  const raw = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.csize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.csize !== entry.usize) throw damaged(name, `${entry.name} size mismatch`);
    out = raw;
  } else {
    out = new Uint8Array(entry.usize);
    let n = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      if (n + chunk.length > entry.usize) {
        over = true;
        return;
      }
      out.set(chunk, n);
      n += chunk.length;
    });
    const STEP = 64 * 1024;
    try {
      for (let p = 0; p < raw.length && !over; p += STEP) inflater.push(raw.subarray(p, Math.min(p + STEP, raw.length)), p + STEP >= raw.length);
      if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      throw damaged(name, `${entry.name}: ${(e as Error).message}`);
    }
    if (over) throw damaged(name, `${entry.name} inflates beyond its declared ${entry.usize} bytes`);
    if (n !== entry.usize) throw damaged(name, `${entry.name} inflates to ${n} bytes, declared ${entry.usize}`);
  }
  if (crc32(out) !== entry.crc) throw damaged(name, `${entry.name} CRC mismatch`);
  return out;
}

type Stream = { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> };

/** The platform's native raw-deflate decoder (browsers, Node ≥ 18), or null where it has none. */
function nativeInflater(): Stream | null {
  const DS = (globalThis as { DecompressionStream?: new (format: string) => Stream }).DecompressionStream;
  if (!DS) return null;
  try {
    return new DS('deflate-raw');
  } catch {
    return null; // an older browser without 'deflate-raw'
  }
}

/**
 * inflateEntry through the native decoder when there is one (several times faster, and no
 * warm-up for a large part). Reading stops the moment the output passes the declared size.
 */
export async function inflateEntryAsync(zip: Zip, entry: ZipEntry, name: string, maxBytes: number): Promise<Uint8Array> {
  const ds = entry.method === 8 && entry.usize <= maxBytes ? nativeInflater() : null;
  if (!ds) return inflateEntry(zip, entry, name, maxBytes);
  const raw = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.csize);
  const writer = ds.writable.getWriter();
  writer.write(raw).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const out = new Uint8Array(entry.usize);
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (n + value.length > entry.usize) {
        await reader.cancel().catch(() => undefined);
        throw damaged(name, `${entry.name} inflates beyond its declared ${entry.usize} bytes`);
      }
      out.set(value, n);
      n += value.length;
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw damaged(name, `${entry.name}: ${(e as Error)?.message ?? e}`);
  }
  if (n !== entry.usize) throw damaged(name, `${entry.name} inflates to ${n} bytes, declared ${entry.usize}`);
  if (crc32(out) !== entry.crc) throw damaged(name, `${entry.name} CRC mismatch`);
  return out;
}

let CRC_TABLE: Int32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[i] = c;
    }
  }
  const t = CRC_TABLE;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A part to write: the original entry copied as is, or new content (deflated here). */
export type OutPart = { name: string; copy: ZipEntry } | { name: string; data: Uint8Array };

/** Writes a zip. Copied parts keep their compressed bytes, CRC and time stamp. */
export function writeZip(source: Zip | null, parts: OutPart[]): Uint8Array {
  const enc = new TextEncoder();
  const rows = parts.map((p) => {
    const nameBytes = enc.encode(p.name);
    if ('copy' in p) {
      const e = p.copy;
      const body = source!.bytes.subarray(e.dataStart, e.dataStart + e.csize);
      return { nameBytes, body, method: e.method, crc: e.crc, usize: e.usize, time: e.time, date: e.date };
    }
    const body = deflateSync(p.data, { level: 6 });
    // 1980-01-01 00:00, as Excel stamps its own parts: the output depends on content only.
    return { nameBytes, body, method: 8, crc: crc32(p.data), usize: p.data.length, time: 0, date: 0x21 };
  });
  let size = 22;
  for (const r of rows) size += 30 + r.nameBytes.length + r.body.length + 46 + r.nameBytes.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let o = 0;
  const offsets: number[] = [];
  const header = (sig: number, r: (typeof rows)[number], central: boolean, offset: number) => {
    dv.setUint32(o, sig, true);
    o += 4;
    if (central) {
      dv.setUint16(o, 20, true);
      o += 2;
    }
    dv.setUint16(o, 20, true); // version needed
    dv.setUint16(o + 2, 0x0800, true); // UTF-8 names, sizes in the header
    dv.setUint16(o + 4, r.method, true);
    dv.setUint16(o + 6, r.time, true);
    dv.setUint16(o + 8, r.date, true);
    dv.setUint32(o + 10, r.crc, true);
    dv.setUint32(o + 14, r.body.length, true);
    dv.setUint32(o + 18, r.usize, true);
    dv.setUint16(o + 22, r.nameBytes.length, true);
    dv.setUint16(o + 24, 0, true);
    o += 26;
    if (central) {
      o += 10; // comment length, disk, internal and external attributes: 0
      dv.setUint32(o, offset, true);
      o += 4;
    }
    out.set(r.nameBytes, o);
    o += r.nameBytes.length;
  };
  for (const r of rows) {
    offsets.push(o);
    header(SIG_LOC, r, false, 0);
    out.set(r.body, o);
    o += r.body.length;
  }
  const cdStart = o;
  rows.forEach((r, i) => header(SIG_CEN, r, true, offsets[i]));
  dv.setUint32(o, SIG_EOCD, true);
  dv.setUint16(o + 8, rows.length, true);
  dv.setUint16(o + 10, rows.length, true);
  dv.setUint32(o + 12, o - cdStart, true);
  dv.setUint32(o + 16, cdStart, true);
  return out;
}
