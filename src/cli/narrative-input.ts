// Reads an officer's own 情况说明 for checking: plain text (UTF-8, with or without BOM;
// GB18030 as a fallback) or the paragraphs of a .docx, one paragraph per line.
import { basename, extname } from 'node:path';
import JSZip from 'jszip';
import { readRegularFile } from './input-file';
import { firstLine, InputError } from './messages';

export function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  // Many office PCs save .txt in GBK: replacement characters betray a wrong guess.
  if (utf8.includes('\uFFFD')) {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return utf8;
    }
  }
  return utf8;
}

/** Paragraph texts of word/document.xml, in order. */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new Error(`不是有效的 .docx 文件（${firstLine(e)}）`);
  }
  const doc = zip.file('word/document.xml');
  if (!doc) throw new Error('不是有效的 .docx 文件（缺少 word/document.xml）');
  const xml = await doc.async('string');
  const paragraphs: string[] = [];
  for (const p of xml.split(/<w:p(?=[\s>/])/).slice(1)) {
    const body = p.split('</w:p>')[0];
    let text = '';
    const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) text += m[1] !== undefined ? m[1] : m[0] === '<w:tab/>' ? '\t' : '\n';
    paragraphs.push(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  }
  return paragraphs;
}

/** The officer's text, one paragraph per line. Throws InputError with a Chinese reason. */
export async function readNarrativeFile(path: string): Promise<string> {
  const bytes = readRegularFile(path);
  if (extname(path).toLowerCase() !== '.docx') return decodeText(bytes);
  try {
    return (await docxParagraphs(bytes)).join('\n');
  } catch (e) {
    throw new InputError(`${basename(path)}：${firstLine(e)}`);
  }
}
