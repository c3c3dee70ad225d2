import ExcelJS from 'exceljs';
const [,, file, sheetSub] = process.argv;
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(file);
for (const ws of wb.worksheets) {
  if (sheetSub && !ws.name.includes(sheetSub)) continue;
  console.log('### ' + ws.name);
  ws.eachRow({includeEmpty:false}, (row, r) => {
    const cells = [];
    row.eachCell({includeEmpty:false}, (c, col) => { let v = c.value; if (v && typeof v === 'object') v = JSON.stringify(v); cells.push(`${c.address}=${v}`); });
    console.log(cells.join(' | '));
  });
}
