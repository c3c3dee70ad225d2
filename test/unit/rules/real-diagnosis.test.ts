// The diagnosis on the two published reports: every error or warning of the sums, comparisons and
// scorecards is a real fault, established here by arithmetic on the cells themselves; everything
// else is a rounding note. (The catalogue, completeness and input findings are tested with the
// table readers: test/unit/rules/real-tables-findings.test.ts.)
import { join } from 'node:path';
import { parseA1 } from '../../../src/core/address';
import type { Finding } from '../../../src/core/findings';
import { readNumber } from '../../../src/core/numbers';
import { runChecks } from '../../../src/core/rules/engine';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { getCell } from '../../../src/core/snapshot';
import { detectTables } from '../../../src/core/tables/detect';
import { SHARED_DIR, loadXlsx } from '../../helpers';

const REAL = join(SHARED_DIR, 'fixtures', 'real');
const MINE = new Set(['sum', 'cross', 'scorecard']);
const BASIC = '一般公共预算财政拨款基本支出决算表';
const THREE = '财政拨款“三公”经费支出决算表';

let yichuan: WorkbookSnapshot;
let shengtai: WorkbookSnapshot;
beforeAll(async () => {
  yichuan = await loadXlsx(join(REAL, 'sh-putuo-yichuan-2025.xlsx'));
  shengtai = await loadXlsx(join(REAL, 'sh-putuo-shengtai-2025.xlsx'));
});

const mine = (wb: WorkbookSnapshot) => runChecks(wb, detectTables(wb)).filter((f) => MINE.has(f.family));
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');
const num = (wb: WorkbookSnapshot, sheet: string, a1: string) => {
  const p = parseA1(a1)!;
  return readNumber(getCell(wb.sheets.find((s) => s.name === sheet)!, p.row, p.col)?.v ?? null).value as number;
};
const cents = (v: number) => Math.round(v * 100);

describe('sh-putuo-yichuan-2025: the 302 block of the basic-detail table', () => {
  const col = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => num(yichuan, BASIC, `F${from + i}`));

  it('by arithmetic: 30299 repeats the 302 total, and the 款 above it add up to that total', () => {
    expect(num(yichuan, BASIC, 'D4')).toBe(302);
    expect(num(yichuan, BASIC, 'D31')).toBe(30299);
    expect(num(yichuan, BASIC, 'F31')).toBe(num(yichuan, BASIC, 'F4')); // 1844.57 twice
    expect(cents(col(5, 30).reduce((a, b) => a + b, 0))).toBe(cents(num(yichuan, BASIC, 'F4')));
    // As printed, 302 ≠ Σ 款: the items come to twice the total.
    expect(cents(col(5, 31).reduce((a, b) => a + b, 0))).toBe(2 * cents(num(yichuan, BASIC, 'F4')));
  });

  it('by arithmetic: the figures stand one row above their 科目 — moved down, 30212/30217/30231 equal the 三公 table', () => {
    // 三公 决算: 因公出国 D7 (blank: 0), 公务用车运行维护 J7, 公务接待 L7; basic spending cannot exceed them.
    const abroad = num(yichuan, THREE, 'D7');
    const vehicle = num(yichuan, THREE, 'J7');
    const reception = num(yichuan, THREE, 'L7');
    // Printed: 30212 (F15) 13.24 > 0, 30217 (F20) 8.31 > 0.30, 30231 (F28) 81.11 > 19.56.
    expect([num(yichuan, BASIC, 'F15') > abroad, num(yichuan, BASIC, 'F20') > reception, num(yichuan, BASIC, 'F28') > vehicle]).toEqual([true, true, true]);
    // One row up they are exactly the 三公 figures: 30211 (F14) 0, 30216 (F19) 0.30, 30229 (F27) 19.56.
    expect([num(yichuan, BASIC, 'F14'), num(yichuan, BASIC, 'F19'), num(yichuan, BASIC, 'F27')]).toEqual([abroad, reception, vehicle]);
    // The whole block moved down one row (30201 left empty, the repeated total dropped) still adds up to 302.
    const shifted = [0, ...col(5, 30)];
    expect(cents(shifted.reduce((a, b) => a + b, 0))).toBe(cents(num(yichuan, BASIC, 'F4')));
  });

  it('the engine reports exactly these two faults, one finding each, naming the rows', () => {
    const fs = serious(mine(yichuan));
    expect(fs.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ['sum.basic-detail', 'error', BASIC, 'F31'],
      ['cross.three-public-detail', 'warning', BASIC, 'F5'],
    ]);
    const [subtotal, shift] = fs;
    expect(subtotal.message).toContain('30299 其他商品和服务支出 所列 1844.57 与其上级 302 商品和服务支出 的合计数相同，是重复列示的合计数');
    expect(subtotal.fix).toBeUndefined();
    expect(shift.message).toContain('30201 办公费 至 30299 其他商品和服务支出（F5:F31）的数字与科目错开了一行：每个数属于下一行的科目');
    expect(shift.message).toContain('30216 培训费 所列 0.30 属于 30217 公务接待费');
    expect(shift.message).toContain('30229 福利费 所列 19.56 属于 30231 公务用车运行维护费');
    // The three 三公 comparisons are folded into it, not reported again.
    expect(shift.breaks?.map((b) => b.text)).toEqual([
      '“三公”经费决算数「因公出国（境）费用」≥基本支出决算表 30212 因公出国（境）费用（0.00 < 13.24）',
      '“三公”经费决算数「公务接待费」≥基本支出决算表 30217 公务接待费（0.30 < 8.31）',
      '“三公”经费决算数「公务用车运行维护费」≥基本支出决算表 30231 公务用车运行维护费（19.56 < 81.11）',
    ]);
    expect(shift.fix).toBeUndefined();
  });
});

describe('both reports: everything else the sums and comparisons say is rounding', () => {
  it.each([['yichuan'], ['shengtai']])('%s', (name) => {
    const wb = name === 'yichuan' ? yichuan : shengtai;
    const fs = mine(wb);
    const notes = fs.filter((f) => f.severity === 'info');
    expect(notes.length).toBeGreaterThan(0);
    for (const f of notes) {
      expect(f.message).toMatch(/四舍五入|截尾/);
      // A rounding difference is at most a few cents.
      if (typeof f.expected === 'number' && typeof f.actual === 'number') expect(Math.abs(f.expected - f.actual)).toBeLessThanOrEqual(0.05);
    }
    if (name === 'shengtai') expect(serious(fs)).toEqual([]);
  });
});
