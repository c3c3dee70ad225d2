// One reporting year: a report on 2025 speaks of 2025 and compares with 2024; any other year
// ('2021年度' in a 2023 report) is a remnant of an old text. Dates of documents (a year with a month,
// a year inside 《》 or 〔〕) are not the reporting year and are left alone.
import { finding, matches, type TextRule } from './common';

// Not right after a digit: matches(…, /\d/) (a lookbehind, written out: EdgeHTML 18 and IE11 have none).
const YEAR = /((?:19|20)\d{2})\s*年(度)?(?!\s*\d{1,2}\s*月)/g;

/** The report year: the tables', else the year most often written as 'YYYY年度'. */
function reportYear(lines: string[], fromTables: number | null): number | null {
  if (fromTables) return fromTables;
  const count = new Map<number, number>();
  for (const l of lines) for (const m of l.matchAll(/((?:19|20)\d{2})\s*年度/g)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

export const yearRule: TextRule = ({ lines, facts }) => {
  const year = reportYear(lines, facts.year);
  if (!year) return [];
  const out = [];
  for (const { m, where } of matches(lines, YEAR, /\d/)) {
    const y = Number(m[1]);
    if (y === year || y === year - 1) continue;
    const before = lines[where.line - 1].slice(0, m.index ?? 0);
    // Inside a document title or number: 《…2021年…》, 〔2021〕.
    if (/《[^》]*$/.test(before) || /[〔［\[]$/.test(before)) continue;
    out.push(finding('year', 'error', where, `本报告为${year}年度，文中出现“${m[0].replace(/\s+/g, '')}”；应为${year}年（本年）或${year - 1}年（上年）`, `${year}`, m[0].replace(/\s+/g, '')));
  }
  return out;
};
