import { buildSampleDetection } from './build';
import { checkNarrative } from '../../../src/core/narrative/check';
import type { Finding } from '../../../src/core/findings';
import fc from 'fast-check';

const d = buildSampleDetection();
const check = (lines: string[]) => checkNarrative(lines.join('\n'), d);
const at = (fs: Finding[], line: number) => fs.filter((f) => f.line === line);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

describe('checkNarrative: clean text', () => {
  it('accepts correct statements written in other words than the generator', () => {
    const fs = check([
      '一、收入支出决算总体情况',
      '2023年度收、支总计877.77万元，与上年相比，收、支总计各减少153.60万元，下降14.89%，主要原因是项目减少。',
      '本年收入合计877.77万元，其中财政拨款收入840.77万元，占95.78%，其他收入37.00万元，占4.22%。',
      '2023年度一般公共预算财政拨款支出840.77万元，占本年支出合计的95.78%。',
      '三公经费财政拨款支出预算为1.40万元，支出决算为1.16万元，完成预算的82.86%。',
      '公务接待费1.16万元，占100.00%。',
      '人员经费641.21万元，占基本支出的91.46%；公用经费59.87万元，占基本支出的8.54%。',
      '（1）社会保障和就业支出（类）人力资源和社会保障管理事务（款）就业管理事务（项）。年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数，主要原因是新增就业专项资金。',
      '单价100万元以上设备0台；国内公务接待15批次，69人次。',
    ]);
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('checkNarrative: planted faults', () => {
  const text = [
    /* 1 */ '一、收入支出决算总体情况',
    /* 2 */ '2023年度收入合计878.77万元，其中：财政拨款收入840.77万元，占95.78%。',
    /* 3 */ '2023年度“三公”经费财政拨款支出决算中，公务接待费支出决算1.16万元，占82.86%。',
    /* 4 */ '（2）社会保障和就业支出（类）人力资源和社会保障管理事务（款）就业管理事务（项）。年初预算为0.00万元，支出决算为449.89万元，决算数小于年初预算数的主要原因是人员增加。',
    /* 5 */ '（3）社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险办经机构（项）。年初预算为578.03万元，支出决算为57.60万元。',
    /* 6 */ '（4）社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他就业补助支出（项）。年初预算为0.00万元，支出决算为13.99万元。',
    /* 7 */ '2023年度本单位机关运行经费支出59.87万元，与上年相比，机关运行经费增加59.87万元，增长100%。',
    /* 8 */ '2023年度一般公共预算财政拨款支出840.77万元，主要用于：卫生健康支出（类）27.09，占3.22%。',
    /* 9 */ '与上年相比，收、支总计各增加153.60万元，增长14.89%。',
    /* 10 */ '2023年度一般公共预算财政拨款支出年初预算为897.32万元，支出决算为840.77万元，完成年初预算的95.00%。',
    /* 11 */ '其他收入37.00万元，占4.21%。',
    /* 12 */ '与上年相比，财政拨款收、支总计各减少180.00万元，下降18.13%，主要原因是项目减少。',
    /* 13 */ '1．行政事业单位养老支出（款）',
    /* 14 */ '（1）就业管理事务（项）：年初预算为0.00万元，支出决算为449.89万元。',
    /* 15 */ '财政拨款收入840.78万元。',
    /* 16 */ '与上年相比，“三公”经费财政拨款支出持平。',
  ];
  const fs = check(text);

  it('finds a wrong amount (error, line 2, quoted)', () => {
    const f = at(fs, 2).find((x) => x.rule === 'narrative.amount')!;
    expect(f).toMatchObject({ severity: 'error', family: 'narrative', sheet: null, cell: null, expected: 877.77, actual: 878.77 });
    expect(f.message).toContain('877.77万元');
    expect(f.excerpt).toContain('收入合计878.77万元');
    // The correct share on the same line is not flagged.
    expect(at(fs, 2).filter((x) => x.rule === 'narrative.share')).toEqual([]);
  });

  it('finds a share computed against the wrong base and says what it is', () => {
    const f = at(fs, 3).find((x) => x.rule === 'narrative.share')!;
    expect(f.severity).toBe('error');
    expect(f.expected).toBe(100);
    expect(f.message).toContain('100.00%');
    expect(f.message).toContain('完成预算');
  });

  it('finds 决算数小于年初预算数 while 决算 > 预算', () => {
    const f = at(fs, 4).find((x) => x.rule === 'narrative.direction')!;
    expect(f).toMatchObject({ severity: 'error', expected: '大于', actual: '小于' });
  });

  it('finds a misspelt 科目 name (swapped characters) and gives the right one', () => {
    const f = at(fs, 5).find((x) => x.rule === 'narrative.name')!;
    expect(f).toMatchObject({ severity: 'error', expected: '社会保险经办机构', actual: '社会保险办经机构' });
    expect(f.message).toContain('2080109');
    // The amounts are still checked against the right item: no false amount errors.
    expect(at(fs, 5).filter((x) => x.rule === 'narrative.amount')).toEqual([]);
  });

  it('finds a 项 under the wrong 款 (chain written on one line)', () => {
    const f = at(fs, 6).find((x) => x.rule === 'narrative.nesting')!;
    expect(f.severity).toBe('error');
    expect(f.expected).toBe('就业补助（款）');
    expect(f.actual).toBe('人力资源和社会保障管理事务（款）');
  });

  it('finds a 项 under the wrong 款 (款 heading on the line before)', () => {
    const f = at(fs, 14).find((x) => x.rule === 'narrative.nesting')!;
    expect(f.expected).toBe('人力资源和社会保障管理事务（款）');
    expect(f.actual).toBe('行政事业单位养老支出（款）');
    expect(f.excerpt).toContain('（1）就业管理事务（项）');
  });

  it('finds growth from a zero base', () => {
    const f = at(fs, 7).find((x) => x.rule === 'narrative.zero-base')!;
    expect(f.severity).toBe('error');
    expect(f.expected).toBe('上年无此项支出');
    // The amount of the change itself is right.
    expect(at(fs, 7).filter((x) => x.rule === 'narrative.change')).toEqual([]);
  });

  it('finds an amount without its unit, and still checks its share', () => {
    const f = at(fs, 8).find((x) => x.rule === 'narrative.unit')!;
    expect(f).toMatchObject({ severity: 'warning', actual: '27.09', expected: '27.09万元' });
    expect(errors(at(fs, 8))).toEqual([]);
  });

  it('finds direction words against the sign of the change', () => {
    const dir = at(fs, 9).filter((x) => x.rule === 'narrative.direction');
    expect(dir.map((x) => x.expected).sort()).toEqual(['下降', '减少']);
    expect(dir.every((x) => x.severity === 'error')).toBe(true);
  });

  it('finds a wrong completion rate', () => {
    const f = at(fs, 10).find((x) => x.rule === 'narrative.completion')!;
    expect(f).toMatchObject({ severity: 'error', expected: 93.7, actual: 95 });
  });

  it('reports a truncated percentage as info only', () => {
    const f = at(fs, 11);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'narrative.share', severity: 'info', expected: 4.22, actual: 4.21 });
    expect(f[0].message).toContain('截断');
  });

  it('finds a wrong change amount while accepting the right rate', () => {
    const f = at(fs, 12);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'narrative.change', severity: 'error', expected: 186.14, actual: 180 });
  });

  it('treats a one-cent difference as rounding (info)', () => {
    expect(at(fs, 15)).toEqual([expect.objectContaining({ rule: 'narrative.amount', severity: 'info' })]);
  });

  it('finds 持平 when the figures changed', () => {
    expect(at(fs, 16)).toEqual([expect.objectContaining({ rule: 'narrative.direction', severity: 'error', expected: '减少', actual: '持平' })]);
  });

  it('reports nothing on the heading lines and nothing twice', () => {
    expect(at(fs, 1)).toEqual([]);
    expect(at(fs, 13)).toEqual([]);
    const keys = fs.map((f) => `${f.line}|${f.rule}|${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('checkNarrative: share bases', () => {
  it('names the base a wrong share was computed on', () => {
    const fs = check(['2023年度支出合计877.77万元，其中：基本支出738.08万元，占87.79%。']);
    expect(fs).toEqual([expect.objectContaining({ rule: 'narrative.share', severity: 'error', expected: 84.09, actual: 87.79, line: 1 })]);
    expect(fs[0].message).toContain('以一般公共预算财政拨款支出为基数');
  });

  it('accepts a share against an explicitly named base', () => {
    expect(check(['基本支出701.08万元，占一般公共预算财政拨款支出的83.39%。'])).toEqual([]);
  });
});

describe('checkNarrative: precision', () => {
  it('takes a figure printed with fewer decimals but right at that precision as info, a wrong one as error', () => {
    const fs = check(['与上年相比，收、支总计各减少153.6万元，下降14.9%，主要原因是项目减少。', '其他收入37万元，占4.2%。', '其他收入37万元，占4.3%。']);
    expect(fs.map((f) => [f.line, f.rule, f.severity])).toEqual([
      [1, 'narrative.change', 'info'],
      [2, 'narrative.share', 'info'],
      [3, 'narrative.share', 'error'],
    ]);
  });
});

describe('checkNarrative: list layout', () => {
  it('keeps the 款 of a title line over its numbered 项 lines, and only there', () => {
    const fs = check([
      '1．人力资源和社会保障管理事务（款）',
      '（1）行政运行（项）：年初预算为58.34万元，支出决算为0.00万元。',
      '（2）其他就业补助支出（项）：年初预算为0.00万元，支出决算为13.99万元。',
      '2．就业补助（款）',
      '（1）其他就业补助支出（项）：年初预算为0.00万元，支出决算为13.99万元。',
      '卫生健康支出（类）27.09万元。',
      '（1）行政运行（项）：年初预算为58.34万元，支出决算为0.00万元。',
    ]);
    expect(fs.map((f) => [f.line, f.rule])).toEqual([[3, 'narrative.nesting']]);
    expect(fs[0].expected).toBe('就业补助（款）');
  });
});

describe('checkNarrative: names with codes and levels', () => {
  it('checks a name written with its code, either order', () => {
    const fs = check(['就业管理事物（2080106）支出449.89万元。', '2080109社会保险经办机构支出57.60万元。', '2080199其他人力资源和社会保障管理事物支出49.75万元。']);
    expect(fs.map((f) => [f.line, f.rule, f.expected])).toEqual([
      [1, 'narrative.name', '就业管理事务'],
      [3, 'narrative.name', '其他人力资源和社会保障管理事务支出'],
    ]);
  });

  it('warns when a 项 is labelled as a 款', () => {
    const fs = check(['人力资源和社会保障管理事务（项）年初预算为636.37万元。', '就业管理事务（款）支出449.89万元。']);
    expect(fs.map((f) => [f.line, f.rule, f.severity, f.expected, f.actual])).toEqual([
      [1, 'narrative.level', 'warning', '款', '项'],
      [2, 'narrative.level', 'warning', '项', '款'],
    ]);
  });

  it('reports a name found nowhere as info only', () => {
    const fs = check(['（1）完全不存在的科目（项）。年初预算为1.00万元。']);
    expect(fs).toEqual([expect.objectContaining({ rule: 'narrative.name', severity: 'info', line: 1 })]);
  });
});

describe('checkNarrative: robustness', () => {
  it('never throws and only reports lines that exist, whatever the text', () => {
    const alphabet = fc.constantFrom(...'收入合计财政拨款基本支出项目占完成年初预算的增加减少增长下降大于小于持平上年无此项（）类款项。，；：%万元0123456789.\n就业管理事务公务接待费三公经费'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (chars) => {
        const t = chars.join('');
        const fs = checkNarrative(t, d);
        const n = t.split(/\r\n|\r|\n/).length;
        return fs.every((f) => f.line !== null && f.line >= 1 && f.line <= n && f.family === 'narrative');
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkNarrative: line numbers', () => {
  it('counts lines 1-based in the text as given, CRLF included, blank lines kept', () => {
    const fs = checkNarrative('第三部分 情况说明\r\n\r\n\r\n2023年度收入合计800.00万元。', d);
    expect(fs).toEqual([expect.objectContaining({ line: 4, rule: 'narrative.amount', excerpt: '2023年度收入合计800.00万元。' })]);
  });
});
