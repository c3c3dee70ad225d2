// Writes the 第三部分 情况说明 from the tables and the 补充信息 sheet (SPEC §6): every number from
// the data, every direction word from the sign, titles and headings as the profile's published
// reports print them (profiles.ts); only reasons (【请填写原因】) and facts no table holds
// (【待补充：…】, listed once in `missing`) are left to a person.
import type { Detection } from '../tables/types';
import type { Finding } from '../findings';
import type { Narrative, NarrativeOptions, NarrativeSection } from './types';
import { extractFacts } from './facts';
import { makeContext, section, type SectionContext } from './sections/context';
import { FRAMES, suggestProfile, titleOf, type SectionKey } from './profiles';
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

const WRITERS: Partial<Record<SectionKey, Writer>> = {
  overall: overallSection,
  income: incomeSection,
  expenditure: expenditureSection,
  fiscalOverall: fiscalOverallSection,
  'general.overall': generalOverall,
  'general.structure': generalStructure,
  'general.detail': generalDetail,
  basic: basicSection,
  'threePublic.overall': threePublicOverall,
  'threePublic.detail': threePublicDetail,
  govFund: govFundSection,
  stateCapital: stateCapitalSection,
  operatingCost: operatingCostSection,
  generalSpending: generalSpendingSection,
  procurement: procurementSection,
  assets: assetsSection,
  performance: performanceSection,
};

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export function generateNarrative(detection: Detection, opts: NarrativeOptions = {}): Narrative {
  const profile = opts.profile ?? suggestProfile(detection);
  const facts = extractFacts(detection, opts.year);
  const c = makeContext(facts, profile);
  const sections: NarrativeSection[] = [];
  FRAMES[profile].forEach((fr, i) => {
    const heading = `${CN[i]}、${fr.title}`;
    if (fr.children) {
      sections.push(section(heading, []));
      fr.children.forEach((ch, j) => sections.push(section(`（${CN[j]}）${ch.title}`, WRITERS[ch.key]?.(c) ?? [], 2)));
    } else sections.push(section(heading, WRITERS[fr.key]?.(c) ?? []));
  });
  if (!facts.unitName && profile === 'shanghai') c.needSup(['单位名称']);
  return { title: titleOf(profile, facts.unitName, c.yearText), profile, year: facts.year, unitName: facts.unitName, sections, missing: c.missing };
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
