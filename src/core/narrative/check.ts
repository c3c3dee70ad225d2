// Checks an officer's own 情况说明 against the tables (SPEC §6): reads it sentence by sentence,
// recognises the items it speaks of, turns each stated figure into a claim and runs every rule
// of rules/ on it. Findings carry the 1-based line and the quoted sentence.
import type { Finding } from '../findings';
import type { Detection } from '../tables/types';
import { defaultCatalogue } from '../catalogue/catalogue';
import { extractFacts } from './facts';
import { alternativeBases, buildEntities, type Entity } from './entities';
import { editDistance, LEVEL_NAME, normText, sentences, tokenize, type Level, type NameResolver, type Token } from './parse';
import { NARRATIVE_RULES, type Claim, type RuleContext } from './rules';

/**
 * Edit distance of two names, except that the same characters in another order ('城乡社区卫生环境'
 * for '城乡社区环境卫生': two words swapped, 4 edits) count as one slip.
 */
function nameDistance(a: string, b: string): number {
  if (a.length === b.length && a.length >= 4 && [...a].sort().join('') === [...b].sort().join('')) return 1;
  return editDistance(a, b);
}

function makeResolver(entities: Entity[]): NameResolver {
  const byFirst = new Map<string, { alias: string; cands: Entity[] }[]>();
  const byAlias = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const a of e.aliases) {
      const n = normText(a);
      if (!n) continue;
      byAlias.set(n, [...(byAlias.get(n) ?? []), e]);
    }
  }
  for (const [alias, cands] of byAlias) {
    const list = byFirst.get(alias[0]) ?? [];
    list.push({ alias, cands });
    byFirst.set(alias[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  const coded = entities.filter((e) => e.code && e.level);
  const catalogue = defaultCatalogue().all('function');
  return {
    aliasesAt(text, pos) {
      const list = byFirst.get(text[pos]);
      if (!list) return null;
      return list.find((x) => text.startsWith(x.alias, pos)) ?? null;
    },
    resolveCoded(written, level) {
      const n = normText(written);
      const exact = coded.filter((e) => e.level === level && normText(e.label) === n);
      if (exact.length) return { cands: exact };
      const anyLevel = coded.filter((e) => normText(e.label) === n);
      if (anyLevel.length) return { cands: anyLevel, actualLevel: anyLevel[0].level };
      if (catalogue.some((c) => c.level === level && normText(c.name) === n)) return { cands: [] };
      const limit = n.length >= 6 ? 2 : 1;
      const near = (names: string[]) => {
        let best: { name: string; d: number } | null = null;
        for (const name of names) {
          const d = nameDistance(n, normText(name));
          if (d <= limit && (!best || d < best.d)) best = { name, d };
        }
        return best;
      };
      const fromTable = near([...new Set(coded.filter((e) => e.level === level).map((e) => e.label))]);
      if (fromTable) return { cands: coded.filter((e) => e.level === level && e.label === fromTable.name), suggestion: fromTable.name };
      const fromCat = near(catalogue.filter((c) => c.level === level && c.verified).map((c) => c.name));
      if (fromCat) return { cands: [], suggestion: fromCat.name };
      return { cands: [], unknown: true };
    },
  };
}

const BUDGET_KW = new Set(['年初预算为', '年初预算数', '年初预算', '预算为', '预算数', '全年预算数']);
const COMPLETION_KW = new Set(['完成年初预算的', '完成全年预算的', '完成预算的', '预算完成率', '预算执行率', '执行率']);
// Whether a change is an amount or a rate follows from the unit of the number after the word.
const CHANGE_KW: Record<string, { dir: 1 | -1 }> = { 增加: { dir: 1 }, 减少: { dir: -1 }, 增长: { dir: 1 }, 下降: { dir: -1 } };

/** Words that name an attribute of the item already named ('，全年执行数47.26万元'), not a new item. */
const ATTRIBUTE = /^(全年|本年|当年|实际)?(执行数?|执行金额|支出(决算)?数?|决算数?|合计|共计|总计|金额|总额|资金|开支)(为|是|达)?$/;

interface Nesting {
  cls: { codes: string[]; name: string } | null;
  sec: { codes: string[]; name: string } | null;
}

export function checkNarrative(text: string, detection: Detection): Finding[] {
  const facts = extractFacts(detection);
  const entities = buildEntities(facts);
  const resolver = makeResolver(entities);
  const byCode = new Map(entities.filter((e) => e.code).map((e) => [e.code as string, e]));
  const claims: Claim[] = [];
  const nest: Nesting = { cls: null, sec: null };
  let carried: Entity[] | null = null;
  let prevTitle = false;
  let headingCtx = false;

  const byKey = new Map(entities.map((e) => [e.key, e]));
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((rawLine, idx) => {
    const line = idx + 1;
    const normLine = normText(rawLine);
    const fund = /政府性基金/.test(normLine) && !/国有资本经营/.test(normLine) ? 'govFund' : /国有资本经营/.test(normLine) && !/政府性基金/.test(normLine) ? 'stateCapital' : null;
    /** In a line on one fund, 基本支出/项目支出 are that fund's. */
    const scoped = (cands: Entity[]): Entity[] => (fund ? cands.map((c) => ((c.key === 'basic' || c.key === 'project') && byKey.get(`${fund}.${c.key}`)) || c) : cands);
    // The 类/款 context of a list: set by a title line (no sentence), kept over its numbered item
    // lines; any other line starts afresh (a 类 named in passing is no parent of the next line).
    const numbered = /^\s*(?:（\d+）|\(\d+\)|\d+[．.、])/.test(rawLine);
    const keep = !/^\s*[一二三四五六七八九十]+、/.test(rawLine) && (prevTitle || (headingCtx && numbered));
    if (!keep) {
      nest.cls = null;
      nest.sec = null;
      headingCtx = false;
    }
    const isTitle = !/[。！？]/.test(rawLine) && !/\d+(\.\d+)?(万元|元|%)/.test(normText(rawLine));
    if (isTitle) headingCtx = true;
    if (/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(rawLine)) carried = null;
    codeNameClaims(normText(rawLine), { line, excerpt: rawLine.trim().slice(0, 160) });
    let subject: Entity[] | null = carried;
    let sawNumber = false;
    for (const sent of sentences(rawLine)) {
      const excerpt = sent.trim().slice(0, 160);
      const where = { line, excerpt };
      const norm = normText(sent);
      const toks = tokenize(norm, resolver);
      let prevEnd = 0;
      let prevNum = false;
      let mode: string | null = null;
      let changeWord: string | null = null;
      let explicitBase: Entity[] | null = null;
      let lastAmount: number | null = null;
      let compareWord: '大于' | '小于' | '等于' | null = null;
      let sawActualKw = false;
      for (let k = 0; k < toks.length; k++) {
        const t: Token = toks[k];
        // A figure introduced by a label the tables do not hold ('，年末结转和结余72.70万元',
        // '此外，使用非财政拨款结余5.00万元') belongs to that label, not to the last item named.
        const gap = norm.slice(prevEnd, t.start);
        const label = (gap.split(/[,;:、。（）]/).pop() ?? '').replace(/^(其中|此外|另外|以及|和|及)/, '');
        const newLabel = t.t === 'num' && /[\u4e00-\u9fa5]{2}/.test(label) && !ATTRIBUTE.test(label) && (k === 0 || prevNum || /[,;:、]/.test(gap));
        prevEnd = t.end;
        prevNum = t.t === 'num';
        if (newLabel) {
          subject = null;
          mode = null;
          lastAmount = null;
        }
        if (t.t === 'ent') {
          if (t.fuzzy) {
            if (t.fuzzy === 'unknown') claims.push({ ...where, type: 'name', level: LEVEL_NAME[t.level as Level], written: t.text, suggestion: null, codes: [] });
            else claims.push({ ...where, type: 'name', level: LEVEL_NAME[t.level as Level], written: t.fuzzy.written, suggestion: t.fuzzy.suggestion, codes: t.cands.map((c) => c.code ?? '').filter(Boolean) });
          }
          if (t.actualLevel && t.level) claims.push({ ...where, type: 'level', name: t.text, written: LEVEL_NAME[t.level], actual: LEVEL_NAME[t.actualLevel], code: t.cands[0]?.code ?? '' });
          // The same 项 name stands under many 款 (行政运行, 一般行政管理事务): the 款/类 named before
          // it on the line picks the right one.
          if (t.level) t.cands = nestingClaims(t, where);
          if (mode === 'share' || mode === 'completion') {
            explicitBase = scoped(t.cands);
            continue;
          }
          subject = t.cands.length ? scoped(t.cands) : null;
          mode = null;
          lastAmount = null;
          continue;
        }
        if (t.t === 'kw') {
          const k2 = t.k;
          if (k2 === '大于' || k2 === '小于' || k2 === '等于') compareWord = k2;
          else if (BUDGET_KW.has(k2)) {
            if (compareWord && subject) {
              claims.push({ ...where, type: 'compare', cands: subject, word: compareWord });
              compareWord = null;
              mode = null;
            } else mode = 'budget';
          } else if (k2 === '决算为' || k2 === '决算数') {
            mode = 'actual';
            sawActualKw = true;
          } else if (COMPLETION_KW.has(k2)) mode = 'completion';
          else if (k2 === '占' || k2 === '占比' || k2 === '占比为') {
            mode = 'share';
            explicitBase = null;
          } else if (CHANGE_KW[k2]) {
            mode = 'change';
            changeWord = k2;
          } else if (k2 === '持平' && subject) {
            const budgetContext = toks.slice(0, k).some((x) => x.t === 'kw' && BUDGET_KW.has(x.k)) && sawActualKw;
            if (budgetContext) claims.push({ ...where, type: 'compare', cands: subject, word: '等于' });
            else claims.push({ ...where, type: 'change', cands: subject, dir: 0, what: 'flat', value: null, word: '持平' });
          } else if (k2 === '上年无此项支出' && subject) claims.push({ ...where, type: 'change', cands: subject, dir: 0, what: 'zero-base', value: null, word: k2 });
          continue;
        }
        // numbers
        sawNumber = true;
        const numWhere = { ...where, decimals: (t.raw.split('.')[1] ?? '').length };
        const isPct = t.unit === '%';
        const value = t.unit === '元' ? t.value / 10000 : t.unit === '亿元' ? t.value * 10000 : t.value;
        if (t.unit === 'none') claims.push({ ...where, type: 'unit', raw: t.raw });
        if (!subject) {
          mode = null;
          continue;
        }
        if (isPct) {
          if (mode === 'share') claims.push({ ...numWhere, type: 'share', cands: subject, amount: lastAmount, explicitBase, value });
          else if (mode === 'completion') {
            if (!explicitBase) claims.push({ ...numWhere, type: 'completion', cands: subject, value });
          } else if (mode === 'change' && changeWord) claims.push({ ...numWhere, type: 'change', cands: subject, dir: CHANGE_KW[changeWord].dir, what: 'rate', value, word: changeWord });
        } else if (mode === 'change' && changeWord) {
          claims.push({ ...numWhere, type: 'change', cands: subject, dir: CHANGE_KW[changeWord].dir, what: 'amount', value, word: changeWord });
        } else if (mode === 'budget') {
          claims.push({ ...numWhere, type: 'amount', mode: 'budget', cands: subject, value, raw: t.raw });
        } else if (mode === null || mode === 'actual') {
          claims.push({ ...numWhere, type: 'amount', mode: 'actual', cands: subject, value, raw: t.raw });
          lastAmount = value;
        }
        mode = null;
        explicitBase = null;
        changeWord = null;
      }
    }
    // A heading-like line (an item name, no figures) hands its item to the next line.
    carried = sawNumber || /[。！？]/.test(rawLine) ? null : subject;
    prevTitle = isTitle;
  });

  /** '就业管理事务（2080106）' or '2080106就业管理事务': the name must be the one of that code. */
  function codeNameClaims(s: string, where: { line: number; excerpt: string }) {
    const pairs: { name: string; code: string }[] = [];
    for (const m of s.matchAll(/([\u4e00-\u9fa5][^,;:、。（）\d]{1,39})（(\d{3}|\d{5}|\d{7})）/g)) pairs.push({ name: m[1], code: m[2] });
    // A code not preceded by a digit or a dot (a lookbehind, written out: EdgeHTML 18 and IE11 lack it).
    const codeFirst = /(\d{7}|\d{5}|\d{3})([\u4e00-\u9fa5][^,;:、。（\d]{1,39})/g;
    for (let m = codeFirst.exec(s); m; m = codeFirst.exec(s)) {
      if (m.index > 0 && /[\d.]/.test(s[m.index - 1])) codeFirst.lastIndex = m.index + 1;
      else pairs.push({ name: m[2].replace(/（[类款项]$/, ''), code: m[1] });
    }
    for (const { name, code } of pairs) {
      const known = byCode.get(code)?.label;
      const cat = defaultCatalogue().get('function', code);
      const right = known ?? cat?.name;
      if (!right) continue;
      // The words after a code may run on into prose ('2080109社会保险经办机构支出…'): compare the
      // name-sized beginnings too, and only a close name counts as a misspelling.
      const r = normText(right);
      const n = normText(name);
      const L = [...r].length;
      const options = [...new Set([n, ...[L - 1, L, L + 1].map((k) => [...n].slice(0, k).join(''))])].filter(Boolean);
      if (options.includes(r)) continue;
      const best = options.map((o) => ({ o, d: editDistance(o, r) })).sort((a, b) => a.d - b.d || b.o.length - a.o.length)[0];
      if (best.d > Math.max(1, Math.min(2, Math.floor(L / 3)))) continue;
      claims.push({ ...where, type: 'name', level: code.length === 3 ? '类' : code.length === 5 ? '款' : '项', written: best.o, suggestion: right, codes: [code] });
    }
  }

  function nestingClaims(t: Extract<Token, { t: 'ent' }>, where: { line: number; excerpt: string }): Entity[] {
    const parent = t.level === 'item' ? nest.sec : t.level === 'section' ? nest.cls : null;
    const under = parent ? t.cands.filter((c) => c.code && parent.codes.includes(c.code.slice(0, c.code.length === 7 ? 5 : 3))) : [];
    const cands = under.length ? under : t.cands;
    const codes = cands.map((c) => c.code).filter((c): c is string => !!c);
    if (!codes.length) return cands;
    const name = t.fuzzy && t.fuzzy !== 'unknown' ? t.fuzzy.suggestion : t.text;
    const parentOf = (code: string) => code.slice(0, code.length === 7 ? 5 : 3);
    const parentName = (code: string) => byCode.get(code)?.label ?? defaultCatalogue().get('function', code)?.name ?? code;
    if (t.level === 'class') {
      nest.cls = { codes, name };
      nest.sec = null;
    } else if (t.level === 'section') {
      if (nest.cls && !codes.some((c) => nest.cls!.codes.includes(parentOf(c)))) {
        claims.push({ ...where, type: 'nesting', level: '款', name, parentWritten: `${nest.cls.name}（类）`, parentExpected: `${parentName(parentOf(codes[0]))}（类）`, code: codes[0] });
      }
      nest.sec = { codes, name };
    } else if (t.level === 'item') {
      if (nest.sec && !codes.some((c) => nest.sec!.codes.includes(parentOf(c)))) {
        claims.push({ ...where, type: 'nesting', level: '项', name, parentWritten: `${nest.sec.name}（款）`, parentExpected: `${parentName(parentOf(codes[0]))}（款）`, code: codes[0] });
      }
    }
    return cands;
  }

  const ctx: RuleContext = { facts, alternativeBases: alternativeBases(facts) };
  const out: Finding[] = [];
  for (const c of claims) for (const rule of NARRATIVE_RULES) out.push(...rule(c, ctx));
  return out;
}
