import { evaluateFormula, UnsupportedFormula, type EvalContext } from '../../../src/hosts/file/formula-eval';
import type { CellValue } from '../../../src/core/snapshot';
import { parseA1 } from '../../../src/core/address';

// Two sheets: 表1 with amounts in A1:A4 (A3 text "1,000", A4 empty) and B1 an error; 'My Sheet' with C2.
const data: Record<string, Record<string, CellValue>> = {
  表1: { A1: 10, A2: 20.5, A3: '1,000', B1: { error: '#DIV/0!' }, C1: '收入', D1: true },
  'My Sheet': { C2: 4 },
};
const ctx: EvalContext = {
  get: (sheet, r, c) => {
    const hit = Object.entries(data[sheet] ?? {}).find(([a]) => {
      const p = parseA1(a)!;
      return p.row === r && p.col === c;
    });
    return hit ? hit[1] : null;
  },
  sheetName: (n) => Object.keys(data).find((k) => k.toLowerCase() === n.toLowerCase()) ?? null,
  lastRow: () => 9,
};
const ev = (f: string): CellValue => evaluateFormula(f, '表1', ctx);

describe('evaluateFormula', () => {
  it.each([
    ['A1+A2*2', 51],
    ['(A1+A2)*2', 61],
    ['-A1^2', 100], // Excel: unary minus binds tighter than ^ (=-10^2 is 100)
    ['SUM(A1:A4)', 30.5], // text in a range is ignored by SUM
    ['A1+A3', 1010], // text that reads as a number is coerced by +
    ['SUM(A:A)', 30.5],
    ["'My Sheet'!C2*表1!A1", 40],
    ['ROUND(2.345,2)', 2.35],
    ['ROUND(-2.345,2)', -2.35],
    ['ROUNDDOWN(2.349,2)', 2.34],
    ['A2/A1', 2.05],
    ['50%', 0.5],
    ['IF(A1>5,"大","小")', '大'],
    ['IF(A1>50,1)', false],
    ['IFERROR(A1/0,"-")', '-'],
    ['IFERROR(A1/2,"-")', 5],
    ['IF(A1>5,1,B1)', 1], // the untaken branch's error does not matter
    ['C1&"合计"', '收入合计'],
    ['AVERAGE(A1:A2)', 15.25],
    ['MAX(A1:A4,100)', 100],
    ['COUNT(A1:A4)', 2],
    ['COUNTA(A1:A4)', 3],
    ['AND(D1,A1>1)', true],
    ['SUMPRODUCT(A1:A2,A1:A2)', 10 * 10 + 20.5 * 20.5],
    ['A4', 0],
    ['A1=10', true],
    ['C1="收入"', true],
  ])('%s = %p', (f, want) => {
    expect(ev(f)).toEqual(want);
  });

  it('propagates Excel errors', () => {
    expect(ev('A1/0')).toEqual({ error: '#DIV/0!' });
    expect(ev('B1+1')).toEqual({ error: '#DIV/0!' });
    expect(ev('SUM(A1:B1)')).toEqual({ error: '#DIV/0!' });
    expect(ev('C1*2')).toEqual({ error: '#VALUE!' });
    expect(ev('没有!A1')).toEqual({ error: '#REF!' });
    expect(ev('IF(B1>1,1,2)')).toEqual({ error: '#DIV/0!' });
  });

  it('refuses what it does not know rather than guessing', () => {
    expect(() => ev('VLOOKUP(A1,A1:B2,2,0)')).toThrow(UnsupportedFormula);
    expect(() => ev('A1+')).toThrow(UnsupportedFormula);
    expect(() => ev('{1,2}')).toThrow(UnsupportedFormula);
  });
});
