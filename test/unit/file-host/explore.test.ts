import { FileHost } from '../../../src/hosts/file/file-host';
import { richWorkbook, parts, MAIN, NOTED } from './rich-workbook';
import { writeFileSync } from 'node:fs';
const dec = new TextDecoder();
it('explore', async () => {
  const src = await richWorkbook({ userMarksSheet: '_juesuan_marks' });
  writeFileSync('/tmp/explore/src.xlsx', src);
  const host = await FileHost.open(src, 'rich.xlsx');
  console.log(JSON.stringify(host.snapshot().sheets.map((s) => [s.name, s.cells.length, s.protected, s.hidden])));
  console.log(JSON.stringify(host.snapshot().sheets[0].cells.slice(5, 9)));
  const f = (sheet: string, cell: string, severity: any, message: string) => ({ rule: 'r', family: 'sum', severity, sheet, cell, related: [], line: null, message }) as any;
  await host.highlight([f(MAIN, NOTED.address, 'error', '本行应为 1'), f(MAIN, 'C9', 'warning', '合计不符'), f(MAIN, 'K30', 'info', '空单元格'), f(MAIN, 'B1', 'info', '合并')]);
  const out = await host.saveXlsx();
  writeFileSync('/tmp/explore/out.xlsx', out);
  const a = await parts(src), b = await parts(out);
  for (const [k, v] of b) {
    const o = a.get(k);
    if (!o) console.log('NEW', k, dec.decode(v).slice(0, 3000));
    else if (Buffer.compare(Buffer.from(o), Buffer.from(v)) !== 0) console.log('CHANGED', k, '\n', dec.decode(o).slice(0, 2500), '\n---\n', dec.decode(v).slice(0, 2500));
  }
  for (const k of a.keys()) if (!b.has(k)) console.log('GONE', k);
  const again = await FileHost.open(out, 'out.xlsx');
  console.log(JSON.stringify(again.marks()));
  await again.clearHighlights();
  const back = await parts(await again.saveXlsx());
  for (const [k, v] of a) { const w = back.get(k); if (!w || Buffer.compare(Buffer.from(w), Buffer.from(v)) !== 0) console.log('ROUNDTRIP DIFF', k, w ? dec.decode(w).slice(-600) : 'missing'); }
  for (const k of back.keys()) if (!a.has(k)) console.log('ROUNDTRIP EXTRA', k);
});
