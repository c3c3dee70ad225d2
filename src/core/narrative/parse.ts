// Reading a 情况说明 sentence: normalisation, then tokens — known items (by name), amounts,
// percentages and the keywords that say what a number is (预算, 决算, 占, 完成…, 增加/减少 …).
import { toHalfWidth } from '../numbers';
import type { Entity } from './entities';

export type Level = 'class' | 'section' | 'item';
export const LEVEL_MARK: Record<string, Level> = { 类: 'class', 款: 'section', 项: 'item' };
export const LEVEL_NAME: Record<Level, string> = { class: '类', section: '款', item: '项' };

/** Half-width digits, no quotes or spaces, full-width brackets (one output char per kept input char). */
export function normText(s: string): string {
  return toHalfWidth(s)
    .replace(/[“”"'‘’「」『』\s\u00a0]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/；/g, ';');
}

/** '万' alone ('0.3 万。') is a 万元 figure whose unit was cut short; 'none' has no unit at all. */
export type NumUnit = '万元' | '元' | '亿元' | '%' | '万' | 'none';

export type Token =
  | { t: 'ent'; cands: Entity[]; level?: Level; text: string; start: number; end: number; fuzzy?: { written: string; suggestion: string } | 'unknown'; actualLevel?: Level; codes?: string[] }
  | { t: 'num'; value: number; unit: NumUnit; raw: string; start: number; end: number }
  | { t: 'kw'; k: string; start: number; end: number };

/** Words that open a clause of prose whose nouns are not subjects: 主要用于…, 包括…, 主要原因是…. */
export const PURPOSE_KW = new Set(['主要用于', '用于', '主要包括', '包括', '例如', '如:', '主要有', '主要是']);
export const REASON_KW = new Set(['主要原因', '原因是', '原因为', '原因:']);
/** 'X增加为/减少到 Y万元': Y is the new figure, not the change. */
export const CHANGE_TO_KW: Record<string, 1 | -1> = { 增加为: 1, 增加到: 1, 增长为: 1, 增长到: 1, 增至: 1, 减少为: -1, 减少到: -1, 下降为: -1, 下降到: -1, 降至: -1, 减至: -1, 降为: -1 };

const KEYWORDS = [
  ...PURPOSE_KW,
  ...REASON_KW,
  ...Object.keys(CHANGE_TO_KW),
  '完成年初预算的',
  '完成全年预算的',
  '完成预算的',
  '预算完成率',
  '预算执行率',
  '执行率',
  '年初预算为',
  '年初预算数',
  '年初预算',
  '全年预算数',
  '预算为',
  '预算数',
  '决算为',
  '决算数',
  '上年无此项支出',
  '上年无数据',
  '与上年相比',
  '比上年',
  '持平',
  '增加',
  '减少',
  '增长',
  '下降',
  '大于',
  '小于',
  '等于',
  '占比为',
  '占比',
  '占',
].sort((a, b) => b.length - a.length);

/** Keywords by their first character, longest first (the tokenizer tries them at every position). */
const KEYWORDS_AT = new Map<string, string[]>();
for (const k of KEYWORDS) KEYWORDS_AT.set(k[0], [...(KEYWORDS_AT.get(k[0]) ?? []), k]);

const DELIM = /[,.;:、。！？（）!?]/;

export interface NameResolver {
  /** Entities named exactly so (any level), longest alias first; `renamed` for an old name of the item. */
  aliasesAt(text: string, pos: number): { alias: string; cands: Entity[]; renamed?: string } | null;
  /** Resolve a 科目 name written before （类/款/项）: exact, close (misspelt) or unknown. */
  resolveCoded(name: string, level: Level): { cands: Entity[]; suggestion?: string; unknown?: boolean; actualLevel?: Level; codes?: string[] };
  /** A quoted name that is (or is close to) a 科目 name, at its level; null for other quoted words. */
  resolveQuoted(name: string): { cands: Entity[]; suggestion?: string; level: Level } | null;
}

/** A name recognised before tokenizing (a quoted “…” 科目 name), emitted as one token. */
export interface ForcedName {
  start: number;
  end: number;
  token: Extract<Token, { t: 'ent' }>;
}

export function tokenize(s: string, names: NameResolver, forced: ForcedName[] = []): Token[] {
  const toks: Token[] = [];
  let boundary = 0;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    const f = forced.find((x) => x.start === i);
    if (f) {
      toks.push(f.token);
      i = f.end;
      boundary = i;
      continue;
    }
    // 科目 level marker: （类）（款）（项）
    const mark = /^（([类款项])）/.exec(s.slice(i, i + 3));
    if (mark) {
      const level = LEVEL_MARK[mark[1]];
      const prev = toks[toks.length - 1];
      const nameStart = boundary;
      const written = s.slice(nameStart, i).replace(/^[\d.、,:;]+/, '').replace(/^其中:?/, '');
      const fits = prev && prev.t === 'ent' && prev.end === i && prev.start >= nameStart && prev.cands.some((c) => c.level === level);
      if (fits && prev.t === 'ent' && s.slice(nameStart, prev.start).replace(/^[\d.、,:;]+/, '').replace(/^其中:?/, '') === '') {
        prev.level = level;
        prev.cands = prev.cands.filter((c) => c.level === level);
      } else if (written) {
        // Drop a token swallowed inside the written name (a shorter alias inside a misspelt name).
        while (toks.length && toks[toks.length - 1].start >= nameStart && toks[toks.length - 1].t === 'ent') toks.pop();
        const r = names.resolveCoded(written, level);
        toks.push({
          t: 'ent',
          cands: r.cands,
          level,
          text: written,
          start: i - written.length,
          end: i,
          fuzzy: r.unknown ? 'unknown' : r.suggestion ? { written, suggestion: r.suggestion } : undefined,
          actualLevel: r.actualLevel,
          codes: r.codes,
        });
      }
      i += 3;
      boundary = i;
      continue;
    }
    if (/\d/.test(ch)) {
      const m = /^\d+(?:,\d{3})*(?:\.\d+)?/.exec(s.slice(i));
      // A comma right after digits is a clause separator unless it groups thousands.
      let raw = m![0];
      if (raw.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) raw = /^\d+/.exec(raw)![0];
      const end = i + raw.length;
      const after = s.slice(end, end + 2);
      const value = Number(raw.replace(/,/g, ''));
      let unit: NumUnit | null = null;
      let len = 0;
      if (after.startsWith('万元')) (unit = '万元'), (len = 2);
      else if (after.startsWith('亿元')) (unit = '亿元'), (len = 2);
      else if (after.startsWith('元')) (unit = '元'), (len = 1);
      else if (after.startsWith('%')) (unit = '%'), (len = 1);
      else if (after[0] === '万' && (after.length === 1 || DELIM.test(after[1]))) (unit = '万'), (len = 1);
      else if (after === '' || DELIM.test(after[0])) unit = raw.includes('.') && s[i - 1] !== '（' ? 'none' : null;
      // Thresholds ('单价100万元以上设备') are not amounts of an item.
      if (unit && /^(以上|以下|及以上|及以下)/.test(s.slice(end + len))) unit = null;
      if (unit) toks.push({ t: 'num', value, unit, raw, start: i, end: end + len });
      i = end + len;
      boundary = i;
      continue;
    }
    if (DELIM.test(ch)) {
      i++;
      boundary = i;
      continue;
    }
    const kw = KEYWORDS_AT.get(ch)?.find((k) => s.startsWith(k, i));
    const al = names.aliasesAt(s, i);
    // '项目支出绩效自评' or '支出决算表' name a report, not the item.
    const notItem = al && /^(绩效|决算表|决算明细表|表)/.test(s.slice(i + al.alias.length));
    if (al && !notItem && (!kw || al.alias.length >= kw.length)) {
      toks.push({ t: 'ent', cands: al.cands, text: al.alias, start: i, end: i + al.alias.length, fuzzy: al.renamed ? { written: al.alias, suggestion: al.renamed } : undefined });
      i += al.alias.length;
      continue;
    }
    if (kw && !(kw === '占' && /^占用/.test(s.slice(i)))) {
      toks.push({ t: 'kw', k: kw, start: i, end: i + kw.length });
      i += kw.length;
      boundary = i;
      continue;
    }
    i++;
  }
  return toks;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps = 1). */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  const d: number[][] = Array.from({ length: A.length + 1 }, (_, i) => Array.from({ length: B.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= A.length; i++) {
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[A.length][B.length];
}

/** Split a line into sentences, keeping the end mark with its sentence. (No lookbehind: EdgeHTML 18 and IE11 lack it.) */
export function sentences(line: string): string[] {
  return (line.match(/[^。！？!?]*[。！？!?]|[^。！？!?]+$/g) ?? []).filter((s) => s.trim() !== '');
}
