// Hostile review (3): the officer's narrative in the Shanghai layout and profile. The generated text
// must check clean in every layout and unit (it restates the balances and the fund paragraphs, which
// once were read as belonging to the item named before them), and each §7 fault category planted in
// it is reported on its line.
import type { Finding } from '../../../src/core/findings';
import { analyzeWorkbook, checkNarrative, detectTables, generateNarrative, narrativeLines, sheetFromValues } from '../../../src/core/index';
import type { Detection } from '../../../src/core/tables/types';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { generateWorkbook } from '../../fixtures/generator';
import type { LayoutId, UnitId } from '../../fixtures/generator';

async function detect(layout: LayoutId, unit: UnitId): Promise<Detection> {
  const g = await generateWorkbook({ layout, unit });
  return analyzeWorkbook(await readXlsx(g.bytes, 'g.xlsx')).detection;
}
// The generated text's own marked placeholders (【待补充：…】, 【请填写原因】) are warnings by design (issue 12).
const notInfo = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && !String(f.actual ?? '').startsWith('【')).map((f) => `${f.line}: ${f.rule} ${f.message}`);

describe('generated text checks clean', () => {
  const cases: [LayoutId, UnitId][] = [];
  for (const layout of ['hunan', 'shanghai', 'central'] as LayoutId[]) for (const unit of ['jiuye', 'bigunit', 'rounding'] as UnitId[]) cases.push([layout, unit]);
  it.each(cases)('%s layout, %s unit, both profiles', async (layout, unit) => {
    const d = await detect(layout, unit);
    for (const profile of ['hunan', 'shanghai'] as const) {
      const text = narrativeLines(generateNarrative(d, { profile })).join('\n');
      expect(notInfo(checkNarrative(text, d))).toEqual([]);
    }
  });
});

describe('§7 faults in a Shanghai narrative are reported on their line', () => {
  let d: Detection;
  let lines: string[];
  beforeAll(async () => {
    d = await detect('shanghai', 'bigunit');
    lines = narrativeLines(generateNarrative(d, { profile: 'shanghai' }));
  });
  /** Replace `from` by `to` on the (single) line holding `anchor`; returns the line number. */
  function plant(anchor: string, from: string, to: string): { text: string; line: number } {
    const i = lines.findIndex((l) => l.includes(anchor));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i]).toContain(from);
    const copy = [...lines];
    copy[i] = copy[i].replace(from, to);
    return { text: copy.join('\n'), line: i + 1 };
  }
  const onLine = (text: string, line: number, rule: RegExp) => checkNarrative(text, d).filter((f) => f.line === line && rule.test(f.rule) && f.severity !== 'info');

  it('决算数小于预算数 written while 决算 > 预算 (and the reverse)', () => {
    const p = plant('完成预算的90.82%', '决算数小于预算数', '决算数大于预算数');
    expect(onLine(p.text, p.line, /^narrative\./)).not.toHaveLength(0);
  });
  it('a 科目 name with swapped characters, with the right name given', () => {
    const p = plant('（8）', '城乡社区环境卫生（款）', '城乡社区卫生环境（款）');
    const f = onLine(p.text, p.line, /^narrative\.name/);
    expect(f).not.toHaveLength(0);
    expect(f[0].message).toContain('城乡社区环境卫生');
  });
  it('a 项 attributed to the wrong 款', () => {
    const p = plant('机关事业单位职业年金缴费支出（项）', '行政事业单位养老支出（款）', '其他社会保障和就业支出（款）');
    expect(onLine(p.text, p.line, /^narrative\./)).not.toHaveLength(0);
  });
  it('a 三公 share computed against the budget instead of the 决算合计', () => {
    // 3.26 / 50.00 (预算数) = 6.52%; against the 决算合计 45.41 it is 7.18%.
    const p = plant('公务接待费支出决算3.26万元', '占7.18%', '占6.52%');
    const f = onLine(p.text, p.line, /^narrative\.share/);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
  });
  it('an amount without its unit', () => {
    const p = plant('1．因公出国', '支出4.50万元', '支出4.50');
    expect(onLine(p.text, p.line, /^narrative\.unit/)).toHaveLength(1);
  });
  it('direction words against the sign of the change', () => {
    // Shanghai's frame: '收入支出总计减少…' (issue 12: headings and wording as the published reports).
    const p = plant('收入支出总计减少', '减少210.77万元，下降7.28%', '增加210.77万元，增长7.28%');
    expect(onLine(p.text, p.line, /^narrative\./).length).toBeGreaterThan(0);
  });
  it('a wrong amount in the 国有资本经营 and 政府性基金 paragraphs (their own 项目支出)', () => {
    const a = plant('国有资本经营预算财政拨款支出35.00万元', '项目支出35.00万元', '项目支出36.00万元');
    expect(onLine(a.text, a.line, /^narrative\.amount/)).toHaveLength(1);
    const b = plant('政府性基金预算财政拨款年初结转和结余', '项目支出627.30万元', '项目支出628.30万元');
    expect(onLine(b.text, b.line, /^narrative\.amount/)).toHaveLength(1);
  });
  it('a wrong figure after a label the tables do not hold is not blamed on the previous item', () => {
    const p = plant('使用非财政拨款结余', '年初结转和结余187.90万元', '年初结转和结余190.00万元');
    expect(onLine(p.text, p.line, /^narrative\.amount/)).toEqual([]);
  });
  it('growth stated from a zero base', () => {
    // Last year's 三公 was nil (补充信息 上年三公经费 = 0): '增长100.00%' cannot be right.
    const zero: Detection = { ...d, supplement: d.supplement && { ...d.supplement, entries: d.supplement.entries.map((e) => (e.key === '上年三公经费' ? { ...e, value: 0 } : e)) } };
    const text = [...lines, '与上年相比，“三公”经费财政拨款支出增加45.41万元，增长100.00%。'].join('\n');
    const f = checkNarrative(text, zero).filter((x) => x.line === lines.length + 1 && x.severity !== 'info');
    expect(f.map((x) => x.rule)).toContain('narrative.zero-base');
    expect(f.some((x) => /上年|零|0/.test(x.message))).toBe(true);
  });
});

describe('a 项 name shared under several 款 (行政运行)', () => {
  // 一般公共预算财政拨款支出决算表 with 年初预算数: 行政运行 under 20101 (100 → 80) and under 20801 (50 → 75).
  const d = detectTables({
    name: 'x.xlsx',
    sheets: [
      sheetFromValues('一般', [
        ['一般公共预算财政拨款支出决算表'],
        [null, null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '年初预算数', '本年支出合计', '基本支出', '项目支出'],
        ['合计', null, 150, 155, 155, 0],
        ['201', '一般公共服务支出', 100, 80, 80, 0],
        ['20101', '人大事务', 100, 80, 80, 0],
        ['2010101', '行政运行', 100, 80, 80, 0],
        ['208', '社会保障和就业支出', 50, 75, 75, 0],
        ['20801', '人力资源和社会保障管理事务', 50, 75, 75, 0],
        ['2080101', '行政运行', 50, 75, 75, 0],
      ]),
    ],
  });
  const line = (sec: string, budget: string, actual: string, rate: string, word: string) =>
    `（1）${sec === '人大事务' ? '一般公共服务支出' : '社会保障和就业支出'}（类）${sec}（款）行政运行（项）。年初预算为${budget}万元，支出决算为${actual}万元，完成年初预算的${rate}，决算数${word}年初预算数，主要原因是工作安排。`;
  it('checks each against its own 款', () => {
    const ok = [line('人大事务', '100.00', '80.00', '80.00%', '小于'), line('人力资源和社会保障管理事务', '50.00', '75.00', '150.00%', '大于')].join('\n');
    expect(notInfo(checkNarrative(ok, d))).toEqual([]);
    // The 20801 line given the 20101 figures: wrong on every count.
    const bad = line('人力资源和社会保障管理事务', '100.00', '80.00', '80.00%', '小于');
    const fs = checkNarrative(bad, d).filter((f) => f.severity === 'error');
    expect(fs.map((f) => f.rule).sort()).toEqual(expect.arrayContaining(['narrative.amount', 'narrative.completion', 'narrative.direction']));
    expect(fs.every((f) => f.line === 1)).toBe(true);
  });
});
