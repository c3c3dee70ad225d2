// The 情况说明 as structured text: hosts render it to a sheet, the clipboard or a .docx.
export type NarrativeProfile = 'hunan' | 'shanghai';

export interface NarrativeSection {
  /** '一、收入支出决算总体情况' (level 1) or '（一）…' (level 2). */
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
}

export interface Narrative {
  title: string; // 第三部分 情况说明
  profile: NarrativeProfile;
  year: number | null;
  unitName: string | null;
  sections: NarrativeSection[];
  /** Facts that were missing (shown to the user), e.g. '补充信息缺少：上年收支总计'. */
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
