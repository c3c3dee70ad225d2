// exceljs keeps a link into another workbook ('x.xlsx#'表'!F18') as one external target and, since
// the text ends in a cell address, also copies all of it into `location` — which Excel reads as a
// place inside the target. SpreadsheetML wants the file in the relationship and the place in the
// hyperlink's `location` (as Excel itself saves it), so the written package is corrected here.
import JSZip from 'jszip';

const RELS = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/;

/** Split every 'file#place' hyperlink target of the package into Target=file and location=place. */
export async function splitLinkLocations(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const relsPath of Object.keys(zip.files).filter((n) => RELS.test(n))) {
    const sheetPath = `xl/worksheets/${RELS.exec(relsPath)![1]}`;
    const places = new Map<string, string>();
    const rels = (await zip.file(relsPath)!.async('string')).replace(/<Relationship\b[^>]*\/>/g, (rel) => {
      const id = /\bId="([^"]+)"/.exec(rel)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(rel)?.[1];
      if (!id || !target || !/\/hyperlink"/.test(rel) || !target.includes('#')) return rel;
      const hash = target.indexOf('#');
      places.set(id, target.slice(hash + 1));
      return rel.replace(`Target="${target}"`, `Target="${target.slice(0, hash)}"`);
    });
    if (places.size === 0 || !zip.file(sheetPath)) continue;
    const sheet = (await zip.file(sheetPath)!.async('string')).replace(/<hyperlink\b[^>]*\/>/g, (link) => {
      const id = /\br:id="([^"]+)"/.exec(link)?.[1];
      if (!id || !places.has(id)) return link;
      return link.replace(/\s+location="[^"]*"/, '').replace(/\s*\/>$/, ` location="${places.get(id)}"/>`);
    });
    zip.file(relsPath, rels);
    zip.file(sheetPath, sheet);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
