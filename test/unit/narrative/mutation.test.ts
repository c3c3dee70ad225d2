// Every figure the generator prints for a checkable item is checked: change any amount or
// percentage of the generated text by one unit and the checker reports an error on that line.
import { buildSampleDetection } from './build';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { checkNarrative } from '../../../src/core/narrative/check';
import { narrativeLines } from '../../../src/core/narrative/types';

const d = buildSampleDetection();
const lines = narrativeLines(generateNarrative(d));

const mutations: { line: number; text: string; figure: string }[] = [];
lines.forEach((l, i) => {
  for (const m of l.matchAll(/\d+\.\d{2}(?=万元|%)/g)) {
    const bumped = (Number(m[0]) + 1).toFixed(2);
    const text = l.slice(0, m.index) + bumped + l.slice(m.index! + m[0].length);
    mutations.push({ line: i + 1, text, figure: `${m[0]}→${bumped} @ ${l.slice(Math.max(0, m.index! - 12), m.index! + 10)}` });
  }
});

describe('every generated figure is checked', () => {
  // Zero items are no longer printed as figures ('未发生…支出'), so the sample has some 76.
  it('has many figures to mutate', () => expect(mutations.length).toBeGreaterThan(70));

  it.each(mutations.map((m) => [m.figure, m] as const))('catches %s', (_f, m) => {
    const text = lines.map((l, i) => (i + 1 === m.line ? m.text : l)).join('\n');
    const fs = checkNarrative(text, d).filter((f) => f.severity === 'error' && f.line === m.line);
    expect(fs.length).toBeGreaterThan(0);
  });
});

const SWAP: Record<string, string> = { 大于: '小于', 小于: '大于', 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长' };
const flips: { line: number; text: string; what: string }[] = [];
lines.forEach((l, i) => {
  for (const m of l.matchAll(/大于|小于|增加|减少|增长|下降/g)) {
    flips.push({ line: i + 1, text: l.slice(0, m.index) + SWAP[m[0]] + l.slice(m.index! + 2), what: `${m[0]}→${SWAP[m[0]]} @ ${l.slice(Math.max(0, m.index! - 14), m.index! + 8)}` });
  }
});

describe('every generated direction word is checked', () => {
  it('has direction words to flip', () => expect(flips.length).toBeGreaterThan(20));

  it.each(flips.map((f) => [f.what, f] as const))('catches %s', (_w, f) => {
    const text = lines.map((l, i) => (i + 1 === f.line ? f.text : l)).join('\n');
    expect(checkNarrative(text, d).filter((x) => x.severity === 'error' && x.line === f.line && x.rule === 'narrative.direction').length).toBeGreaterThan(0);
  });
});
