// Merged cells for Excel before ExcelApi 1.13 (Office 2016 and 2019 among them), which has no API
// to read them: the table readers need them (a header merged over 决算数's columns), and without
// them a clean workbook gets false errors. The common API's getFileAsync(Compressed) hands over
// the workbook as an .xlsx (CompressedFile requirement set: Excel on Windows and Mac), whose sheet
// parts list their merges (<mergeCell ref="A1:F1"/>). Read on demand only where needed.
import { parseRangeA1 } from '../../core/address';
import type { CellRange } from '../../core/snapshot';

/** The whole document as .xlsx bytes, in 4 MB slices (the documented maximum). */
export function documentBytes(office: typeof Office): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    office.context.document.getFileAsync(office.FileType.Compressed, { sliceSize: 4194304 }, (r) => {
      if (r.status !== office.AsyncResultStatus.Succeeded) return reject(new Error(r.error?.message ?? 'getFileAsync failed'));
      const file = r.value;
      const parts: Uint8Array[] = [];
      const close = (then: () => void) => file.closeAsync(() => then());
      const next = (i: number): void => {
        if (i >= file.sliceCount) {
          const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            out.set(p, at);
            at += p.length;
          }
          return close(() => resolve(out));
        }
        file.getSliceAsync(i, (s) => {
          if (s.status !== office.AsyncResultStatus.Succeeded) return close(() => reject(new Error(s.error?.message ?? 'getSliceAsync failed')));
          parts.push(new Uint8Array(s.value.data as ArrayLike<number>));
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

const unescapeXml = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** Sheet name → its merged areas, from the parts of an .xlsx. */
export async function mergesFromXlsx(bytes: Uint8Array): Promise<Map<string, CellRange[]>> {
  // No chunk name: the ES5 and the ES2017 builds each get their own chunk (a shared name would merge them).
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const text = (path: string): Promise<string> | null => zip.file(path)?.async('string') ?? null;
  const [workbook, rels] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]);
  const out = new Map<string, CellRange[]>();
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(m, 'Id');
    const target = attr(m, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const part = targets.get(attr(tag, 'r:id') ?? '');
    const xml = part ? await text(part) : null;
    if (!name || !xml) continue;
    const merges: CellRange[] = [];
    for (const m of xml.match(/<mergeCell\b[^>]*>/g) ?? []) {
      const r = parseRangeA1(attr(m, 'ref') ?? '');
      if (r) merges.push(r);
    }
    out.set(name, merges);
  }
  return out;
}
