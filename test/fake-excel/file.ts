// Office.context.document.getFileAsync(Compressed) of the fake: the document as an .xlsx holding
// what the host reads from it (sheet names and merged areas), in slices as Office hands them out.
import JSZip from 'jszip';
import { a1 } from '../../src/core/address';
import type { FakeDoc } from './doc';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function xlsxOf(doc: FakeDoc): Promise<Uint8Array> {
  const zip = new JSZip();
  const sheets = doc.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`);
  const rels = doc.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  doc.sheets.forEach((s, i) => {
    const merges = s.merges.map((m) => `<mergeCell ref="${a1(m.r1, m.c1)}:${a1(m.r2, m.c2)}"/>`).join('');
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${merges ? `<mergeCells count="${s.merges.length}">${merges}</mergeCells>` : ''}</worksheet>`);
  });
  return zip.generateAsync({ type: 'uint8array' });
}

type Callback<T> = (r: { status: string; value: T; error?: { message: string } }) => void;

export function getFileAsync(doc: () => FakeDoc, supported: boolean) {
  return (type: string, options: { sliceSize?: number } | Callback<unknown>, callback?: Callback<unknown>): void => {
    const cb = (typeof options === 'function' ? options : callback) as Callback<unknown>;
    const size = (typeof options === 'object' && options?.sliceSize) || 4194304;
    if (!supported || type !== 'compressed') {
      setTimeout(() => cb({ status: 'failed', value: null, error: { message: 'The file type is not supported.' } }), 0);
      return;
    }
    void xlsxOf(doc()).then((bytes) => {
      const sliceCount = Math.max(1, Math.ceil(bytes.length / size));
      cb({
        status: 'succeeded',
        value: {
          size: bytes.length,
          sliceCount,
          getSliceAsync: (i: number, done: Callback<{ data: number[]; index: number; size: number }>) => {
            const data = Array.from(bytes.subarray(i * size, (i + 1) * size));
            setTimeout(() => done({ status: 'succeeded', value: { data, index: i, size: data.length } }), 0);
          },
          closeAsync: (done?: Callback<void>) => setTimeout(() => done?.({ status: 'succeeded', value: undefined }), 0),
        },
      });
    });
  };
}
