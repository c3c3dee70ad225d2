// Layouts beyond the sample, built in the test: Shanghai pairs 三公 and two-block basic-detail,
// central split codes in 元, stacked and side-by-side tables, decoys that must not be detected.
import { a1 } from '../../../src/core/address';
import type { CellRef } from '../../../src/core/address';
import { sheetFromValues } from '../../../src/core/snapshot';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import type { BasicDetailTable, CodedTable, FiscalSummaryTable, PerfBasicDataTable, ScorecardTable, SummaryTable, Table, ThreePublicTable } from '../../../src/core/tables/types';
import {
  basicDetailBlock,
  block,
  codedBlock,
  fiscalSummaryBlock,
  generalBudgetBlock,
  govFundBlock,
  incomeBlock,
  M,
  perfBasicDataBlock,
  scorecardBlock,
  sideBySide,
  stack,
  stateCapitalBlock,
  summaryBlock,
  threePublicBlock,
} from './build';

const wb = (...sheets: ReturnType<typeof stack>[]): WorkbookSnapshot => ({ name: 't.xlsx', sheets });
const at = (ref: CellRef | null | undefined) => (ref ? a1(ref.row, ref.col) : null);
const kinds = (ts: Table[]) => ts.map((t) => t.kind);

describe('Shanghai-style layouts', () => {
  it('reads 三公 as interleaved 预算数/决算数 pairs', () => {
    const d = detectTables(wb(stack('三公经费', [threePublicBlock('pairs', { title: '2023年度一般公共预算财政拨款“三公”经费支出决算表', unitCaption: '金额单位：万元' })])));
    expect(kinds(d.tables)).toEqual(['three-public']);
    const t = d.tables[0] as ThreePublicTable;
    expect(t.layout).toBe('pairs');
    expect(t.year).toBe(2023);
    expect(t.budget?.total?.value).toBe(1.4);
    expect(at(t.budget?.total?.ref)).toBe('A6');
    expect(t.actual.total?.value).toBe(1.16);
    expect(at(t.actual.total?.ref)).toBe('B6');
    expect(at(t.actual.vehicleOperation?.ref)).toBe('J6');
    expect(at(t.budget?.vehicleSubtotal?.ref)).toBe('E6');
    expect(at(t.actual.reception?.ref)).toBe('L6');
    expect(t.actual.reception?.value).toBe(1.16);
    expect(t.columns.find((c) => c.col === 9)?.header).toBe('公务用车购置及运行费/公务用车运行（维护）费/决算数');
  });

  it('reads a two-block basic-detail table without bands, groups by code', () => {
    const d = detectTables(wb(stack('基本支出', [basicDetailBlock({ bands: false })])));
    const b = d.tables[0] as BasicDetailTable;
    expect(b.kind).toBe('basic-detail');
    expect(b.entries.map((e) => [e.code, e.group])).toEqual([
      ['301', 'personnel'],
      ['30101', 'personnel'],
      ['30102', 'personnel'],
      ['303', 'personnel'],
      ['30305', 'personnel'],
      ['302', 'public'],
      ['30201', 'public'],
      ['30217', 'public'],
      ['30231', 'public'],
    ]);
    expect(b.personnelTotal?.figure.value).toBe(641.21);
    expect(b.publicTotal?.figure.value).toBe(59.87);
    expect(at(b.publicTotal?.figure.ref)).toBe('F9');
  });

  it('reads a summary without 行次 and with 合计 last in coded tables', () => {
    const d = detectTables(wb(stack('收支总表', [summaryBlock()]), stack('支出表', [codedBlock({ totalFirst: false, title: '2023年度支出决算表' })])));
    expect(kinds(d.tables)).toEqual(['summary', 'expenditure']);
    const s = d.tables[0] as SummaryTable;
    expect(s.unit).toBe('万元');
    expect(s.incomeTotal?.figure.value).toBe(877.77);
    expect(s.incomeTotal?.lineNo).toBeUndefined();
    expect(s.useNonFiscalBalance?.label).toBe('使用非财政拨款结余（含专用结余）');
    expect(s.classes.map((c) => c.code)).toEqual(['208', '210', '213']);
    const e = d.tables[1] as CodedTable;
    expect(e.total?.row).toBe(22);
    expect(e.total?.values.total.value).toBe(877.77);
    expect(e.items).toHaveLength(18);
    expect(e.range.r2).toBe(22);
    expect(e.year).toBe(2023);
  });
});

describe('central-style layouts (元, split codes)', () => {
  it('joins 类|款|项 columns into codes', () => {
    const d = detectTables(wb(stack('Sheet3', [codedBlock({ split: true, scale: 10000, unitCaption: '单位：元', indent: true, blankZeros: true, title: '2023年度支出决算表' })])));
    const e = d.tables[0] as CodedTable;
    expect(e.kind).toBe('expenditure');
    expect(e.unit).toBe('元');
    expect(e.items.map((i) => i.code)).toEqual(['208', '20801', '2080106', '2080109', '2080199', '20805', '2080505', '2080599', '20807', '2080799', '20899', '2089999', '210', '21011', '2101101', '213', '21308', '2130804']);
    const jy = e.items[2];
    expect(jy.name).toBe('就业管理事务'); // indentation removed
    expect(jy.codeRefs.map(at)).toEqual(['A8', 'B8', 'C8']);
    expect(jy.values.total.value).toBe(4498900);
    expect(jy.values.toSuperior.form).toBe('blank');
    expect(jy.values.toSuperior.value).toBe(0);
    expect(e.columns.slice(0, 3).map((c) => [c.header, c.key])).toEqual([
      ['科目编码/类', 'codeClass'],
      ['科目编码/款', 'codeSection'],
      ['科目编码/项', 'codeItem'],
    ]);
    expect(e.warnings).toEqual([]);
  });

  it('carries the last 类/款 down when the 类 column is only filled on 类 rows', () => {
    const d = detectTables(wb(stack('Sheet1', [codedBlock({ split: true, classOnlyOnClassRows: true, numeric: true })])));
    const e = d.tables[0] as CodedTable;
    expect(e.items.map((i) => i.code)).toEqual(['208', '20801', '2080106', '2080109', '2080199', '20805', '2080505', '2080599', '20807', '2080799', '20899', '2089999', '210', '21011', '2101101', '213', '21308', '2130804']);
    expect(e.items[1].level).toBe('section');
  });

  it('reads numeric codes, text numbers with thousands separators and a 栏次 row', () => {
    const d = detectTables(wb(stack('Sheet5', [generalBudgetBlock({ numeric: true, scale: 10000, text: true, lineRow: true, unitCaption: '单位：元' })])));
    const g = d.tables[0] as CodedTable;
    expect(g.kind).toBe('general-budget');
    expect(g.rows.some((r) => r.key === 'lineNumbers')).toBe(true);
    const jy = g.items.find((i) => i.code === '2080106')!;
    expect(jy.values.total.value).toBe(4498900);
    expect(jy.values.total.form).toBe('text-number');
    expect(jy.values.total.text).toBe('4,498,900.00');
    expect(g.total?.values.budget.value).toBe(8973200);
  });

  it('reads fiscal-summary, gov-fund and state-capital in 元', () => {
    const d = detectTables(
      wb(stack('Sheet4', [fiscalSummaryBlock({ scale: 10000, title: '2023年度财政拨款收入支出决算总表', unitCaption: '单位：元' })]), stack('Sheet7', [govFundBlock({ split: true, title: '2023年度政府性基金预算财政拨款收入支出决算表' })]), stack('Sheet8', [stateCapitalBlock({ split: true })])),
    );
    expect(kinds(d.tables)).toEqual(['fiscal-summary', 'gov-fund', 'state-capital']);
    const f = d.tables[0] as FiscalSummaryTable;
    expect(f.unit).toBe('元');
    expect(f.incomeTotal?.figure.value).toBe(8407700);
    expect(f.openingByFund.general?.label).toBe('一般公共预算财政拨款');
    expect(f.classes).toHaveLength(3);
    const g = d.tables[1] as CodedTable;
    expect(g.empty).toBe(true);
    expect(g.note).toMatch(/空表/);
    expect(g.range.r2).toBe(4);
  });
});

describe('titles', () => {
  const titled = (title: string) => detectTables(wb(stack('S', [codedBlock({ title })])));
  it.each([
    ['支出决算表', 'expenditure'],
    ['2023年度支出决算表', 'expenditure'],
    ['表3 支出决算表', 'expenditure'],
    ['三、支出决算表', 'expenditure'],
    ['公开03表 支出决算表', 'expenditure'],
    ['某某中心2023年度支出决算表', 'expenditure'],
    ['支 出 决 算 表', 'expenditure'],
  ])('%s is read as %s', (title, kind) => {
    expect(kinds(titled(title).tables)).toEqual([kind]);
  });

  it('matches the most specific kind, never a substring', () => {
    // A summary-titled sheet whose content is an expenditure table is not an expenditure table.
    const d = detectTables(wb(stack('S', [codedBlock({ title: '收入支出决算总表' })])));
    expect(d.tables).toEqual([]);
    expect(d.unknown.map((u) => u.title)).toEqual(['收入支出决算总表']);
    const gb = detectTables(wb(stack('S', [generalBudgetBlock()])));
    expect(kinds(gb.tables)).toEqual(['general-budget']);
    const fs = detectTables(wb(stack('S', [fiscalSummaryBlock({ title: '财政拨款收入支出决算表' })])));
    expect(kinds(fs.tables)).toEqual(['fiscal-summary']);
    const sm = detectTables(wb(stack('S', [summaryBlock({ title: '收入支出决算表' })])));
    expect(kinds(sm.tables)).toEqual(['summary']);
  });

  it.each(['财政拨款"三公"经费支出决算表', '财政拨款『三公』经费支出决算表', '财政拨款三公经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表'])('三公 title %s', (title) => {
    expect(kinds(detectTables(wb(stack('S', [threePublicBlock('blocks', { title })]))).tables)).toEqual(['three-public']);
  });
});

describe('stacked and side-by-side tables', () => {
  it('reads all nine tables stacked on one sheet, each with its own range', () => {
    const blocks = [summaryBlock({ lineNumbers: true }), incomeBlock(), codedBlock({ note: '注：本表反映部门本年度各项支出情况。' }), fiscalSummaryBlock(), generalBudgetBlock(), basicDetailBlock({ blocks: 3 }), govFundBlock(), stateCapitalBlock(), threePublicBlock('blocks')];
    const sheet = stack('公开表', blocks);
    const d = detectTables(wb(sheet));
    expect(kinds(d.tables)).toEqual(['summary', 'income', 'expenditure', 'fiscal-summary', 'general-budget', 'basic-detail', 'gov-fund', 'state-capital', 'three-public']);
    expect(d.unknown).toEqual([]);
    // Ranges: each starts at its title and ends at its last data row, in order, without overlap.
    let start = 0;
    d.tables.forEach((t, i) => {
      expect(t.range.r1).toBe(start);
      const b = blocks[i];
      const noteRows = t.note ? 1 : 0;
      expect(t.range.r2).toBe(start + b.rows.length - 1 - noteRows);
      start += b.rows.length + 2;
    });
    expect(d.tables[2].note).toMatch(/^注：本表反映/);
    expect((d.tables[0] as SummaryTable).incomeTotal?.lineNo).toBe(9);
    expect((d.tables[5] as BasicDetailTable).entries).toHaveLength(9);
    expect(new Set(d.tables.map((t) => t.id)).size).toBe(9);
  });

  it('reads any number of stacked project scorecards, with merged 分值/得分 groups', () => {
    const names = ['项目甲', '项目乙', '项目丙', '项目丁'];
    const sheet = stack(
      '项目自评',
      names.map((name, i) => scorecardBlock({ name, executed: 19.76 - i, mergedScores: i % 2 === 0, capStyle: i === 3 ? 'short' : 'full', fiscalLabel: i === 1 ? '本年财政拨款' : undefined })),
      1,
    );
    const d = detectTables(wb(sheet));
    const cards = d.tables as ScorecardTable[];
    expect(cards.map((c) => [c.kind, c.name])).toEqual(names.map((n) => ['perf-project-scorecard', n]));
    const h = scorecardBlock({ name: 'x' }).rows.length;
    cards.forEach((c, i) => {
      expect(c.range.r1).toBe(i * (h + 1));
      expect(c.range.r2).toBe(c.totalRow!.row);
      expect(c.range.r2).toBe(i * (h + 1) + h - 2); // 填表人 row excluded
      expect(c.funds.total?.executed?.value).toBeCloseTo(19.76 - i, 6);
      expect(c.indicators).toHaveLength(5);
      expect(c.funds.fiscal).not.toBeNull();
    });
    const merged = cards[0];
    const top = merged.indicators[0].weight!.ref;
    expect(merged.indicators.slice(0, 3).map((x) => x.weightGroup)).toEqual([a1(top.row, top.col), a1(top.row, top.col), a1(top.row, top.col)]);
    expect(merged.indicators.slice(0, 3).map((x) => x.weight?.value)).toEqual([50, 50, 50]);
    expect(merged.indicators[1].score?.ref).toEqual(merged.indicators[0].score?.ref);
    expect(merged.indicators[3].weightGroup).toBeUndefined();
    expect(cards[1].indicators[0].weightGroup).toBeUndefined();
    expect(cards[1].indicators[1].weight?.value).toBe(15);
    expect(cards[1].funds.fiscal?.label).toBe('本年财政拨款');
    expect(cards[3].indicators[0].level1Cap).toBe(50);
    expect(cards[3].indicators[4].level1).toBe('满意度指标(10)');
    expect(cards[3].indicators[4].level1Cap).toBe(10);
    expect(cards[0].indicators[4].deviation).toBe('宣传不足');
    expect(at(cards[0].indicators[4].deviationRef)).toBe(`I${cards[0].indicators[4].row + 1}`);
  });

  it('reads two tables side by side', () => {
    const sheet = sideBySide('S', stateCapitalBlock({ note: undefined }), threePublicBlock('blocks'));
    const d = detectTables(wb(sheet));
    expect(kinds(d.tables)).toEqual(['state-capital', 'three-public']);
    const tp = d.tables[1] as ThreePublicTable;
    expect(tp.range.c1).toBe(6);
    expect(at(tp.actual.reception?.ref)).toBe('R6');
    expect(d.tables[0].range.c2).toBeLessThan(6);
  });

  it('reads the department scorecard and perf-basic-data with 上年/本年 headers', () => {
    const d = detectTables(wb(stack('绩效', [perfBasicDataBlock({ years: false }), scorecardBlock({ kind: 'dept', name: '某市就业服务中心' })])));
    expect(kinds(d.tables)).toEqual(['perf-basic-data', 'perf-dept-scorecard']);
    const p = d.tables[0] as PerfBasicDataTable;
    expect(p.projectTotal?.label).toBe('合计');
    expect(p.projects.map((x) => x.label)).toEqual(['流动人员档案管理经费', '高校毕业生招聘工作经费']);
    expect(p.threePublic?.prior?.value).toBe(1.42);
    expect(p.publicFundsParts[0].budget?.form).toBe('blank');
    const s = d.tables[1] as ScorecardTable;
    expect(s.name).toBe('某市就业服务中心');
    expect(s.department).toBe('');
    expect(s.departmentRef).toBeNull();
  });
});

describe('decoys', () => {
  it('does not detect a cover sheet listing the table names', () => {
    const names = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表', '一般公共预算财政拨款基本支出决算表', '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表', '财政拨款“三公”经费支出决算表'];
    const cover = sheetFromValues('封面', [['某市就业服务中心2023年度部门决算公开表'], ['序号', '表名', '表号'], ...names.map((n, i) => [i + 1, n, `公开0${i + 1}表`])], { merges: [M(0, 0, 0, 2)] });
    const d = detectTables(wb(cover));
    expect(d.tables).toEqual([]);
    expect(d.unknown).toEqual([]);
  });

  it('does not detect a scratch sheet with 项目/金额/合计', () => {
    const scratch = sheetFromValues('Sheet2', [['核对用'], [], [null, '项目', '金额'], [null, '工资福利支出', 487.72], [null, '商品和服务支出', 59.87], [null, '合计', 547.59]]);
    const d = detectTables(wb(scratch));
    expect(d.tables).toEqual([]);
    expect(d.unknown).toEqual([]);
  });

  it('reports Sichuan-style extra tables as unknown, never as a kind', () => {
    const extra = stack('四川', [
      block([['部门收支总表'], [null, null, null, null, null, '单位：万元'], ['收入项目', '预算数', '调整预算数', '支出项目', '预算数', '调整预算数'], ['一、财政拨款', 800, 820, '一、基本支出', 700, 710], ['收入合计', 830, 855, '支出合计', 830, 855]], [M(0, 0, 0, 5)]),
      block([['政府采购情况表'], ['编制单位：某单位', null, null, '单位：万元'], ['项目', '采购预算', '实际采购金额', '其中：授予中小企业合同金额'], ['货物', 120.5, 118.2, 80.1], ['合计', 120.5, 118.2, 80.1]]),
      summaryBlock(),
    ]);
    const d = detectTables(wb(extra));
    expect(kinds(d.tables)).toEqual(['summary']);
    expect(d.unknown.map((u) => u.title)).toEqual(['部门收支总表', '政府采购情况表']);
    expect(d.unknown[0].range).toEqual({ r1: 0, c1: 0, r2: 4, c2: 5 });
    // The summary after them keeps its own range.
    expect(d.tables[0].range.r1).toBe(14);
  });

  it('a title followed by no fitting header is not that table', () => {
    const d = detectTables(wb(sheetFromValues('S', [['收入决算表'], ['本表为封面说明文字，没有任何表头。'], ['注：……']])));
    expect(d.tables).toEqual([]);
    expect(d.unknown).toEqual([]);
  });
});
