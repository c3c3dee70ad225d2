// The 情况说明 as structured text: hosts render it to a sheet, the clipboard or a .docx.
export type NarrativeProfile = 'hunan' | 'shanghai';

export interface NarrativeSection {
  /** '一、收入支出决算总体情况' (level 1) or '（一）…' (level 2). */
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
}

export interface Narrative {
  /** The profile's title: '2023年度部门决算情况说明' (Hunan), '第三部分 <单位>2025年度部门决算情况说明' (Shanghai). */
  title: string;
  profile: NarrativeProfile;
  year: number | null;
  unitName: string | null;
  sections: NarrativeSection[];
  /**
   * What the text leaves to the officer, once each (shown above the text; marked 【待补充：…】 in it):
   * '补充信息缺少：上年收支总计', '缺少表：…', '待补充：存在的问题及原因分析'.
   */
  missing: string[];
}

export interface NarrativeOptions {
  profile?: NarrativeProfile;
  /** Fiscal year; defaults to the year found in the tables. */
  year?: number;
}

/** Flatten to plain lines (headings and paragraphs), as written to a sheet or the clipboard. */
export function narrativeLines(n: Narrative): string[] {
  const out: string[] = [];
  for (const s of n.sections) {
    out.push(s.heading);
    for (const p of s.paragraphs) out.push(p);
  }
  return out;
}

/** A `missing` entry as the officer reads it: '补充信息缺少：单位性质' → '单位性质（填入“补充信息”表）'. */
export function missingLabel(m: string): string {
  if (m.startsWith('补充信息缺少：年初预算:')) return '各项的年初预算数（填入“补充信息”表，每项一行，键如 年初预算:2080501）';
  if (m.startsWith('补充信息缺少：')) return `${m.slice('补充信息缺少：'.length)}（填入“补充信息”表）`;
  if (m.startsWith('缺少表：')) return `${m.slice('缺少表：'.length)}（未找到此表）`;
  if (m.startsWith('待补充：')) return m.slice('待补充：'.length);
  return m;
}
