// The offline grid shows numbers as Excel would for the formats of 决算 templates.
import { cellText, formatNumber } from '../../../src/offline/cell-format';

test.each([
  [840.77, '0.00', '840.77'],
  [12, '0.00', '12.00'],
  [1234.5, '#,##0.00', '1,234.50'],
  [1234.5, '0.00', '1234.50'],
  [0.9578, '0.00%', '95.78%'],
  [0.5, '0%', '50%'],
  [-12.3, '#,##0.00;(#,##0.00)', '(12.30)'],
  [-12.3, '#,##0.00;-#,##0.00', '-12.30'],
  [-12.3, '0.00', '-12.30'],
  [0, '#,##0.00;-#,##0.00;"-"', '-'],
  [0, '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', '-'],
  [1234.567, '#,##0', '1,235'],
  [2.005, '0.00', '2.01'],
  [0.1 + 0.2, undefined, '0.3'],
  [37, undefined, '37'],
  [1234567.891, 'General', '1234567.891'],
])('%p with %p shows %p', (v, z, out) => {
  expect(formatNumber(v, z)).toBe(out);
});

test('cells of every kind', () => {
  expect(cellText(undefined)).toBe('');
  expect(cellText({ v: null })).toBe('');
  expect(cellText({ v: { error: '#REF!' } })).toBe('#REF!');
  expect(cellText({ v: '本年收入合计' })).toBe('本年收入合计');
  expect(cellText({ v: true })).toBe('TRUE');
  expect(cellText({ v: 877.77, z: '0.00' })).toBe('877.77');
});
