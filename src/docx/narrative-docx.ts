// The 情况说明 as a .docx in the look of GB/T 9704-2012 (党政机关公文格式): A4, 版心 margins
// top 37 / bottom 35 / left 28 / right 26 mm, body 仿宋_GB2312 三号 with a two-character first-line
// indent and exact 28-point lines, 一级标题 黑体, 二级标题 楷体_GB2312, title 方正小标宋简体 二号,
// page numbers "— 1 —" in 宋体 四号 (odd pages right, even pages left, one character in).
// Works in Node and the browser: returns the bytes, the caller saves or downloads them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { missingLabel, type Narrative } from '../core/narrative/types';

/** Millimetres to twips (1 inch = 25.4 mm = 1440 twips). */
export const mm = (v: number) => Math.round((v / 25.4) * 1440);

export const FONTS = {
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  pageNumber: '宋体',
} as const;

/** Sizes in half-points (w:sz): 二号 22pt, 三号 16pt, 四号 14pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28 } as const;

/** Exact line pitch: 28 points = 560 twips. */
export const LINE = 560;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** Text to be completed by a person (【待补充：…】, 【请填写原因】) is highlighted so it cannot be missed before printing. */
const TODO = /(【[^】]*】)/;

function runs(text: string, base: IRunOptions = {}): TextRun[] {
  return text
    .split(TODO)
    .filter((s) => s !== '')
    .map((s) => new TextRun({ ...base, text: s, ...(TODO.test(s) ? { highlight: HighlightColor.YELLOW } : {}) }));
}

function footer(align: 'left' | 'right'): Footer {
  const oneChar = 280; // 四号 = 14pt = 280 twips
  return new Footer({
    children: [
      new Paragraph({
        style: 'PageNumberFooter',
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: oneChar, firstLine: 0 } : { left: oneChar, firstLine: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function narrativeDocument(n: Narrative): Document {
  const children: Paragraph[] = [];
  // What is still to be supplied, listed once above the text, highlighted, to be deleted when done.
  if (n.missing.length) {
    children.push(
      new Paragraph({
        indent: { firstLine: 0, firstLineChars: 0 },
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'C00000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C00000', space: 4 } },
        children: [
          new TextRun({ text: `待补充（共${n.missing.length}项，文中以黄色【待补充：…】标出，补全后删除本段）：`, bold: true, highlight: HighlightColor.YELLOW }),
          new TextRun({ text: n.missing.map(missingLabel).join('；'), highlight: HighlightColor.YELLOW }),
        ],
      }),
    );
  }
  children.push(new Paragraph({ style: 'NarrativeTitle', children: runs(n.title) }));
  // The unit and year under the title, unless the title already names them (Shanghai).
  const sub = [n.unitName && !n.title.includes(n.unitName) ? n.unitName : null, n.year && !n.title.includes(String(n.year)) ? `${n.year}年度` : null].filter(Boolean);
  if (sub.length) children.push(new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, children: runs(sub.join(' ')) }));
  for (const s of n.sections) {
    children.push(new Paragraph({ style: s.level === 1 ? 'Heading1' : 'Heading2', children: runs(s.heading) }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: runs(p) }));
  }

  const doc = new Document({
    creator: '决算助手',
    title: n.title,
    description: '部门决算 情况说明',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZES.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: {
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLineChars: 200, firstLine: 640 },
            alignment: AlignmentType.JUSTIFIED,
          },
        },
      },
      paragraphStyles: [
        {
          id: 'NarrativeTitle',
          name: '公文标题',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: font(FONTS.title), size: SIZES.title },
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: LINE } },
        },
        {
          id: 'Heading1',
          name: 'heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.heading1), size: SIZES.body, bold: false },
          paragraph: { outlineLevel: 0, keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        {
          id: 'Heading2',
          name: 'heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.heading2), size: SIZES.body, bold: false, italics: false },
          paragraph: { outlineLevel: 1, keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        {
          id: 'PageNumberFooter',
          name: '页码',
          basedOn: 'Normal',
          run: { font: font(FONTS.pageNumber), size: SIZES.pageNumber },
          paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
          },
        },
        // 页码一字线上距版心下边缘约 7 mm: the footer sits 22 mm above the page edge (35 − 7 − one line).
        footers: { default: footer('right'), even: footer('left') },
        children,
      },
    ],
  });
  return doc;
}

/** The .docx file bytes of the 情况说明. */
export async function narrativeToDocx(n: Narrative): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(narrativeDocument(n));
  return new Uint8Array(buf);
}
