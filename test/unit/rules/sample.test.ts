// The shared sample through the real reader, detector and every rule: clean, then with each
// table-borne fault of SPEC §7 planted into the loaded snapshot.
import { parseA1 } from '../../../src/core/address';
import { detectTables } from '../../../src/core/tables/detect';
import { runChecks } from '../../../src/core/rules/engine';
import type { Finding } from '../../../src/core/findings';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { loadSample } from '../../helpers';

let pristine: WorkbookSnapshot;
beforeAll(async () => {
  pristine = await loadSample();
});

/** A deep copy of the sample with cells replaced: { '3支出决算表!E6': 139.68 }. */
function planted(edits: Record<string, CellValue>): WorkbookSnapshot {
  const wb: WorkbookSnapshot = JSON.parse(JSON.stringify(pristine));
  for (const [addr, v] of Object.entries(edits)) {
    const [sheetName, a1] = addr.split('!');
    const sheet = wb.sheets.find((s) => s.name === sheetName);
    const p = parseA1(a1);
    if (!sheet || !p) throw new Error(`no cell ${addr}`);
    const row = (sheet.cells[p.row] ??= []);
    if (v === null) delete row[p.col];
    else row[p.col] = { ...(row[p.col] ?? {}), v };
  }
  return wb;
}

const check = (wb: WorkbookSnapshot) => runChecks(wb, detectTables(wb));
const at = (fs: Finding[], addr: string) => fs.filter((f) => `${f.sheet}!${f.cell}` === addr);
const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message}`);

describe('the shared sample', () => {
  it('is detected completely: nine tables, perf data, one department and three project scorecards', () => {
    const d = detectTables(pristine);
    const kinds = d.tables.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'perf-project-scorecard')).toHaveLength(3);
    expect(new Set(kinds).size).toBe(12);
  });

  it('yields no finding at all (2130804 carries its 2023 name 创业担保贷款贴息及奖补 in the catalogue)', () => {
    const fs = check(pristine);
    expect(fs.map((f) => [f.severity, f.rule, f.sheet, f.cell, f.message])).toEqual([]);
  });
});

describe('SPEC §7 faults planted into the sample', () => {
  it('a 科目 name with swapped characters', () => {
    const fs = check(planted({ '3支出决算表!B7': '社会保障与就业支出' }));
    const here = at(fs, '3支出决算表!B7');
    // 208's name was read in dated 决算 documents: one error on the culprit cell, not a second
    // inconsistent-name warning for the same name.
    expect(here.map((f) => [f.rule, f.severity])).toEqual([['catalogue.name-mismatch', 'error']]);
    expect(here.find((f) => f.rule === 'catalogue.name-mismatch')!.fix).toMatchObject({ value: '社会保障和就业支出' });
  });

  it('139.68 in the expenditure table against 139.69 elsewhere', () => {
    const fs = check(planted({ '3支出决算表!E6': 139.68 }));
    const here = at(fs, '3支出决算表!E6');
    expect(here.length).toBeGreaterThan(0);
    expect(here.every((f) => f.severity === 'info')).toBe(true);
    expect(fs.filter((f) => f.severity === 'error')).toEqual([]);
    expect(here.some((f) => f.message.includes('139.69') && f.message.includes('139.68'))).toBe(true);
  });

  it('139.68 in the perf-basic-data table against the expenditure table', () => {
    const fs = check(planted({ '绩效基础数据表!D11': 139.68 }));
    const here = at(fs, '绩效基础数据表!D11');
    expect(here.map((f) => f.rule)).toEqual(expect.arrayContaining(['cross.perf-projects', 'sum.perf-basic-data']));
    expect(here.find((f) => f.rule === 'cross.perf-projects')!.related).toEqual(['3支出决算表!E6']);
  });

  it('二级指标 分值 adding to 55 under 产出指标（50分）', () => {
    const fs = check(planted({ '项目自评1!G12': 20 }));
    const cap = fs.find((f) => f.rule === 'scorecard.level1-cap')!;
    expect(cap).toMatchObject({ severity: 'error', sheet: '项目自评1', cell: 'B12', expected: 50, actual: 55 });
    expect(cap.related).toEqual(['G12:G15']);
    expect(fs.find((f) => f.rule === 'scorecard.weight-total')).toMatchObject({ cell: 'G21', expected: 105 });
  });

  it('执行率 computed against 年初预算数 while 全年预算数 is given', () => {
    const fs = check(planted({ '项目自评3!C5': 25, '项目自评3!C6': 25, '项目自评3!G5': 0.7904, '项目自评3!H5': 7.9, '项目自评3!H21': 97.9 }));
    const f = at(fs, '项目自评3!G5').find((x) => x.rule === 'scorecard.execution-rate')!;
    expect(f).toMatchObject({ severity: 'warning', expected: 98.8, actual: 79.04, fix: { formula: 'E5/D5' } });
    expect(f.message).toContain('年初预算数 25.00');
    // The score followed the wrong rate: that is reported too.
    expect(at(fs, '项目自评3!H5').map((x) => x.rule)).toContain('scorecard.budget-score');
  });

  it('a 得分 left blank', () => {
    const fs = check(planted({ '项目自评1!H13': null, '项目自评1!H21': 85 }));
    expect(at(fs, '项目自评1!H13').map((f) => [f.rule, f.severity])).toContainEqual(['scorecard.required-fields', 'warning']);
  });

  it('年度资金总额 left at zero while its 其中 rows hold the money', () => {
    const fs = check(planted({ '项目自评2!C6': 0, '项目自评2!D6': 0, '项目自评2!E6': 0 }));
    const f = at(fs, '项目自评2!E6').find((x) => x.rule === 'scorecard.fund-total')!;
    expect(f).toMatchObject({ severity: 'error', expected: 17.5, actual: 0, fix: { value: 17.5 } });
  });

  it('an indicator scored below its 分值 with no 偏差原因', () => {
    const fs = check(planted({ '项目自评1!H12': 13, '项目自评1!H21': 98 }));
    const f = fs.find((x) => x.rule === 'scorecard.deviation-reason')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '项目自评1', cell: 'I12' });
    expect(show(fs.filter((x) => x.severity === 'error'))).toEqual([]);
  });

  it('text where a number belongs', () => {
    const fs = check(planted({ '2收入决算表!I10': '三十七' }));
    expect(at(fs, '2收入决算表!I10').map((f) => [f.rule, f.severity])).toContainEqual(['input.invalid-number', 'error']);
  });

  it('a summary class line that disagrees with the expenditure table', () => {
    const fs = check(planted({ '1收入支出决算总表!F8': 28.09 }));
    expect(at(fs, '1收入支出决算总表!F8').map((f) => [f.rule, f.severity])).toEqual([['cross.summary-expenditure', 'error']]);
    // Inside the table alone F8 and 本年支出合计 are equally suspect: the sum rule reports the total, naming F8.
    const sum = fs.find((f) => f.rule === 'sum.summary')!;
    expect(sum).toMatchObject({ cell: 'F15', severity: 'error' });
    expect(sum.related).toEqual(['F8', 'F7:F9']);
    expect(sum.message).toContain('表间核对显示 F8 与其他表不符');
  });
});
