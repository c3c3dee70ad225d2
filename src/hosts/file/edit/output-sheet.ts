// Worksheet XML for sheets the file host writes whole: output sheets (指标计算, 情况说明 …) and
// the marks record. Strings are inline (the shared string table stays untouched).
import type { CellValue } from '../../../core/snapshot';
import { escapeOoxmlText } from '../xml';
import { XML_HEAD } from './package-edit';
import { columnName } from '../../../core/address';

export interface OutCell {
  v: CellValue;
  f?: string;
  /** Style index (0: default). */
  s?: number;
}

function cellXml(r: number, c: number, cell: OutCell): string {
  const ref = `${columnName(c)}${r + 1}`;
  const s = cell.s ? ` s="${cell.s}"` : '';
  const f = cell.f ? `<f>${escapeOoxmlText(cell.f)}</f>` : '';
  const v = cell.v;
  if (v === null || v === undefined) return f ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${Number.isFinite(v) ? v : 0}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'object') return `<c r="${ref}"${s} t="e">${f}<v>${escapeOoxmlText(v.error)}</v></c>`;
  if (f) return `<c r="${ref}"${s} t="str">${f}<v>${escapeOoxmlText(v)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeOoxmlText(v)}</t></is></c>`;
}

export function worksheetXml(mainNs: string, rows: (OutCell | undefined)[][], widths?: number[]): string {
  let cols = '';
  if (widths?.some((w) => w > 0)) {
    cols = '<cols>' + widths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('') + '</cols>';
  }
  let data = '';
  rows.forEach((row, r) => {
    if (!row) return;
    let cells = '';
    row.forEach((cell, c) => {
      if (cell) cells += cellXml(r, c, cell);
    });
    if (cells) data += `<row r="${r + 1}">${cells}</row>`;
  });
  return `${XML_HEAD}<worksheet xmlns="${mainNs}">${cols}<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
