// How the read-only grid shows a cell: close to what Excel shows for the number formats found in
// 决算 templates (0.00, #,##0.00, 0.00%, a negative section in parentheses, a dash for zero).
import type { Cell } from '../core/snapshot';
import { isCellError } from '../core/snapshot';

/** Splits a format code into its sections (positive;negative;zero;text), ignoring quoted ';'. */
function sections(z: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of z) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatNumber(v: number, z: string | undefined): string {
  if (!z || z === 'General' || z === '@') {
    return v.toLocaleString('zh-CN', { maximumFractionDigits: 6, useGrouping: false });
  }
  const s = sections(z);
  let section = s[0];
  if (v < 0 && s.length > 1) section = s[1];
  else if (v === 0 && s.length > 2) section = s[2];
  const literal = section.replace(/\[[^\]]*\]|_.|\*./g, '').trim();
  // A zero section that prints only a dash: 决算 tables use it for empty amounts.
  if (v === 0 && s.length > 2 && /^"?[-—－]"?\??\??$/.test(literal.replace(/[#0,.?]+$/, '').trim())) return '-';
  const percent = section.includes('%');
  const decimals = /0\.(0+)/.exec(section)?.[1].length ?? (/[0#]/.test(section) ? 0 : 2);
  const grouping = /#,##|0,0/.test(section);
  const abs = Math.abs(percent ? v * 100 : v);
  let text = abs.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
  if (percent) text += '%';
  if (v < 0) {
    // The negative section supplies its own sign; without one, Excel prints a minus.
    if (s.length > 1) text = section.includes('(') ? `(${text})` : section.includes('-') ? `-${text}` : text;
    else text = `-${text}`;
  }
  return text;
}

export function cellText(c: Cell | undefined): string {
  if (!c) return '';
  const v = c.v;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return formatNumber(v, c.z);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}
