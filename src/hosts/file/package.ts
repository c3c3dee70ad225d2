// An .xlsx package opened for reading: its zip directory, the parts we inflate on demand (each
// within the limits), and the workbook's structure (sheets, their parts and visibility). Refuses,
// with the reason in Chinese, a zip that is not a workbook: a renamed .docx/.pptx, an .xlsb, an
// .ods, a plain zip, or a package whose workbook part is missing.
import { LIMITS, type Limits } from './limits';
import { WorkbookReadError } from './read-error';
import { attrs, parseRels, relsPathOf, resolveTarget, type Relationship } from './xml';
import { inflateEntry, inflateEntryAsync, readZip, type Zip } from './zip';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: SheetKind;
  /** Package path of the sheet part, when it exists. */
  path: string | null;
}

const KINDS: Record<string, SheetKind> = { worksheet: 'worksheet', chartsheet: 'chartsheet', dialogsheet: 'dialogsheet', xlMacrosheet: 'macrosheet', xlIntlMacrosheet: 'macrosheet' };

function notWorkbook(name: string, what: string): WorkbookReadError {
  return new WorkbookReadError(`${name}: ${what}，不是 Excel 工作簿。请打开 .xlsx 或 .xls 文件`);
}

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  readonly workbookPath: string;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;

  private constructor(
    readonly zip: Zip,
    readonly name: string,
    readonly limits: Limits,
  ) {
    const rootRels = this.has('_rels/.rels') ? parseRels(this.text('_rels/.rels')!) : [];
    const main = rootRels.find((r) => r.type === 'officeDocument' && !r.external);
    const mainPath = main ? resolveTarget('', main.target) : this.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
    if (!mainPath) throw this.whatIsIt();
    if (/^word\//.test(mainPath)) throw notWorkbook(name, '这是 Word 文档（.docx）');
    if (/^ppt\//.test(mainPath)) throw notWorkbook(name, '这是 PowerPoint 演示文稿（.pptx）');
    if (/\.bin$/i.test(mainPath)) throw new WorkbookReadError(`${name}: 这是 .xlsb 二进制工作簿，暂不支持。请在 Excel 中另存为 .xlsx 后再打开`);
    if (!this.has(mainPath)) throw new WorkbookReadError(`${name}: 工作簿部件 ${mainPath} 缺失，文件已损坏或不完整`);
    this.workbookPath = mainPath;
    const wb = this.text(mainPath)!;
    if (!/<([\w.-]+:)?workbook[\s>]/.test(wb)) throw notWorkbook(name, `主部件 ${mainPath} 不是工作簿`);
    const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(wb);
    const d = pr ? attrs(pr[1]).date1904 : undefined;
    this.date1904 = d === '1' || d === 'true';
    const rels = new Map(this.rels(mainPath).map((r) => [r.id, r]));
    this.sheets = [];
    const re = /<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g;
    for (let m = re.exec(wb); m; m = re.exec(wb)) {
      const a = attrs(m[1]);
      const rel = a.id ? rels.get(a.id) : undefined;
      const path = rel && !rel.external ? resolveTarget(mainPath, rel.target) : null;
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      this.sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', rId: a.id ?? '', state, kind: (rel && KINDS[rel.type]) || 'other', path: path && this.has(path) ? path : null });
    }
    if (this.sheets.length > limits.sheets) throw new WorkbookReadError(`${name}: 工作簿有 ${this.sheets.length} 张工作表，超过上限 ${limits.sheets}`);
  }

  /** Opens zip bytes as a workbook package (checks the zip's limits; inflates only the workbook part). */
  static open(bytes: Uint8Array, name: string, limits: Limits = LIMITS): XlsxPackage {
    return new XlsxPackage(readZip(bytes, name, limits), name, limits);
  }

  has(path: string): boolean {
    return this.zip.byName.has(path);
  }

  /** Raw bytes of a part (inflated within the part limit). */
  bytes(path: string): Uint8Array | null {
    const e = this.zip.byName.get(path);
    return e ? inflateEntry(this.zip, e, this.name, this.limits.partBytes) : null;
  }

  /** A part as text (UTF-8, or UTF-16 with a byte-order mark). Cached. */
  text(path: string): string | null {
    const hit = this.texts.get(path);
    if (hit !== undefined) return hit;
    const b = this.bytes(path);
    return b ? this.decode(path, b) : null;
  }

  private decode(path: string, b: Uint8Array): string {
    const enc = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : 'utf-8';
    const s = new TextDecoder(enc).decode(b);
    this.texts.set(path, s);
    return s;
  }

  /** Inflates parts ahead of text(), through the native decoder where there is one. */
  async load(paths: (string | null | undefined)[]): Promise<void> {
    for (const path of paths) {
      if (!path || this.texts.has(path)) continue;
      const e = this.zip.byName.get(path);
      if (e) this.decode(path, await inflateEntryAsync(this.zip, e, this.name, this.limits.partBytes));
    }
  }

  /** Forget a part's text (large sheets are read once). */
  drop(path: string): void {
    this.texts.delete(path);
  }

  rels(part: string): Relationship[] {
    const t = this.text(relsPathOf(part));
    return t ? parseRels(t) : [];
  }

  /** Path of the workbook-level part of a relationship type (styles, sharedStrings). */
  workbookPart(type: string): string | null {
    const rel = this.rels(this.workbookPath).find((r) => r.type === type && !r.external);
    const path = rel ? resolveTarget(this.workbookPath, rel.target) : null;
    return path && this.has(path) ? path : null;
  }

  /** Why a zip without an office document is not a workbook. */
  private whatIsIt(): WorkbookReadError {
    if (this.has('mimetype')) {
      const mime = new TextDecoder().decode(this.bytes('mimetype')!).trim();
      if (mime.includes('opendocument.spreadsheet')) return new WorkbookReadError(`${this.name}: 这是 OpenDocument 表格（.ods），暂不支持。请在 WPS 或 Excel 中另存为 .xlsx 后再打开`);
      return notWorkbook(this.name, `这是 OpenDocument 文件（${mime}）`);
    }
    // No main-part relationship: tell the package by its part names (a damaged or hand-made
    // package, or one renamed after its relationships were stripped).
    if (this.has('word/document.xml')) return notWorkbook(this.name, '这是 Word 文档（.docx）');
    if (this.has('ppt/presentation.xml')) return notWorkbook(this.name, '这是 PowerPoint 演示文稿（.pptx）');
    if (this.has('xl/workbook.bin')) return new WorkbookReadError(`${this.name}: 这是 .xlsb 二进制工作簿，暂不支持。请在 Excel 中另存为 .xlsx 后再打开`);
    if (!this.has('[Content_Types].xml')) return notWorkbook(this.name, '这是一个普通的 zip 压缩包');
    return notWorkbook(this.name, '压缩包中没有工作簿部件（xl/workbook.xml）');
  }
}
