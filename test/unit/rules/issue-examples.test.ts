// The examples of issue 13, on the shared sample through the real reader: one slip is one finding
// on the slipped cell, with the original figure as its fix (proven on a copy of the workbook).
import { parseA1 } from '../../../src/core/address';
import type { Finding } from '../../../src/core/findings';
import { runChecks } from '../../../src/core/rules/engine';
import { applyFixes } from '../../../src/core/diagnosis/prove';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { getCell } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import { loadSample } from '../../helpers';

let pristine: WorkbookSnapshot;
beforeAll(async () => {
  pristine = await loadSample();
});

function planted(edits: Record<string, CellValue>): WorkbookSnapshot {
  return applyFixes(
    pristine,
    Object.entries(edits).map(([addr, v]) => {
      const [sheet, a1] = addr.split('!');
      const p = parseA1(a1)!;
      return { ref: { sheet, row: p.row, col: p.col }, value: v as number, description: 'planted' };
    }),
  );
}

const check = (wb: WorkbookSnapshot) => runChecks(wb, detectTables(wb));
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');
const value = (wb: WorkbookSnapshot, addr: string) => {
  const [sheet, a1] = addr.split('!');
  const p = parseA1(a1)!;
  return getCell(wb.sheets.find((s) => s.name === sheet)!, p.row, p.col)?.v ?? null;
};

describe('one changed cell in the shared sample gives one finding, on that cell, with the original value', () => {
  const cases: [string, number][] = [
    ['3支出决算表!D9', 345.19], // a 项 of the expenditure table (its row, its 款 and the general-budget copy)
    ['1收入支出决算总表!C7', 841.77], // a summary income line (its 合计 and two other tables)
    ['2收入决算表!C7', 831.68], // a 类 (its 款, the 合计, its row)
    ['4财政拨款收入支出决算总表!G6', 794.68], // a fund cell of the fiscal summary
    ['6一般公共预算财政拨款基本支出决算表!C6', 488.72], // a 类 of the basic-detail table
    ['绩效基础数据表!D12', 11], // a project's 决算数 (its total and its scorecard)
    ['项目自评2!E6', 18.5], // a scorecard's 当年财政拨款 全年执行数
  ];
  it.each(cases)('%s → %s', (addr, v) => {
    const original = value(pristine, addr);
    const fs = serious(check(planted({ [addr]: v })));
    expect(fs.map((f) => `${f.sheet}!${f.cell}`)).toEqual([addr]);
    expect(fs[0].fix).toMatchObject({ value: original });
    expect(fs[0].message).toMatch(/应为 .*，实为 .*，相差 .*。此数(导致 \d 处不符|使“)/);
    // Applied, the fix leaves the workbook clean.
    expect(serious(check(applyFixes(planted({ [addr]: v }), [fs[0].fix!])))).toEqual([]);
  });
});

it('a slip no other figure pins (a 款 of the basic-detail table) is one finding listing the candidates, without a fix', () => {
  const fs = serious(check(planted({ '6一般公共预算财政拨款基本支出决算表!C7': 157.34 })));
  expect(fs).toHaveLength(1);
  expect(fs[0]).toMatchObject({ rule: 'sum.basic-detail', cell: 'C6', candidates: ['C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15'] });
  expect(fs[0].fix).toBeUndefined();
  expect(fs[0].message).toContain('无法确定是哪一格有误');
});

describe('issue 13 examples', () => {
  it('a code typo (2080805 for 2080505) is one finding on the code cell, with the code as its fix', () => {
    const wb = planted({ '3支出决算表!A13': '2080805' });
    const fs = serious(check(wb));
    expect(fs).toHaveLength(1);
    const [f] = fs;
    expect(f).toMatchObject({ rule: 'sum.coded-hierarchy', severity: 'error', sheet: '3支出决算表', cell: 'A13', expected: '2080505', actual: '2080805' });
    expect(f.message).toContain('科目编码 2080805（机关事业单位基本养老保险缴费支出）与所在位置不符');
    expect(f.message).toContain('编码应为 2080505');
    // The parent's two broken sums and the general-budget comparison are in it; so are the catalogue's notes on the row.
    const rules = (f.breaks ?? []).map((b) => b.rule);
    expect(rules.filter((r) => !r.startsWith('catalogue.')).sort()).toEqual(['cross.general-within-expenditure', 'sum.coded-hierarchy', 'sum.coded-hierarchy']);
    expect(rules).toEqual(expect.arrayContaining(['catalogue.wrong-parent', 'catalogue.missing-parent']));
    expect(f.fix).toMatchObject({ value: '2080505' });
    expect(check(applyFixes(wb, [f.fix!]))).toEqual(check(pristine));
  });

  it('a 得分 of 18 against 分值 15 is H13 → 15, not a 总分 of 102.88', () => {
    const wb = planted({ '项目自评3!H13': 18 });
    const fs = serious(check(wb));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'scorecard.score-cap', sheet: '项目自评3', cell: 'H13', expected: 15, actual: 18, fix: { value: 15 } });
    expect(fs[0].message).toContain('此数导致 2 处不符');
    expect(fs.some((f) => f.cell === 'H21')).toBe(false);
  });

  it('a 三公 公务接待费 预算 mistyped 1.04 is reported on that cell, not on the 合计', () => {
    const fs = serious(check(planted({ '9财政拨款三公经费支出决算表!F7': 1.04 })));
    expect(fs.map((f) => [f.rule, f.cell, f.fix?.value])).toEqual([['sum.three-public', 'F7', 1.4]]);
    expect(fs[0].message).toContain('绩效评价基础数据表「公务接待」本年预算数');
  });

  it('a blank 总分得分 is one warning 未填写, not 相差 100.00', () => {
    const fs = serious(check(planted({ '项目自评1!H21': null })));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'scorecard.score-total', severity: 'warning', cell: 'H21', actual: null, fix: { value: 100, formula: 'SUM(H12:H20,H5)' } });
    expect(fs[0].message).toMatch(/总分得分未填写，应为 100\.00/);
    expect(fs[0].message).not.toContain('相差');
  });

  it('三公 决算合计 above 预算合计 by more than rounding is a warning', () => {
    // A budget of 1.00 everywhere it is written (table, perf-basic-data, 补充信息), spent 1.16.
    const fs = serious(check(planted({ '9财政拨款三公经费支出决算表!A7': 1, '9财政拨款三公经费支出决算表!F7': 1, '绩效基础数据表!C6': 1, '绩效基础数据表!C9': 1, '补充信息!B8': 1 })));
    expect(fs.map((f) => [f.rule, f.severity, f.cell])).toEqual([['sum.three-public-over-budget', 'warning', 'G7']]);
    expect(fs[0].message).toBe('“三公”经费决算合计 1.16 超过预算合计 1.00，超出 0.16，请核实决算数或说明超预算原因');
  });
});
