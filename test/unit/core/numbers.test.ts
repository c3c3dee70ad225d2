import { readNumber, roundHalfUp, fmt, parseNumberText, parsePercentText, sum } from '../../../src/core/numbers';
import { a1, parseA1, parseRangeA1, rangeA1, columnName, columnIndex, quoteSheet, formulaRef } from '../../../src/core/address';
import { normLabel } from '../../../src/core/text';

describe('readNumber: every cell form of SPEC §2', () => {
  it.each([
    [877.77, 877.77, 'number'],
    [null, 0, 'blank'],
    ['', 0, 'blank'],
    ['   ', 0, 'blank'],
    ['-', 0, 'dash'],
    ['—', 0, 'dash'],
    ['－', 0, 'dash'],
    ['1,234.56', 1234.56, 'text-number'],
    [' 37.00 ', 37, 'text-number'],
    ['１２３', 123, 'text-number'],
    ['１，２３４．５', 1234.5, 'text-number'],
    ['(12.30)', -12.3, 'text-number'],
    ['（12.30）', -12.3, 'text-number'],
    ['-12.3', -12.3, 'text-number'],
    ['\u3000840.77', 840.77, 'text-number'],
  ] as const)('%p → %p (%s)', (input, value, form) => {
    const r = readNumber(input as never);
    expect(r.value).toBe(value);
    expect(r.form).toBe(form);
  });
  it('errors and non-numbers give null with their form, never throw', () => {
    expect(readNumber({ error: '#REF!' })).toMatchObject({ value: null, form: 'error' });
    expect(readNumber('#DIV/0!')).toMatchObject({ value: null, form: 'error' });
    expect(readNumber('abc')).toMatchObject({ value: null, form: 'invalid', text: 'abc' });
    expect(readNumber('1,23')).toMatchObject({ value: null, form: 'invalid' });
    expect(readNumber(true)).toMatchObject({ value: null, form: 'invalid' });
    expect(readNumber(Number.NaN)).toMatchObject({ value: null, form: 'invalid' });
    expect(parseNumberText('1.2.3')).toBeNull();
  });
  it('rounds half-up on decimal digits', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(-0.125, 2)).toBe(-0.13);
    expect(roundHalfUp(95.7845, 2)).toBe(95.78);
    expect(fmt(37)).toBe('37.00');
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt((840.77 / 877.77) * 100)).toBe('95.78');
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(parsePercentText('95.78%')).toBe(95.78);
    expect(parsePercentText('９５．７８％')).toBe(95.78);
  });
});

describe('A1 addressing', () => {
  it('round-trips addresses', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(17, 5)).toBe('F18');
    expect(columnName(26)).toBe('AA');
    expect(columnIndex('AA')).toBe(26);
    expect(parseA1('$F$18')).toEqual({ row: 17, col: 5 });
    expect(parseRangeA1('A1:F18')).toEqual({ r1: 0, c1: 0, r2: 17, c2: 5 });
    expect(rangeA1({ r1: 6, c1: 5, r2: 8, c2: 5 })).toBe('F7:F9');
    expect(parseA1('Z')).toBeNull();
  });
  it('quotes sheet names the way Excel formulas need', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('1收入支出决算总表')).toBe("'1收入支出决算总表'");
    expect(quoteSheet("O'Brien sheet")).toBe("'O''Brien sheet'");
    expect(formulaRef({ sheet: '收支总表', row: 14, col: 2 })).toBe('收支总表!C15');
  });
});

describe('normLabel', () => {
  it('removes numbering, spaces and bracket/quote width differences', () => {
    expect(normLabel('一、一般公共预算财政拨款收入')).toBe('一般公共预算财政拨款收入');
    expect(normLabel('　　其中：办公费')).toBe('办公费');
    expect(normLabel('因公出国（境）费')).toBe('因公出国(境)费');
    expect(normLabel('财政拨款“三公”经费支出决算表')).toBe('财政拨款三公经费支出决算表');
    expect(normLabel('（一）总体情况')).toBe('总体情况');
  });
});
