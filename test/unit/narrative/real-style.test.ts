// Generalisation beyond the two real reports: texts written the way officers write them (Hunan and
// Shanghai frames, numbered and quoted subjects, code + name, long 主要用于 clauses full of expense
// names) over generated workbooks in several layouts. Clean texts raise nothing above info; each
// planted fault is found, on its line, by the rule that owns it.
import { generateWorkbook, type LayoutId, type UnitId } from '../../fixtures/generator';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { detectTables } from '../../../src/core/tables/detect';
import { extractFacts } from '../../../src/core/narrative/facts';
import { checkNarrative } from '../../../src/core/narrative/check';
import type { Detection } from '../../../src/core/tables/types';
import { writeRealStyle, type StyleOptions, type StyledText } from './real-style';

const CASES: [UnitId, LayoutId, StyleOptions][] = [
  ['jiuye', 'hunan', { profile: 'hunan', numbering: '（1）', quoted: false, codes: false, clauseComma: false }],
  ['jiuye', 'shanghai', { profile: 'shanghai', numbering: '1、', quoted: true, codes: false, clauseComma: true }],
  ['bigunit', 'shanghai', { profile: 'shanghai', numbering: '1.', quoted: false, codes: false, clauseComma: true }],
  ['bigunit', 'hunan', { profile: 'hunan', numbering: '（一）', quoted: true, codes: true, clauseComma: false }],
  ['bigunit', 'central', { profile: 'hunan', numbering: '1.', quoted: false, codes: true, clauseComma: true }],
  ['rounding', 'shanghai', { profile: 'shanghai', numbering: '1、', quoted: true, codes: false, clauseComma: false }],
];

interface Fixture {
  name: string;
  d: Detection;
  text: StyledText;
}
const fixtures: Fixture[] = [];

beforeAll(async () => {
  for (const [unit, layout, style] of CASES) {
    const { bytes } = await generateWorkbook({ unit, layout });
    const d = detectTables(await readXlsx(bytes, `${unit}.xlsx`));
    fixtures.push({ name: `${unit}/${layout}/${style.profile}/${style.numbering}${style.quoted ? '/quoted' : ''}${style.codes ? '/codes' : ''}`, d, text: writeRealStyle(extractFacts(d), style) });
  }
});

const above = (d: Detection, lines: string[]) => checkNarrative(lines.join('\n'), d).filter((f) => f.severity !== 'info');

it('reads clean real-style texts without a warning or an error', () => {
  for (const fx of fixtures) expect({ fx: fx.name, found: above(fx.d, fx.text.lines).map((f) => `${f.line} ${f.rule} ${f.message}`) }).toEqual({ fx: fx.name, found: [] });
});

/** One planted fault: a change to the clean lines, the line (0-based) and rule expected. */
interface Plant {
  what: string;
  apply(t: StyledText, lines: string[]): number | null;
  rule: string;
}

const firstItem = (t: StyledText) => [...t.itemLine.values()][0];
const replaceIn = (lines: string[], i: number, re: RegExp | string, to: string | ((...m: string[]) => string)): number | null => {
  const next = lines[i].replace(re, to as (...m: string[]) => string);
  if (next === lines[i]) return null;
  lines[i] = next;
  return i;
};

const PLANTS: Plant[] = [
  { what: 'an item amount one 万元 off', rule: 'narrative.amount', apply: (t, l) => replaceIn(l, firstItem(t), /支出决算为(\d+)\.(\d\d)万元/, (_: string, a: string, b: string) => `支出决算为${Number(a) + 1}.${b}万元`) },
  { what: 'a 大于/小于 turned round', rule: 'narrative.direction', apply: (t, l) => [...t.itemLine.values()].map((i) => replaceIn(l, i, /决算数(大于|小于)预算数/, (_: string, w: string) => `决算数${w === '大于' ? '小于' : '大于'}预算数`)).find((x) => x !== null) ?? null },
  { what: 'a class share off by one point', rule: 'narrative.share', apply: (t, l) => replaceIn(l, t.at.structure, /占(\d+)\.(\d\d)%/, (_: string, a: string, b: string) => `占${Number(a) + 1}.${b}%`) },
  { what: 'a misspelt 项 (two characters swapped)', rule: 'narrative.name', apply: (t, l) => replaceIn(l, firstItem(t), /([\u4e00-\u9fa5])([\u4e00-\u9fa5])([\u4e00-\u9fa5]{2,})”?（项）/, (_: string, a: string, b: string, rest: string) => `${b}${a}${rest}（项）`) },
  { what: 'a template remnant 大小于', rule: 'narrative.remnant', apply: (t, l) => [...t.itemLine.values()].map((i) => replaceIn(l, i, /决算数(大于|小于)预算数/, '决算数大小于预算数')).find((x) => x !== null) ?? null },
  { what: 'a stray year', rule: 'narrative.year', apply: (t, l) => replaceIn(l, t.at.overall, /(\d{4})年度/, (_: string, y: string) => `${Number(y) - 3}年度`) },
  { what: 'an amount without 万元', rule: 'narrative.unit', apply: (t, l) => replaceIn(l, firstItem(t), /支出决算为(\d+\.\d\d)万元/, '支出决算为$1') },
  { what: 'a figure left as XX', rule: 'narrative.placeholder', apply: (t, l) => replaceIn(l, t.at.income, /本年收入合计\d+\.\d\d万元/, '本年收入合计XX万元') },
  { what: 'doubled punctuation', rule: 'narrative.repeat', apply: (t, l) => replaceIn(l, t.at.expenditure, '，其中：', '，，其中：') },
  { what: 'a change rate that does not fit its amount', rule: 'narrative.change', apply: (t, l) => replaceIn(l, t.at.overall, /(增长|下降)(\d+)\.(\d\d)%/, (_: string, w: string, a: string, b: string) => `${w}${Number(a) + 2}.${b}%`) },
  { what: 'a change without its reason', rule: 'narrative.reason', apply: (t, l) => replaceIn(l, t.at.overall, /主要原因是[^。]*。/, '') },
  { what: 'a 项 left out of 具体情况', rule: 'narrative.coverage', apply: (t, l) => (l.splice(firstItem(t), 1), t.at.detailHead) },
  { what: '增加 and 持平 in one clause', rule: 'narrative.contradiction', apply: (t, l) => replaceIn(l, t.at.threePublic, /(比\d+年度(增加|减少)[\d.]+万元)/, '$1，与上年持平') },
  {
    what: 'a 项 under another 款',
    rule: 'narrative.nesting',
    apply: (t, l) => {
      const codes = [...t.itemLine.keys()];
      const a = codes[0];
      const b = codes.find((c) => c.slice(0, 3) === a.slice(0, 3) && c.slice(0, 5) !== a.slice(0, 5));
      const i = t.itemLine.get(a)!;
      const kuan = /([^）”“]+)”?（款）/.exec(l[i]);
      const other = b ? /([^）”“]+)”?（款）/.exec(l[t.itemLine.get(b)!]) : null;
      return kuan && other ? replaceIn(l, i, `${kuan[1]}`, other[1]) : null;
    },
  },
  {
    what: '收入支出总计 stated as 本年收入合计 (they differ by the carry-over)',
    rule: 'narrative.amount',
    apply: (t, l) => {
      const total = /收入支出总计(\d+\.\d\d)万元/.exec(l[t.at.overall]);
      const income = /本年收入合计(\d+\.\d\d)万元/.exec(l[t.at.income]);
      if (!total || !income || total[1] === income[1]) return null;
      return replaceIn(l, t.at.overall, `收入支出总计${total[1]}万元`, `收入支出总计${income[1]}万元`);
    },
  },
];

describe.each(PLANTS.map((p) => [p.what, p] as const))('a planted fault: %s', (_w, plant) => {
  it('is found on its line in every text where it can be planted', () => {
    let planted = 0;
    for (const fx of fixtures) {
      const lines = [...fx.text.lines];
      const line = plant.apply(fx.text, lines);
      if (line === null) continue;
      planted++;
      const found = checkNarrative(lines.join('\n'), fx.d).filter((f) => f.rule === plant.rule && f.line === line + 1 && f.severity !== 'info');
      expect({ fx: fx.name, found: found.length > 0 }).toEqual({ fx: fx.name, found: true });
    }
    expect(planted).toBeGreaterThan(1);
  });
});

it('reads an old class name as a name fault, with the figure still that item\'s', () => {
  const fx = fixtures.find((x) => x.text.lines[x.text.at.structure].includes('卫生健康支出'))!;
  const lines = [...fx.text.lines];
  lines[fx.text.at.structure] = lines[fx.text.at.structure].replace('卫生健康支出', '医疗卫生与计划生育支出');
  const fs = checkNarrative(lines.join('\n'), fx.d).filter((f) => f.line === fx.text.at.structure + 1 && f.severity !== 'info');
  expect(fs.map((f) => [f.rule, f.expected])).toEqual([['narrative.name', '卫生健康支出']]);
});
