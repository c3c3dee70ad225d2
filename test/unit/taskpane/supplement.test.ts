// The pane's 补充信息 model over the real core and the sample workbook: form rows, the writes a save
// makes, reason slots of the generated narrative, and a sheet's column A as text.
import * as core from '../../../src/core/index';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';
import type { Detection, Supplement } from '../../../src/core/tables/types';
import {
  findSheet,
  lastUsedRow,
  missingSupplementKeys,
  parseInput,
  planSave,
  probeDetection,
  reasonCandidates,
  reasonSlots,
  sheetColumnText,
  slotSubject,
  supplementModel,
  supplementSheet,
  textSheetChoices,
} from '../../../src/taskpane/supplement';
import { loadSample } from '../../helpers';

const api = core;
let wb: WorkbookSnapshot;
let det: Detection;

beforeAll(async () => {
  wb = await loadSample();
  det = core.analyzeWorkbook(wb).detection;
});

const sup = (entries: [string, string | number | null][]): Supplement => ({
  sheet: '补充信息',
  entries: entries.map(([key, value], i) => ({ key, value, ref: { sheet: '补充信息', row: i, col: 1 } })),
});

describe('the fresh sheet', () => {
  test('has the header and every key with a blank value and its hint', () => {
    const out = supplementSheet(api);
    expect(out.name).toBe('补充信息');
    expect(out.rows[0].map((c) => c.value)).toEqual(['项目', '内容', '说明']);
    expect(out.rows).toHaveLength(core.SUPPLEMENT_KEYS.length + 1);
    const row = out.rows.find((r) => r[0].value === '上年收支总计')!;
    expect(row[1].value).toBeNull();
    expect(String(row[2].value)).toContain('万元');
  });
});

describe('supplementModel', () => {
  test('the sample: values by canonical key (alias 公务接待团组 → 公务接待批次), refs to column B', () => {
    const m = supplementModel(api, det.supplement!, new Set(['因公出国团组']));
    const row = (k: string) => m.rows.find((r) => r.key === k)!;
    expect(row('上年收支总计').current).toBe(1031.37);
    expect(row('上年收支总计').ref).toEqual({ sheet: '补充信息', row: 1, col: 1 });
    expect(row('公务接待批次').current).toBe(15);
    expect(row('公务接待批次').ref).toEqual({ sheet: '补充信息', row: 8, col: 1 });
    expect(row('因公出国团组')).toMatchObject({ current: null, ref: null, neededByNarrative: true });
    expect(row('单位性质').current).toBe('参照公务员法管理事业单位');
    expect(m.rows.some((r) => r.key.startsWith('原因'))).toBe(false);
    expect(m.unknown).toEqual([]);
  });

  test('unknown keys are kept aside; a later non-blank duplicate wins; the template reason line is ignored', () => {
    const m = supplementModel(api, sup([['上年收支总计', 1], ['上年收支总计', 2], ['上年三公经费', 5], ['上年三公经费', null], ['备注', '随便写'], ['原因:<科目编码或名称或主题>', null], ['原因：收支总计', '业务减少']]));
    expect(m.rows.find((r) => r.key === '上年收支总计')).toMatchObject({ current: 2, ref: { row: 1 } });
    expect(m.rows.find((r) => r.key === '上年三公经费')).toMatchObject({ current: 5, ref: { row: 2 } });
    expect(m.unknown.map((e) => e.key)).toEqual(['备注']);
    expect([...m.reasons.keys()]).toEqual(['收支总计']);
    expect(m.reasons.get('收支总计')!.value).toBe('业务减少');
  });

  test('missingSupplementKeys reads the narrative missing list', () => {
    const n = { missing: ['补充信息缺少：上年收支总计', '缺少表：收入决算表', '补充信息缺少：因公出国团组'] } as never;
    expect([...missingSupplementKeys(n)]).toEqual(['上年收支总计', '因公出国团组']);
  });
});

describe('parseInput', () => {
  const num = { type: 'number' as const };
  test.each([
    ['1,031.37', 1031.37],
    ['１，０３１．３７', 1031.37],
    [' 153.6 ', 153.6],
    ['12万元', 12],
    ['3个', 3],
    ['15 批次', 15],
    ['0', 0],
  ])('%s → %p', (t, v) => expect(parseInput(num, t)).toEqual({ ok: true, value: v }));
  test('blank is null; text keys keep the text; bad numbers are refused', () => {
    expect(parseInput(num, '  ')).toEqual({ ok: true, value: null });
    expect(parseInput({ type: 'text' }, ' 事业单位 ')).toEqual({ ok: true, value: '事业单位' });
    const bad = parseInput(num, '一千');
    expect(bad.ok).toBe(false);
    expect(parseInput(num, '1,03.5').ok).toBe(false);
  });
});

describe('planSave', () => {
  const m = () => supplementModel(api, sup([['项目', '内容'], ['上年收支总计', 1031.37], ['单位性质', '事业单位'], ['原因:收支总计', '旧原因']]));

  test('only changed values are written; existing keys in place, new keys appended after the last row', () => {
    const edits = new Map([
      ['上年收支总计', '1,031.37'], // unchanged, typed with a separator
      ['单位性质', '行政单位'],
      ['因公出国团组', '2'],
      ['上年三公经费', ''], // blank and absent: nothing
    ]);
    const p = planSave(api, m(), edits, new Map(), 7);
    expect(p.errors.size).toBe(0);
    expect(p.changed).toEqual(['单位性质', '因公出国团组']);
    expect(p.fixes).toEqual([
      expect.objectContaining({ ref: { sheet: '补充信息', row: 2, col: 1 }, value: '行政单位', previous: '事业单位' }),
      expect.objectContaining({ ref: { sheet: '补充信息', row: 8, col: 0 }, value: '因公出国团组', previous: null }),
      expect.objectContaining({ ref: { sheet: '补充信息', row: 8, col: 1 }, value: 2, previous: null }),
    ]);
  });

  test('clearing an existing value writes a blank; an input error blocks the whole save', () => {
    expect(planSave(api, m(), new Map([['上年收支总计', '']]), new Map(), 5).fixes).toEqual([
      expect.objectContaining({ ref: { sheet: '补充信息', row: 1, col: 1 }, value: '', previous: 1031.37 }),
    ]);
    const bad = planSave(api, m(), new Map([['单位性质', '行政单位'], ['上年三公经费', 'abc']]), new Map(), 5);
    expect(bad.fixes).toEqual([]);
    expect([...bad.errors.keys()]).toEqual(['上年三公经费']);
  });

  test('reasons: an existing 原因 row is updated, a new one appended as 原因:<subject>', () => {
    const p = planSave(api, m(), new Map(), new Map([['收支总计', '旧原因'], ['财政拨款收支总计', '项目完结'], ['2080106', ' 人员减少。 ']]), 3);
    expect(p.changed).toEqual(['原因:财政拨款收支总计', '原因:2080106']);
    expect(p.fixes.map((f) => [f.ref.row, f.ref.col, f.value])).toEqual([
      [4, 0, '原因:财政拨款收支总计'],
      [4, 1, '项目完结'],
      [5, 0, '原因:2080106'],
      [5, 1, '人员减少。'],
    ]);
    const upd = planSave(api, m(), new Map(), new Map([['收支总计', '新原因']]), 3);
    expect(upd.fixes).toEqual([expect.objectContaining({ ref: { sheet: '补充信息', row: 3, col: 1 }, value: '新原因', previous: '旧原因' })]);
  });

  test('what is written is read back by the core as the narrative uses it', () => {
    const model = m();
    const p = planSave(api, model, new Map([['上年三公经费', '1.42'], ['公务接待批次', '15']]), new Map([['2080106', '人员减少']]), 3);
    // Apply the writes to the entries as a host would, and read them with the core reader.
    const entries: Supplement['entries'] = [];
    const base = sup([['项目', '内容'], ['上年收支总计', 1031.37], ['单位性质', '事业单位'], ['原因:收支总计', '旧原因']]);
    const rows = new Map<number, [string, string | number | null]>(base.entries.map((e) => [e.ref.row, [e.key, e.value]]));
    for (const f of p.fixes) {
      const r = rows.get(f.ref.row) ?? ['', null];
      if (f.ref.col === 0) r[0] = String(f.value);
      else r[1] = f.value ?? null;
      rows.set(f.ref.row, r);
    }
    for (const [row, [key, value]] of rows) entries.push({ key, value, ref: { sheet: '补充信息', row, col: 1 } });
    const facts = core.readSupplement({ sheet: '补充信息', entries });
    expect(facts.values.get('上年三公经费')).toBe(1.42);
    expect(facts.values.get('公务接待批次')).toBe(15);
    expect(facts.reasons.get('2080106')).toBe('人员减少');
  });
});

describe('reason slots', () => {
  test('every 【请填写原因】 of the sample narrative is found, with the subject the generator reads', () => {
    const real = core.generateNarrative(det, { profile: 'hunan' });
    const cands = reasonCandidates(api, det);
    const probe = core.generateNarrative(probeDetection(api, det, cands), { profile: 'hunan' });
    const slots = reasonSlots(real, probe, cands);
    const placeholders = core.narrativeLines(real).join('\n').match(/【请填写原因】/g) ?? [];
    expect(placeholders.length).toBeGreaterThan(0);
    expect(slots.filter((s) => s.current === null)).toHaveLength(placeholders.length);
    expect(slots.map((s) => s.subject)).toContain('收支总计');
    const total = slots.find((s) => s.subject === '收支总计')!;
    expect(total.context).toMatch(/收、支总计各减少153\.60万元/);

    // Filling each slot's subject in 补充信息 fills exactly that slot.
    const entries = [...det.supplement!.entries, ...slots.map((s, i) => ({ key: `原因:${s.subject}`, value: `原因文字${i}`, ref: { sheet: '补充信息', row: 200 + i, col: 1 } }))];
    const filled = core.generateNarrative({ ...det, supplement: { sheet: '补充信息', entries } }, { profile: 'hunan' });
    const text = core.narrativeLines(filled).join('\n');
    expect(text).not.toContain('【请填写原因】');
    slots.forEach((s, i) => expect(text).toContain(`原因文字${i}`));
    // And the slots of the filled narrative show those reasons as current.
    const again = reasonSlots(filled, core.generateNarrative(probeDetection(api, { ...det, supplement: { sheet: '补充信息', entries } }, cands), { profile: 'hunan' }), cands);
    expect(again.map((s) => s.current)).toEqual(slots.map((_, i) => `原因文字${i}`));
  });

  test('a reason stored under a 项 name keeps its row when edited', () => {
    const model = supplementModel(api, sup([['原因:就业管理事务', '业务量增加']]));
    const slot = { subject: '2080106', label: '2080106 就业管理事务', context: '', current: '业务量增加', section: 0, paragraph: 0 };
    expect(slotSubject(slot, model)).toBe('就业管理事务');
    expect(slotSubject({ ...slot, current: null }, model)).toBe('2080106');
  });
});

describe('sheet text', () => {
  test('column A, one line per row, so line n is cell An; trailing blanks dropped', () => {
    const sh = sheetFromValues('情况说明', [['第三部分 情况说明'], [null], ['一、收入支出决算总体情况', '旁注'], [12.5], [null, 'x']]);
    expect(sheetColumnText(sh)).toBe('第三部分 情况说明\n\n一、收入支出决算总体情况\n12.5');
    expect(lastUsedRow(sh)).toBe(4);
    expect(lastUsedRow(undefined)).toBe(-1);
  });

  test('sheets offered for checking: text sheets, 情况说明 first, never a table or 补充信息', () => {
    const extra: WorkbookSnapshot = { ...wb, sheets: [...wb.sheets, sheetFromValues('备忘', [['说明文字']]), sheetFromValues('2023情况说明', [['第三部分']])] };
    const choices = textSheetChoices(extra, det);
    expect(choices[0]).toBe('2023情况说明');
    expect(choices).toContain('备忘');
    expect(choices).not.toContain('补充信息');
    expect(choices).not.toContain('1收入支出决算总表');
    expect(findSheet(extra, ' 备忘 ')?.name).toBe('备忘');
  });
});
