// Sizes of what goes over the wire, for the 5 MB payload limits.
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Request bytes of one queued command besides its data (Office.js sends ~100–200). */
export const COMMAND_BYTES = 120;
