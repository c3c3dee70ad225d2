// The frames of each profile: the title and the headings exactly as the published reports print
// them (Hunan: 怀化市就业服务中心 2023; Shanghai: the 普陀区 2025 reports in ../shared/fixtures/real/).
import type { Detection } from '../tables/types';
import type { NarrativeProfile } from './types';

/**
 * The profile a workbook's own tables suggest: Shanghai's 一般公共预算财政拨款支出决算表 has no
 * 年初预算数 column (its per-项 budgets live in the text), Hunan's has one.
 */
export function suggestProfile(detection: Detection): NarrativeProfile {
  const general = detection.tables.filter((t) => t.kind === 'general-budget');
  // A table read without its columns (a hand-built model) says nothing either way.
  if (general.length > 0 && general.every((t) => t.columns.length > 0 && !t.columns.some((c) => c.key === 'budget'))) return 'shanghai';
  return 'hunan';
}

/** A section key: what the section writer is; the heading is the profile's. */
export type SectionKey =
  | 'overall'
  | 'income'
  | 'expenditure'
  | 'fiscalOverall'
  | 'general'
  | 'general.overall'
  | 'general.structure'
  | 'general.detail'
  | 'basic'
  | 'threePublic'
  | 'threePublic.overall'
  | 'threePublic.detail'
  | 'govFund'
  | 'stateCapital'
  | 'operatingCost'
  | 'generalSpending'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other';

export interface Frame {
  key: SectionKey;
  title: string;
  children?: Frame[];
}

const COMMON: Frame[] = [
  { key: 'overall', title: '收入支出决算总体情况说明' },
  { key: 'income', title: '收入决算情况说明' },
  { key: 'expenditure', title: '支出决算情况说明' },
  { key: 'fiscalOverall', title: '财政拨款收入支出决算总体情况说明' },
  {
    key: 'general',
    title: '一般公共预算财政拨款支出决算情况说明',
    children: [
      { key: 'general.overall', title: '一般公共预算财政拨款支出决算总体情况' },
      { key: 'general.structure', title: '一般公共预算财政拨款支出决算结构情况' },
      { key: 'general.detail', title: '一般公共预算财政拨款支出决算具体情况' },
    ],
  },
  { key: 'basic', title: '一般公共预算财政拨款基本支出决算情况说明' },
];

const THREE_PUBLIC_CHILDREN: Frame[] = [
  { key: 'threePublic.overall', title: '“三公”经费财政拨款支出决算总体情况说明' },
  { key: 'threePublic.detail', title: '“三公”经费财政拨款支出决算具体情况说明' },
];

export const FRAMES: Record<NarrativeProfile, Frame[]> = {
  hunan: [
    ...COMMON,
    { key: 'threePublic', title: '“三公”经费支出决算情况说明', children: THREE_PUBLIC_CHILDREN },
    { key: 'govFund', title: '政府性基金预算支出决算情况说明' },
    { key: 'stateCapital', title: '国有资本经营预算支出决算情况说明' },
    { key: 'operatingCost', title: '机关运行经费支出情况说明' },
    { key: 'generalSpending', title: '一般性支出情况说明' },
    { key: 'procurement', title: '政府采购支出说明' },
    { key: 'assets', title: '国有资产占用情况说明' },
    { key: 'performance', title: '预算绩效情况说明' },
  ],
  shanghai: [
    ...COMMON,
    { key: 'threePublic', title: '财政拨款“三公”经费支出决算情况说明', children: THREE_PUBLIC_CHILDREN },
    { key: 'govFund', title: '政府性基金预算财政拨款收入支出决算情况说明' },
    { key: 'stateCapital', title: '国有资本经营预算财政拨款收入支出决算情况说明' },
    { key: 'performance', title: '预算绩效管理情况' },
    {
      key: 'other',
      title: '其他重要事项的情况说明',
      children: [
        { key: 'operatingCost', title: '机关运行经费支出情况' },
        { key: 'procurement', title: '政府采购支出情况' },
        { key: 'assets', title: '国有资产占有使用情况说明' },
      ],
    },
  ],
};

/** The title line: Hunan '2023年度部门决算情况说明'; Shanghai '第三部分 <单位>2025年度部门决算情况说明'. */
export function titleOf(profile: NarrativeProfile, unitName: string | null, yearText: string): string {
  if (profile === 'shanghai') return `第三部分 ${unitName ?? '【待补充：单位名称】'}${yearText}部门决算情况说明`;
  return `${yearText}部门决算情况说明`;
}
