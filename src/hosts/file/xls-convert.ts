// Legacy .xls (BIFF, inside an OLE compound file) → .xlsx bytes through SheetJS, keeping values,
// formulas, number formats and merges, so everything downstream deals with .xlsx only.
import { WorkbookReadError } from './read-error';

/** OLE compound file magic D0 CF 11 E0: a legacy .xls (or an encrypted .xlsx). */
export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

export async function convertXls(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  // Loaded on demand: SheetJS is large and only legacy files need it.
  const XLSX = await import('xlsx');
  let book: import('xlsx').WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false });
  } catch (e) {
    const msg = (e as Error).message || String(e);
    if (/password|encrypt/i.test(msg)) throw new WorkbookReadError(`${name}: 文件已加密，请先在 Excel 中取消密码后再打开（file is password-protected)`);
    throw new WorkbookReadError(`${name}: 无法读取 .xls 文件（${msg.split('\n')[0]}）`);
  }
  const out = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
