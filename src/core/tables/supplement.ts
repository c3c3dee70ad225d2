// The 补充信息 sheet: facts not in the tables (SPEC §6), column A key (trimmed), column B value.
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import { isCellError } from '../snapshot';
import { cellText } from '../text';
import { parseNumberText } from '../numbers';
import type { Supplement, SupplementEntry } from './types';

export const SUPPLEMENT_SHEET = '补充信息';

function trimAll(s: string): string {
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

function valueOf(v: CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const t = trimAll(v);
    if (t === '') return null;
    // Numbers typed as text ('1,031.37', '１５') are numbers for every consumer.
    const n = parseNumberText(t);
    return n !== null && /\d/.test(t) ? n : t;
  }
  if (isCellError(v)) return v.error;
  return cellText(v);
}

/** Read the 补充信息 sheet, or null when the workbook has none. A header row (项目 | 内容) is skipped. */
export function readSupplement(wb: WorkbookSnapshot): Supplement | null {
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets : [];
  const sheet = sheets.find((s) => s && typeof s.name === 'string' && trimAll(s.name) === SUPPLEMENT_SHEET);
  if (!sheet) return null;
  const entries: SupplementEntry[] = [];
  const cells = Array.isArray(sheet.cells) ? sheet.cells : [];
  let first = true;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (!row) continue;
    const key = trimAll(cellText(row[0]?.v ?? null));
    if (!key) continue;
    const value = valueOf(row[1]?.v ?? null);
    if (first) {
      first = false;
      if (/^(项目|键|名称|指标|事项|key)$/i.test(key) && (value === null || /^(内容|值|数值|金额|value)$/i.test(String(value)))) continue;
    }
    entries.push({ key, value, ref: { sheet: sheet.name, row: r, col: 1 } });
  }
  return { sheet: sheet.name, entries };
}
