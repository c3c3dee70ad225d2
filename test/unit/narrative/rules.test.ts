// Each narrative rule with valid and invalid sentences side by side (ESLint's RuleTester shape):
// a valid text raises nothing of the rule; an invalid one raises it on line 1 with that severity.
import { buildSampleDetection } from './build';
import { checkNarrative } from '../../../src/core/narrative/check';
import type { CodedTable, Detection } from '../../../src/core/tables/types';

const sample = buildSampleDetection();
/** No 补充信息: no prior-year figures, so changes are checked against themselves. */
const noPrior = buildSampleDetection({ supplement: null });
/** Shanghai's 一般公共预算财政拨款支出决算表: no 年初预算数 column. */
const noBudget = (() => {
  const d = buildSampleDetection();
  const gb = d.tables.find((t) => t.kind === 'general-budget') as CodedTable;
  for (const r of [gb.total!, ...gb.items]) delete r.values.budget;
  return d;
})();

const ITEM = '（1）社会保障和就业支出（类）人力资源和社会保障管理事务（款）就业管理事务（项）';

interface Case {
  text: string;
  d?: Detection;
}
const RULES: Record<string, { valid: Case[]; invalid: (Case & { severity: 'error' | 'warning' })[] }> = {
  'narrative.amount': {
    valid: [{ text: '2023年度收入合计877.77万元。' }, { text: `${ITEM}，主要用于支付人员经费、福利费等，支出决算449.89万元。` }, { text: `${ITEM}，主要用于支付人员经费、公用经费、福利费、项目支出等。年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数，主要原因是新增就业专项。` }],
    invalid: [
      { text: '2023年度收入合计878.77万元。', severity: 'error' },
      { text: `${ITEM}，主要用于支付人员经费、福利费等，支出决算450.89万元。`, severity: 'error' },
      { text: `${ITEM}，主要用于支付福利费。年初预算为0.00万元，支出决算为450.89万元。`, severity: 'error' },
    ],
  },
  'narrative.unit': {
    valid: [{ text: '卫生健康支出（类）27.09万元，占3.22%。' }],
    invalid: [
      { text: '卫生健康支出（类）27.09，占3.22%。', severity: 'warning' },
      { text: '卫生健康支出（类）27.09万元，占3.22；', severity: 'warning' },
      { text: '公务接待费支出1.16 万。', severity: 'warning' },
    ],
  },
  'narrative.share': {
    valid: [{ text: '其他收入37.00万元，占4.22%。' }, { text: '基本支出701.08万元，占一般公共预算财政拨款支出的83.39%。' }],
    invalid: [{ text: '其他收入37.00万元，占5.22%。', severity: 'error' }],
  },
  'narrative.completion': {
    valid: [{ text: '“三公”经费财政拨款支出预算为1.40万元，支出决算为1.16万元，完成预算的82.86%。' }, { text: `${ITEM}。年初预算为400.00万元，支出决算为449.89万元，完成年初预算的112.47%。`, d: noBudget }],
    invalid: [{ text: '“三公”经费财政拨款支出预算为1.40万元，支出决算为1.16万元，完成预算的92.86%。', severity: 'error' }, { text: `${ITEM}。年初预算为400.00万元，支出决算为449.89万元，完成年初预算的110.00%。`, d: noBudget, severity: 'error' }],
  },
  'narrative.zero-base': {
    valid: [{ text: '因公出国（境）费支出决算0.00万元。' }, { text: '公务接待费支出1.16万元，比2022年度增加1.16万元，上年无此项支出，主要原因是恢复接待。', d: noPrior }],
    invalid: [
      { text: '因公出国（境）费支出决算0.00万元，完成预算的0.00%。', severity: 'error' },
      { text: '公务接待费支出1.16万元，比2022年度增加1.16万元，增长100%，主要原因是恢复接待。', d: noPrior, severity: 'error' },
    ],
  },
  'narrative.direction': {
    valid: [{ text: `${ITEM}。年初预算为400.00万元，支出决算为449.89万元，决算数大于预算数，主要原因是追加。`, d: noBudget }],
    invalid: [
      { text: `${ITEM}。年初预算为400.00万元，支出决算为449.89万元，决算数小于预算数，主要原因是追加。`, d: noBudget, severity: 'error' },
      { text: `${ITEM}。年初预算为0.00万元，支出决算为449.89万元，决算数小于年初预算数，主要原因是追加。`, severity: 'error' },
    ],
  },
  'narrative.change': {
    valid: [{ text: '公务接待费支出1.16万元，比2022年度减少0.26万元，下降18.31%，主要原因是压减接待。', d: noPrior }, { text: '与上年相比，收、支总计各减少153.60万元，下降14.89%，主要原因是项目减少。' }],
    invalid: [
      { text: '公务接待费支出1.16万元，比2022年度减少0.26万元，下降17.31%，主要原因是压减接待。', d: noPrior, severity: 'error' },
      { text: '与上年相比，收、支总计各减少150.60万元，下降14.89%，主要原因是项目减少。', severity: 'error' },
    ],
  },
  'narrative.change-sum': {
    valid: [
      { text: '“三公”经费财政拨款支出决算数比2022年度减少0.50万元，其中：公务用车购置及运行维护费减少0.70万元；公务接待费增加0.20万元。', d: noPrior },
      { text: '“三公”经费财政拨款支出决算数比2022年度减少0.50万元，其中：因公出国（境）费与上年持平；公务用车购置及运行维护费减少0.71万元；公务接待费增加0.20万元。', d: noPrior },
    ],
    invalid: [
      { text: '“三公”经费财政拨款支出决算数比2022年度减少3.59万元，其中：因公出国（境）费与上年持平；公务用车购置及运行维护费减少3.59万元；公务接待费增加0.30万元。', d: noPrior, severity: 'error' },
      { text: '“三公”经费财政拨款支出决算数比2022年度减少3.59万元，其中：公务用车购置及运行维护费减少3.59万元；公务接待费增加0.30万元。', d: noPrior, severity: 'warning' },
    ],
  },
  'narrative.contradiction': {
    valid: [{ text: '公务接待费支出决算1.16万元，与2022年持平。', d: noPrior }],
    invalid: [{ text: '公务接待费支出决算减少为1.16万元，与2022年持平。', d: noPrior, severity: 'error' }],
  },
  'narrative.name': {
    valid: [{ text: '卫生健康支出（类）27.09万元。' }, { text: '“卫生健康支出”27.09万元。' }],
    invalid: [
      { text: '医疗卫生与计划生育支出（类）27.09万元。', severity: 'error' },
      { text: '“医疗卫生与计划生育支出”27.09万元。', severity: 'error' },
      { text: '社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险办经机构（项）57.60万元。', severity: 'error' },
    ],
  },
  'narrative.nesting': {
    valid: [{ text: '社会保障和就业支出（类）就业补助（款）其他就业补助支出（项）13.99万元。' }],
    invalid: [{ text: '社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他就业补助支出（项）13.99万元。', severity: 'error' }],
  },
  'narrative.level': {
    valid: [{ text: '社会保障和就业支出（类）就业补助（款）其他就业补助支出（项）13.99万元。' }],
    invalid: [{ text: '社会保障和就业支出（类）就业补助（款）就业补助（项）13.99万元。', severity: 'warning' }],
  },
  'narrative.placeholder': {
    valid: [{ text: '2023年度收入合计877.77万元，主要原因是人员增加。' }],
    invalid: [
      { text: '2023年度收入合计XX万元。', severity: 'error' },
      { text: '2023年度收入合计××万元。', severity: 'error' },
      { text: '本单位性质为【待补充：单位性质】。', severity: 'warning' },
      { text: '车辆情况（略）。', severity: 'warning' },
      { text: '会议费待填写。', severity: 'warning' },
    ],
  },
  'narrative.remnant': {
    valid: [{ text: '决算数大于预算数的主要原因是追加。' }, { text: '收入增减变化情况如下。' }],
    invalid: [
      { text: '决算数大小于预算数的主要原因是追加。', severity: 'error' },
      { text: '比2022年度减增加21.90万元。', severity: 'error' },
      { text: '与上年相比增加（减少）10.00万元。', severity: 'error' },
      { text: '与上年相比增长（下降）5.00%。', severity: 'error' },
    ],
  },
  'narrative.repeat': {
    valid: [{ text: '本年收入合计877.77万元，其中：财政拨款收入840.77万元。' }],
    invalid: [
      { text: '本年收入合计877.77万元，，其中：财政拨款收入840.77万元。', severity: 'warning' },
      { text: '本年收入合计877.77万元。，其中：财政拨款收入840.77万元。', severity: 'warning' },
      { text: '年初预算预算为0.00万元。', severity: 'warning' },
    ],
  },
  'narrative.year': {
    valid: [{ text: '2023年度收入合计877.77万元，与2022年度相比减少，主要原因是项目减少。' }, { text: '根据《2019年预算绩效管理办法》，2021年5月印发的通知。' }],
    invalid: [{ text: '2021年度收入合计877.77万元。', severity: 'error' }],
  },
  'narrative.reason': {
    valid: [{ text: '与上年相比，收、支总计各减少153.60万元，下降14.89%，主要原因是项目减少。' }, { text: '决算数等于预算数。' }],
    invalid: [
      { text: '与上年相比，收、支总计各减少153.60万元，下降14.89%。', severity: 'warning' },
      { text: '与上年相比，收、支总计各减少153.60万元，下降14.89%。主要原因是【请填写原因】。', severity: 'warning' },
      { text: `${ITEM}。年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数。`, severity: 'warning' },
    ],
  },
};

describe.each(Object.entries(RULES))('%s', (rule, { valid, invalid }) => {
  it.each(valid.map((c) => [c.text, c] as const))('valid: %s', (_t, c) => {
    expect(checkNarrative(c.text, c.d ?? sample).filter((f) => f.rule === rule && f.severity !== 'info')).toEqual([]);
  });
  it.each(invalid.map((c) => [c.text, c] as const))('invalid: %s', (_t, c) => {
    const fs = checkNarrative(c.text, c.d ?? sample).filter((f) => f.rule === rule && f.severity !== 'info');
    expect(fs.map((f) => [f.line, f.severity])).toEqual([[1, c.severity]]);
    expect(fs[0].excerpt).toBeTruthy();
  });
});

describe('narrative.coverage', () => {
  const head = '（三）一般公共预算财政拨款支出决算具体情况';
  const lines = (skip: string | null) =>
    [
      head,
      `${ITEM}。年初预算为0.00万元，支出决算为449.89万元。`,
      '（2）社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。年初预算为58.34万元，支出决算为0.00万元。',
      '（3）社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）。',
      '（4）社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）。',
      '（5）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。',
      '（6）社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）。',
      '（7）社会保障和就业支出（类）就业补助（款）其他就业补助支出（项）。',
      '（8）社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）。',
      '（9）卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。',
      '（10）农林水支出（类）普惠金融发展支出（款）创业担保贷款贴息及奖补（项）。',
    ].filter((l) => !skip || !l.includes(skip));
  const cov = (ls: string[]) => checkNarrative(ls.join('\n'), sample).filter((f) => f.rule === 'narrative.coverage');
  it('valid: every 项 described', () => expect(cov(lines(null))).toEqual([]));
  it('invalid: a 项 left out is named on the heading line', () => {
    expect(cov(lines('社会保险经办机构')).map((f) => [f.line, f.severity, f.expected])).toEqual([[1, 'warning', '社会保险经办机构']]);
  });
  it('does not run on a snippet without the 具体情况 section', () => expect(cov(lines(null).slice(1, 3))).toEqual([]));
});
