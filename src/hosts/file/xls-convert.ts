// Legacy .xls (BIFF, inside an OLE compound file) → .xlsx bytes through SheetJS 0.20.3, keeping
// values, formulas, number formats and merges, so everything downstream deals with .xlsx only
// (and the converted package passes through the same limits as any .xlsx).
import { WorkbookReadError } from './read-error';

/** The full 8-byte OLE compound file signature D0 CF 11 E0 A1 B1 1A E1. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Is this an OLE compound file (a legacy .xls, or an encrypted .xlsx)? All 8 magic bytes must match. */
export function isCfb(b: Uint8Array): boolean {
  if (b.length < 512) return false; // smaller than one CFB header sector
  for (let i = 0; i < 8; i++) if (b[i] !== CFB_MAGIC[i]) return false;
  return true;
}

export async function convertXls(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  // Loaded on demand: SheetJS is large and only legacy files need it.
  const XLSX = await import('xlsx');
  let book: import('xlsx').WorkBook;
  try {
    // Dense sheets: storage follows the cells present, not the range the file declares.
    book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false, dense: true, WTF: false });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) throw new WorkbookReadError(`${name}: 文件已加密，请先在 Excel 中取消密码后再打开（${msg.split('\n')[0]}）`);
    throw new WorkbookReadError(`${name}: 无法读取 .xls 文件，文件可能已损坏（${msg.split('\n')[0]}）`);
  }
  if (!book.SheetNames?.length) throw new WorkbookReadError(`${name}: .xls 文件中没有工作表`);
  try {
    const out = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
    return new Uint8Array(out);
  } catch (e) {
    throw new WorkbookReadError(`${name}: 无法转换 .xls 文件（${String((e as Error)?.message ?? e).split('\n')[0]}）`);
  }
}
