import type { SuggestedFix } from '../../../src/core/findings';
import { sheetFromValues } from '../../../src/core/snapshot';
import { changedSinceCheck, emptyFixProblem, mergeAnchor, overwriteProblem, protectedFixMessage, UNPROTECT_MENU } from '../../../src/hosts/cell-io';

const fix = (over: Partial<SuggestedFix>): SuggestedFix => ({ ref: { sheet: 'S', row: 0, col: 0 }, description: 'd', ...over });

describe('fix checks', () => {
  it('refuses a fix with neither value nor formula', () => {
    expect(emptyFixProblem(fix({}))).toBe('该修正没有可写入的值或公式');
    expect(emptyFixProblem(fix({ value: 0 }))).toBeNull();
    expect(emptyFixProblem(fix({ formula: 'SUM(A1:A2)' }))).toBeNull();
  });

  it('sees a number changed since the check, beyond rounding, unless the cell holds a formula', () => {
    expect(changedSinceCheck(fix({ value: 3, previous: 1 }), { value: 2, formula: null }, '表1', 'C6')).toBe(
      '“表1”!C6 的当前值（2）与检查时（1）不同，单元格可能已被修改。请重新检查后再修正。',
    );
    expect(changedSinceCheck(fix({ value: 3, previous: 1 }), { value: 1.004, formula: null }, 'S', 'A1')).toBeNull();
    expect(changedSinceCheck(fix({ value: 3, previous: 1 }), { value: 2, formula: 'A2' }, 'S', 'A1')).toBeNull();
    expect(changedSinceCheck(fix({ value: 3, previous: 'x' }), { value: 2, formula: null }, 'S', 'A1')).toBeNull();
    expect(changedSinceCheck(fix({ value: 3, previous: 1 }), { value: 'x', formula: null }, 'S', 'A1')).toBeNull();
    expect(changedSinceCheck(fix({ value: 3 }), { value: 2, formula: null }, 'S', 'A1')).toBeNull();
  });

  it('words a protected sheet for a fix', () => {
    expect(protectedFixMessage('表1', 'C6')).toBe('工作表“表1”受保护，无法写入 C6。请先撤销工作表保护（审阅 → 撤销工作表保护），再应用修正。');
  });
});

describe('overwriteProblem', () => {
  it('asks for agreement first, without looking at protection', () => {
    const isProtected = jest.fn(() => true);
    expect(overwriteProblem('指标计算', false, isProtected)).toBe('工作表“指标计算”已存在。请确认是否覆盖其内容。');
    expect(isProtected).not.toHaveBeenCalled();
  });

  it('refuses a protected sheet, with the host’s hint', () => {
    expect(overwriteProblem('指标计算', true, () => true)).toBe('工作表“指标计算”受保护，无法覆盖。请先撤销工作表保护。');
    expect(overwriteProblem('指标计算', true, () => true, UNPROTECT_MENU)).toBe('工作表“指标计算”受保护，无法覆盖。请先撤销工作表保护（审阅 → 撤销工作表保护）。');
    expect(overwriteProblem('指标计算', true, () => false)).toBeNull();
  });
});

describe('mergeAnchor', () => {
  const sheet = sheetFromValues('S', [['a', null, null]], { merges: [{ r1: 1, c1: 1, r2: 2, c2: 3 }] });

  it('moves a cell in a merge to its top-left and leaves other cells where they are', () => {
    const anchor = mergeAnchor([sheet, sheetFromValues('T', [['b']])]);
    expect(anchor('S', 2, 3)).toEqual({ row: 1, col: 1 });
    expect(anchor('S', 1, 1)).toEqual({ row: 1, col: 1 });
    expect(anchor('S', 3, 3)).toEqual({ row: 3, col: 3 });
    expect(anchor('T', 2, 3)).toEqual({ row: 2, col: 3 });
  });

  it('knows no merges on a sheet it was not given (nor before any read)', () => {
    expect(mergeAnchor([sheet])('Other', 2, 3)).toEqual({ row: 2, col: 3 });
    expect(mergeAnchor([])('S', 2, 3)).toEqual({ row: 2, col: 3 });
  });
});
