// Hostile inputs made on the fly (small, nothing committed): a merge over a whole sheet, and zips
// that are packages of the wrong kind.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SAMPLE_XLSX } from '../../helpers';

/** The sample with one <mergeCell ref="A40:XFD1048576"/> on its first sheet: 28 KB, unbounded to expand. */
export async function mergeBomb(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_XLSX));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const bomb = '<mergeCell ref="A40:XFD1048576"/>';
  const out = /<mergeCells count="(\d+)">/.test(xml)
    ? xml.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + 1}">${bomb}`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="1">${bomb}</mergeCells>`);
  zip.file(path, out);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Zips named .xlsx that are not workbooks: their parts, and the words the reason must contain. */
export const NOT_WORKBOOKS: { name: string; parts: Record<string, string>; reason: RegExp }[] = [
  { name: 'renamed-docx.xlsx', parts: { '[Content_Types].xml': TYPES, 'word/document.xml': '<w:document/>' }, reason: /Word 文档/ },
  { name: 'renamed-pptx.xlsx', parts: { '[Content_Types].xml': TYPES, 'ppt/presentation.xml': '<p/>' }, reason: /PowerPoint/ },
  { name: 'plain-zip.xlsx', parts: { 'readme.txt': 'hello' }, reason: /普通的? zip 压缩包/ },
  { name: 'no-workbook-part.xlsx', parts: { '[Content_Types].xml': TYPES, '_rels/.rels': '<Relationships/>', 'xl/styles.xml': '<styleSheet/>' }, reason: /没有工作簿部/ },
  { name: 'binary-xlsb.xlsx', parts: { '[Content_Types].xml': TYPES, 'xl/workbook.bin': 'x' }, reason: /\.xlsb/ },
  { name: 'opendocument.xlsx', parts: { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }, reason: /OpenDocument/ },
];
