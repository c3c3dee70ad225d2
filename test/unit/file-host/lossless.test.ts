// The annotated copy (保存标注副本) is the officer's file with exactly our changes: every part
// nothing had to touch is byte-identical, and inside the parts that change only the intended
// elements differ. Cleared again, the copy gives the original parts back.
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { FileHost } from '../../../src/hosts/file/file-host';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import type { Finding, Severity } from '../../../src/core/findings';
import { getCell } from '../../../src/core/snapshot';
import { MAIN, NOTED, parts, PROTECTED, richWorkbook, SECOND } from './rich-workbook';

const dec = new TextDecoder();
const text = (m: Map<string, Uint8Array>, p: string) => dec.decode(m.get(p)!);
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

function finding(sheet: string, cell: string, severity: Severity, message: string): Finding {
  return { rule: 'test.rule', family: 'sum', severity, sheet, cell, related: [], line: null, message };
}

/** Cell elements of a worksheet by reference. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

function children(xml: string, section: string, child: string): string[] {
  const body = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<${child}\\b(?:[^>]*?/>|[\\s\\S]*?</${child}>)`, 'g'))].map((m) => m[0]);
}

describe('annotated copy of a workbook with charts, notes, names, links and protection', () => {
  let src: Uint8Array;
  let orig: Map<string, Uint8Array>;
  beforeAll(async () => {
    src = await richWorkbook();
    orig = await parts(src);
  });

  it('the fixture really holds every feature', () => {
    const names = [...orig.keys()];
    for (const p of ['xl/chartsheets/sheet1.xml', 'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml', 'docProps/custom.xml', 'xl/externalLinks/externalLink1.xml', 'xl/comments1.xml', 'xl/calcChain.xml']) expect(names).toContain(p);
    expect(text(orig, 'xl/drawings/drawing1.xml')).toContain('txBox="1"');
    expect(text(orig, 'xl/worksheets/sheet1.xml')).toContain('x14:sparkline');
    expect(text(orig, 'xl/worksheets/sheet1.xml')).toMatch(/<dataValidations count="2">/);
    expect(text(orig, 'xl/worksheets/sheet3.xml')).toMatch(/<sheetProtection[^>]*hashValue="[^"]+"/);
    expect(text(orig, 'xl/workbook.xml')).toContain('<definedName name="本表合计" localSheetId="0">');
    expect(text(orig, 'xl/workbook.xml')).toContain('<definedName name="税率">0.13</definedName>');
    expect(text(orig, 'xl/comments1.xml')).toContain(`<author>${NOTED.author}</author>`);
  });

  it('saved without changes, every part is byte-identical', async () => {
    const host = await FileHost.open(src, 'rich.xlsx');
    const out = await parts(await host.saveXlsx());
    expect([...out.keys()].sort()).toEqual([...orig.keys()].sort());
    for (const [p, b] of orig) expect({ p, same: same(out.get(p), b) }).toEqual({ p, same: true });
  });

  it('marks, a fix and an output sheet change only their own parts and elements', async () => {
    const host = await FileHost.open(src, 'rich.xlsx');
    await host.highlight([
      finding(MAIN, NOTED.address, 'error', '本行应为 37.00'),
      finding(MAIN, 'C9', 'warning', '合计与分项之和不符'),
      finding(MAIN, 'K30', 'info', '空单元格上的标记'),
      finding(MAIN, 'C1', 'info', '合并区域内'), // → A1
    ]);
    await host.applyFix({ ref: { sheet: MAIN, row: 6, col: 2 }, value: 5, description: '改为 5' }); // C7: 0 → 5
    await host.writeSheet({ name: '指标计算', rows: [[{ value: '合计', bold: true }, { formula: `'${MAIN}'!C9`, numberFormat: '0.00' }]] }, { overwrite: false });
    const bytes = await host.saveXlsx();
    const out = await parts(bytes);

    const changed = [...orig.keys()].filter((p) => !same(out.get(p), orig.get(p))).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/calcChain.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].filter((p) => p !== 'xl/calcChain.xml'));
    const added = [...out.keys()].filter((p) => !orig.has(p)).sort();
    expect(added).toEqual(['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']); // output sheet, marks record
    for (const p of [...changed, ...added]) if (!p.endsWith('.vml')) expect({ p, valid: XMLValidator.validate(text(out, p)) }).toEqual({ p, valid: true });

    // Sheet 1: only the marked and fixed cells (and the dependents recomputed) differ.
    const a = cellsOf(text(orig, 'xl/worksheets/sheet1.xml'));
    const b = cellsOf(text(out, 'xl/worksheets/sheet1.xml'));
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
    expect(differ).toEqual(['A1', 'C7', 'C8', 'C9', 'D6', 'D7', 'D8', 'F6', 'K30'].filter((k) => k !== 'F6'));
    const strip = (x: string) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, '');
    expect(strip(text(out, 'xl/worksheets/sheet1.xml'))).toBe(strip(text(orig, 'xl/worksheets/sheet1.xml')));
    // The shared formula group is untouched (its first cell kept its formula); values follow the fix.
    expect(b.get('D6')).toContain('<f t="shared" ref="D6:D8" si="0">C6/$C$9</f>');
    expect(b.get('C7')).toMatch(/<v>5<\/v>/);
    expect(b.get('C9')).toMatch(/<f>SUM\(C6:C8\)<\/f><v>882.77<\/v>/);

    // Styles: every original record kept at its index; ours appended.
    for (const [sec, child] of [['cellXfs', 'xf'], ['fills', 'fill'], ['fonts', 'font'], ['numFmts', 'numFmt']] as const) {
      const before = children(text(orig, 'xl/styles.xml'), sec, child);
      expect(children(text(out, 'xl/styles.xml'), sec, child).slice(0, before.length)).toEqual(before);
    }
    // Notes: the officer's note and its author kept, ours appended; the other note untouched.
    const comments = text(out, 'xl/comments1.xml');
    const noted = new RegExp(`<comment ref="${NOTED.address}"[\\s\\S]*?</comment>`).exec(comments)![0];
    expect(noted).toContain(NOTED.text);
    expect(noted).toContain('决算助手：本行应为 37.00');
    expect(noted.indexOf(NOTED.text)).toBeLessThan(noted.indexOf('决算助手'));
    expect(comments).toContain('<comment ref="A9" authorId="1"><text><t>合计行</t></text></comment>');
    expect(comments).toMatch(/<authors><author>张会计<\/author><author>李审核<\/author><author>决算助手<\/author><\/authors>/);
    // The workbook part keeps names, links and sheets; the record sheet is very hidden.
    const wb = text(out, 'xl/workbook.xml');
    for (const kept of ['<definedName name="税率">0.13</definedName>', '<definedName name="本表合计" localSheetId="0">', '<externalReference r:id="rId82"/>', '<sheet name="收入图表" sheetId="81" r:id="rId81"/>']) expect(wb).toContain(kept);
    expect(wb).toMatch(/<sheet name="_juesuan_marks" sheetId="\d+" state="veryHidden"/);
    expect(wb).toContain('fullCalcOnLoad="1"');

    // Read back: the same data, the fix in place, the record hidden from the snapshot.
    const snap = await readXlsx(bytes, 'out.xlsx');
    expect(snap.sheets.map((s) => s.name)).toEqual([MAIN, SECOND, PROTECTED, '指标计算']);
    expect(getCell(snap.sheets[0], 8, 2)).toMatchObject({ v: 882.77, f: 'SUM(C6:C8)' });
    expect(getCell(snap.sheets[3], 0, 1)).toEqual({ v: 882.77, f: `'${MAIN}'!C9`, z: '0.00' });
    expect(snap.sheets[2].protected).toBe(true);
    // exceljs (another reader) sees the marks as fills and notes.
    const ex = new ExcelJS.Workbook();
    await ex.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(ex.getWorksheet(MAIN)!.getCell('C9').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } });
    expect(ex.getWorksheet(MAIN)!.getCell('C9').numFmt).toBe('#,##0.00');
  });

  it('a fix that removes a formula drops the calculation chain (Excel rebuilds it)', async () => {
    const host = await FileHost.open(src, 'rich.xlsx');
    await host.applyFix({ ref: { sheet: MAIN, row: 8, col: 2 }, value: 877.77, description: '改为数值' });
    const out = await parts(await host.saveXlsx());
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(text(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(text(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(cellsOf(text(out, 'xl/worksheets/sheet1.xml')).get('C9')).toBe('<c r="C9" s="2"><v>877.77</v></c>');
  });

  it('reopened and cleared, the copy gives every original part back (styles keep two unused records)', async () => {
    const host = await FileHost.open(src, 'rich.xlsx');
    await host.highlight([finding(MAIN, NOTED.address, 'error', '本行应为 37.00'), finding(MAIN, 'K30', 'info', '空单元格'), finding(SECOND, 'B3', 'warning', '第二张表')]);
    const marked = await host.saveXlsx();
    const mid = await parts(marked);
    expect([...mid.keys()].filter((p) => !orig.has(p)).sort()).toEqual(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/worksheets/sheet4.xml']);
    expect(text(mid, 'xl/worksheets/sheet2.xml')).toMatch(/<legacyDrawing r:id="rId\d+"\/>/);

    const again = await FileHost.open(marked, 'marked.xlsx');
    expect(again.marks().map((m) => m.address).sort()).toEqual(['B3', 'C8', 'K30']);
    expect(again.snapshot().sheets.map((s) => s.name)).toEqual([MAIN, SECOND, PROTECTED]);
    await again.clearHighlights();
    const back = await parts(await again.saveXlsx());
    expect([...back.keys()].sort()).toEqual([...orig.keys()].sort());
    for (const [p, b] of orig) if (p !== 'xl/styles.xml') expect({ p, same: same(back.get(p), b) }).toEqual({ p, same: true });
    const before = children(text(orig, 'xl/styles.xml'), 'cellXfs', 'xf');
    expect(children(text(back, 'xl/styles.xml'), 'cellXfs', 'xf').slice(0, before.length)).toEqual(before);
  });

  it('a second round of marks on a reopened copy replaces ours and keeps the officer’s note once', async () => {
    const host = await FileHost.open(src, 'rich.xlsx');
    await host.highlight([finding(MAIN, NOTED.address, 'error', '第一次')]);
    const again = await FileHost.open(await host.saveXlsx(), 'marked.xlsx');
    await again.highlight([finding(MAIN, NOTED.address, 'warning', '第二次')]);
    const out = await parts(await again.saveXlsx());
    const comments = text(out, 'xl/comments1.xml');
    expect(comments).toContain('决算助手：第二次');
    expect(comments).not.toContain('第一次');
    expect(comments.split(NOTED.text)).toHaveLength(2);
    // Our text rides in the officer's note: no author entry of ours is needed.
    expect(comments).not.toContain('<author>决算助手</author>');
    // The style records are reused, not appended again.
    expect(children(text(out, 'xl/styles.xml'), 'cellXfs', 'xf').length).toBe(children(text(orig, 'xl/styles.xml'), 'cellXfs', 'xf').length + 2);
  });

  it('a sheet of the officer’s named like our marks sheet is kept; our record goes beside it', async () => {
    const withUser = await richWorkbook({ userMarksSheet: '_juesuan_marks' });
    const host = await FileHost.open(withUser, 'user.xlsx');
    expect(host.snapshot().sheets.map((s) => s.name)).toContain('_juesuan_marks');
    await host.highlight([finding(MAIN, 'C9', 'error', '标记')]);
    const saved = await host.saveXlsx();
    const wb = text(await parts(saved), 'xl/workbook.xml');
    expect(wb).toMatch(/<sheet sheetId="\d+" name="_juesuan_marks" state="visible"/);
    expect(wb).toMatch(/<sheet name="_juesuan_marks_2" sheetId="\d+" state="veryHidden"/);
    const again = await FileHost.open(saved, 'again.xlsx');
    expect(again.marks()).toHaveLength(1);
    await again.clearHighlights();
    const cleaned = await readXlsx(await again.saveXlsx(), 'c.xlsx');
    const user = cleaned.sheets.find((s) => s.name === '_juesuan_marks')!;
    expect(getCell(user, 0, 0)?.v).toBe('这是用户自己的工作表');
    await expect(host.writeSheet({ name: '_juesuan_marks', rows: [] }, { overwrite: true })).rejects.toThrow(/保留/);
  });
});
