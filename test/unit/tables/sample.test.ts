// The shared sample (Hunan layout) read through the real .xlsx host: every listed table found with
// the right kind, sheet and rows, figures with their cells, nothing spurious.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSample, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { a1 } from '../../../src/core/address';
import type { BasicDetailTable, CodedTable, Detection, FiscalSummaryTable, PerfBasicDataTable, ScorecardTable, SummaryTable, Table, ThreePublicTable } from '../../../src/core/tables/types';
import type { CellRef } from '../../../src/core/address';

interface Listed {
  kind: string;
  sheet: string;
  firstRow?: number;
  lastRow?: number;
  name?: string;
}

const listed: Listed[] = JSON.parse(readFileSync(join(SHARED_DIR, 'fixtures', 'sample-2023-jiuye.tables.json'), 'utf8'));
let det: Detection;

beforeAll(async () => {
  det = detectTables(await loadSample());
});

function one<T extends Table>(kind: string, sheet?: string): T {
  const found = det.tables.filter((t) => t.kind === kind && (!sheet || t.sheet === sheet));
  expect(found).toHaveLength(1);
  return found[0] as T;
}

const at = (ref: CellRef | null | undefined) => (ref ? a1(ref.row, ref.col) : null);

describe('sample workbook', () => {
  it('finds exactly the listed tables, with kind, sheet and rows', () => {
    expect(det.tables).toHaveLength(listed.length);
    for (const l of listed) {
      const t = det.tables.find((x) => x.kind === l.kind && x.sheet === l.sheet);
      expect(t).toBeDefined();
      if (l.firstRow !== undefined) expect(t!.range.r1 + 1).toBe(l.firstRow);
      // The list counts a note row (注：…) into the empty tables; the contract excludes notes from
      // the range and reports them in note/noteRef, so the listed last row is the note's row there.
      if (l.lastRow !== undefined) expect(t!.noteRef ? t!.noteRef.row + 1 : t!.range.r2 + 1).toBe(l.lastRow);
      if (l.name) expect((t as ScorecardTable).name).toBe(l.name);
      expect(t!.id).toBe(`${t!.sheet}!${a1(t!.range.r1, t!.range.c1)}:${a1(t!.range.r2, t!.range.c2)}`);
      expect(t!.warnings).toEqual([]);
    }
    expect(det.unknown).toEqual([]);
  });

  it('reports unit, year and captions', () => {
    const s = one<SummaryTable>('summary');
    expect(s.unit).toBe('万元');
    expect(at(s.unitRef)).toBe('F3');
    expect(s.year).toBe(2023);
    expect(s.range).toEqual({ r1: 0, c1: 0, r2: 17, c2: 5 });
    expect(s.title).toBe('收入支出决算总表');
    expect(at(s.titleRef)).toBe('A1');
  });

  it('reads the summary table', () => {
    const s = one<SummaryTable>('summary');
    expect(s.incomeTotal?.figure.value).toBe(877.77);
    expect(at(s.incomeTotal?.figure.ref)).toBe('C15');
    expect(s.incomeTotal?.lineNo).toBe(9);
    expect(s.income.fiscalGeneral?.figure.value).toBe(840.77);
    expect(s.income.other?.figure.value).toBe(37);
    expect(at(s.income.other?.figure.ref)).toBe('C14');
    expect(Object.keys(s.income)).toHaveLength(8);
    expect(s.classes.map((c) => [c.code, c.figure.value, at(c.figure.ref)])).toEqual([
      ['208', 830.68, 'F7'],
      ['210', 27.09, 'F8'],
      ['213', 20, 'F9'],
    ]);
    expect(s.expenditureTotal?.figure.value).toBe(877.77);
    expect(at(s.expenditureGrandTotal?.figure.ref)).toBe('F18');
    expect(s.incomeGrandTotal?.figure.value).toBe(877.77);
    expect(s.useNonFiscalBalance?.figure.value).toBe(0);
    expect(s.openingBalance?.figure.value).toBe(0);
    expect(s.balanceDistribution?.figure.value).toBe(0);
    expect(s.closingBalance?.figure.value).toBe(0);
    // 行次 and 栏次 are understood, not read as amounts.
    expect(s.columns.find((c) => c.col === 1)?.key).toBe('income.lineNo');
    expect(s.rows.find((r) => r.row === 5)?.key).toBe('lineNumbers');
  });

  it('reads the coded tables', () => {
    const inc = one<CodedTable>('income');
    expect(inc.valueKeys).toEqual(['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']);
    expect(inc.total?.values.total.value).toBe(877.77);
    expect(at(inc.total?.values.other.ref)).toBe('I6');
    expect(inc.items).toHaveLength(18);
    const it2 = inc.items.find((i) => i.code === '2080109')!;
    expect(it2.level).toBe('item');
    expect(it2.name).toBe('社会保险经办机构');
    expect(it2.values.other.value).toBe(37);
    expect(at(it2.codeRefs[0])).toBe('A10');

    const exp = one<CodedTable>('expenditure');
    expect(exp.total?.values.project.value).toBe(139.69);
    expect(exp.items.filter((i) => i.level === 'class').map((i) => i.code)).toEqual(['208', '210', '213']);
    expect(exp.items.find((i) => i.code === '20807')?.level).toBe('section');

    const gb = one<CodedTable>('general-budget');
    expect(gb.valueKeys).toEqual(['budget', 'total', 'basic', 'project']);
    expect(gb.columns.find((c) => c.key === 'total')?.header).toBe('本年支出/小计');
    const jy = gb.items.find((i) => i.code === '2080106')!;
    expect(jy.values.total.value).toBe(449.89);
    expect(at(jy.values.total.ref)).toBe('D10');
    expect(jy.values.budget.value).toBe(0);
    expect(gb.total?.values.budget.value).toBe(897.32);
    expect(gb.items.find((i) => i.code === '2080101')?.values.budget.value).toBe(58.34);
    expect(gb.note).toBeUndefined();
  });

  it('reads the empty gov-fund and state-capital tables with their notes', () => {
    const gf = one<CodedTable>('gov-fund');
    expect(gf.empty).toBe(true);
    expect(gf.items).toEqual([]);
    expect(gf.total?.values.closing.value).toBe(0);
    expect(gf.valueKeys).toEqual(['opening', 'income', 'total', 'basic', 'project', 'closing']);
    expect(gf.note).toMatch(/故本表为空表/);
    expect(at(gf.noteRef)).toBe('A7');
    expect(gf.range.r2).toBe(5); // the note is not part of the range
    const sc = one<CodedTable>('state-capital');
    expect(sc.empty).toBe(true);
    expect(sc.valueKeys).toEqual(['total', 'basic', 'project']);
    expect(sc.note).toMatch(/国有资本经营预算/);
  });

  it('reads the fiscal-summary table', () => {
    const f = one<FiscalSummaryTable>('fiscal-summary');
    expect(f.income.general?.figure.value).toBe(840.77);
    expect(f.incomeTotal?.figure.value).toBe(840.77);
    expect(f.opening?.figure.value).toBe(0);
    expect(Object.keys(f.openingByFund).sort()).toEqual(['general', 'govFund', 'stateCapital']);
    expect(at(f.openingByFund.govFund?.figure.ref)).toBe('C12');
    expect(f.classes.map((c) => [c.code, c.total?.value, c.general?.value])).toEqual([
      ['208', 793.68, 793.68],
      ['210', 27.09, 27.09],
      ['213', 20, 20],
    ]);
    expect(at(f.classes[0].general?.ref)).toBe('G6');
    expect(f.expenditureTotal?.general?.value).toBe(840.77);
    expect(f.closing?.total?.value).toBe(0);
    expect(f.expenditureGrandTotal?.total?.value).toBe(840.77);
    expect(at(f.expenditureGrandTotal?.stateCapital?.ref)).toBe('I14');
  });

  it('reads the three-block basic-detail table', () => {
    const b = one<BasicDetailTable>('basic-detail');
    expect(b.personnelTotal?.figure.value).toBe(641.21);
    expect(at(b.personnelTotal?.figure.ref)).toBe('C18');
    expect(b.publicTotal?.figure.value).toBe(59.87);
    expect(at(b.publicTotal?.figure.ref)).toBe('I18');
    expect(b.entries).toHaveLength(25);
    const jd = b.entries.find((e) => e.code === '30217')!;
    expect(jd.figure.value).toBe(1.16);
    expect(jd.group).toBe('public');
    expect(jd.level).toBe('section');
    expect(at(jd.figure.ref)).toBe('I7');
    expect(b.entries.find((e) => e.code === '303')?.group).toBe('personnel');
    expect(b.entries.find((e) => e.code === '302')?.group).toBe('public');
    expect(b.entries.filter((e) => e.level === 'class').map((e) => e.code)).toEqual(['301', '303', '302']);
  });

  it('reads the three-public table (blocks)', () => {
    const t = one<ThreePublicTable>('three-public');
    expect(t.layout).toBe('blocks');
    expect(t.actual.reception?.value).toBe(1.16);
    expect(at(t.actual.reception?.ref)).toBe('L7');
    expect(t.budget?.total?.value).toBe(1.4);
    expect(at(t.budget?.total?.ref)).toBe('A7');
    expect(at(t.budget?.vehicleOperation?.ref)).toBe('E7');
    expect(at(t.actual.vehicleSubtotal?.ref)).toBe('I7');
    expect(t.actual.total?.value).toBe(1.16);
    expect(t.range).toEqual({ r1: 0, c1: 0, r2: 6, c2: 11 });
  });

  it('reads perf-basic-data', () => {
    const p = one<PerfBasicDataTable>('perf-basic-data');
    expect(p.staff.authorized?.value).toBe(54);
    expect(p.staff.actual?.value).toBe(46);
    expect(p.staff.controlRate?.value).toBe(0.8519);
    expect(p.threePublic?.actual?.value).toBe(1.16);
    expect(p.threePublic?.prior?.value).toBe(1.42);
    expect(p.reception?.budget?.value).toBe(1.4);
    expect(p.vehicle?.actual?.value).toBe(0);
    expect(p.abroad?.label).toBe('2、出国经费');
    expect(p.projectTotal?.label).toBe('3、市级专项资金（一个专项一行）');
    expect(p.projectTotal?.actual?.value).toBe(139.69);
    expect(p.projects).toHaveLength(12);
    expect(p.projects.find((x) => x.label === '高校毕业生招聘工作经费')?.actual?.value).toBe(19.76);
    expect(at(p.projects[0].actual?.ref)).toBe('D12');
    expect(p.publicFunds?.actual?.value).toBe(59.87);
    expect(p.publicFundsParts.map((x) => x.actual?.value)).toEqual([19.28, 15.11, 0.27]);
    expect(p.year).toBe(2023);
    expect(p.columns.filter((c) => ['prior', 'budget', 'actual'].includes(c.key)).map((c) => c.header)).toEqual(['2022年决算数', '2023年预算数', '2023年决算数']);
  });

  it('reads the department scorecard', () => {
    const d = one<ScorecardTable>('perf-dept-scorecard');
    expect(d.name).toBe('怀化市就业服务中心');
    expect(at(d.nameRef)).toBe('B2');
    expect(d.department).toBe('');
    expect(d.funds.total?.executed?.value).toBe(877.77);
    expect(d.funds.total?.initialBudget?.value).toBe(897.32);
    expect(d.funds.fiscal?.fullBudget?.value).toBe(877.77);
    expect(d.indicators).toHaveLength(9);
    expect(d.indicators[0].level1Cap).toBe(50);
    expect(d.indicators[8].level1).toBe('满意度指标（10分）');
    expect(d.indicators[8].level1Cap).toBe(10);
    expect(d.totalRow?.weight?.value).toBe(100);
    expect(d.goals.actual).toBe('完成职业技能培训2.66万人');
  });

  it('reads the three project scorecards', () => {
    const cards = det.tables.filter((t) => t.kind === 'perf-project-scorecard') as ScorecardTable[];
    expect(cards.map((c) => c.name)).toEqual(['失业动态监测（失业预警）工作和失业保险稳定就业工作经费', '流动人员档案管理工作经费', '高校毕业生招聘工作经费']);
    const c3 = cards[2];
    expect(c3.funds.total?.executed?.value).toBe(19.76);
    expect(at(c3.funds.total?.executed?.ref)).toBe('E5');
    expect(c3.funds.total?.rate?.value).toBe(0.988);
    expect(c3.funds.total?.score?.value).toBe(9.88);
    expect(c3.funds.fiscal?.label).toBe('其中：当年财政拨款');
    expect(c3.funds.carryOver?.executed?.form).toBe('blank');
    expect(c3.totalRow?.score?.value).toBe(99.88);
    expect(at(c3.totalRow?.score?.ref)).toBe('H21');
    expect(c3.department).toBe('怀化市人力资源和社会保障局');
    expect(c3.implementer).toBe('怀化市就业服务中心');
    expect(at(c3.implementerRef)).toBe('G3');
    expect(c3.goals.expected).toBe('组织专场招聘活动');
    expect(at(c3.goals.expectedRef)).toBe('B10');
    expect(c3.indicators).toHaveLength(9);
    const first = c3.indicators[0];
    expect(first.level1).toBe('产出指标（50分）');
    expect(at(first.level1Ref)).toBe('B12'); // merged B12:B15
    expect(first.level3).toBe('离校未就业高校毕业生实名制登记率');
    expect(first.target).toBe('≥95%');
    expect(first.actual).toBe('95.84%');
    expect(first.weight?.value).toBe(15);
    expect(at(first.score?.ref)).toBe('H12');
    expect(first.weightGroup).toBeUndefined();
    expect(c3.indicators[4].level1Ref).toEqual(c3.indicators[7].level1Ref);
    expect(c3.range).toEqual({ r1: 0, c1: 0, r2: 20, c2: 9 });
    const c2 = cards[1];
    expect(c2.year).toBe(2023); // （2023年度） line under the title
    expect(c2.totalRow?.row).toBe(21);
  });

  it('reads the 补充信息 sheet', () => {
    expect(det.supplement?.sheet).toBe('补充信息');
    const e = det.supplement!.entries;
    expect(e).toHaveLength(15);
    expect(e[0]).toEqual({ key: '上年收支总计', value: 1031.37, ref: { sheet: '补充信息', row: 1, col: 1 } });
    expect(e.find((x) => x.key === '单位性质')?.value).toBe('参照公务员法管理事业单位');
  });
});
