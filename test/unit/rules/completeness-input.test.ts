// Completeness and input rules.
import { rule as tablesPresent } from '../../../src/core/rules/completeness/tables-present';
import { rule as emptyNote } from '../../../src/core/rules/completeness/empty-note';
import { rule as unitCaption } from '../../../src/core/rules/completeness/unit-caption';
import { rule as invalidNumber } from '../../../src/core/rules/input/invalid-number';
import { rule as textNumber } from '../../../src/core/rules/input/text-number';
import { rule as codedTotal } from '../../../src/core/rules/sum/coded-total';
import type { CodedTable } from '../../../src/core/tables/types';
import { run, setFig, threePublic } from './build';
import { expenditure, govFund, pick, sampleTables } from './sample-model';

describe('completeness.tables-present', () => {
  it('is silent with the nine tables', () => {
    expect(run(tablesPresent, sampleTables())).toEqual([]);
  });
  it('names a missing table', () => {
    const fs = run(tablesPresent, sampleTables().filter((t) => t.kind !== 'three-public'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', sheet: null, cell: null });
    expect(fs[0].message).toContain('财政拨款“三公”经费支出决算表');
  });
  it('a scorecards-only workbook gets one info, not nine warnings', () => {
    const fs = run(tablesPresent, sampleTables().filter((t) => t.kind.startsWith('perf-')));
    expect(fs.map((f) => f.severity)).toEqual(['info']);
  });
  it('says so when nothing was recognised (an error: the CLI exits 1)', () => {
    expect(run(tablesPresent, [])[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('未识别到决算表：') });
  });
});

describe('completeness.empty-note', () => {
  it('accepts an empty table with its note', () => {
    expect(run(emptyNote, [govFund()])).toEqual([]);
  });
  it('warns on an empty table without a note', () => {
    const g = govFund();
    delete g.note;
    delete g.noteRef;
    const [f] = run(emptyNote, [g]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'A1' });
    expect(f.message).toContain('未注明原因');
  });
  it('warns when a table said to be empty holds figures', () => {
    const g = govFund();
    setFig(g.total!.values.income, 5);
    expect(run(emptyNote, [g])[0].message).toContain('注明为空表，但表中有数');
  });
});

describe('completeness.unit-caption', () => {
  it('is silent when every table says 万元', () => {
    expect(run(unitCaption, sampleTables())).toEqual([]);
  });
  it('warns on a missing caption and on a table in another unit', () => {
    const ts = sampleTables().filter((t) => t.kind !== 'three-public');
    pick<CodedTable>(ts, 'income').unit = null;
    const fs = run(unitCaption, [...ts, threePublic([14000, 0, 0, 0, 0, 14000], [11600, 0, 0, 0, 0, 11600], 'three', '元')]);
    expect(fs.map((f) => [f.sheet, f.severity])).toEqual([
      ['income', 'warning'],
      ['three', 'warning'],
    ]);
    expect(fs[1].message).toContain('金额单位为“元”，其余公开表为“万元”');
  });
});

describe('input.invalid-number', () => {
  it('is silent on numbers, dashes, blanks and text numbers', () => {
    const ex = expenditure();
    setFig(ex.items[3].values.toSuperior, '-');
    setFig(ex.items[4].values.toSuperior, ' 0.00 ');
    expect(run(invalidNumber, [ex])).toEqual([]);
  });
  it('reports text that is no number and error values, naming the text', () => {
    const ex = expenditure();
    setFig(ex.items[3].values.toSuperior, '无');
    setFig(ex.items[4].values.toSuperior, { error: '#REF!' });
    const fs = run(invalidNumber, [ex]);
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([
      ['F10', 'error'],
      ['F11', 'error'],
    ]);
    expect(fs[0].message).toBe('单元格内容“无”不是有效数字，应填金额或数值');
    expect(fs[1].message).toContain('#REF!');
    // The sum rules skip equations with an unreadable cell instead of cascading.
    expect(run(codedTotal, [ex])).toEqual([]);
  });
});

describe('input.text-number', () => {
  it('is silent on real numbers', () => {
    expect(run(textNumber, [expenditure()])).toEqual([]);
  });
  it('reports numbers stored as text once per table', () => {
    const ex = expenditure();
    setFig(ex.items[0].values.total, '830.68');
    setFig(ex.items[1].values.total, '594.24');
    const fs = run(textNumber, [ex]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'info', cell: 'C7', related: ['C8'] });
    expect(fs[0].message).toContain('2 个以文本形式存储的数字');
  });
});
