// The reading rules behind the families of real variation (layouts/variants), each on a small
// sheet: frame texts (page marks, 续表 titles, captions), codes and names in one cell, repeated
// headers and notes inside a table, merged and blank columns, continuations on other sheets
// (and sheets that are not one), look-alike tables by 经济分类, the 三公 table as rows.
import { a1 } from '../../../src/core/address';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetFromValues } from '../../../src/core/snapshot';
import { codeDigits, splitCodeName } from '../../../src/core/tables/common';
import { detectTables } from '../../../src/core/tables/detect';
import { isCaptionText, isContinuationTitle, isPageMark } from '../../../src/core/tables/marks';
import type { CodedTable, SummaryTable, ThreePublicTable } from '../../../src/core/tables/types';
import { block, codedBlock, EXP_LINES, M, stack, summaryBlock } from './build';

const wb = (...sheets: ReturnType<typeof stack>[]): WorkbookSnapshot => ({ name: 't.xlsx', sheets });
const coded = (d: ReturnType<typeof detectTables>) => d.tables[0] as CodedTable;
const codes = (t: CodedTable) => t.items.map((i) => i.code);

describe('frame texts', () => {
  it.each(['第 2 页', '第2页 共12页', '第 2 页，共 12 页', '共12页第2页', '- 3 -', '—5—', '－７－', '2/12'])('%s is a page mark', (t) => expect(isPageMark(t)).toBe(true));
  it.each(['2', '2080106', '第二章', '-3', '12.30', '页'])('%s is no page mark', (t) => expect(isPageMark(t)).toBe(false));
  it.each(['支出决算表（续表）', '续表', '（续表）', '续表：支出决算表', '支出决算表(续)', '2023年度支出决算表（续表）　单位：万元', '续表1'])('%s continues a table', (t) => expect(isContinuationTitle(t)).toBe(true));
  it.each(['支出决算表', '继续教育支出', '（续）表格说明文字很长'])('%s continues nothing', (t) => expect(isContinuationTitle(t)).toBe(false));
  it.each(['单位：万元', '金额单位：元', '（万元）', '编制单位：某中心', '部门：某局', '公开03表', '2023年度', '（2023年度）'])('%s is a caption', (t) => expect(isCaptionText(t)).toBe(true));
  it.each(['2023年', '项目（万元）', '本年支出合计', '上年决算数'])('%s is no caption (a header may say it)', (t) => expect(isCaptionText(t)).toBe(false));
});

describe('codes and names in cells', () => {
  it.each<[CellValue, string]>([
    [2080106, '2080106'],
    ['208 01 06', '2080106'],
    ['[2080106]', '2080106'],
    ['【208】', '208'],
    ['２０８０１０６', '2080106'],
    ['2080106.0', '2080106'],
    [' 20801　', '20801'],
    ['20801O9', ''],
    [2080106.5, ''],
  ])('code %j reads %j', (v, want) => expect(codeDigits(v)).toBe(want));
  it.each<[string, [string, string] | null]>([
    ['2080106 就业管理事务', ['2080106', '就业管理事务']],
    ['[2080106]就业管理事务', ['2080106', '就业管理事务']],
    ['【208】 社会保障和就业支出', ['208', '社会保障和就业支出']],
    ['2080106-就业管理事务', ['2080106', '就业管理事务']],
    ['20801　其中：人力资源和社会保障管理事务', ['20801', '人力资源和社会保障管理事务']],
    ['20801O9', null],
    ['2080106', null],
    ['12.30万元', null],
  ])('%s splits into %j', (s, want) => {
    const got = splitCodeName(s);
    expect(got ? [got.code, got.name] : null).toEqual(want);
  });
});

describe('codes relative to the row above, names with their code', () => {
  const relative = (rows: [CellValue, string, number][]) =>
    coded(detectTables(wb(stack('S', [block([['支出决算表'], [null, null, null, null, '单位：万元'], ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'], ['合计', null, rows[0][2], rows[0][2], 0], ...rows.map(([c, n, v]) => [c, n, v, v, 0])])]))));
  it('reads 208 / 01 / 06 by the catalogue name of each row', () => {
    const t = relative([
      ['208', '社会保障和就业支出', 830.68],
      ['01', '人力资源和社会保障管理事务', 830.68],
      ['06', '就业管理事务', 830.68],
    ]);
    expect(codes(t)).toEqual(['208', '20801', '2080106']);
    expect(t.warnings).toEqual([]);
  });
  it('reads a 99 that names both a 款 and a 项 by its indentation', () => {
    const t = relative([
      ['205', '教育支出', 96.4],
      ['99', '　其他教育支出', 96.4],
      ['99', '　　其他教育支出', 96.4],
    ]);
    expect(codes(t)).toEqual(['205', '20599', '2059999']);
  });
  it('leaves a 2-digit code it cannot place unread, and says so', () => {
    const t = relative([
      ['205', '教育支出', 96.4],
      ['99', '其他教育支出', 96.4],
      ['99', '其他教育支出', 96.4],
    ]);
    expect(codes(t)).toEqual(['205', '20599']);
    expect(t.warnings.join()).toMatch(/无法识别科目编码/);
  });
  it('reads a name printed with its own code as the name', () => {
    const t = relative([['208', '208 社会保障和就业支出', 830.68]]);
    expect(t.items.map((i) => [i.code, i.name])).toEqual([['208', '社会保障和就业支出']]);
  });
});

describe('rows inside a table that carry no data', () => {
  it('a page break: page mark, 续表 title, caption, header and 栏次 repeated mid-table', () => {
    const b = codedBlock({ lineRow: true });
    const at = 10;
    const repeat: CellValue[][] = [[null, null, null, '- 2 -'], [], ['支出决算表（续表）'], b.rows[1], b.rows[2], b.rows[3], b.rows[4]];
    const rows = [...b.rows.slice(0, at), ...repeat, ...b.rows.slice(at)];
    const merges = [...b.merges.filter((m) => m.r1 < at), ...b.merges.filter((m) => m.r1 >= 2 && m.r1 <= 3).map((m) => ({ ...m, r1: m.r1 + at + 1, r2: m.r2 + at + 1 })), ...b.merges.filter((m) => m.r1 >= at).map((m) => ({ ...m, r1: m.r1 + repeat.length, r2: m.r2 + repeat.length }))];
    const d = detectTables(wb(stack('S', [block(rows, merges)])));
    expect(d.tables).toHaveLength(1);
    const t = coded(d);
    expect(codes(t)).toEqual(EXP_LINES.map((l) => l.code));
    expect(t.warnings).toEqual([]);
    // Every repeated row with content is skipped as such (the blank row and the empty half of the merged header are no rows).
    expect(t.rows.filter((r) => r.key === 'repeat')).toHaveLength(repeat.filter((r) => r.some((v) => v !== null && v !== undefined)).length);
    expect(t.range.r2).toBe(rows.length - 1);
  });

  it('a note above the 合计 of an empty table is the note, and the 合计 is still read', () => {
    const rows: CellValue[][] = [['政府性基金预算财政拨款收入支出决算表'], [null, null, null, null, null, '单位：万元'], ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'], ['注：本单位无政府性基金预算财政拨款收入支出，故本表为空表。'], ['合计', null, 0, 0, 0, 0]];
    const d = detectTables(wb(stack('S', [block(rows, [M(3, 0, 3, 5)])])));
    const t = coded(d);
    expect(t.kind).toBe('gov-fund');
    expect(t.note).toMatch(/故本表为空表/);
    expect(t.total?.values.income.value).toBe(0);
    expect(a1(t.total!.values.income.ref.row, t.total!.values.income.ref.col)).toBe('D5');
  });

  it('a note after the last row still ends the table', () => {
    const b = codedBlock({ note: '注：本表反映部门本年度各项支出情况。' });
    const t = coded(detectTables(wb(stack('S', [b]))));
    expect(t.note).toMatch(/^注：本表反映/);
    expect(t.range.r2).toBe(b.rows.length - 2);
  });
});

describe('merged and blank columns', () => {
  it('a name merged over two columns names the column holding the text; a blank column under a band is no column', () => {
    const rows: CellValue[][] = [
      ['一般公共预算财政拨款支出决算表'],
      [null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', null, '本年支出', null, null, null],
      [null, null, null, '合计', null, '基本支出', '项目支出'],
      ['合计', null, null, 877.77, null, 738.08, 139.69],
      ['208', '社会保障和就业支出', null, 830.68, null, 710.99, 119.69],
    ];
    const merges = [M(2, 0, 3, 0), M(2, 1, 3, 2), M(2, 3, 2, 6), M(4, 0, 4, 2), M(5, 1, 5, 2)];
    const t = coded(detectTables(wb(stack('S', [block(rows, merges)]))));
    expect(t.columns.map((c) => `${c.col}:${c.key}`)).toEqual(['0:code', '1:name', '3:total', '5:basic', '6:project']);
    expect(t.items[0].values.basic.value).toBe(710.99);
  });

  it('a header merged over two columns whose data stand in the right one names the right one', () => {
    const rows: CellValue[][] = [['收入支出决算总表'], [null, null, null, null, '单位：万元'], ['收入', null, null, '支出'], ['项目', '金额', null, '项目', '金额'], ['一、一般公共预算财政拨款收入', null, 840.77, '一、社会保障和就业支出', 840.77], ['本年收入合计', null, 840.77, '本年支出合计', 840.77]];
    const d = detectTables(wb(stack('S', [block(rows, [M(2, 0, 2, 2), M(2, 3, 2, 4), M(3, 1, 3, 2)])])));
    const s = d.tables[0] as SummaryTable;
    expect(s.kind).toBe('summary');
    expect(a1(s.incomeTotal!.figure.ref.row, s.incomeTotal!.figure.ref.col)).toBe('C6');
    expect(s.incomeTotal?.figure.value).toBe(840.77);
  });
});

describe('continuations on other sheets', () => {
  const split = (second: 'title' | 'header' | 'rows') => {
    const b = codedBlock();
    const cut = 12;
    const first = block(b.rows.slice(0, cut), b.merges.filter((m) => m.r2 < cut));
    const head = second === 'title' ? [['续表']] : second === 'header' ? [b.rows[2], b.rows[3]] : [];
    const merges = second === 'header' ? b.merges.filter((m) => m.r1 >= 2 && m.r2 <= 3).map((m) => ({ ...m, r1: m.r1 - 2, r2: m.r2 - 2 })) : [];
    return [stack('支出', [first]), sheetFromValues('支出（续）', [...head, ...b.rows.slice(cut)], { merges })];
  };
  it.each(['title', 'header', 'rows'] as const)('the rest of a table on the next sheet (%s first) is folded into it', (mode) => {
    const d = detectTables(wb(...split(mode)));
    expect(d.tables).toHaveLength(1);
    const t = coded(d);
    expect(codes(t)).toEqual(EXP_LINES.map((l) => l.code));
    expect(t.continued?.map((c) => c.sheet)).toEqual(['支出（续）']);
    const last = t.items[t.items.length - 1];
    expect(last.values.total.ref.sheet).toBe('支出（续）');
  });
  it('a table over three sheets, the last two holding rows alone, is one table', () => {
    const b = codedBlock();
    const d = detectTables(
      wb(stack('支出', [block(b.rows.slice(0, 10), b.merges.filter((m) => m.r2 < 10))]), sheetFromValues('第2页', b.rows.slice(10, 16)), sheetFromValues('第3页', b.rows.slice(16))),
    );
    expect(codes(coded(d))).toEqual(EXP_LINES.map((l) => l.code));
    expect(coded(d).continued?.map((c) => c.sheet)).toEqual(['第2页', '第3页']);
  });
  it('a sheet of rows after a complete table is not part of it', () => {
    const scratch = sheetFromValues('草稿', [['208', '社会保障和就业支出', 830.68], ['210', '卫生健康支出', 27.09]]);
    const d = detectTables(wb(stack('支出', [codedBlock()]), scratch));
    expect(codes(coded(d))).toEqual(EXP_LINES.map((l) => l.code));
    expect(coded(d).continued).toBeUndefined();
  });
  it('a sheet of rows that neither completes the table before it nor carries on its codes is not part of it', () => {
    const b = codedBlock();
    const d = detectTables(wb(stack('支出', [block(b.rows.slice(0, 12), b.merges.filter((m) => m.r2 < 12))]), sheetFromValues('草稿', [['2010101', '行政运行', 5, 0, 5], ['2130804', '创业担保贷款贴息及奖补', 5, 0, 5]])));
    expect(coded(d).continued).toBeUndefined();
  });
});

describe('look-alikes and other shapes', () => {
  it('a table titled like the general-budget table but coded by 经济分类 is unknown', () => {
    const rows: CellValue[][] = [['一般公共预算财政拨款支出决算明细表'], [null, null, null, null, '单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['合计', null, 100, 100, 0], ['301', '工资福利支出', 80, 80, 0], ['30101', '基本工资', 80, 80, 0], ['302', '商品和服务支出', 20, 20, 0]];
    const d = detectTables(wb(stack('S', [block(rows)])));
    expect(d.tables).toEqual([]);
    expect(d.unknown.map((u) => u.title)).toEqual(['一般公共预算财政拨款支出决算明细表']);
  });

  it('reads the 三公 table with its items as rows, a comparison column left unread', () => {
    const rows: CellValue[][] = [
      ['财政拨款“三公”经费支出决算表'],
      [null, null, null, '单位：万元'],
      ['项目', '预算数', '决算数', '决算数比预算数增减%'],
      ['合计', 1.4, 1.16, -17.14],
      ['1.因公出国（境）费', 0, 0, 0],
      ['2.公务用车购置及运行费', 0, 0, 0],
      ['　其中：（1）公务用车购置费', 0, 0, 0],
      ['　　　　（2）公务用车运行费', 0, 0, 0],
      ['3.公务接待费', 1.4, 1.16, -17.14],
    ];
    const t = detectTables(wb(stack('S', [block(rows)]))).tables[0] as ThreePublicTable;
    expect(t.layout).toBe('rows');
    expect(t.actual.total?.value).toBe(1.16);
    expect(a1(t.actual.reception!.ref.row, t.actual.reception!.ref.col)).toBe('C9');
    expect(t.budget?.vehicleOperation?.value).toBe(0);
    expect(a1(t.budget!.vehiclePurchase!.ref.row, 1)).toBe('B7');
    expect(t.columns.find((c) => c.col === 3)?.key).toBe('unknown');
  });

  it('reads class lines printed with their codes, the label being the name', () => {
    const b = summaryBlock();
    const rows = b.rows.map((r) => r.map((v) => (v === '一、社会保障和就业支出' ? '208 社会保障和就业支出' : v === '二、卫生健康支出' ? '卫生健康支出（210）' : v === '三、农林水支出' ? '[213]农林水支出' : v)));
    const s = detectTables(wb(stack('S', [block(rows, b.merges)]))).tables[0] as SummaryTable;
    expect(s.classes.map((c) => [c.code, c.label])).toEqual([
      ['208', '社会保障和就业支出'],
      ['210', '卫生健康支出'],
      ['213', '农林水支出'],
    ]);
  });
});
