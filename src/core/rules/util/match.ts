// Matching lines across tables: 类 lines by code or name, project names fuzzily.
import type { Catalogue } from '../../catalogue/catalogue';
import { normName, normLabel } from '../../text';
import type { CodedRow, CodedTable } from '../../tables/types';

/** Code of a 类 line printed by name (一、社会保障和就业支出 → 208). */
export function classCode(catalogue: Catalogue, line: { code: string | null; label: string }): string | null {
  if (line.code) return line.code;
  const hits = catalogue.findByName('function', normLabel(line.label), 'class');
  return hits[0]?.code ?? null;
}

/** The 类 row of a coded table for a 类 line (by code, else by name). */
export function classRow(table: CodedTable, catalogue: Catalogue, line: { code: string | null; label: string }): CodedRow | null {
  const code = classCode(catalogue, line);
  if (code) {
    const r = table.items.find((x) => x.code === code);
    if (r) return r;
  }
  const n = normName(normLabel(line.label));
  const classes = table.items.filter((x) => x.level === 'class' || x.code?.length === 3);
  const exact = classes.find((x) => normName(x.name) === n);
  if (exact) return exact;
  // A misspelt label (社会保障与就业支出) still names its 类 when one 类 is clearly closest;
  // the catalogue rules then report the spelling.
  const m = bestMatch(line.label, classes, (x) => x.name, normClassName);
  return m && m.score >= 0.75 && m.second < m.score ? m.item : null;
}

function normClassName(s: string): string {
  return normName(normLabel(s)).replace(/[()（）“”"'、，,。.:：;；\s]/g, '');
}

/** Strip what varies between the ways one project is written: brackets, punctuation, 工作/专项/项目 fillers. */
export function normProject(s: string): string {
  return normName(normLabel(s))
    .replace(/\d+[、.．]\s*/g, '')
    .replace(/[()（）《》“”"'、，,。.:：;；\-—_\s]/g, '')
    .replace(/(专项|项目|资金|经费|工作)/g, '');
}

/** Length of the longest common subsequence. */
export function lcs(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = new Array(B.length + 1).fill(0);
  for (let i = 1; i <= A.length; i++) {
    const cur = new Array(B.length + 1).fill(0);
    for (let j = 1; j <= B.length; j++) cur[j] = A[i - 1] === B[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[B.length];
}

/** Similarity of two project names in [0, 1]: 1 for equal or contained, else LCS over the longer name. */
export function nameSimilarity(a: string, b: string, norm: (s: string) => string = normProject): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return Math.min(x.length, y.length) >= 4 ? 0.95 : 0.6;
  return lcs(x, y) / Math.max([...x].length, [...y].length);
}

/** Best match of a name among candidates, with its similarity. */
export function bestMatch<T>(name: string, candidates: T[], nameOf: (t: T) => string, norm: (s: string) => string = normProject): { item: T; score: number; second: number } | null {
  let best: { item: T; score: number } | null = null;
  let second = 0;
  for (const c of candidates) {
    const s = nameSimilarity(name, nameOf(c), norm);
    if (!best || s > best.score) {
      if (best) second = Math.max(second, best.score);
      best = { item: c, score: s };
    } else second = Math.max(second, s);
  }
  return best ? { ...best, second } : null;
}
