import JSZip from 'jszip';
import { decodeText, docxParagraphs } from '../../../src/cli/narrative-input';

describe('reading an officer’s narrative', () => {
  it('decodes UTF-8 with BOM and falls back to GB18030', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('收入合计877.77万元')]);
    expect(decodeText(utf8)).toBe('收入合计877.77万元');
    // '收入' in GB18030
    expect(decodeText(new Uint8Array([0xca, 0xd5, 0xc8, 0xeb]))).toBe('收入');
  });

  it('extracts .docx paragraphs in order, one per line, with entities decoded', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>一、收入支出决算总体情况</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">收、支总计</w:t></w:r><w:r><w:t>877.77万元 &amp; more</w:t></w:r></w:p><w:p/></w:body></w:document>',
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await docxParagraphs(bytes)).toEqual(['一、收入支出决算总体情况', '收、支总计877.77万元 & more', '']);
  });

  it('rejects a zip that is not a .docx', async () => {
    const zip = new JSZip();
    zip.file('x.txt', 'x');
    await expect(docxParagraphs(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/docx/);
  });
});
