// Text an officer can submit with light edits: on the shared sample and both real workbooks, in
// both profiles, the generated 情况说明 checks clean with our own checker, holds no tool message,
// marks every missing fact as 【待补充：…】 (listed once in `missing`), words zero items as officers
// do, writes catalogue names over misspelt table names and the 预算绩效 paragraphs.
import { join } from 'path';
import { loadSample, loadXlsx, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { workbookYear } from '../../../src/core/tables/year';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { checkNarrative } from '../../../src/core/narrative/check';
import { narrativeLines, type Narrative, type NarrativeProfile } from '../../../src/core/narrative/types';
import type { CodedTable, Detection } from '../../../src/core/tables/types';
import { buildSampleDetection, GENERAL_ROWS, SAMPLE_SUPPLEMENT } from './build';
import { faults, fillPlaceholders } from './clean';

const full = (n: Narrative) => [n.title, ...narrativeLines(n)].join('\n');
const books: { name: string; d: Detection; year?: number }[] = [];

beforeAll(async () => {
  const sample = await loadSample();
  books.push({ name: 'sample', d: detectTables(sample) });
  for (const u of ['shengtai', 'yichuan']) {
    const wb = await loadXlsx(join(SHARED_DIR, 'fixtures', 'real', `sh-putuo-${u}-2025.xlsx`));
    const d = detectTables(wb);
    books.push({ name: u, d, year: workbookYear(d, wb) });
  }
});

const TOOL_MESSAGE = /补充信息缺少|缺少表|上年无数据|未作同比比较|无年初预算数|自评表未填得分|（未填项目名称）/;
const ZERO_ITEM = /占0\.00%|(培训费|会议费|因公出国（境）费|公务接待费|公务用车购置费|公务用车运行维护费)支出(决算)?0\.00万元/;

describe.each(['hunan', 'shanghai'] as NarrativeProfile[])('generated text, %s profile', (profile) => {
  it.each(['sample', 'shengtai', 'yichuan'])('%s: checks clean, no tool message, placeholders marked and listed once', (name) => {
    const b = books.find((x) => x.name === name)!;
    const n = generateNarrative(b.d, { profile, year: b.year });
    const t = full(n);
    expect(faults(checkNarrative(t, b.d))).toEqual([]);
    expect(checkNarrative(fillPlaceholders(t), b.d).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(t).not.toMatch(TOOL_MESSAGE);
    expect(t).not.toMatch(ZERO_ITEM);
    for (const m of t.match(/【[^】]*】/g) ?? []) expect(m).toMatch(/^【(待补充：.+|请填写原因)】$/);
    expect(new Set(n.missing).size).toBe(n.missing.length);
    // Every 待补充 placeholder is in the list shown above the text.
    const listed = n.missing.join('|');
    for (const m of t.match(/【待补充：[^】（]*/g) ?? []) {
      const what = m.slice('【待补充：'.length);
      expect({ what, listed: what.split('、').every((k) => listed.includes(k) || k === '年初预算数' || /的数据$/.test(k)) }).toEqual({ what, listed: true });
    }
    if (name !== 'sample') expect(n.year).toBe(2025);
  });
});

describe('the real workbooks', () => {
  it('takes the unit name from the empty table notes for the Shanghai title', () => {
    const b = books.find((x) => x.name === 'shengtai')!;
    expect(generateNarrative(b.d, { profile: 'shanghai', year: b.year }).title).toBe('第三部分 上海市普陀区生态环境局2025年度部门决算情况说明');
  });

  it('writes the 政府性基金 spending the table holds (its 合计 row carries sub-headers, not figures)', () => {
    const b = books.find((x) => x.name === 'yichuan')!;
    const t = full(generateNarrative(b.d, { profile: 'shanghai', year: b.year }));
    expect(t).toContain('政府性基金预算财政拨款本年收入105.00万元，本年支出105.00万元（其中：项目支出105.00万元）。按科目分：住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）105.00万元。');
  });

  it('leaves the per-项 budgets Shanghai tables lack as placeholders, never a guessed comparison', () => {
    const b = books.find((x) => x.name === 'shengtai')!;
    const n = generateNarrative(b.d, { profile: 'shanghai', year: b.year });
    const detail = n.sections.find((s) => s.heading.includes('具体情况'))!.paragraphs;
    expect(detail[1]).toBe('（1）社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为【待补充：年初预算数】，支出决算为51.98万元。');
    expect(detail.join('')).not.toMatch(/大于|小于/);
  });
});

describe('generator details', () => {
  it('takes 年初预算 per 项 from 补充信息 (年初预算:<编码>) when the table has none, and compares', () => {
    const sup = [...SAMPLE_SUPPLEMENT, ['年初预算:2080106', 400], ['年初预算:就业补助', 0]] as [string, number][];
    const d = buildSampleDetection({ supplement: sup });
    const gb = d.tables.find((t) => t.kind === 'general-budget') as CodedTable;
    for (const r of [gb.total!, ...gb.items]) delete r.values.budget;
    const n = generateNarrative(d);
    const p = n.sections.find((s) => s.heading.includes('具体情况'))!.paragraphs.find((x) => x.includes('就业管理事务（项）'))!;
    expect(p).toContain('年初预算为400.00万元，支出决算为449.89万元，完成年初预算的112.47%，决算数大于年初预算数的主要原因是【请填写原因】。');
    expect(faults(checkNarrative(full(n), d))).toEqual([]);
  });

  it('writes the catalogue name for a 科目 the table misspells', () => {
    const rows = GENERAL_ROWS.map((r) => (r[0] === '21308' ? (['21308', '惠普金融发展支出', ...r.slice(2)] as typeof r) : r));
    const t = full(generateNarrative(buildSampleDetection({ generalRows: rows })));
    expect(t).toContain('农林水支出（类）普惠金融发展支出（款）创业担保贷款贴息及奖补（项）');
    expect(t).not.toContain('惠普');
  });

  it('words zero items as officers do', () => {
    const t = full(generateNarrative(buildSampleDetection()));
    expect(t).toContain('1．因公出国（境）费。本单位全年未发生因公出国（境）费支出。');
    expect(t).toContain('2．公务用车购置及运行维护费。本单位全年未购置公务用车，未发生公务用车运行维护费支出。');
    expect(t).toContain('会议费支出0.27万元；未发生培训费支出');
    expect(t).toContain('“三公”经费财政拨款支出决算中，公务接待费支出决算1.16万元，占100.00%。');
  });

  it('writes the 预算绩效 paragraphs from the scorecards, with problems and measures left to the officer', () => {
    const n = generateNarrative(buildSampleDetection());
    const p = n.sections.find((s) => s.heading === '十四、预算绩效情况说明')!.paragraphs;
    expect(p[0]).toBe('2023年度本单位开展项目支出绩效自评3个，涉及全年预算数47.50万元，全年执行数47.26万元，执行率99.49%，平均得分99.96分。');
    expect(p[1]).toBe('开展部门整体支出绩效自评1个，全年执行数877.77万元，自评得分100.00分。');
    expect(p[2]).toMatch(/^存在的问题及原因分析：【待补充：存在的问题及原因分析（如.+）】$/);
    expect(p[3]).toMatch(/^下一步改进措施：【待补充：下一步改进措施（如.+）】$/);
    expect(n.missing).toEqual(expect.arrayContaining(['待补充：存在的问题及原因分析', '待补充：下一步改进措施']));
  });
});
