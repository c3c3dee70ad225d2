// A small workbook holding what an officer's real file may hold and what an annotated copy must
// not lose: a chart sheet, an embedded chart and a text box, sparklines, custom document
// properties, constant and sheet-local defined names, a password-protected sheet, notes with
// their authors, an external link, data validations, merges, a shared formula and a calculation
// chain. Built with exceljs, then raw XML added to the package (exceljs cannot write most of it).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const MAIN = '1收入支出决算总表';
export const SECOND = '2收入决算表';
export const PROTECTED = '3受保护';
/** Cell with the officer's own note, its author and text. */
export const NOTED = { address: 'C8', author: '张会计', text: '已与财政核对' };

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chartsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  extLink: 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
};

function chartXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${MAIN}'!$C$6:$C$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
}

function drawingXml(withTextBox: boolean, rId: string): string {
  const anchor = (from: number, body: string) =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from + 12}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  const chart = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  const text = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>单位负责人审阅意见：同意公开</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">${anchor(1, chart)}${withTextBox ? anchor(15, text) : ''}</xdr:wsDr>`;
}

function rels(list: [string, string, string, boolean?][]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${ext ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;
}

export interface RichOptions {
  /** Also a visible sheet of the officer's named like our marks sheet. */
  userMarksSheet?: string;
}

export async function richWorkbook(opts: RichOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(MAIN);
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '收入支出决算总表';
  ws.getCell('A4').value = '项目';
  ws.getCell('C4').value = '金额';
  const items: [string, number][] = [
    ['一、一般公共预算财政拨款收入', 840.77],
    ['二、政府性基金预算财政拨款收入', 0],
    ['三、事业收入', 37],
  ];
  items.forEach(([label, v], i) => {
    ws.getCell(6 + i, 1).value = label;
    ws.getCell(6 + i, 3).value = v;
    ws.getCell(6 + i, 3).numFmt = '#,##0.00';
  });
  ws.getCell('A9').value = '本年收入合计';
  ws.getCell('C9').value = { formula: 'SUM(C6:C8)', result: 877.77 } as ExcelJS.CellFormulaValue;
  ws.getCell('C9').numFmt = '#,##0.00';
  // A shared formula down D6:D8 (share of the total).
  ws.getCell('D6').value = { formula: 'C6/$C$9', result: 840.77 / 877.77, shareType: 'shared', ref: 'D6:D8' } as ExcelJS.CellFormulaValue;
  ws.getCell('D7').value = { sharedFormula: 'D6', result: 0 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('D8').value = { sharedFormula: 'D6', result: 37 / 877.77 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('E6').value = { formula: '[1]Sheet1!$A$1', result: 12.5 } as ExcelJS.CellFormulaValue;
  ws.getCell('F6').value = { formula: '税率*C6', result: 109.3 } as ExcelJS.CellFormulaValue;
  ws.getCell('C6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  // exceljs' typings omit dataValidations; the runtime has it.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  dv.add('C6:C8', { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '金额不能为负' });
  dv.add('B6:B8', { type: 'list', allowBlank: true, formulae: ['"是,否"'] });

  const s2 = wb.addWorksheet(SECOND);
  s2.getCell('A1').value = '收入决算表';
  s2.getCell('B3').value = 100;
  const s3 = wb.addWorksheet(PROTECTED);
  s3.getCell('A1').value = '受保护的表';
  await s3.protect('secret-口令', { selectLockedCells: true });
  if (opts.userMarksSheet) wb.addWorksheet(opts.userMarksSheet).getCell('A1').value = '这是用户自己的工作表';
  wb.definedNames.add(`'${MAIN}'!$C$6:$C$8`, '收入项目');
  const bytes = await wb.xlsx.writeBuffer();

  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (await zip.file(p)!.async('string')) as string;
  let ct = await text('[Content_Types].xml');
  const over = (part: string, type: string) => (ct = ct.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`));

  // Sheet 1: embedded chart + text box, notes (VML), sparklines; its relationships.
  let s1 = await text('xl/worksheets/sheet1.xml');
  const sparklines =
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>\'' +
    MAIN +
    "'!C6:C8</xm:f><xm:sqref>G9</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>";
  s1 = s1.replace('</worksheet>', `<drawing r:id="rId90"/><legacyDrawing r:id="rId91"/>${sparklines}</worksheet>`);
  if (!s1.includes(`xmlns:r="${R}"`)) s1 = s1.replace('<worksheet ', `<worksheet xmlns:r="${R}" `);
  zip.file('xl/worksheets/sheet1.xml', s1);
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels([['rId90', 'drawing', '../drawings/drawing1.xml'], ['rId91', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId92', 'comments', '../comments1.xml']]));
  zip.file('xl/drawings/drawing1.xml', drawingXml(true, 'rId1'));
  zip.file('xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', 'chart', '../charts/chart1.xml']]));
  zip.file('xl/charts/chart1.xml', chartXml());
  over('xl/drawings/drawing1.xml', CT.drawing);
  over('xl/charts/chart1.xml', CT.chart);
  zip.file(
    'xl/comments1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${NOTED.author}</author><author>李审核</author></authors><commentList><comment ref="${NOTED.address}" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>${NOTED.author}:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">
${NOTED.text}</t></r></text></comment><comment ref="A9" authorId="1"><text><t>合计行</t></text></comment></commentList></comments>`,
  );
  const noteShape = (r: number, c: number, id: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:100pt;margin-top:10pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>4, 15, 6, 10, 6, 15, 10, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`;
  zip.file(
    'xl/drawings/vmlDrawing1.vml',
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
 ${noteShape(7, 2, 1025)}${noteShape(8, 0, 1026)}
</xml>
`,
  );
  over('xl/comments1.xml', CT.comments);
  if (!/Extension="vml"/.test(ct)) ct = ct.replace('</Types>', `<Default Extension="vml" ContentType="${CT.vml}"/></Types>`);

  // A chart sheet, between the worksheets and after them in the workbook.
  zip.file('xl/chartsheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`);
  zip.file('xl/chartsheets/_rels/sheet1.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing2.xml']]));
  zip.file('xl/drawings/drawing2.xml', drawingXml(false, 'rId1'));
  zip.file('xl/drawings/_rels/drawing2.xml.rels', rels([['rId1', 'chart', '../charts/chart2.xml']]));
  zip.file('xl/charts/chart2.xml', chartXml());
  over('xl/chartsheets/sheet1.xml', CT.chartsheet);
  over('xl/drawings/drawing2.xml', CT.drawing);
  over('xl/charts/chart2.xml', CT.chart);

  // External link, calculation chain, workbook entries.
  zip.file('xl/externalLinks/externalLink1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>12.5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`);
  zip.file('xl/externalLinks/_rels/externalLink1.xml.rels', rels([['rId1', 'externalLinkPath', '2022年决算.xlsx', true]]));
  over('xl/externalLinks/externalLink1.xml', CT.extLink);
  zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C9" i="1"/><c r="D6"/><c r="D7"/><c r="D8"/><c r="E6"/><c r="F6"/></calcChain>`);
  over('xl/calcChain.xml', CT.calcChain);
  let wbRels = await text('xl/_rels/workbook.xml.rels');
  wbRels = wbRels.replace('</Relationships>', `<Relationship Id="rId81" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId82" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rId83" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  let wbXml = await text('xl/workbook.xml');
  wbXml = wbXml.replace('</sheets>', `<sheet name="收入图表" sheetId="81" r:id="rId81"/></sheets><externalReferences><externalReference r:id="rId82"/></externalReferences>`);
  const names = `<definedName name="税率">0.13</definedName><definedName name="本表合计" localSheetId="0">'${MAIN}'!$C$9</definedName>`;
  wbXml = wbXml.includes('<definedNames>') ? wbXml.replace('<definedNames>', `<definedNames>${names}`) : wbXml.replace('<calcPr', `<definedNames>${names}</definedNames><calcPr`);
  zip.file('xl/workbook.xml', wbXml);

  // Custom document properties.
  zip.file('docProps/custom.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>怀化市就业服务中心</vt:lpwstr></property></Properties>`);
  over('docProps/custom.xml', CT.custom);
  let rootRels = await text('_rels/.rels');
  rootRels = rootRels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
  zip.file('_rels/.rels', rootRels);
  zip.file('[Content_Types].xml', ct);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** Every part of a package as bytes. */
export async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('uint8array'));
  return out;
}
