// Reading costs what the cells cost: small hostile files (huge merges and validations, many
// merges, zip bombs, lying headers, a million rows, zips that are not workbooks) are read fast
// within bounded memory, or refused up front with a WorkbookReadError saying why in Chinese.
import { strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { FileHost } from '../../../src/hosts/file/file-host';
import { LIMITS } from '../../../src/hosts/file/limits';
import { readXlsx, WorkbookReadError } from '../../../src/hosts/file/xlsx-read';
import { isCfb } from '../../../src/hosts/file/xls-convert';
import { inflateEntry, inflateEntryAsync, readZip } from '../../../src/hosts/file/zip';
import { analyzeWorkbook } from '../../../src/core/index';
import { getValue } from '../../../src/core/snapshot';
import type { Finding } from '../../../src/core/findings';
import { FEW_CELLS, lieAboutSize, officePackage, sheetWorkbook, zipOf } from './hostile';

/** CPU time, not wall time: the test machine is shared, and waiting for a core is not our cost. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const c0 = process.cpuUsage();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { value, ms: (c.user + c.system) / 1000 };
}

async function refusal(bytes: Uint8Array, name = 'x.xlsx', opts = {}): Promise<string> {
  try {
    await readXlsx(bytes, name, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return (e as Error).message;
  }
  throw new Error('expected a WorkbookReadError');
}

describe('huge declared areas cost nothing', () => {
  it.each([
    ['a merge of A20:XFD1048576', `${FEW_CELLS}<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>`],
    ['a validation on A1:J1048576', `${FEW_CELLS}<dataValidations count="1"><dataValidation type="decimal" sqref="A1:J1048576"><formula1>0</formula1></dataValidation></dataValidations>`],
    ['a dimension of the whole sheet', `<dimension ref="A1:XFD1048576"/>${FEW_CELLS}`],
  ])('%s: read, checked, marked and saved in well under a second', async (_, body) => {
    const bytes = sheetWorkbook(body);
    expect(bytes.length).toBeLessThan(4096);
    const { value: snap, ms } = await timed(() => readXlsx(bytes, 'x.xlsx'));
    expect(ms).toBeLessThan(1000);
    expect(getValue(snap.sheets[0], 4, 1)).toBe(877.77);
    const rest = await timed(async () => {
      analyzeWorkbook(snap);
      const host = await FileHost.open(bytes, 'x.xlsx');
      await host.highlight([{ rule: 'r', family: 'sum', severity: 'error', sheet: '表1', cell: 'B5', related: [], line: null, message: 'm' } as Finding]);
      return host.saveXlsx();
    });
    expect(rest.ms).toBeLessThan(2000);
  });

  it('the huge merge is kept as one range, and hides the cells under it', async () => {
    const body = '<sheetData><row r="20"><c r="A20"><v>1</v></c><c r="B20"><v>2</v></c></row><row r="900000"><c r="C900000"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>';
    const snap = await readXlsx(sheetWorkbook(body), 'x.xlsx');
    expect(snap.sheets[0].merges).toEqual([{ r1: 19, c1: 0, r2: 1048575, c2: 16383 }]);
    expect(getValue(snap.sheets[0], 19, 0)).toBe(1);
    expect(getValue(snap.sheets[0], 19, 1)).toBeNull();
    expect(getValue(snap.sheets[0], 899999, 2)).toBeNull();
  });

  it('20,000 merges are read in proportion (well under a second of CPU)', async () => {
    let rows = '';
    let merges = '';
    for (let i = 0; i < 20000; i++) {
      rows += `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`;
      merges += `<mergeCell ref="B${i + 1}:C${i + 1}"/>`;
    }
    const bytes = sheetWorkbook(`<sheetData>${rows}</sheetData><mergeCells count="20000">${merges}</mergeCells>`);
    const { value: snap, ms } = await timed(() => readXlsx(bytes, 'x.xlsx'));
    expect(ms).toBeLessThan(1000);
    expect(snap.sheets[0].merges).toHaveLength(20000);
    expect(getValue(snap.sheets[0], 19999, 1)).toBe(19999);
  });

  it('a cell in row 1,048,576 is one cell, not a million rows', async () => {
    const bytes = sheetWorkbook('<sheetData><row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>');
    const { value: snap, ms } = await timed(() => readXlsx(bytes, 'x.xlsx'));
    expect(ms).toBeLessThan(500);
    expect(getValue(snap.sheets[0], 1048575, 16383)).toBe(7);
  });
});

describe('limits are refused up front with a clear reason', () => {
  it('a zip bomb (a part inflating 1000:1) is refused before inflating', async () => {
    const bomb = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bytes = sheetWorkbook(FEW_CELLS, { 'xl/media/bomb.bin': bomb });
    expect(bytes.length).toBeLessThan(200 * 1024);
    const { value: msg, ms } = await timed(() => refusal(bytes));
    expect(msg).toMatch(/压缩比.*超过上限 100:1/);
    expect(ms).toBeLessThan(200);
  });

  it('a part whose header understates its size stops inflating at the declared size', async () => {
    const body = `<sheetData>${'<row><c><v>1</v></c></row>'.repeat(50000)}</sheetData>`;
    const honest = sheetWorkbook(body);
    const lying = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    expect(await refusal(lying)).toMatch(/文件已损坏.*sheet1\.xml inflates beyond its declared 1000 bytes/);
  });

  it('both inflaters (native and the fflate fallback) stop at the declared size and check the CRC', async () => {
    const body = `<sheetData>${Array.from({ length: 30000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7}</v></c></row>`).join('')}</sheetData>`;
    const honest = sheetWorkbook(body);
    const zip = readZip(lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1000), 'x.xlsx');
    const entry = zip.byName.get('xl/worksheets/sheet1.xml')!;
    expect(() => inflateEntry(zip, entry, 'x.xlsx', 1 << 20)).toThrow(/inflates beyond its declared 1000 bytes/);
    await expect(inflateEntryAsync(zip, entry, 'x.xlsx', 1 << 20)).rejects.toThrow(/inflates beyond its declared 1000 bytes/);
    const good = readZip(honest, 'x.xlsx');
    const e = good.byName.get('xl/worksheets/sheet1.xml')!;
    expect(new TextDecoder().decode(inflateEntry(good, e, 'x.xlsx', 1 << 30))).toBe(new TextDecoder().decode(await inflateEntryAsync(good, e, 'x.xlsx', 1 << 30)));
    const flipped = honest.slice();
    const bad = readZip(flipped, 'x.xlsx');
    const be = bad.byName.get('xl/worksheets/sheet1.xml')!;
    new DataView(flipped.buffer).setUint32(0, 0, true); // unrelated byte: the entry itself is intact
    be.crc ^= 1;
    expect(() => inflateEntry(bad, be, 'x.xlsx', 1 << 30)).toThrow(/CRC mismatch/);
    await expect(inflateEntryAsync(bad, be, 'x.xlsx', 1 << 30)).rejects.toThrow(/CRC mismatch/);
  });

  it('declared totals, cells, merges and sheets beyond the limits', async () => {
    const cells = `<sheetData>${Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')}</sheetData>`;
    expect(await refusal(sheetWorkbook(cells), 'x.xlsx', { limits: { cells: 40 } })).toMatch(/非空单元格超过 40 个，超过可读取的上限/);
    expect(await refusal(sheetWorkbook(`${FEW_CELLS}<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>`), 'x.xlsx', { limits: { merges: 1 } })).toMatch(/合并单元格区域超过 1 个/);
    expect(await refusal(sheetWorkbook(cells), 'x.xlsx', { limits: { totalBytes: 1000 } })).toMatch(/解压后超过 1 KB，超过可读取的上限/);
    expect(await refusal(sheetWorkbook(cells), 'x.xlsx', { limits: { partBytes: 500 } })).toMatch(/部件 .* 解压后 .*超过单个部件的上限/);
    expect(await refusal(sheetWorkbook(cells), 'x.xlsx', { limits: { sheets: 0 } })).toMatch(/工作表，超过上限 0/);
    expect(await refusal(sheetWorkbook(cells), 'x.xlsx', { limits: { fileBytes: 100 } })).toMatch(/文件大小 2 KB，超过可读取的上限 1 KB/);
  });

  it('the limits are generous for real workbooks', () => {
    expect(LIMITS.cells).toBeGreaterThanOrEqual(1_000_000);
    expect(LIMITS.ratio).toBe(100);
  });
});

describe('zips that are not workbooks', () => {
  it.each([
    ['a renamed .docx', officePackage('word/document.xml', { 'word/document.xml': '<w:document/>' }), /这是 Word 文档（\.docx），不是 Excel 工作簿/],
    ['a renamed .pptx', officePackage('ppt/presentation.xml', { 'ppt/presentation.xml': '<p:presentation/>' }), /PowerPoint 演示文稿/],
    ['an .xlsb', officePackage('xl/workbook.bin', { 'xl/workbook.bin': 'x' }), /\.xlsb 二进制工作簿/],
    ['a package without its workbook part', officePackage('xl/workbook.xml'), /工作簿部件 xl\/workbook\.xml 缺失/],
    ['a plain zip', zipOf({ 'readme.txt': '你好' }), /普通的 zip 压缩包，不是 Excel 工作簿/],
    ['an .ods', zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), /OpenDocument 表格（\.ods）/],
    ['an empty zip', zipOf({}), /普通的 zip 压缩包/],
    ['a truncated zip', sheetWorkbook(FEW_CELLS).slice(0, 300), /文件已损坏，无法读取/],
    ['text', strToU8('hello, world'), /不是有效的 \.xlsx 或 \.xls 文件/],
  ])('%s → WorkbookReadError with the reason in Chinese', async (_, bytes, msg) => {
    const m = await refusal(bytes as Uint8Array, 'x.xlsx');
    expect(m).toMatch(msg);
    expect(m.startsWith('x.xlsx: ')).toBe(true);
    await expect(FileHost.open(bytes as Uint8Array, 'x.xlsx')).rejects.toThrow(WorkbookReadError);
  });

  it('a damaged part inside a workbook is named, with the library text only in brackets', async () => {
    const good = sheetWorkbook(FEW_CELLS);
    const bad = good.slice();
    // Corrupt the deflated sheet data (after its local header).
    const at = Buffer.from(bad).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 4;
    for (let i = 0; i < 20; i++) bad[at + i] ^= 0xff;
    expect(await refusal(bad)).toMatch(/^x\.xlsx: 文件已损坏，无法读取（xl\/worksheets\/sheet1\.xml/);
  });
});

describe('legacy .xls', () => {
  it('uses SheetJS 0.20.3', () => {
    expect(XLSX.version).toBe('0.20.3');
  });

  it('needs all 8 bytes of the OLE magic: 4 of them are not an .xls', async () => {
    const junk = new Uint8Array(300 * 1024).fill(0x41);
    junk.set([0xd0, 0xcf, 0x11, 0xe0]);
    expect(isCfb(junk)).toBe(false);
    const { value: msg, ms } = await timed(() => refusal(junk, 'x.xls'));
    expect(msg).toMatch(/不是有效的 \.xlsx 或 \.xls 文件/);
    expect(ms).toBeLessThan(100);
  });

  it('a damaged compound file is refused quickly', async () => {
    const junk = new Uint8Array(300 * 1024).fill(0x41);
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(isCfb(junk)).toBe(true);
    const { value: msg, ms } = await timed(() => refusal(junk, 'x.xls'));
    expect(msg).toMatch(/^x\.xls: 无法读取 \.xls 文件/);
    expect(ms).toBeLessThan(2000);
  });

  it('an encrypted workbook asks for the password to be removed', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array(256).fill(4));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    expect(await refusal(bytes, 'x.xlsx')).toMatch(/文件已加密，请先在 Excel 中取消密码后再打开/);
  });

  it('an .xls goes through the same limits after conversion', async () => {
    const sheet = XLSX.utils.aoa_to_sheet(Array.from({ length: 30 }, (_, i) => [i, i * 2]));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '表');
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect((await readXlsx(xls, 'a.xls')).sheets[0].cells).toHaveLength(30);
    expect(await refusal(xls, 'a.xls', { limits: { cells: 10 } })).toMatch(/非空单元格超过 10 个/);
  });
});

