// The two published Shanghai reports (../shared/fixtures/real): every table recognised (9 + 9) at
// its range, and a sample of figures of each table read at the cell the PDF prints it in. The
// expected cells and values were taken from the workbooks' cells, not from the reader.
import { a1, rangeA1 } from '../../../src/core/address';
import { detectTables } from '../../../src/core/tables/detect';
import type { CodedTable, Detection } from '../../../src/core/tables/types';
import { resolveFigure } from '../../fixtures/generator/resolve';
import { loadXlsx, SHARED_DIR } from '../../helpers';

type Expect = [kind: string, sheet: string, range: string, figures: [path: string, cell: string, value: number][]];

const SHENGTAI: Expect[] = [
  ['summary', '收入支出决算总表', 'A2:D33', [['summary.income.fiscalGeneral', 'B6', 4733.14], ['summary.classes[208]', 'D13', 471.44], ['summary.classes[211]', 'D15', 3742.47], ['summary.incomeTotal', 'B30', 4733.14], ['summary.closingBalance', 'D32', 0], ['summary.expenditureGrandTotal', 'D33', 4733.14]]],
  ['income', '收入决算表', 'A1:K37', [['income.total.total', 'E6', 4733.14], ['income.total.fiscal', 'F6', 4733.14], ['income.items[2080505].total', 'E11', 229.67], ['income.items[2110101].fiscal', 'F22', 1293.6], ['income.items[21111].other', 'K31', 0], ['income.items[2210203].total', 'E37', 202.2]]],
  ['expenditure', '支出决算表', 'A1:J37', [['expenditure.total.basic', 'F6', 3365.38], ['expenditure.total.project', 'G6', 1367.76], ['expenditure.items[20808].project', 'G14', 10.77], ['expenditure.items[2111101].basic', 'F32', 1101.78], ['expenditure.items[221].total', 'E34', 409.89]]],
  ['fiscal-summary', '财政拨款收入支出决算总表', 'A1:G34', [['fiscal-summary.income.general', 'B5', 4733.14], ['fiscal-summary.classes[211].general', 'E14', 3742.47], ['fiscal-summary.expenditureTotal.total', 'D29', 4733.14], ['fiscal-summary.expenditureGrandTotal.general', 'E34', 4733.14]]],
  ['general-budget', '一般公共预算财政拨款支出决算表', 'A1:G37', [['general-budget.items[2110101].basic', 'F21', 1283.7], ['general-budget.items[2210201].total', 'E35', 207.69], ['general-budget.total.total', 'E37', 4733.14], ['general-budget.total.project', 'G37', 1367.75]]],
  ['basic-detail', '一般公共预算财政拨款基本支出决算表', 'A1:H42', [['basic-detail.entries[301]', 'D5', 2857.05], ['basic-detail.entries[30102]', 'D7', 1023.54], ['basic-detail.entries[30231]', 'H28', 16.95], ['basic-detail.entries[31002]', 'H34', 13.94], ['basic-detail.personnelTotal', 'D42', 2949.02], ['basic-detail.publicTotal', 'H42', 416.36]]],
  ['three-public', '财政拨款“三公”经费支出决算表', 'A1:L7', [['three-public.budget.total', 'A7', 21], ['three-public.actual.total', 'B7', 16.95], ['three-public.actual.vehicleOperation', 'J7', 16.95], ['three-public.budget.reception', 'K7', 0.5]]],
  ['gov-fund', '政府性基金预算财政拨款收入支出决算表', 'A1:H5', [['gov-fund.total.opening', 'C5', 0], ['gov-fund.total.closing', 'H5', 0]]],
  ['state-capital', '国有资本经营预算财政拨款收入支出决算表', 'A1:H5', [['state-capital.total.income', 'D5', 0]]],
];

const YICHUAN: Expect[] = [
  ['summary', '收入支出决算总表', 'A2:D33', [['summary.income.fiscalGovFund', 'B7', 105], ['summary.classes[202]', 'D7', 0], ['summary.classes[212]', 'D16', 15411.43], ['summary.incomeTotal', 'B30', 20323.21]]],
  ['income', '收入决算表', 'A1:I76', [['income.total.total', 'C5', 20323.21], ['income.items[2013899].total', 'C17', 4.19], ['income.items[2219899].fiscal', 'D76', 105]]],
  ['expenditure', '支出决算表', 'A1:H76', [['expenditure.total.project', 'E5', 6215.76], ['expenditure.items[2120199].basic', 'D62', 7957.59], ['expenditure.items[22198].project', 'E75', 105]]],
  ['fiscal-summary', '财政拨款收入支出决算总表', 'A1:G34', [['fiscal-summary.classes[221].govFund', 'F23', 105], ['fiscal-summary.expenditureTotal.general', 'E29', 20218.21]]],
  ['general-budget', '一般公共预算财政拨款支出决算表', 'A1:E74', [['general-budget.items[2080505].basic', 'D35', 518.69], ['general-budget.items[2080505].project', 'E35', 0], ['general-budget.items[221].total', 'C68', 1076.78], ['general-budget.total.total', 'C74', 20218.21]]],
  ['basic-detail', '一般公共预算财政拨款基本支出决算表', 'A1:F42', [['basic-detail.entries[30217]', 'F20', 8.31], ['basic-detail.entries[30231]', 'F28', 81.11], ['basic-detail.entries[30299]', 'F31', 1844.57], ['basic-detail.personnelTotal', 'C42', 12192.15], ['basic-detail.publicTotal', 'F42', 1915.3]]],
  ['three-public', '财政拨款“三公”经费支出决算表', 'A1:L7', [['three-public.budget.abroad', 'C7', 0], ['three-public.actual.total', 'B7', 19.86], ['three-public.actual.reception', 'L7', 0.3]]],
  ['gov-fund', '政府性基金预算财政拨款收入支出决算表', 'A1:H8', [['gov-fund.total.income', 'D5', 105], ['gov-fund.items[22198].project', 'G7', 105], ['gov-fund.items[2219899].total', 'E8', 105]]],
  ['state-capital', '国有资本经营预算财政拨款收入支出决算表', 'A1:H5', [['state-capital.total.closing', 'H5', 0]]],
];

describe.each([
  ['sh-putuo-shengtai-2025.xlsx', SHENGTAI],
  ['sh-putuo-yichuan-2025.xlsx', YICHUAN],
])('%s', (file, expected) => {
  let d: Detection;
  beforeAll(async () => {
    d = detectTables(await loadXlsx(`${SHARED_DIR}/fixtures/real/${file}`));
  });

  it('recognises all nine tables at their ranges, nothing unknown', () => {
    expect(d.tables.map((t) => [t.kind, t.sheet, rangeA1(t.range), t.unit])).toEqual(expected.map(([k, s, r]) => [k, s, r, '万元']));
    expect(d.unknown).toEqual([]);
    expect(d.tables.flatMap((t) => t.warnings)).toEqual([]);
  });

  it('reads the sampled figures at their cells', () => {
    const got = expected.flatMap(([, , , figs]) => figs.map(([path]) => {
      const r = resolveFigure(d, path);
      return [path, r ? `${r.sheet}!${r.cell}` : null, r?.value ?? null];
    }));
    const want = expected.flatMap(([, sheet, , figs]) => figs.map(([path, cell, value]) => [path, `${sheet}!${cell}`, value]));
    expect(got).toEqual(want);
  });

  it('reads the 科目 code columns headed 类|款|项 with every code in the first column', () => {
    for (const t of d.tables.filter((x): x is CodedTable => ['income', 'expenditure', 'general-budget', 'gov-fund'].includes(x.kind))) {
      for (const r of t.items) expect([t.kind, r.code, a1(r.codeRefs[0].row, r.codeRefs[0].col)[0]]).toEqual([t.kind, expect.stringMatching(/^\d{3}(\d{2}){0,2}$/), 'A']);
    }
  });

  it('never takes a header word standing on the 合计 row for a figure', () => {
    for (const t of d.tables.filter((x): x is CodedTable => 'total' in x && 'valueKeys' in x))
      for (const f of Object.values(t.total?.values ?? {})) expect([t.kind, a1(f.ref.row, f.ref.col), f.form]).toEqual([t.kind, a1(f.ref.row, f.ref.col), expect.stringMatching(/^(number|blank)$/)]);
  });
});

describe('empty tables printed with a 注 and then a 说明', () => {
  it('carry both notes, so the 故本表无数据 note is seen', async () => {
    const d = detectTables(await loadXlsx(`${SHARED_DIR}/fixtures/real/sh-putuo-shengtai-2025.xlsx`));
    for (const kind of ['gov-fund', 'state-capital']) {
      const t = d.tables.find((x) => x.kind === kind) as CodedTable;
      expect(t.empty).toBe(true);
      expect(t.note).toMatch(/^注：本表反映[\s\S]*\n说明：.*故本表无数据。$/);
      expect(a1(t.noteRef!.row, t.noteRef!.col)).toBe('A9');
    }
  });
});
