// Writes the 第三部分 情况说明 from the tables and the 补充信息 sheet (SPEC §6): every number from
// the data, every direction word from the sign, only the reasons left to a person (【请填写原因】).
import type { Detection } from '../tables/types';
import type { Finding } from '../findings';
import type { Narrative, NarrativeOptions, NarrativeSection } from './types';
import { extractFacts } from './facts';
import { makeContext, section, type SectionContext } from './sections/context';
import { expenditureSection, fiscalOverallSection, incomeSection, overallSection } from './sections/overview';
import { basicSection, generalDetail, generalOverall, generalStructure } from './sections/general';
import { threePublicDetail, threePublicOverall } from './sections/three-public';
import {
  assetsSection,
  generalSpendingSection,
  govFundSection,
  operatingCostSection,
  performanceSection,
  procurementSection,
  stateCapitalSection,
} from './sections/other';

type Writer = (c: SectionContext) => string[];

interface Spec {
  title: string;
  write?: Writer;
  children?: { title: string; write: Writer }[];
}

const COMMON_HEAD: Spec[] = [
  { title: '收入支出决算总体情况', write: overallSection },
  { title: '收入决算情况', write: incomeSection },
  { title: '支出决算情况', write: expenditureSection },
  { title: '财政拨款收入支出决算总体情况', write: fiscalOverallSection },
  {
    title: '一般公共预算财政拨款支出决算情况',
    children: [
      { title: '一般公共预算财政拨款支出决算总体情况', write: generalOverall },
      { title: '一般公共预算财政拨款支出决算结构情况', write: generalStructure },
      { title: '一般公共预算财政拨款支出决算具体情况', write: generalDetail },
    ],
  },
  { title: '一般公共预算财政拨款基本支出决算情况', write: basicSection },
  {
    title: '财政拨款“三公”经费支出决算情况',
    children: [
      { title: '“三公”经费财政拨款支出决算总体情况', write: threePublicOverall },
      { title: '“三公”经费财政拨款支出决算具体情况', write: threePublicDetail },
    ],
  },
  { title: '政府性基金预算财政拨款收入支出决算情况', write: govFundSection },
  { title: '国有资本经营预算财政拨款支出决算情况', write: stateCapitalSection },
];

const HUNAN: Spec[] = [
  ...COMMON_HEAD,
  { title: '机关运行经费支出情况', write: operatingCostSection },
  { title: '一般性支出情况', write: generalSpendingSection },
  { title: '政府采购支出情况', write: procurementSection },
  { title: '国有资产占用情况', write: assetsSection },
  { title: '预算绩效情况说明', write: performanceSection },
];

const SHANGHAI: Spec[] = [
  ...COMMON_HEAD,
  { title: '预算绩效管理情况', write: performanceSection },
  {
    title: '其他重要事项的情况说明',
    children: [
      { title: '机关运行经费支出情况', write: operatingCostSection },
      { title: '一般性支出情况', write: generalSpendingSection },
      { title: '政府采购支出情况', write: procurementSection },
      { title: '国有资产占用情况', write: assetsSection },
    ],
  },
];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export function generateNarrative(detection: Detection, opts: NarrativeOptions = {}): Narrative {
  const profile = opts.profile ?? 'hunan';
  const facts = extractFacts(detection, opts.year);
  const c = makeContext(facts);
  const specs = profile === 'shanghai' ? SHANGHAI : HUNAN;
  const sections: NarrativeSection[] = [];
  specs.forEach((s, i) => {
    const heading = `${CN[i]}、${s.title}`;
    if (s.children) {
      sections.push(section(heading, []));
      s.children.forEach((ch, j) => sections.push(section(`（${CN[j]}）${ch.title}`, ch.write(c), 2)));
    } else sections.push(section(heading, s.write ? s.write(c) : []));
  });
  return { title: '第三部分 情况说明', profile, year: facts.year, unitName: facts.unitName, sections, missing: c.missing };
}

export interface NarrativeRefusal {
  refused: true;
  /** The error findings that stop generation (fix them, or force). */
  errors: Finding[];
  message: string;
}

export type GuardedNarrative = { refused: false; narrative: Narrative } | NarrativeRefusal;

/**
 * Generation gated by the checks: with `error` findings in the workbook the text would restate
 * contradictory figures, so it is refused unless the user forces it.
 */
export function generateNarrativeGuarded(
  detection: Detection,
  findings: Finding[],
  opts: NarrativeOptions & { force?: boolean } = {},
): GuardedNarrative {
  const errors = findings.filter((f) => f.severity === 'error' && f.family !== 'narrative');
  if (errors.length && !opts.force) {
    return {
      refused: true,
      errors,
      message: `表格中有${errors.length}处错误，生成的情况说明会引用相互矛盾的数字。请先修正：${errors
        .slice(0, 5)
        .map((e) => `${e.sheet ? `${e.sheet}!${e.cell ?? ''} ` : ''}${e.message}`)
        .join('；')}${errors.length > 5 ? '……' : ''}。如确需生成，请选择“仍然生成”。`,
    };
  }
  return { refused: false, narrative: generateNarrative(detection, opts) };
}
