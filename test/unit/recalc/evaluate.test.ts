// The test evaluator must follow Excel where recalc's formulas depend on it; these pin that down.
import { sheetFromValues } from '../../../src/core/snapshot';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { evaluate } from './evaluate';

const wb: WorkbookSnapshot = {
  name: 't',
  sheets: [
    sheetFromValues('1表', [
      [10, 4, null, '5', '-', { error: '#REF!' }],
      [0, '', 'abc', ' 1,234.50 ', '(12.30)'],
    ]),
    sheetFromValues('Data', [[2.5, 3]]),
    sheetFromValues("O'Brien", [[7]]),
  ],
};

describe('test formula evaluator', () => {
  it('reads quoted and bare sheet names, and quoted quotes', () => {
    expect(evaluate(wb, "'1表'!A1+Data!B1")).toBe(13);
    expect(evaluate(wb, "='O''Brien'!A1*2")).toBe(14);
    expect(() => evaluate(wb, '1表!A1')).toThrow(/must be quoted/);
  });

  it('arithmetic precedence and unary minus', () => {
    expect(evaluate(wb, "'1表'!A1-'1表'!B1*2/4")).toBe(8);
    expect(evaluate(wb, "-('1表'!A1-'1表'!B1)")).toBe(-6);
  });

  it('blank cells are 0 and equal to both 0 and ""', () => {
    expect(evaluate(wb, "'1表'!C1+1")).toBe(1);
    expect(evaluate(wb, "IF('1表'!C1=0,\"z\",\"n\")")).toBe('z');
    expect(evaluate(wb, "IF('1表'!C1=\"\",\"e\",\"n\")")).toBe('e');
    // A number is never equal to text.
    expect(evaluate(wb, "IF('1表'!D1=5,1,0)")).toBe(0);
  });

  it('coerces numeric text in arithmetic but not other text', () => {
    expect(evaluate(wb, "'1表'!D1*2")).toBe(10);
    expect(evaluate(wb, "'1表'!D2+0")).toBe(1234.5);
    expect(evaluate(wb, "'1表'!E2+0")).toBeCloseTo(-12.3, 10);
    expect(evaluate(wb, "'1表'!E1+0")).toEqual({ error: '#VALUE!' });
    expect(evaluate(wb, "N('1表'!E1)+1")).toBe(1);
    expect(evaluate(wb, "VALUE('1表'!D2)")).toBe(1234.5);
  });

  it('SUM over a range skips text, literals are coerced, errors propagate', () => {
    expect(evaluate(wb, "SUM('1表'!A1:E1)")).toBe(14);
    expect(evaluate(wb, "SUM('1表'!A1:B1,\"2\")")).toBe(16);
    expect(evaluate(wb, "SUM('1表'!A1:F1)")).toEqual({ error: '#REF!' });
    expect(evaluate(wb, "MIN('1表'!A1:B1,1)")).toBe(1);
  });

  it('division by zero, IF guards and IFERROR', () => {
    expect(evaluate(wb, "'1表'!A1/'1表'!A2")).toEqual({ error: '#DIV/0!' });
    expect(evaluate(wb, "IF('1表'!A2=0,\"\",'1表'!A1/'1表'!A2)")).toBe('');
    expect(evaluate(wb, "IFERROR('1表'!A1/'1表'!A2,-1)")).toBe(-1);
    expect(evaluate(wb, "IF('1表'!F1=0,1,2)")).toEqual({ error: '#REF!' });
  });

  it('ROUND rounds half away from zero on decimal digits', () => {
    expect(evaluate(wb, 'ROUND(1.005,2)')).toBe(1.01);
    expect(evaluate(wb, 'ROUND(-2.5,0)')).toBe(-3);
    expect(evaluate(wb, 'ROUND(0.95785,4)')).toBe(0.9579);
  });

  it('rejects functions outside the subset instead of guessing', () => {
    expect(() => evaluate(wb, 'VLOOKUP(1,A1:B2,2)')).toThrow(/outside the evaluated subset/);
  });
});
