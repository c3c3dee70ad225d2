// Small hostile packages, generated: a workbook whose one sheet is given as XML, zips that are
// not workbooks, and zip entries whose headers lie.
import { strToU8 } from 'fflate';
import { writeZip } from '../../../src/hosts/file/zip';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = (target: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${target}"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(
    null,
    Object.entries(files).map(([name, data]) => ({ name, data: typeof data === 'string' ? strToU8(data) : data })),
  );
}

/** A one-sheet workbook; `body` goes inside <worksheet> (sheetData and whatever follows it). */
export function sheetWorkbook(body: string, extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS('xl/workbook.xml'),
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WB_RELS,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`,
    ...extra,
  });
}

export const FEW_CELLS = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row><row r="5"><c r="B5"><v>877.77</v></c></row></sheetData>';

/** A package whose main part is `target` (word/document.xml for a renamed .docx, …). */
export function officePackage(target: string, files: Record<string, string> = {}): Uint8Array {
  return zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS(target), ...files });
}

/** Rewrites the declared uncompressed size of a zip entry in both its headers (a lying header). */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let o = 0; o + 46 < out.length; o++) {
    const sig = dv.getUint32(o, true);
    const isLocal = sig === 0x04034b50;
    const isCentral = sig === 0x02014b50;
    if (!isLocal && !isCentral) continue;
    const nameAt = o + (isLocal ? 30 : 46);
    const len = dv.getUint16(o + (isLocal ? 26 : 28), true);
    if (len !== nameBytes.length || !nameBytes.every((b, i) => out[nameAt + i] === b)) continue;
    dv.setUint32(o + (isLocal ? 22 : 24), size, true);
  }
  return out;
}
