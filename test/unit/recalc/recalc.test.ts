// recalculate() on the sample workbook with a hand-built Detection: every formula is evaluated
// against the real cells and must equal both the figure a finance officer computes by hand and
// the cachedValue recalc computed itself.
import { loadSample } from '../../helpers';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { recalculate, displayText, AMOUNT_FORMAT, PERCENT_FORMAT } from '../../../src/core/recalc/recalc';
import type { DerivedSheet } from '../../../src/core/recalc/recalc';
import type { Detection } from '../../../src/core/tables/types';
import { sampleDetection, cloneWorkbook, setCell, toYuan, SHEETS } from './build';
import { evaluateDerived, valueOf, rowOf } from './derived';
import type { EvaluatedCell } from './derived';

let wb: WorkbookSnapshot;
let det: Detection;
let ds: DerivedSheet;
let cells: EvaluatedCell[];

beforeAll(async () => {
  wb = await loadSample();
  det = sampleDetection(wb);
  ds = recalculate(det);
  cells = evaluateDerived(wb, ds);
});

const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
};
/** As printed: percentage with 2 decimals. */
const pct = (v: unknown): string => (num(v) * 100).toFixed(2);
const amt = (v: unknown): string => num(v).toFixed(2);

/** Every formula's Excel result equals recalc's own cachedValue. */
function expectConsistent(evaluated: EvaluatedCell[]): void {
  expect(evaluated.length).toBeGreaterThan(0);
  for (const c of evaluated) {
    const ctx = `${c.label}: ${c.formula}`;
    if (typeof c.cached === 'number') {
      expect({ ctx, v: typeof c.evaluated === 'number' ? Number(c.evaluated.toFixed(9)) : c.evaluated }).toEqual({ ctx, v: Number(c.cached.toFixed(9)) });
    } else if (c.cached === null) {
      // A source cell is not a number: Excel shows an error, never a made-up figure.
      expect({ ctx, isError: typeof c.evaluated === 'object' && c.evaluated !== null }).toEqual({ ctx, isError: true });
    } else {
      expect({ ctx, v: c.evaluated }).toEqual({ ctx, v: c.cached });
    }
  }
}

describe('recalculate on the sample', () => {
  it('every emitted formula computes its cachedValue from the real cells', () => {
    expectConsistent(cells);
    // Nothing on the clean sample is an error.
    expect(cells.filter((c) => typeof c.evaluated === 'object' && c.evaluated !== null)).toEqual([]);
  });

  it('income shares of 本年收入合计', () => {
    expect(amt(valueOf(cells, ds, '本年收入合计'))).toBe('877.77');
    expect(amt(valueOf(cells, ds, '财政拨款收入'))).toBe('840.77');
    expect(pct(valueOf(cells, ds, '财政拨款收入占比'))).toBe('95.78');
    expect(pct(valueOf(cells, ds, '其他收入占比'))).toBe('4.22');
    // Zero sources are left out by default, as the narrative omits them.
    expect(() => rowOf(ds, '事业收入占比')).toThrow();
  });

  it('expenditure shares of 本年支出合计', () => {
    expect(pct(valueOf(cells, ds, '基本支出占比'))).toBe('84.09');
    expect(pct(valueOf(cells, ds, '项目支出占比'))).toBe('15.91');
  });

  it('general-budget structure and completion of the 年初预算', () => {
    expect(pct(valueOf(cells, ds, '一般公共预算财政拨款支出占本年支出合计比例'))).toBe('95.78');
    expect(pct(valueOf(cells, ds, '208 社会保障和就业支出占比'))).toBe('94.40'); // 793.68 / 840.77
    expect(pct(valueOf(cells, ds, '210 卫生健康支出占比'))).toBe('3.22'); // 27.09 / 840.77
    expect(pct(valueOf(cells, ds, '合计 完成年初预算'))).toBe('93.70'); // 840.77 / 897.32
    expect(pct(valueOf(cells, ds, '2080109 社会保险经办机构 完成年初预算'))).toBe('9.96'); // 57.6 / 578.03 = 9.965%
    expect(pct(valueOf(cells, ds, '2080505 机关事业单位基本养老保险缴费支出 完成年初预算'))).toBe('96.52'); // 68.96 / 71.45
    // 年初预算 0: the row stays (live) but shows nothing rather than a division by zero.
    const r = rowOf(ds, '2080106 就业管理事务 完成年初预算');
    expect(valueOf(cells, ds, '2080106 就业管理事务 完成年初预算')).toBe('');
    expect(ds.rows[r][1].value).toContain('年初预算为0');
    expect(ds.rows[r][2].formula).toBe("IF('5一般公共预算财政拨款支出决算表'!C10=0,\"\",'5一般公共预算财政拨款支出决算表'!D10/'5一般公共预算财政拨款支出决算表'!C10)");
    // Every 项 of the table gets a row (10 of them).
    expect(ds.rows.filter((row) => /^\d{7} .* 完成年初预算$/.test(String(row[0]?.value))).length).toBe(10);
  });

  it('人员经费/公用经费 of 基本支出', () => {
    expect(amt(valueOf(cells, ds, '基本支出', '五、'))).toBe('701.08');
    expect(pct(valueOf(cells, ds, '人员经费占比'))).toBe('91.46'); // 641.21 / 701.08
    expect(pct(valueOf(cells, ds, '公用经费占比'))).toBe('8.54');
  });

  it('三公 shares and completion of the budget', () => {
    expect(pct(valueOf(cells, ds, '公务接待费占比'))).toBe('100.00');
    expect(pct(valueOf(cells, ds, '因公出国（境）费占比'))).toBe('0.00');
    expect(pct(valueOf(cells, ds, '“三公”经费完成预算'))).toBe('82.86'); // 1.16 / 1.4
    expect(pct(valueOf(cells, ds, '公务接待费完成预算'))).toBe('82.86');
    expect(valueOf(cells, ds, '因公出国（境）费完成预算')).toBe(''); // budget 0
  });

  it('year-on-year changes from 补充信息 and the perf-basic-data 上年决算数', () => {
    expect(amt(valueOf(cells, ds, '收支总计 增减额'))).toBe('-153.60'); // 877.77 − 1031.37
    expect(pct(valueOf(cells, ds, '收支总计 增减率'))).toBe('-14.89');
    expect(amt(valueOf(cells, ds, '财政拨款收支总计 增减额'))).toBe('-186.14'); // 840.77 − 1026.91
    expect(pct(valueOf(cells, ds, '一般公共预算财政拨款支出 增减率'))).toBe('-18.13');
    expect(amt(valueOf(cells, ds, '“三公”经费 增减额'))).toBe('-0.26');
    expect(pct(valueOf(cells, ds, '“三公”经费 增减率'))).toBe('-18.31');
    // 机关运行经费 (= 公用经费 for a 参公 unit): 上年 0, so no growth rate.
    expect(amt(valueOf(cells, ds, '机关运行经费 增减额'))).toBe('59.87');
    expect(valueOf(cells, ds, '机关运行经费 增减率')).toBe('');
    const sup = ds.rows[rowOf(ds, '收支总计 增减率')][2].formula!;
    expect(sup).toContain('补充信息!B2'); // bare: a CJK name needs no quotes
    expect(sup).toContain("'1收入支出决算总表'!C18");
    // perf-basic-data rows.
    expect(amt(valueOf(cells, ds, '市级专项资金(一个专项一行) 增减额'))).toBe('24.20'); // 139.69 − 115.49
    expect(pct(valueOf(cells, ds, '公用经费 增减率'))).toBe('-27.17'); // (59.87 − 82.21) / 82.21
    expect(valueOf(cells, ds, '就业见习补贴 增减率')).toBe(''); // no prior-year figure
    expect(amt(valueOf(cells, ds, '就业见习补贴 增减额'))).toBe('1.55');
  });

  it('scorecards: 执行率, 预算执行率得分, 总分', () => {
    expect(pct(valueOf(cells, ds, '执行率', '项目自评3'))).toBe('98.80');
    expect(num(valueOf(cells, ds, '预算执行率得分', '项目自评3'))).toBeCloseTo(9.88, 10);
    expect(num(valueOf(cells, ds, '总分', '项目自评3'))).toBeCloseTo(99.88, 10);
    expect(num(valueOf(cells, ds, '总分', '整体支出绩效自评表'))).toBe(100);
    expect(pct(valueOf(cells, ds, '执行率', '整体支出绩效自评表'))).toBe('100.00');
    const total = ds.rows[rowOf(ds, '总分', '项目自评3')][2].formula!;
    const score = rowOf(ds, '预算执行率得分', '项目自评3');
    expect(total).toBe(`SUM(项目自评3!H12:H20,C${score + 1})`);
    expect(ds.rows[score][2].formula).toBe(`IF(C${score}="","",MIN(C${score},1)*项目自评3!F5)`);
    // One block per scorecard.
    expect(ds.rows.filter((r) => r[0]?.value === '总分')).toHaveLength(4);
  });

  it('lays the sheet out as title, then header rows and formatted figures', () => {
    expect(ds.name).toBe('指标计算');
    expect(String(ds.rows[0][0].value)).toContain('2023年度');
    const headers = ds.rows.filter((r) => r[0]?.value === '指标');
    expect(headers.length).toBeGreaterThanOrEqual(8);
    for (const h of headers) expect(h.map((c) => c.value)).toEqual(['指标', '计算公式说明', '数值', '来源单元格']);
    for (const row of ds.rows) {
      const c = row[2];
      if (!c?.formula) continue;
      const label = String(row[0].value);
      if (/占比|完成|率$|比例/.test(label) && !/得分/.test(label)) expect({ label, f: c.numberFormat }).toEqual({ label, f: PERCENT_FORMAT });
      if (/增减额$/.test(label)) expect({ label, f: c.numberFormat }).toEqual({ label, f: AMOUNT_FORMAT });
      expect(c.formula.startsWith('=')).toBe(false);
      // Sources listed next to each figure.
      expect(String(row[3].value)).not.toBe('');
    }
    const share = ds.rows[rowOf(ds, '财政拨款收入占比')];
    expect(share[3].value).toBe('1收入支出决算总表!C7, C8, C9, C15');
  });
});

describe('displayText (offline page, CLI)', () => {
  it('prints figures the way the narrative does', () => {
    const text = (label: string, section?: string) => displayText(ds.rows[rowOf(ds, label, section)][2]);
    expect(text('财政拨款收入占比')).toBe('95.78%');
    expect(text('本年收入合计')).toBe('877.77');
    expect(text('收支总计 上年数')).toBe('1,031.37');
    expect(text('收支总计 增减额')).toBe('-153.60');
    expect(text('收支总计 增减率')).toBe('-14.89%');
    expect(text('2080106 就业管理事务 完成年初预算')).toBe('');
    expect(text('总分', '项目自评3')).toBe('99.88');
    expect(displayText({ formula: 'A1', cachedValue: null, numberFormat: AMOUNT_FORMAT })).toBe('—');
    expect(displayText({ value: '指标' })).toBe('指标');
    // Half-up on the decimal digits: 12.3455% → 12.35%.
    expect(displayText({ formula: 'A1', cachedValue: 0.123455, numberFormat: PERCENT_FORMAT })).toBe('12.35%');
  });
});

describe('formulas stay live', () => {
  it('a changed source cell changes the figure without regenerating the sheet', async () => {
    const changed = cloneWorkbook(wb);
    setCell(changed, SHEETS.summary, 'C14', 47);
    setCell(changed, SHEETS.summary, 'C15', 887.77);
    const again = evaluateDerived(changed, ds);
    expect(pct(valueOf(again, ds, '其他收入占比'))).toBe('5.29'); // 47 / 887.77
    expect(pct(valueOf(again, ds, '财政拨款收入占比'))).toBe('94.71');
    // A 年初预算 filled in later turns the blank completion rate into a figure.
    setCell(changed, SHEETS.general, 'C10', 500);
    expect(pct(valueOf(evaluateDerived(changed, ds), ds, '2080106 就业管理事务 完成年初预算'))).toBe('89.98');
    // A scorecard 得分 corrected in the source flows into the recomputed 总分.
    setCell(changed, '项目自评3', 'H16', 4);
    expect(num(valueOf(evaluateDerived(changed, ds), ds, '总分', '项目自评3'))).toBeCloseTo(98.88, 10);
  });
});

describe('units and cell forms', () => {
  it('a table in 元 gives 万元 figures as =ref/10000 and unchanged shares', () => {
    const yuan = toYuan(wb);
    const d = sampleDetection(yuan, { unit: '元' });
    const s = recalculate(d);
    const ev = evaluateDerived(yuan, s);
    expectConsistent(ev);
    expect(s.rows[rowOf(s, '本年收入合计')][2].formula).toBe("'1收入支出决算总表'!C15/10000");
    expect(amt(valueOf(ev, s, '本年收入合计'))).toBe('877.77');
    expect(pct(valueOf(ev, s, '财政拨款收入占比'))).toBe('95.78');
    // Ratios of two 元 figures need no conversion.
    expect(s.rows[rowOf(s, '其他收入占比')][2].formula).toBe("IF('1收入支出决算总表'!C15=0,\"\",'1收入支出决算总表'!C14/'1收入支出决算总表'!C15)");
    // Against a 万元 prior year (补充信息), the current figure is converted first.
    expect(amt(valueOf(ev, s, '收支总计 增减额'))).toBe('-153.60');
    expect(pct(valueOf(ev, s, '收支总计 增减率'))).toBe('-14.89');
    expect(s.rows[rowOf(s, '收支总计 增减额')][2].formula).toBe("'1收入支出决算总表'!C18/10000-补充信息!B2");
    expect(pct(valueOf(ev, s, '“三公”经费完成预算'))).toBe('82.86');
  });

  it('补充信息 amounts typed in 元 (supplementUnit) are converted too', () => {
    const yuan = toYuan(wb);
    setCell(yuan, SHEETS.supplement, 'B2', 10313700);
    const s = recalculate(sampleDetection(yuan, { unit: '元' }), { supplementUnit: '元' });
    const ev = evaluateDerived(yuan, s);
    expectConsistent(ev);
    expect(s.rows[rowOf(s, '收支总计 增减额')][2].formula).toBe("('1收入支出决算总表'!C18-补充信息!B2)/10000");
    expect(amt(valueOf(ev, s, '收支总计 增减额'))).toBe('-153.60');
    expect(pct(valueOf(ev, s, '收支总计 增减率'))).toBe('-14.89');
  });

  it('dashes, numbers stored as text and blanks are read the way readNumber reads them', () => {
    const v = cloneWorkbook(wb);
    setCell(v, SHEETS.summary, 'C7', ' 840.77 ');
    setCell(v, SHEETS.summary, 'C8', '-');
    setCell(v, SHEETS.summary, 'C9', '—');
    setCell(v, SHEETS.summary, 'C15', '877.77');
    const d = sampleDetection(v);
    const s = recalculate(d, { includeZeroItems: true });
    const ev = evaluateDerived(v, s);
    expectConsistent(ev);
    expect(pct(valueOf(ev, s, '财政拨款收入占比'))).toBe('95.78');
    const f = s.rows[rowOf(s, '财政拨款收入')][2].formula!;
    expect(f).toBe("VALUE('1收入支出决算总表'!C7)+N('1收入支出决算总表'!C8)+N('1收入支出决算总表'!C9)");
    // includeZeroItems lists the zero sources too.
    expect(pct(valueOf(ev, s, '事业收入占比'))).toBe('0.00');
  });

  it('an error in a source cell is not hidden: the figure is an error and cachedValue null', () => {
    const v = cloneWorkbook(wb);
    setCell(v, SHEETS.summary, 'C15', { error: '#REF!' });
    const s = recalculate(sampleDetection(v));
    const ev = evaluateDerived(v, s);
    expectConsistent(ev);
    expect(s.rows[rowOf(s, '财政拨款收入占比')][2].cachedValue).toBeNull();
    expect(valueOf(ev, s, '财政拨款收入占比')).toEqual({ error: '#REF!' });
  });
});

describe('partial detections', () => {
  it('an empty detection yields the title and a note per group, no formulas', () => {
    const s = recalculate({ tables: [], unknown: [], supplement: null });
    expect(s.rows.some((r) => r.some((c) => c.formula))).toBe(false);
    expect(s.rows.filter((r) => /本组不计算/.test(String(r[0]?.value ?? ''))).length).toBeGreaterThanOrEqual(6);
  });

  it('without the summary table, income shares come from the income table 合计 row', () => {
    const d: Detection = { ...det, tables: det.tables.filter((t) => t.kind !== 'summary') };
    const s = recalculate(d);
    const ev = evaluateDerived(wb, s);
    expectConsistent(ev);
    expect(pct(valueOf(ev, s, '财政拨款收入占比'))).toBe('95.78');
    expect(s.rows[rowOf(s, '财政拨款收入占比')][2].formula).toContain("'2收入决算表'!D6");
    // 收支总计 needs the summary: no 同比 row for it, the others remain.
    expect(() => rowOf(s, '收支总计 增减额')).toThrow();
    expect(amt(valueOf(ev, s, '财政拨款收支总计 增减额'))).toBe('-186.14');
  });

  it('without 三公 budget columns, the 三公经费预算 of 补充信息 is the base', () => {
    const d: Detection = {
      ...det,
      tables: det.tables.map((t) => (t.kind === 'three-public' ? { ...t, budget: null } : t)),
    };
    const s = recalculate(d);
    const ev = evaluateDerived(wb, s);
    expectConsistent(ev);
    expect(pct(valueOf(ev, s, '“三公”经费完成预算'))).toBe('82.86');
    expect(s.rows[rowOf(s, '“三公”经费完成预算')][2].formula).toContain('补充信息!B8');
  });

  it('a general-budget table without 年初预算数 says so instead of inventing rates', () => {
    const d: Detection = {
      ...det,
      tables: det.tables.map((t) => {
        if (t.kind !== 'general-budget') return t;
        const strip = <R extends { values: Record<string, unknown> }>(r: R): R => {
          const { budget: _b, ...values } = r.values;
          return { ...r, values };
        };
        return { ...t, valueKeys: t.valueKeys.filter((k) => k !== 'budget'), total: strip(t.total!), items: t.items.map(strip) };
      }),
    };
    const s = recalculate(d);
    expect(s.rows.some((r) => /无年初预算数列/.test(String(r[0]?.value ?? '')))).toBe(true);
    expect(s.rows.some((r) => /完成年初预算$/.test(String(r[0]?.value ?? '')))).toBe(false);
    // The structure block is unaffected.
    expect(pct(valueOf(evaluateDerived(wb, s), s, '208 社会保障和就业支出占比'))).toBe('94.40');
  });

  it('a blank 补充信息 value is unknown, not zero: no 同比 row', () => {
    const v = cloneWorkbook(wb);
    setCell(v, SHEETS.supplement, 'B2', null);
    const s = recalculate(sampleDetection(v));
    expect(() => rowOf(s, '收支总计 增减额')).toThrow();
    expect(rowOf(s, '财政拨款收支总计 增减额')).toBeGreaterThan(0);
  });
});
