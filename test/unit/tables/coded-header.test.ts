// Headers of coded tables as real templates print them: a generic 决算数 bottom line, sub-headers
// standing on the 合计 row (read as header, never as figures), and rows that only look like that.
import { a1 } from '../../../src/core/address';
import { sheetFromValues } from '../../../src/core/snapshot';
import type { CellValue } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import { meaningfulParts } from '../../../src/core/tables/kinds/coded-header';
import type { CodedTable } from '../../../src/core/tables/types';

const read = (rows: CellValue[][], merges: { r1: number; c1: number; r2: number; c2: number }[] = []) => detectTables({ name: 't.xlsx', sheets: [sheetFromValues('表', rows, { merges })] });
const keys = (t: CodedTable) => t.columns.map((c) => c.key).join(' ');

describe('meaningfulParts', () => {
  it.each([
    [['本年收入合计', '决算数'], ['本年收入合计']],
    [['决算数'], ['决算数']],
    [['本年支出', '合计', '金额'], ['本年支出', '合计']],
    [['一般公共预算财政拨款支出决算数', '合计'], ['一般公共预算财政拨款支出决算数', '合计']],
  ])('%j → %j', (parts, want) => expect(meaningfulParts(parts)).toEqual(want));
});

describe('sub-headers on the 合计 row', () => {
  const gov = (row5: CellValue[], merged = false) =>
    read(
      [
      ['政府性基金预算财政拨款收入支出决算表'],
      [null, null, null, null, null, null, null, '单位：万元'],
      ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
      ['功能分类科目编码', '科目名称'],
      row5,
      ['221', '住房保障支出', null, 105, 105, null, 105, null],
      ['2219899', '其他住房保障支出', null, 105, 105, null, 105, null],
      ],
      merged ? [{ r1: 2, c1: 4, r2: 2, c2: 6 }] : [],
    );

  it.each([
    ['under a merged 本年支出', true, '本年支出/基本支出'],
    ['under an unmerged 本年支出', false, '基本支出'],
  ])('合计|基本支出|项目支出 beside the 合计 label, %s, extend the header and are no figures', (_n, merged, header) => {
    const d = gov(['合计', null, null, 105, '合计', '基本支出', '项目支出', null], merged);
    const t = d.tables[0] as CodedTable;
    expect(keys(t)).toBe('code name opening income total basic project closing');
    expect(t.columns.find((c) => c.key === 'basic')?.header).toBe(header);
    expect(Object.keys(t.total!.values).sort()).toEqual(['closing', 'income', 'opening']);
    expect(t.total!.values.income.value).toBe(105);
    expect(t.items.map((r) => [r.code, r.values.project.value])).toEqual([['221', 105], ['2219899', 105]]);
  });

  it('a lone word in a numeric cell of the 合计 row is not a sub-header: it stays an unreadable figure', () => {
    const d = gov(['合计', null, null, 105, '无', null, null, null]);
    const t = d.tables[0] as CodedTable;
    expect(t.total!.values.total).toMatchObject({ value: null, form: 'invalid', text: '无' });
  });

  it('类|款|项 on the 合计 row of a three-row header, codes all in the first column', () => {
    const d = read([
      ['收入决算表'],
      [null, null, null, null, null, null, null, null, null, null, '单位：万元'],
      ['项目', null, null, null, '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目编码', null, null, '科目名称'],
      [null, null, null, null, '决算数', '决算数', '决算数', '决算数', '决算数', '决算数', '决算数'],
      ['类', '款', '项', '合计', 10, 10, 0, 0, 0, 0, 0],
      ['208', null, null, '社会保障和就业支出', 10, 10, 0, 0, 0, 0, 0],
      ['20805', null, null, '行政事业单位养老支出', 10, 10, 0, 0, 0, 0, 0],
      ['2080505', null, null, '机关事业单位基本养老保险缴费支出', 10, 10, 0, 0, 0, 0, 0],
    ]);
    const t = d.tables[0] as CodedTable;
    expect(keys(t)).toBe('codeClass codeSection codeItem name total fiscal superior business operating affiliated other');
    expect(t.columns.find((c) => c.key === 'total')?.header).toBe('本年收入合计');
    expect(t.total?.values.total.value).toBe(10);
    expect(t.items.map((r) => [r.code, r.level, a1(r.codeRefs[0].row, r.codeRefs[0].col)])).toEqual([
      ['208', 'class', 'A7'],
      ['20805', 'section', 'A8'],
      ['2080505', 'item', 'A9'],
    ]);
  });
});
