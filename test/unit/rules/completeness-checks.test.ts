// Completeness and input checks of issue 13's "Also" list, each with passing and failing cases on
// typed models and on generated .xlsx workbooks: an all-zero 三公 table without its note, negative
// amounts, captions of another year, unknown 补充信息 keys, a workbook with no 决算 table at all.
import { rule as captionYear } from '../../../src/core/rules/completeness/caption-year';
import { rule as tablesPresent } from '../../../src/core/rules/completeness/tables-present';
import { rule as threePublicNote } from '../../../src/core/rules/completeness/three-public-note';
import { rule as negativeAmount } from '../../../src/core/rules/input/negative-amount';
import { rule as supplementKey } from '../../../src/core/rules/input/supplement-key';
import { rule as unreadRows } from '../../../src/core/rules/input/unread-rows';
import { runChecks } from '../../../src/core/rules/engine';
import { detectTables } from '../../../src/core/tables/detect';
import type { CodedTable, ThreePublicTable } from '../../../src/core/tables/types';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { buildWorkbook, type GenerateOptions } from '../../fixtures/generator';
import { toXlsx, type BookGrid } from '../../fixtures/generator/grid';
import { run, setFig, threePublic } from './build';
import { pick, sampleTables } from './sample-model';

/** Generate, edit the sheets, read back through the file host, detect and check. */
async function checkEdited(opts: GenerateOptions, edit: (book: BookGrid, anchor: (path: string) => { sheet: string; row: number; col: number }) => void) {
  const { book, ctx } = buildWorkbook(opts);
  edit(book, (path) => {
    const a = ctx.anchors.get(path);
    if (!a) throw new Error(`no anchor ${path}`);
    return a;
  });
  const wb = await readXlsx(await toXlsx(book), 'edited.xlsx');
  return runChecks(wb, detectTables(wb));
}
const mine = <F extends { rule: string }>(fs: F[], id: string): F[] => fs.filter((f) => f.rule === id);

describe('completeness.three-public-note', () => {
  it('is silent on a 三公 table with figures, and on an all-zero one that carries its note', () => {
    expect(run(threePublicNote, sampleTables())).toEqual([]);
    const t = threePublic([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);
    t.note = '注：本单位2023年度无财政拨款“三公”经费支出，故本表无数据。';
    t.noteRef = { sheet: 'three', row: 7, col: 0 };
    expect(run(threePublicNote, [t])).toEqual([]);
  });
  it('errs on an all-zero (or blank) 三公 table whose note does not say why', () => {
    const t = threePublic([0, null, 0, null, 0, 0], [0, 0, null, 0, 0, null]);
    t.note = '注：本表反映部门本年度“三公”经费支出预决算情况。';
    t.noteRef = { sheet: 'three', row: 7, col: 0 };
    const [f] = run(threePublicNote, [t]);
    expect(f).toMatchObject({ severity: 'error', sheet: 'three', cell: 'A8', actual: t.note });
    expect(f.message).toContain('无财政拨款“三公”经费支出，故本表无数据');
  });
  it('warns when the note says there are none but the table holds figures', () => {
    const t = pick<ThreePublicTable>(sampleTables(), 'three-public');
    t.note = '说明：本单位本年度无“三公”经费支出。';
    const [f] = run(threePublicNote, [t]);
    expect(f).toMatchObject({ severity: 'warning', cell: 'A7' });
  });
  it('on a generated workbook: zeroing every 三公 figure without a note is one error, on the table', async () => {
    const fs = await checkEdited({ unit: 'jiuye', layout: 'shanghai' }, (book, at) => {
      const s = book.find(at('three-public.title').sheet);
      for (const side of ['budget', 'actual'])
        for (const k of ['total', 'abroad', 'vehicleSubtotal', 'vehiclePurchase', 'vehicleOperation', 'reception']) {
          const a = at(`three-public.${side}.${k}`);
          s.set(a.row, a.col, 0, '0.00');
        }
    });
    expect(mine(fs, 'completeness.three-public-note').map((f) => [f.severity, f.sheet])).toEqual([['error', '三公经费']]);
  });
});

describe('input.negative-amount', () => {
  it('is silent on the clean model', () => {
    expect(run(negativeAmount, sampleTables())).toEqual([]);
  });
  it('a negative amount is a warning; a negative 三公 figure an error; (12.30) counts as negative', () => {
    const ts = sampleTables();
    setFig(pick<CodedTable>(ts, 'expenditure').items[2].values.project, -3.5);
    setFig(pick<ThreePublicTable>(ts, 'three-public').actual.reception, '(1.16)');
    const fs = run(negativeAmount, ts);
    expect(fs.map((f) => [f.sheet, f.severity, f.actual])).toEqual([
      ['expenditure', 'warning', -3.5],
      ['three', 'error', -1.16],
    ]);
    expect(fs[1].message).toContain('“三公”经费的预算数和决算数不能为负');
  });
  it('many negatives in one table: ten one by one, the rest in one finding', () => {
    const ts = sampleTables();
    const ex = pick<CodedTable>(ts, 'expenditure');
    for (const r of ex.items) for (const k of ['total', 'basic']) if (r.values[k].value) setFig(r.values[k], -(r.values[k].value as number));
    const fs = run(negativeAmount, [ex]);
    expect(fs).toHaveLength(11);
    expect(fs[10].message).toMatch(/另有 \d+ 个负数金额/);
  });
});

describe('completeness.caption-year', () => {
  it('is silent when every dated table says the same year, or only one is dated', () => {
    const ts = sampleTables();
    ts.forEach((t) => (t.year = 2023));
    expect(run(captionYear, ts)).toEqual([]);
    ts.forEach((t, i) => (t.year = i === 0 ? 2022 : undefined));
    expect(run(captionYear, ts)).toEqual([]);
  });
  it('errs on the table of another year, naming both years', () => {
    const ts = sampleTables();
    ts.forEach((t) => (t.year = 2023));
    const inc = pick<CodedTable>(ts, 'income');
    inc.year = 2022;
    const [f] = run(captionYear, ts);
    expect(f).toMatchObject({ severity: 'error', sheet: 'income', cell: 'A1', expected: '2023年度', actual: '2022年度' });
  });
  it('on a generated workbook (a year in every title): one title of last year is one error', async () => {
    const clean = await checkEdited({ unit: 'bigunit', layout: 'central' }, () => undefined);
    expect(mine(clean, 'completeness.caption-year')).toEqual([]);
    const fs = await checkEdited({ unit: 'bigunit', layout: 'central' }, (book, at) => {
      const a = at('income.title');
      const s = book.find(a.sheet);
      s.set(a.row, a.col, String(s.value(a.row, a.col)).replace('2023', '2022'));
    });
    expect(mine(fs, 'completeness.caption-year').map((f) => [f.severity, f.cell, f.actual])).toEqual([['error', 'A1', '2022年度']]);
  });
});

describe('input.supplement-key', () => {
  it('is silent on known keys, aliases, reason lines and full-width colons', () => {
    expect(run(supplementKey, [], { 上年收支总计: 1031.37, 公务接待团组: 3, '原因：2080106': '人员增加', ' 会议费 ': 0.5 })).toEqual([]);
  });
  it('is silent on the lines the narrative reads by prefix: 年初预算:<项> (Shanghai budgets) as well as 原因:<项>', () => {
    expect(run(supplementKey, [], { '年初预算:2080501': 120.5, '年初预算：就业管理事务': 30, '原因:2080501': '人员增加' })).toEqual([]);
  });
  it('reports an unknown key once, as info, on its cell, with the nearest known key', () => {
    const fs = run(supplementKey, [], { 上年收支总计: 1031.37, 上年三公费: 2, 办公楼面积: 1200 });
    expect(fs.map((f) => [f.severity, f.sheet, f.cell, f.expected])).toEqual([
      ['info', '补充信息', 'A3', '上年三公经费'],
      ['info', '补充信息', 'A4', null],
    ]);
    expect(fs[0].message).toBe('补充信息表中的“上年三公费”不是可识别的项目，该行未被使用；是否应为“上年三公经费”？');
  });
});

describe('blank required cells', () => {
  it('are blank (zero), never an input.invalid-number error: spaces, full-width spaces, zero-width characters', async () => {
    const blanks = ['', ' ', '\u3000', '\u00a0', '\u200b', '\ufeff \u200b', '\n'];
    const fs = await checkEdited({ unit: 'bigunit', layout: 'hunan' }, (book, at) => {
      // Zero figures of the expenditure table (blank or 0.00 must read the same).
      const zeros = ['toSuperior', 'operating', 'toAffiliated'].map((k) => at(`expenditure.total.${k}`));
      blanks.forEach((b, i) => {
        const a = zeros[i % zeros.length];
        book.find(a.sheet).set(a.row + 1 + Math.floor(i / zeros.length), a.col, b);
      });
      const z = at('expenditure.total.toSuperior');
      book.find(z.sheet).set(z.row, z.col, '\u200b0.00\u200b');
    });
    expect(mine(fs, 'input.invalid-number')).toEqual([]);
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('a workbook with no 决算 table at all', () => {
  const wb = { name: 'x.xlsx', sheets: [{ name: 'Sheet1', cells: [[{ v: '职工花名册' }], [{ v: '姓名' }, { v: '部门' }, { v: '职务' }], [{ v: '张三' }, { v: '办公室' }, { v: '主任' }]], merges: [] }] };
  it('is one error saying what was looked for; no other finding', () => {
    const fs = runChecks(wb, detectTables(wb));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['completeness.tables-present', 'error']]);
    expect(fs[0].message).toMatch(/^未识别到决算表：在 1 个工作表中按表标题和表头查找部门决算公开九张表（收入支出决算总表、收入决算表、.*财政拨款“三公”经费支出决算表）及绩效自评表，均未找到/);
  });
  it('names the look-alikes (a title of a kind over a header that does not fit); input.unread-rows points at the title', () => {
    const look = { name: 'y.xlsx', sheets: [{ name: '收入', cells: [[{ v: '收入决算表' }], [{ v: '单位：万元' }], [{ v: '序号' }, { v: '内容' }, { v: '备注' }], [{ v: 1 }, { v: '收入' }, { v: 'x' }]], merges: [] }] };
    const fs = runChecks(look, detectTables(look));
    expect(fs.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['completeness.tables-present', 'error', null],
      ['input.unread-rows', 'warning', 'A1'],
    ]);
    expect(fs[0].message).toContain('收入!收入决算表（表头不符）');
    expect(run(unreadRows, [])).toEqual([]);
    expect(run(tablesPresent, sampleTables())).toEqual([]);
  });
});
