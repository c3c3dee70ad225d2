import JSZip from 'jszip';
import { narrativeToDocx, mm } from '../../../src/docx/narrative-docx';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { buildSampleDetection } from '../narrative/build';
import { narrativeLines, type Narrative } from '../../../src/core/narrative/types';

async function parts(n: Narrative) {
  const bytes = await narrativeToDocx(n);
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const files = Object.keys(zip.files);
  const footers = await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(read));
  return { bytes, files, doc: await read('word/document.xml'), styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers };
}

/** The <w:style> element with this id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

describe('narrativeToDocx', () => {
  const narrative = generateNarrative(buildSampleDetection());

  it('is a real .docx with every heading and paragraph', async () => {
    const { bytes, files, doc } = await parts(narrative);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect(files).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', '[Content_Types].xml']));
    expect(doc).toContain('2023年度部门决算情况说明');
    expect(doc).toContain('一、收入支出决算总体情况说明');
    expect(doc).toContain('十四、预算绩效情况说明');
    expect(doc).toContain('收、支总计877.77万元');
    // Placeholders are highlighted runs of their own.
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,200}<w:t[^>]*>【请填写原因】<\/w:t>/);
  });

  it('lays out an A4 page with the GB/T 9704 margins', async () => {
    const { doc } = await parts(narrative);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const pgMar = /<w:pgMar [^>]*\/>/.exec(doc)![0];
    expect(pgMar).toContain(`w:top="${mm(37)}"`);
    expect(pgMar).toContain(`w:bottom="${mm(35)}"`);
    expect(pgMar).toContain(`w:left="${mm(28)}"`);
    expect(pgMar).toContain(`w:right="${mm(26)}"`);
    expect(mm(37)).toBe(2098);
  });

  it('sets body, heading and title fonts, sizes and exact 28-point lines in the styles', async () => {
    const { styles } = await parts(narrative);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/);
    expect(defaults).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    const h1 = style(styles, 'Heading1');
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    expect(h1).toContain('<w:outlineLvl w:val="0"/>');
    const h2 = style(styles, 'Heading2');
    expect(h2).toContain('w:eastAsia="楷体_GB2312"');
    expect(h2).toContain('<w:sz w:val="32"/>');
    const title = style(styles, 'NarrativeTitle');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
  });

  it('uses the styles: headings by level, title centred', async () => {
    const { doc } = await parts(narrative);
    const paraOf = (text: string) => {
      const i = doc.indexOf(`>${text}<`);
      expect(i).toBeGreaterThan(0);
      const start = doc.lastIndexOf('<w:p>', i) >= 0 ? Math.max(doc.lastIndexOf('<w:p>', i), doc.lastIndexOf('<w:p ', i)) : doc.lastIndexOf('<w:p ', i);
      return doc.slice(start, i);
    };
    expect(paraOf('一、收入支出决算总体情况说明')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paraOf('（一）一般公共预算财政拨款支出决算总体情况')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paraOf('2023年度部门决算情况说明')).toContain('<w:pStyle w:val="NarrativeTitle"/>');
  });

  it('puts — page — numbers in 宋体 四号 in odd (right) and even (left) footers', async () => {
    const { doc, footers, styles, settings } = await parts(narrative);
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —/);
      expect(f).toContain('<w:pStyle w:val="PageNumberFooter"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    const pn = style(styles, 'PageNumberFooter');
    expect(pn).toContain('w:eastAsia="宋体"');
    expect(pn).toContain('<w:sz w:val="28"/>');
  });

  it('lists what is still to be supplied once, above the title, highlighted; each placeholder is a highlighted run', async () => {
    const n = generateNarrative(buildSampleDetection({ supplement: null }));
    const { doc } = await parts(n);
    const top = doc.indexOf('待补充（共');
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(doc.indexOf('>2023年度部门决算情况说明<'));
    expect(doc.split('待补充（共').length).toBe(2);
    expect(doc).toContain(`待补充（共${n.missing.length}项`);
    expect(doc).toContain('单位性质（填入“补充信息”表）');
    const placeholders = narrativeLines(n).join('').match(/【[^】]*】/g)!;
    expect(placeholders.length).toBeGreaterThan(5);
    for (const p of new Set(placeholders)) expect(doc).toMatch(new RegExp(`<w:highlight w:val="yellow"/></w:rPr><w:t[^>]*>${p.replace(/[()（）]/g, '.')}</w:t>`));
    // No tool message reaches the document.
    expect(doc).not.toMatch(/补充信息缺少：|（缺少表：/);
  });

  it('prints no list when nothing is missing', async () => {
    const n = generateNarrative(buildSampleDetection());
    const { doc } = await parts({ ...n, missing: [] });
    expect(doc).not.toContain('待补充（共');
  });
});
