import { evaluateFormula, UnsupportedFormula, type EvalContext } from '../../../src/hosts/file/formula-eval';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';
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

// What recalc's formulas depend on (the recalc tests evaluate every emitted formula with this
// evaluator): quoted sheet names, Excel's coercions, guards against division by zero.
describe('evaluateFormula on the formulas recalc emits', () => {
  const wb: WorkbookSnapshot = {
    name: 't',
    sheets: [
      sheetFromValues('1表', [
        [10, 4, null, '5', '-', { error: '#REF!' }],
        [0, '', 'abc', ' 1,234.50 ', '(12.30)'],
      ]),
      sheetFromValues('Data', [[2.5, 3]]),
      sheetFromValues("O'Brien", [[7]]),
      sheetFromValues('Flags', [[true, null]]),
    ],
  };
  const snap: EvalContext = {
    get: (sheet, r, c) => wb.sheets.find((s) => s.name === sheet)?.cells[r]?.[c]?.v ?? null,
    sheetName: (n) => wb.sheets.find((s) => s.name.toLowerCase() === n.toLowerCase())?.name ?? null,
    lastRow: (sheet) => (wb.sheets.find((s) => s.name === sheet)?.cells.length ?? 1) - 1,
  };
  const ev2 = (f: string): CellValue => evaluateFormula(f, 'Data', snap);

  it('reads quoted and bare sheet names, and quoted quotes', () => {
    expect(ev2("'1表'!A1+Data!B1")).toBe(13);
    expect(ev2("'O''Brien'!A1*2")).toBe(14);
    // Excel refuses a bare name that starts with a digit.
    expect(() => ev2('1表!A1')).toThrow(UnsupportedFormula);
  });

  it('arithmetic precedence and unary minus', () => {
    expect(ev2("'1表'!A1-'1表'!B1*2/4")).toBe(8);
    expect(ev2("-('1表'!A1-'1表'!B1)")).toBe(-6);
  });

  it('blank cells are 0, "" and FALSE to comparisons', () => {
    expect(ev2("'1表'!C1+1")).toBe(1);
    expect(ev2('IF(\'1表\'!C1=0,"z","n")')).toBe('z');
    expect(ev2('IF(\'1表\'!C1="","e","n")')).toBe('e');
    expect(ev2('Flags!B1=FALSE')).toBe(true);
    expect(ev2('Flags!A1=TRUE')).toBe(true);
    // A number is never equal to text.
    expect(ev2("IF('1表'!D1=5,1,0)")).toBe(0);
  });

  it('coerces numeric text in arithmetic but not other text', () => {
    expect(ev2("'1表'!D1*2")).toBe(10);
    expect(ev2("'1表'!D2+0")).toBe(1234.5);
    expect(ev2("'1表'!E2+0")).toBeCloseTo(-12.3, 10);
    expect(ev2('"12%"*1')).toBe(0.12);
    expect(ev2('"1,2"+0')).toEqual({ error: '#VALUE!' }); // not a thousands grouping
    expect(ev2('"5万元"+0')).toEqual({ error: '#VALUE!' });
    expect(ev2("'1表'!E1+0")).toEqual({ error: '#VALUE!' });
    expect(ev2("N('1表'!E1)+1")).toBe(1);
    expect(ev2("N('1表'!A1)")).toBe(10);
    expect(ev2("N('1表'!F1)")).toEqual({ error: '#REF!' });
    expect(ev2("VALUE('1表'!D2)")).toBe(1234.5);
    expect(ev2("VALUE('1表'!C1)")).toBe(0);
    expect(ev2("VALUE('1表'!E1)")).toEqual({ error: '#VALUE!' });
  });

  it('SUM over a range skips text, literals are coerced, errors propagate', () => {
    expect(ev2("SUM('1表'!A1:E1)")).toBe(14);
    expect(ev2("SUM('1表'!A1:B1,\"2\")")).toBe(16);
    expect(ev2("SUM('1表'!A1:F1)")).toEqual({ error: '#REF!' });
    expect(ev2("MIN('1表'!A1:B1,1)")).toBe(1);
  });

  it('division by zero, IF guards and IFERROR', () => {
    expect(ev2("'1表'!A1/'1表'!A2")).toEqual({ error: '#DIV/0!' });
    expect(ev2("IF('1表'!A2=0,\"\",'1表'!A1/'1表'!A2)")).toBe('');
    expect(ev2("IFERROR('1表'!A1/'1表'!A2,-1)")).toBe(-1);
    expect(ev2("IF('1表'!F1=0,1,2)")).toEqual({ error: '#REF!' });
    // An error deep inside an argument: the commas of the nested call stay its own.
    expect(ev2("IFERROR(ROUND('1表'!A1/'1表'!A2,2),-1)")).toBe(-1);
    expect(ev2("IF('1表'!A2=0,0,ROUND('1表'!A1/'1表'!A2,2))+1")).toBe(1);
    expect(ev2("IFERROR(ROUND('O''Brien'!A1/'1表'!A2,2),\"a,b)\")")).toBe('a,b)');
  });

  it('ROUND rounds half away from zero on decimal digits', () => {
    expect(ev2('ROUND(1.005,2)')).toBe(1.01);
    expect(ev2('ROUND(-2.5,0)')).toBe(-3);
    expect(ev2('ROUND(0.95785,4)')).toBe(0.9579);
  });
});
