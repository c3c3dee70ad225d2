// Reads an officer's 情况说明 line by line and sentence by sentence into claims. Each sentence has a
// subject — the item last named outside a 主要用于/包括/主要原因 clause (a 类/款/项 chain, quoted or
// not, numbered or not) — and its 年初预算/决算/占/完成/增减 figures are that subject's.
import { defaultCatalogue } from '../catalogue/catalogue';
import type { Entity } from './entities';
import { CHANGE_TO_KW, LEVEL_NAME, editDistance, PURPOSE_KW, REASON_KW, normText, sentences, tokenize, type ForcedName, type Level, type NameResolver, type Token } from './parse';
import { LEVEL_OF_CODE } from './resolver';
import { matchAllNotAfter } from '../text';
import type { Claim, Stated } from './rules';

const BUDGET_KW = new Set(['年初预算为', '年初预算数', '年初预算', '预算为', '预算数', '全年预算数']);
const ACTUAL_KW = new Set(['决算为', '决算数']);
const COMPLETION_KW = new Set(['完成年初预算的', '完成全年预算的', '完成预算的', '预算完成率', '预算执行率', '执行率']);
// Whether a change is an amount or a rate follows from the unit of the number after the word.
const CHANGE_KW: Record<string, 1 | -1> = { 增加: 1, 减少: -1, 增长: 1, 下降: -1 };
/** Words after which a purpose clause is over and the subject's figures resume. */
const CLAUSE_END = new Set([...BUDGET_KW, ...ACTUAL_KW, ...COMPLETION_KW]);

/** Words that name an attribute of the item already named ('，全年执行数47.26万元'), not a new item. */
const ATTRIBUTE = /^(全年|本年|当年|实际)?(执行数?|执行金额|支出(决算)?数?|决算数?|合计|共计|总计|金额|总额|资金|开支)(为|是|达)?$/;

export interface Reading {
  claims: Claim[];
  /** Codes of the 项 the text describes (named as a subject). */
  described: Set<string>;
  /** The text's lines, as numbered in claims (1-based there). */
  lines: string[];
}

interface Nesting {
  cls: { codes: string[]; name: string } | null;
  sec: { codes: string[]; name: string } | null;
}

/** A subject the tables do not hold ('机关运行经费' of a Shanghai unit): its figures are checked against each other only. */
function textSubject(label: string): Entity {
  return { key: `text:${label}`, label, aliases: [], readings: [], budget: null, budgetActual: null, prior: null };
}

/** Quoted “…” spans of a sentence whose content is (or is close to) a 科目 name, in normalised positions. */
function quotedNames(sent: string, resolver: NameResolver): ForcedName[] {
  const out: ForcedName[] = [];
  for (const m of sent.matchAll(/[“"「『]([^“”"「」『』]{2,30})[”"」』]/g)) {
    const r = resolver.resolveQuoted(m[1]);
    if (!r) continue;
    const start = normText(sent.slice(0, m.index)).length;
    const text = normText(m[1]);
    out.push({ start, end: start + text.length, token: { t: 'ent', cands: r.cands, level: r.level, text, start, end: start + text.length, fuzzy: r.suggestion ? { written: text, suggestion: r.suggestion } : undefined } });
  }
  return out;
}

export function readNarrative(text: string, entities: Entity[], resolver: NameResolver): Reading {
  const byCode = new Map(entities.filter((e) => e.code).map((e) => [e.code as string, e]));
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const claims: Claim[] = [];
  const described = new Set<string>();
  const nest: Nesting = { cls: null, sec: null };
  let carried: Entity[] | null = null;
  let prevTitle = false;
  let headingCtx = false;

  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((rawLine, idx) => {
    const line = idx + 1;
    const normLine = normText(rawLine);
    const fund = /政府性基金/.test(normLine) && !/国有资本经营/.test(normLine) ? 'govFund' : /国有资本经营/.test(normLine) && !/政府性基金/.test(normLine) ? 'stateCapital' : null;
    /** In a line on one fund, 基本支出/项目支出 are that fund's. */
    const scoped = (cands: Entity[]): Entity[] => (fund ? cands.map((c) => ((c.key === 'basic' || c.key === 'project') && byKey.get(`${fund}.${c.key}`)) || c) : cands);
    // The 类/款 context of a list: set by a title line (no sentence), kept over its numbered item
    // lines; any other line starts afresh (a 类 named in passing is no parent of the next line).
    const numbered = /^\s*(?:（\d+）|\(\d+\)|\d+\s*[．.、])/.test(rawLine);
    const keep = !/^\s*[一二三四五六七八九十]+、/.test(rawLine) && (prevTitle || (headingCtx && numbered));
    if (!keep) {
      nest.cls = null;
      nest.sec = null;
      headingCtx = false;
    }
    const isTitle = !/[。！？]/.test(rawLine) && !/\d+(\.\d+)?(万元|元|%)/.test(normLine);
    if (isTitle) headingCtx = true;
    if (/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(rawLine)) carried = null;
    codeNameClaims(normLine, { line, excerpt: rawLine.trim().slice(0, 160) });
    let subject: Entity[] | null = carried;
    let sawNumber = false;
    /** What this paragraph states for each subject (key → 预算/决算). */
    const stated = new Map<string, Stated>();
    const statedOf = (s: Entity[] | null): Stated => (s?.length ? stated.get(s[0].key) ?? { budget: null, actual: null } : { budget: null, actual: null });
    const record = (s: Entity[] | null, k: keyof Stated, v: number) => {
      if (!s?.length) return;
      const cur = statedOf(s);
      if (cur[k] === null) stated.set(s[0].key, { ...cur, [k]: v });
    };
    for (const sent of sentences(rawLine)) {
      const excerpt = sent.trim().slice(0, 160);
      const where = { line, excerpt };
      const norm = normText(sent);
      const toks = tokenize(norm, resolver, quotedNames(sent, resolver));
      let prevEnd = 0;
      let prevNum = false;
      let mode: string | null = null;
      let changeWord: string | null = null;
      let changeAmount: number | null = null;
      let explicitBase: Entity[] | null = null;
      let lastAmount: number | null = null;
      let compareWord: '大于' | '小于' | '等于' | null = null;
      let sawActualKw = false;
      let clause: 'purpose' | 'reason' | null = null;
      /** Direction words said of each subject in this sentence, to catch '减少…，与上年持平'. */
      const dirs = new Map<string, string>();
      for (let k = 0; k < toks.length; k++) {
        const t: Token = toks[k];
        const gap = norm.slice(prevEnd, t.start);
        prevEnd = t.end;
        // A purpose clause ends at a semicolon or where the subject's figures resume; a reason runs
        // to the end of the sentence. Nothing inside either is a subject or a figure of one.
        // A 科目 written with its level mark is a subject by construction ('主要用于：卫生健康支出（类）27.09万元').
        // So does '，支出决算47.26万元' (a figure under an attribute word of the subject).
        const attrFigure = t.t === 'num' && /,/.test(gap) && ATTRIBUTE.test(gap.split(',').pop() ?? '');
        if (clause === 'purpose' && (/;/.test(gap) || (t.t === 'kw' && CLAUSE_END.has(t.k)) || (t.t === 'ent' && t.level) || attrFigure)) clause = null;
        if (clause) continue;
        if (t.t === 'kw' && (PURPOSE_KW.has(t.k) || REASON_KW.has(t.k))) {
          // '主要用于以下方面：' introduces the list of items with their figures, not a purpose.
          if (PURPOSE_KW.has(t.k) && /^:?以下/.test(norm.slice(t.end))) continue;
          clause = REASON_KW.has(t.k) ? 'reason' : 'purpose';
          mode = null;
          continue;
        }
        // A figure introduced by a label the tables do not hold ('，年末结转和结余72.70万元',
        // '机关运行经费支出185.41万元') belongs to that label, not to the last item named.
        const label = (gap.split(/[,;:、。（）]/).pop() ?? '').replace(/^(其中|此外|另外|以及|和|及)/, '');
        const newLabel = t.t === 'num' && /[\u4e00-\u9fa5]{2}/.test(label) && !ATTRIBUTE.test(label) && (k === 0 || prevNum || /[,;:、]/.test(gap));
        prevNum = t.t === 'num';
        if (newLabel) {
          subject = [textSubject(label)];
          mode = null;
          lastAmount = null;
          changeAmount = null;
        }
        if (t.t === 'ent') {
          if (t.fuzzy) {
            const lvl = LEVEL_NAME[(t.level ?? t.cands[0]?.level ?? 'item') as Level];
            if (t.fuzzy === 'unknown') claims.push({ ...where, type: 'name', level: lvl, written: t.text, suggestion: null, codes: [] });
            else claims.push({ ...where, type: 'name', level: lvl, written: t.fuzzy.written, suggestion: t.fuzzy.suggestion, codes: t.cands.map((c) => c.code ?? '').filter(Boolean) });
          }
          if (t.actualLevel && t.level) {
            const code = t.cands[0]?.code ?? '';
            const children = entities.filter((e) => e.code && e.code.length > code.length && e.code.startsWith(code) && e.code.length === code.length + 2).map((e) => e.label);
            claims.push({ ...where, type: 'level', name: t.text, written: LEVEL_NAME[t.level], actual: LEVEL_NAME[t.actualLevel], code, children });
          }
          // The same 项 name stands under many 款 (行政运行, 一般行政管理事务): the 款/类 named before
          // it on the line picks the right one.
          if (t.level && !t.actualLevel) t.cands = nestingClaims(t, where);
          // '就业补助（款）就业补助（项）': the 款 repeated as a 项 — which 项 was meant is unknown, so
          // its figures are nobody's (the level finding names the 项 it may be).
          else if (t.actualLevel && t.cands.some((c) => c.code && [...(nest.sec?.codes ?? []), ...(nest.cls?.codes ?? [])].includes(c.code))) t.cands = [];
          for (const c of t.cands) if (c.code && c.code.length === 7) described.add(c.code);
          if (mode === 'share' || mode === 'completion') {
            explicitBase = scoped(t.cands);
            continue;
          }
          subject = t.cands.length ? scoped(t.cands) : null;
          mode = null;
          lastAmount = null;
          changeAmount = null;
          continue;
        }
        if (t.t === 'kw') {
          const k2 = t.k;
          if (k2 === '大于' || k2 === '小于' || k2 === '等于') compareWord = k2;
          else if (BUDGET_KW.has(k2)) {
            if (compareWord && subject) {
              claims.push({ ...where, type: 'compare', cands: subject, word: compareWord, stated: statedOf(subject) });
              compareWord = null;
              mode = null;
            } else mode = 'budget';
          } else if (ACTUAL_KW.has(k2)) {
            mode = 'actual';
            sawActualKw = true;
          } else if (COMPLETION_KW.has(k2)) mode = 'completion';
          else if (k2 === '占' || k2 === '占比' || k2 === '占比为') {
            mode = 'share';
            explicitBase = null;
          } else if (CHANGE_KW[k2]) {
            mode = 'change';
            changeWord = k2;
            if (subject?.length) dirs.set(subject[0].key, k2);
          } else if (CHANGE_TO_KW[k2]) {
            mode = 'actual';
            if (subject?.length) dirs.set(subject[0].key, k2);
          } else if (k2 === '持平' && subject) {
            const budgetContext = toks.slice(0, k).some((x) => x.t === 'kw' && BUDGET_KW.has(x.k)) && sawActualKw;
            const said = dirs.get(subject[0].key);
            if (said) claims.push({ ...where, type: 'contradiction', name: subject[0].label, words: [said, '持平'] });
            else if (budgetContext) claims.push({ ...where, type: 'compare', cands: subject, word: '等于', stated: statedOf(subject) });
            else claims.push({ ...where, type: 'change', cands: subject, dir: 0, what: 'flat', value: null, word: '持平', current: statedOf(subject).actual, amount: null });
          } else if (k2 === '上年无此项支出' && subject) claims.push({ ...where, type: 'change', cands: subject, dir: 0, what: 'zero-base', value: null, word: k2, current: statedOf(subject).actual, amount: null });
          continue;
        }
        // numbers
        sawNumber = true;
        const numWhere = { ...where, decimals: (t.raw.split('.')[1] ?? '').length };
        // A bare number after 占 is a share whose % was left out ('占 76.23;').
        const isPct = t.unit === '%' || (t.unit === 'none' && mode === 'share');
        const value = t.unit === '元' ? t.value / 10000 : t.unit === '亿元' ? t.value * 10000 : t.value;
        if (t.unit === 'none') claims.push({ ...where, type: 'unit', raw: t.raw, unit: mode === 'share' || mode === 'completion' ? '%' : '万元', cut: false });
        if (t.unit === '万') claims.push({ ...where, type: 'unit', raw: t.raw, unit: '万元', cut: true });
        if (!subject) {
          mode = null;
          continue;
        }
        const current = statedOf(subject).actual;
        if (isPct) {
          if (mode === 'share') claims.push({ ...numWhere, type: 'share', cands: subject, amount: lastAmount, explicitBase, value });
          else if (mode === 'completion') {
            if (!explicitBase) claims.push({ ...numWhere, type: 'completion', cands: subject, value, stated: statedOf(subject) });
          } else if (mode === 'change' && changeWord) {
            claims.push({ ...numWhere, type: 'change', cands: subject, dir: CHANGE_KW[changeWord], what: 'rate', value, word: changeWord, current, amount: changeAmount });
          }
        } else if (mode === 'change' && changeWord) {
          claims.push({ ...numWhere, type: 'change', cands: subject, dir: CHANGE_KW[changeWord], what: 'amount', value, word: changeWord, current, amount: null });
          changeAmount = value;
        } else if (mode === 'budget') {
          claims.push({ ...numWhere, type: 'amount', mode: 'budget', cands: subject, value, raw: t.raw });
          record(subject, 'budget', value);
        } else if (mode === null || mode === 'actual') {
          claims.push({ ...numWhere, type: 'amount', mode: 'actual', cands: subject, value, raw: t.raw });
          record(subject, 'actual', value);
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
    // A code not preceded by a digit or a dot (a lookbehind, written out: see matchAllNotAfter).
    for (const m of matchAllNotAfter(s, /(\d{7}|\d{5}|\d{3})([\u4e00-\u9fa5][^,;:、。（\d]{1,39})/g, /[\d.]/)) pairs.push({ name: m[2].replace(/（[类款项]$/, ''), code: m[1] });
    for (const { name, code } of pairs) {
      const known = byCode.get(code)?.label;
      const cat = defaultCatalogue().get('function', code);
      const right = known ?? cat?.name;
      if (!right) continue;
      // A name other than the tables' is an error; against the catalogue alone, only as sure as its evidence.
      if (!known && cat && cat.names.some((v) => normText(v.name) === normText(name))) continue;
      const sure = known ? 'error' : cat?.verified ? 'error' : 'warning';
      // The words after a code may run on into prose ('2080109社会保险经办机构支出…'): compare the
      // name-sized beginnings too, and only a close name counts as a misspelling.
      const r = normText(right);
      const n = normText(name);
      const L = [...r].length;
      const options = [...new Set([n, ...[L - 1, L, L + 1].map((k) => [...n].slice(0, k).join(''))])].filter(Boolean);
      if (options.includes(r)) continue;
      const best = options.map((o) => ({ o, d: editDistance(o, r) })).sort((a, b) => a.d - b.d || b.o.length - a.o.length)[0];
      if (best.d > Math.max(1, Math.min(2, Math.floor(L / 3)))) continue;
      claims.push({ ...where, type: 'name', level: LEVEL_NAME[LEVEL_OF_CODE(code)], written: best.o, suggestion: right, codes: [code], severity: sure });
    }
  }

  function nestingClaims(t: Extract<Token, { t: 'ent' }>, where: { line: number; excerpt: string }): Entity[] {
    const parent = t.level === 'item' ? nest.sec : t.level === 'section' ? nest.cls : null;
    const under = parent ? t.cands.filter((c) => c.code && parent.codes.includes(c.code.slice(0, c.code.length === 7 ? 5 : 3))) : [];
    const cands = under.length ? under : t.cands;
    const codes = cands.length ? cands.map((c) => c.code).filter((c): c is string => !!c) : t.codes ?? [];
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

  return { claims, described, lines };
}
