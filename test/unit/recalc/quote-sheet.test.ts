// Sheet names in formulas: Excel needs quotes for names that start with a digit, contain
// non-word characters, or read as something else (a cell, an R1C1 address, a logical).
import { formulaRef, quoteSheet } from '../../../src/core/address';
import { evaluate } from './derived';
import { sheetFromValues } from '../../../src/core/snapshot';

describe('quoteSheet', () => {
  it.each([
    ['Sheet1', 'Sheet1'],
    ['补充信息', '补充信息'],
    ['项目自评3', '项目自评3'],
    ['Data_2023', 'Data_2023'],
    ['1收入支出决算总表', "'1收入支出决算总表'"],
    ['9财政拨款三公经费支出决算表', "'9财政拨款三公经费支出决算表'"],
    ['财政拨款“三公”经费', "'财政拨款“三公”经费'"],
    ['收支 总表', "'收支 总表'"],
    ['表-1', "'表-1'"],
    ["O'Brien", "'O''Brien'"],
    // Read as cells: A1 … XFD1048576.
    ['A1', "'A1'"],
    ['FY2023', "'FY2023'"],
    ['xfd1048576', "'xfd1048576'"],
    ['Q1', "'Q1'"],
    // Beyond the grid it is just a name.
    ['XFE1', 'XFE1'],
    ['ABCD1', 'ABCD1'],
    // R1C1 addresses and logicals.
    ['R', "'R'"],
    ['C', "'C'"],
    ['R2C3', "'R2C3'"],
    ['RC', "'RC'"],
    ['TRUE', "'TRUE'"],
  ])('%s → %s', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  it('references built with formulaRef evaluate against those sheets', () => {
    const names = ['1收入支出决算总表', "O'Brien", 'FY2023', '补充信息'];
    const wb = { name: 't', sheets: names.map((n, i) => sheetFromValues(n, [[i + 1]])) };
    const f = names.map((n) => formulaRef({ sheet: n, row: 0, col: 0 })).join('+');
    expect(evaluate(wb, f)).toBe(10);
  });
});
