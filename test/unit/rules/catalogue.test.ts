// Catalogue rules: codes, names, parents and order, each with passing and failing cases.
import { rule as unknownCode } from '../../../src/core/rules/catalogue/unknown-code';
import { rule as nameMismatch } from '../../../src/core/rules/catalogue/name-mismatch';
import { rule as missingParent } from '../../../src/core/rules/catalogue/missing-parent';
import { rule as wrongParent } from '../../../src/core/rules/catalogue/wrong-parent';
import { rule as inconsistentName } from '../../../src/core/rules/catalogue/inconsistent-name';
import type { CodedTable, SummaryTable } from '../../../src/core/tables/types';
import { rule as summaryExpenditure } from '../../../src/core/rules/cross/summary-expenditure';
import { coded, run } from './build';
import { expenditure, generalBudget, income, sampleBasicDetail, sampleTables } from './sample-model';

const flat = (rows: [string, string, number][]) => coded('expenditure', { keys: ['total'], total: [rows.reduce((s, r) => (r[0].length === 3 ? s + r[2] : s), 0)], rows });

describe('catalogue.unknown-code', () => {
  it('is silent for catalogued codes', () => {
    expect(run(unknownCode, [flat([['208', '社会保障和就业支出', 5], ['21011', '行政事业单位医疗', 5]])])).toEqual([]);
  });
  it('reports a code missing from the catalogue once, as info', () => {
    const t = flat([['208', '社会保障和就业支出', 5], ['20898', '某新款', 5], ['2089801', '某新项', 5]]);
    const t2 = coded('income', { sheet: 'inc', keys: ['total'], total: [5], rows: [['2089801', '某新项', 5]] });
    const fs = run(unknownCode, [t, t2]);
    const f = fs.find((x) => x.message.includes('2089801'))!;
    expect(f).toMatchObject({ severity: 'info', sheet: 'expenditure', cell: 'A9', related: ['inc!A7'] });
    expect(fs.filter((x) => x.message.includes('2089801'))).toHaveLength(1);
  });
});

describe('catalogue.name-mismatch', () => {
  it('an error with the expected name and a fix when a name read in dated documents differs (swapped characters)', () => {
    const ex = expenditure();
    ex.items[0].name = '社会保障与就业支出';
    const [f] = run(nameMismatch, [ex]);
    expect(f).toMatchObject({ severity: 'error', cell: 'B7', expected: '社会保障和就业支出', actual: '社会保障与就业支出', fix: { value: '社会保障和就业支出' } });
    expect(f.message).toBe('科目 208 名称应为“社会保障和就业支出”（2023—2025年公开文件所载名称），实为“社会保障与就业支出”');
  });
  it('ignores indentation, numbering and bracket width', () => {
    const b = sampleBasicDetail();
    b.entries.find((e) => e.code === '30213')!.name = '　　维修(护)费';
    expect(run(nameMismatch, [b])).toEqual([]);
  });
  it('never goes beyond a warning, without a fix, on a catalogue name from memory', () => {
    const ex = expenditure();
    // 20801's name in the shipped catalogue is from memory only.
    ex.items.find((r) => r.code === '20801')!.name = '人力资源和社会保障管理服务';
    const fs = run(nameMismatch, [ex]);
    const f = fs.find((x) => x.cell === 'B8')!;
    expect(f.severity).toBe('warning');
    expect(f.fix).toBeUndefined();
  });
});

describe('catalogue.missing-parent', () => {
  it('is silent when every parent is listed', () => {
    expect(run(missingParent, [expenditure()])).toEqual([]);
  });
  it('warns when a 项 has no 款 row', () => {
    const ex = expenditure();
    ex.items = ex.items.filter((r) => r.code !== '20805');
    const [f] = run(missingParent, [ex]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'A13', expected: '20805' });
    expect(f.message).toContain('20805 行政事业单位养老支出');
  });
});

describe('catalogue.wrong-parent', () => {
  it('is silent in hierarchy order', () => {
    expect(run(wrongParent, [expenditure()])).toEqual([]);
  });
  it('warns when a 项 is listed under another 款', () => {
    const t = flat([['208', '社会保障和就业支出', 10], ['20801', '人力资源和社会保障管理事务', 5], ['20805', '行政事业单位养老支出', 5], ['2080106', '就业管理事务', 5], ['2080505', '机关事业单位基本养老保险缴费支出', 5]]);
    const [f] = run(wrongParent, [t]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'A10', expected: '20801', actual: '20805', related: ['A9'] });
  });
});

describe('catalogue names of the summaries\' 类 lines', () => {
  it('a misspelt summary 类 line is still matched to its 类 and its name reported', () => {
    const ts = sampleTables();
    const s = ts.find((t) => t.kind === 'summary') as SummaryTable;
    s.classes[0].label = '一、社会保障与就业支出';
    s.classes[0].code = null;
    const mism = run(nameMismatch, ts).filter((f) => f.sheet === 'summary');
    expect(mism).toEqual([expect.objectContaining({ severity: 'error', cell: 'D7', expected: '社会保障和就业支出', actual: '社会保障与就业支出' })]);
    // The catalogue settles which name is right: no second (inconsistent-name) finding on D7.
    expect(run(inconsistentName, ts).map((f) => [f.sheet, f.cell])).toEqual([]);
    expect(run(summaryExpenditure, ts)).toEqual([]);
  });
});

describe('catalogue.inconsistent-name', () => {
  it('is silent when names agree across tables', () => {
    expect(run(inconsistentName, [income(), expenditure()])).toEqual([]);
  });
  it('warns on the odd name out when the catalogue cannot settle it', () => {
    const inc: CodedTable = income();
    const ex: CodedTable = expenditure();
    const gb: CodedTable = generalBudget();
    // A code the catalogue does not know: only the workbook's own majority (two tables to one) can tell.
    for (const t of [inc, ex, gb]) t.items.find((r) => r.code === '2080106')!.code = '2089801';
    inc.items.find((r) => r.code === '2089801')!.name = '就业管理服务';
    const [f] = run(inconsistentName, [inc, ex, gb]);
    expect(f).toMatchObject({ severity: 'warning', sheet: 'income', cell: 'B9', expected: '就业管理事务', actual: '就业管理服务', related: ['expenditure!B9'] });
  });
  it('leaves a name the catalogue proves wrong to catalogue.name-mismatch', () => {
    const inc: CodedTable = income();
    inc.items.find((r) => r.code === '2080106')!.name = '就业管理服务';
    expect(run(inconsistentName, [inc, expenditure()])).toEqual([]);
    expect(run(nameMismatch, [inc, expenditure()]).map((f) => [f.sheet, f.cell])).toEqual([['income', 'B9']]);
  });
});
