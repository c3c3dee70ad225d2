import { buildSampleDetection, GENERAL_ROWS, SAMPLE_SUPPLEMENT } from './build';
import { generateNarrative, generateNarrativeGuarded } from '../../../src/core/narrative/generate';
import { checkNarrative } from '../../../src/core/narrative/check';
import { narrativeLines, type Narrative } from '../../../src/core/narrative/types';
import { SUPPLEMENT_KEYS, readSupplement, supplementTemplate } from '../../../src/core/narrative/supplement-keys';
import type { Finding } from '../../../src/core/findings';
import type { CodedTable } from '../../../src/core/tables/types';
import { faults, fillPlaceholders, isPlaceholderFinding } from './clean';

const text = (n: Narrative) => narrativeLines(n).join('\n');
const paragraphOf = (n: Narrative, heading: string) => n.sections.find((s) => s.heading.includes(heading))!.paragraphs;

describe('generateNarrative on the sample figures (Hunan profile)', () => {
  const n = generateNarrative(buildSampleDetection());
  const t = text(n);

  it('writes the 14 sections in order, with the 二级 headings of 五 and 七', () => {
    const top = n.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(top).toHaveLength(14);
    expect(n.title).toBe('2023年度部门决算情况说明');
    expect(top[0]).toBe('一、收入支出决算总体情况说明');
    expect(top[4]).toBe('五、一般公共预算财政拨款支出决算情况说明');
    expect(top[6]).toBe('七、“三公”经费支出决算情况说明');
    expect(top[13]).toBe('十四、预算绩效情况说明');
    expect(n.sections.filter((s) => s.level === 2).map((s) => s.heading)).toEqual([
      '（一）一般公共预算财政拨款支出决算总体情况',
      '（二）一般公共预算财政拨款支出决算结构情况',
      '（三）一般公共预算财政拨款支出决算具体情况',
      '（一）“三公”经费财政拨款支出决算总体情况说明',
      '（二）“三公”经费财政拨款支出决算具体情况说明',
    ]);
    expect(n.year).toBe(2023);
    expect(n.unitName).toBe('怀化市就业服务中心');
  });

  it.each([
    '2023年度收、支总计877.77万元',
    '与上年相比，收、支总计各减少153.60万元，下降14.89%',
    '财政拨款收入840.77万元，占95.78%',
    '其他收入37.00万元，占4.22%',
    '基本支出738.08万元，占84.09%',
    '项目支出139.69万元，占15.91%',
    '财政拨款收、支总计各减少186.14万元，下降18.13%', // 840.77 − 1026.91; 186.14 / 1026.91 = 18.126%
    '一般公共预算财政拨款支出840.77万元，占本年支出合计的95.78%',
    '社会保障和就业支出（类）793.68万元，占94.40%',
    '卫生健康支出（类）27.09万元，占3.22%',
    '年初预算为897.32万元，支出决算为840.77万元，完成年初预算的93.70%，决算数小于年初预算数',
    '人员经费641.21万元，占基本支出的91.46%',
    '公用经费59.87万元，占基本支出的8.54%',
    '年初预算为1.40万元，支出决算为1.16万元，完成预算的82.86%，决算数小于预算数',
    '公务接待费支出决算1.16万元，占100.00%',
    '全年国内公务接待15批次，69人次',
    '减少0.26万元，下降18.31%', // 三公 1.16 vs 上年 1.42
    '机关运行经费支出59.87万元', // 参照公务员法管理事业单位: = 公用经费
    '会议费支出0.27万元',
    '平均得分99.96分', // (100 + 100 + 99.88) / 3
  ])('contains %s', (s) => {
    expect(t).toContain(s);
  });

  it('omits sources that are zero from the income sentence', () => {
    const p = paragraphOf(n, '二、收入决算情况')[0];
    for (const absent of ['上级补助收入', '事业收入', '经营收入', '附属单位上缴收入']) expect(p).not.toContain(absent);
  });

  it('writes one item per 项 with the comparison word from the data and no % when the budget is 0', () => {
    const items = paragraphOf(n, '（三）').slice(1);
    // Every 项 with a budget or an amount, in table order.
    expect(items).toHaveLength(10);
    const byName = (name: string) => items.find((p) => p.includes(`${name}（项）`))!;
    expect(byName('就业管理事务')).toContain('年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数的主要原因是【请填写原因】。');
    expect(byName('就业管理事务')).not.toContain('%');
    expect(byName('行政运行')).toContain('年初预算为58.34万元，支出决算为0.00万元，完成年初预算的0.00%，决算数小于年初预算数');
    expect(byName('社会保险经办机构')).toContain('完成年初预算的9.96%，决算数小于'); // 57.60 / 578.03
    expect(byName('机关事业单位基本养老保险缴费支出')).toContain('完成年初预算的96.52%，决算数小于');
    expect(byName('创业担保贷款贴息及奖补')).toContain('决算数大于年初预算数');
    expect(items[0]).toMatch(/^（1）社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。/);
    expect(items[9]).toMatch(/^（10）农林水支出（类）普惠金融发展支出（款）创业担保贷款贴息及奖补（项）。/);
  });

  it('says 上年无此项支出 from a zero base, never 增长100%', () => {
    const p = paragraphOf(n, '十、机关运行经费')[0];
    expect(p).toContain('机关运行经费增加59.87万元，上年无此项支出');
    expect(t).not.toMatch(/增长100(\.00)?%/);
  });

  it('never prints an alternative pair of direction words', () => {
    expect(t).not.toMatch(/增加（减少）|减少（增加）|增长（下降）|下降（增长）|大于（小于）|小于（大于）|增加\/减少|上升（下降）/);
  });

  it('reports what the 补充信息 lacks instead of inventing it', () => {
    expect(t).toContain('单价100万元以上设备【待补充：单价100万元以上设备】');
    expect(n.missing).toEqual(expect.arrayContaining(['补充信息缺少：单价100万元以上设备', '补充信息缺少：节庆论坛赛事活动支出']));
  });

  it('passes its own checker: no error, warnings only on its marked placeholders, none once they are filled', () => {
    const findings = checkNarrative(t, buildSampleDetection());
    expect(faults(findings)).toEqual([]);
    expect(findings.filter(isPlaceholderFinding).length).toBeGreaterThan(0);
    expect(checkNarrative(fillPlaceholders(t), buildSampleDetection()).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('generateNarrative variations', () => {
  it('converts tables in 元 to the same 万元 text', () => {
    const wan = text(generateNarrative(buildSampleDetection()));
    const yuan = text(generateNarrative(buildSampleDetection({ yuan: true })));
    expect(yuan).toBe(wan);
  });

  it('writes the Shanghai profile with 11 sections, 十 预算绩效管理情况 and 十一 其他重要事项 as the published reports have them', () => {
    const n = generateNarrative(buildSampleDetection(), { profile: 'shanghai' });
    const top = n.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(top).toHaveLength(11);
    expect(top[9]).toBe('十、预算绩效管理情况');
    expect(top[10]).toBe('十一、其他重要事项的情况说明');
    const i = n.sections.findIndex((s) => s.heading === top[10]);
    expect(n.sections.slice(i + 1).map((s) => s.heading)).toEqual(['（一）机关运行经费支出情况', '（二）政府采购支出情况', '（三）国有资产占有使用情况说明']);
    expect(n.title).toBe('第三部分 怀化市就业服务中心2023年度部门决算情况说明');
    expect(top[6]).toBe('七、财政拨款“三公”经费支出决算情况说明');
    expect(text(n)).toContain('怀化市就业服务中心2023年度收入支出总计877.77万元。与2022年度相比，收入支出总计减少153.60万元，下降14.89%。');
    expect(checkNarrative(text(n), buildSampleDetection()).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes the year from the option over the tables', () => {
    const n = generateNarrative(buildSampleDetection(), { year: 2024 });
    expect(n.sections[0].paragraphs[0]).toMatch(/^2024年度收、支总计/);
  });

  it('uses reasons stored as 原因:<编码|名称|主题> lines of 补充信息', () => {
    const sup = [...SAMPLE_SUPPLEMENT, ['原因:2080106', '新增就业专项经费。'], ['原因：社会保险经办机构', '经费改由社保基金列支'], [' 原因:收支总计 ', '项目支出减少']] as [string, string][];
    const n = generateNarrative(buildSampleDetection({ supplement: sup }));
    const t = text(n);
    expect(t).toContain('就业管理事务（项）。年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数的主要原因是新增就业专项经费。');
    expect(t).toContain('决算数小于年初预算数的主要原因是经费改由社保基金列支。');
    expect(t).toContain('下降14.89%。主要原因是项目支出减少。');
    // Items without a stored reason keep the placeholder.
    expect(paragraphOf(n, '（三）').find((p) => p.includes('行政运行（项）'))).toContain('【请填写原因】');
  });

  it('marks missing facts as 【待补充：…】 placeholders and lists the missing keys when 补充信息 is absent', () => {
    const n = generateNarrative(buildSampleDetection({ supplement: null }));
    const t = text(n);
    expect(t).toContain('与上年相比，收、支总计的增减情况【待补充：上年收支总计】。');
    expect(t).toContain('全年国内公务接待批次、人次【待补充：公务接待批次、公务接待人次】。');
    expect(t).toContain('机关运行经费支出【待补充：单位性质】');
    // No tool message in the text.
    expect(t).not.toMatch(/补充信息缺少|缺少表|上年无数据|未作同比比较/);
    expect(t).not.toMatch(/与上年相比，收、支总计各/);
    // Every key the generator asks for is one the UI can create.
    const keys = new Set(SUPPLEMENT_KEYS.map((k) => k.key));
    for (const m of n.missing.filter((x) => x.startsWith('补充信息缺少：'))) expect(keys).toContain(m.slice('补充信息缺少：'.length));
    expect(checkNarrative(t, buildSampleDetection({ supplement: null })).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('chooses 增加/增长 and 等于 from the data', () => {
    const rows = GENERAL_ROWS.map((r) => (r[0] === '2080109' ? (['2080109', '社会保险经办机构', 57.6, 57.6, 57.6, 0] as typeof r) : r));
    const sup = SAMPLE_SUPPLEMENT.map(([k, v]) => (k === '上年收支总计' ? [k, 800] : [k, v])) as [string, number | string][];
    const n = generateNarrative(buildSampleDetection({ generalRows: rows, supplement: sup }));
    const t = text(n);
    expect(t).toContain('与上年相比，收、支总计各增加77.77万元，增长9.72%'); // 77.77 / 800 = 9.721%
    expect(paragraphOf(n, '（三）').find((p) => p.includes('社会保险经办机构'))).toContain('完成年初预算的100.00%，决算数等于年初预算数。');
    const flat = SAMPLE_SUPPLEMENT.map(([k, v]) => (k === '上年收支总计' ? [k, 877.77] : [k, v])) as [string, number | string][];
    expect(text(generateNarrative(buildSampleDetection({ supplement: flat })))).toContain('与上年相比，收、支总计各持平。');
  });

  it('omits 三公 shares when nothing was spent and the counts when the amount is zero', () => {
    const n = generateNarrative(buildSampleDetection({ threePublicActual: { total: 0, reception: 0 } }));
    const p = paragraphOf(n, '（二）“三公”');
    expect(p.join('')).not.toContain('占');
    expect(p.join('')).toContain('全年未发生公务接待费支出');
  });

  it('writes 决算 only, and says so, when the table has no 年初预算数 column', () => {
    const d = buildSampleDetection();
    const gb = d.tables.find((t) => t.kind === 'general-budget') as CodedTable;
    for (const r of [gb.total!, ...gb.items]) delete r.values.budget;
    gb.valueKeys = gb.valueKeys.filter((k) => k !== 'budget');
    const n = generateNarrative(d);
    const items = paragraphOf(n, '（三）');
    expect(items[0]).toBe('2023年度一般公共预算财政拨款支出年初预算为【待补充：年初预算数】，支出决算为840.77万元。其中：');
    expect(items.find((p) => p.includes('就业管理事务（项）'))).toMatch(/就业管理事务（项）。年初预算为【待补充：年初预算数】，支出决算为449\.89万元。$/);
    expect(items.join('')).not.toMatch(/大于|小于|完成年初预算/);
    expect(n.missing).toContain('补充信息缺少：年初预算:<科目编码或名称>');
  });

  it('says which table is missing', () => {
    const n = generateNarrative(buildSampleDetection({ omit: ['three-public', 'basic-detail'] }));
    expect(paragraphOf(n, '七、').length).toBe(0);
    expect(text(n)).toContain('【待补充：财政拨款“三公”经费支出决算表的数据（未找到此表）】');
    expect(text(n)).toContain('【待补充：一般公共预算财政拨款基本支出决算表的数据（未找到此表）】');
    expect(n.missing).toContain('缺少表：财政拨款“三公”经费支出决算表');
  });
});

describe('generateNarrativeGuarded', () => {
  const err: Finding = { rule: 'sum.column', family: 'sum', severity: 'error', sheet: '支出决算表', cell: 'C6', related: [], line: null, message: '合计应为 877.77，实为 878.77，相差 1.00' };
  const warn: Finding = { ...err, severity: 'warning' };

  it('refuses when the checks found an error, listing them', () => {
    const g = generateNarrativeGuarded(buildSampleDetection(), [warn, err]);
    expect(g.refused).toBe(true);
    if (g.refused) {
      expect(g.errors).toEqual([err]);
      expect(g.message).toContain('支出决算表!C6 合计应为 877.77，实为 878.77');
    }
  });

  it('generates when forced or when there are only warnings', () => {
    const forced = generateNarrativeGuarded(buildSampleDetection(), [err], { force: true });
    expect(forced.refused).toBe(false);
    if (!forced.refused) expect(text(forced.narrative)).toContain('收、支总计877.77万元');
    expect(generateNarrativeGuarded(buildSampleDetection(), [warn]).refused).toBe(false);
  });
});

describe('SUPPLEMENT_KEYS', () => {
  it('lists every key of SPEC §6 with a hint', () => {
    const keys = SUPPLEMENT_KEYS.map((k) => k.key);
    for (const k of ['上年收支总计', '上年财政拨款收支总计', '上年一般公共预算财政拨款支出', '上年机关运行经费', '上年三公经费', '三公经费预算', '因公出国团组', '因公出国人次', '公务用车购置数量', '公务用车保有量', '公务接待批次', '公务接待人次', '会议费', '培训费', '政府采购支出总额', '授予中小企业合同金额', '车辆总数', '单价100万元以上设备', '单位性质']) {
      expect(keys).toContain(k);
    }
    expect(keys.some((k) => k.startsWith('原因:'))).toBe(true);
    for (const k of SUPPLEMENT_KEYS) expect(k.hint.length).toBeGreaterThan(3);
  });

  it('gives the UI a sheet template with every key and blank values', () => {
    const rows = supplementTemplate();
    expect(rows[0]).toEqual(['项目', '内容', '说明']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(SUPPLEMENT_KEYS.map((k) => k.key));
    expect(rows.slice(1).every((r) => r[1] === '')).toBe(true);
  });

  it('reads aliases, full-width colons and spaces; reports unknown keys', () => {
    const f = readSupplement({ sheet: '补充信息', entries: [['公务接待团组', 15], [' 原因：2080106 ', '说明'], ['不认识的键', 1], ['会议费', '']].map(([key, value], i) => ({ key: key as string, value, ref: { sheet: '补充信息', row: i, col: 0 } })) });
    expect(f.values.get('公务接待批次')).toBe(15);
    expect(f.reasons.get('2080106')).toBe('说明');
    expect(f.unknown).toEqual(['不认识的键']);
    expect(f.values.has('会议费')).toBe(false);
  });
});
