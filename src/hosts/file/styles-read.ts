// Number formats of a workbook's cell styles (styles.xml cellXfs → numFmt), and whether a
// format shows a date. Built-in format ids are those of ECMA-376 §18.8.30, with the zh-CN
// variants Excel uses for the East-Asian ids.
import { isDateFormat } from '../cell-io';
import { attrs, prefixOf } from './xml';

const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

export interface CellStyles {
  /** Number format of each cellXfs index; undefined for General. */
  format: (string | undefined)[];
  /** Does the format of each cellXfs index show a date? */
  isDate: boolean[];
}

export function readCellStyles(xml: string | null): CellStyles {
  const out: CellStyles = { format: [], isDate: [] };
  if (!xml) return out;
  const p = prefixOf(xml, 'styleSheet');
  const custom = new Map<number, string>();
  const fmtRe = new RegExp(`<${p}numFmt\\b([^>]*?)/?>`, 'g');
  for (let m = fmtRe.exec(xml); m; m = fmtRe.exec(xml)) {
    const a = attrs(m[1]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const start = xml.indexOf(`<${p}cellXfs`);
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  if (start < 0 || end < 0) return out;
  const xfRe = new RegExp(`<${p}xf\\b([^>]*?)/?>`, 'g');
  xfRe.lastIndex = start;
  for (let m = xfRe.exec(xml); m && m.index < end; m = xfRe.exec(xml)) {
    const id = Number(attrs(m[1]).numFmtId ?? 0);
    const raw = custom.get(id) ?? BUILTIN[id];
    const f = raw === undefined || raw === 'General' ? undefined : raw;
    out.format.push(f);
    out.isDate.push(isDateFormat(f));
  }
  return out;
}

/** Built-in id of a format code, if it has one (so written output sheets need no custom format). */
export function builtinFormatId(code: string): number | undefined {
  for (const [id, f] of Object.entries(BUILTIN)) if (f === code && Number(id) < 27) return Number(id);
  return undefined;
}
