// Edits the file host makes: recalculation limited to what a fix can reach, packages written by
// other tools (prefixed namespaces, single quotes, cells without r), and a mark on an empty cell
// that disappears again when cleared.
import { FileHost } from '../../../src/hosts/file/file-host';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { getCell } from '../../../src/core/snapshot';
import type { Finding } from '../../../src/core/findings';
import { parts } from './rich-workbook';
import { sheetWorkbook, zipOf } from './hostile';

const dec = new TextDecoder();

describe('recalculation after a fix', () => {
  it('recomputes the formulas that depend on the fixed cell and leaves every other cached result as Excel saved it', async () => {
    // A1..A2 numbers; A3 = SUM (depends); B1 = A1*0.1 (depends); C1 = 1/3*3 with a cached 0.99999 (does not depend).
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*0.1</f><v>0.1</v></c><c r="C1"><f>1/3*3</f><v>0.99999</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><f>SUM(A1:A2)</f><v>3</v></c><c r="B3"><f>B1+A3</f><v>3.1</v></c></row></sheetData>';
    const host = await FileHost.open(sheetWorkbook(body), 'x.xlsx');
    await host.applyFix({ ref: { sheet: '表1', row: 0, col: 0 }, value: 10, description: '改为 10' });
    const s = host.snapshot().sheets[0];
    expect(getCell(s, 2, 0)).toEqual({ v: 12, f: 'SUM(A1:A2)' });
    expect(getCell(s, 0, 1)).toEqual({ v: 1, f: 'A1*0.1' });
    expect(getCell(s, 2, 1)).toEqual({ v: 13, f: 'B1+A3' });
    expect(getCell(s, 0, 2)).toEqual({ v: 0.99999, f: '1/3*3' }); // untouched: not reachable from A1
    const xml = dec.decode((await parts(await host.saveXlsx())).get('xl/worksheets/sheet1.xml'));
    expect(xml).toContain('<c r="C1"><f>1/3*3</f><v>0.99999</v></c>');
    expect(xml).toContain('<c r="A3"><f>SUM(A1:A2)</f><v>12</v></c>');
  });

  it('undoing the fix gives back the original sheet part byte for byte', async () => {
    const bytes = sheetWorkbook('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row></sheetData>');
    const host = await FileHost.open(bytes, 'x.xlsx');
    const applied = await host.applyFix({ ref: { sheet: '表1', row: 0, col: 0 }, value: 5, description: 'x' });
    await host.undoFix(applied);
    const out = await parts(await host.saveXlsx());
    const orig = await parts(bytes);
    expect(dec.decode(out.get('xl/worksheets/sheet1.xml'))).toBe(dec.decode(orig.get('xl/worksheets/sheet1.xml')));
    expect(dec.decode(out.get('xl/workbook.xml'))).toBe(dec.decode(orig.get('xl/workbook.xml')));
  });
});

describe('packages written by other tools', () => {
  it('reads prefixed SpreadsheetML, single-quoted attributes and cells without r', async () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const M = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = zipOf({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0"?><x:workbook xmlns:x="${M}" xmlns:r="${R}"><x:sheets><x:sheet name="表&amp;1" sheetId="1" r:id="r1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="r2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/sharedStrings.xml': `<?xml version="1.0"?><x:sst xmlns:x="${M}"><x:si><x:t>收入</x:t></x:si><x:si><x:r><x:t>合</x:t></x:r><x:r><x:t>计</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ごう</x:t></x:rPh></x:si></x:sst>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="${M}"><x:sheetData><x:row r='2'><x:c t='s'><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="D2"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>下一行</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="$A$5:$B$6"/></x:mergeCells></x:worksheet>`,
    });
    const snap = await readXlsx(bytes, 'other.xlsx');
    const s = snap.sheets[0];
    expect(s.name).toBe('表&1');
    expect(getCell(s, 1, 0)).toEqual({ v: '收入' });
    expect(getCell(s, 1, 1)).toEqual({ v: '合计' });
    expect(getCell(s, 1, 3)).toEqual({ v: 2, f: '1+1' });
    expect(getCell(s, 2, 0)).toEqual({ v: '下一行' });
    expect(s.merges).toEqual([{ r1: 4, c1: 0, r2: 5, c2: 1 }]);
    // Marks on it keep its prefix (a valid part).
    const host = await FileHost.open(bytes, 'other.xlsx');
    await host.highlight([{ rule: 'r', family: 'sum', severity: 'error', sheet: '表&1', cell: 'D2', related: [], line: null, message: '公式结果' } as Finding]);
    const xml = dec.decode((await parts(await host.saveXlsx())).get('xl/worksheets/sheet1.xml'));
    expect(xml).toMatch(/<x:c r="D2" s="\d+"><x:f>1\+1<\/x:f>/);
    expect(xml).toMatch(/<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
  });
});
