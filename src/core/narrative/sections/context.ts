// What every section writer receives: the facts, the profile, the year prefix, reason lookup and the
// placeholders for what is missing. A missing fact is never prose that looks finished: it is a
// marked placeholder 【待补充：…】 in the text, and listed once in `missing` (shown above the text).
import type { NarrativeProfile, NarrativeSection } from '../types';
import type { NarrativeFacts, Wan } from '../facts';
import { REASON_PLACEHOLDER, todo } from '../frames';
import { normKey } from '../supplement-keys';
import { TABLE_KIND_NAMES, type TableKind } from '../../tables/types';

export interface SectionContext {
  f: NarrativeFacts;
  profile: NarrativeProfile;
  /** '2023年度' or '本年度' when the year is unknown. */
  yearText: string;
  /** '2022年度' or '上年度'. */
  priorYearText: string;
  /** Year-end date text: '2023年12月31日' or '年末'. */
  yearEnd: string;
  /** How the text names the unit: its name (Shanghai prints it) or 本单位. */
  unit: string;
  missing: string[];
  /** The reason stored in 补充信息 under any of the subjects (code, name, topic), else the placeholder. */
  reason(...subjects: (string | null | undefined)[]): string;
  /** The 年初预算 of a 项 stored in 补充信息 (年初预算:<编码|名称>), when the table has none. */
  budgetOf(...subjects: (string | null | undefined)[]): Wan;
  /** Placeholder for missing 补充信息 keys (shown as `shown` when given), listed once in `missing`. */
  needSup(keys: string[], shown?: string): string;
  /** Placeholder for a table that was not found, listed once in `missing`. */
  needTable(kind: TableKind): string;
  /** Placeholder for words only the officer can write (问题, 措施), listed once in `missing`. */
  needText(what: string, hint: string): string;
}

export function makeContext(f: NarrativeFacts, profile: NarrativeProfile = 'hunan'): SectionContext {
  const missing: string[] = [];
  const note = (m: string) => {
    if (!missing.includes(m)) missing.push(m);
  };
  const lookup = <T>(map: Map<string, T>, subjects: (string | null | undefined)[]): T | undefined => {
    for (const s of subjects) if (s && map.has(normKey(s))) return map.get(normKey(s));
    return undefined;
  };
  return {
    f,
    profile,
    yearText: f.year ? `${f.year}年度` : '本年度',
    priorYearText: f.year ? `${f.year - 1}年度` : '上年度',
    yearEnd: f.year ? `${f.year}年12月31日` : '年末',
    unit: profile === 'shanghai' && f.unitName ? f.unitName : '本单位',
    missing,
    reason(...subjects) {
      const r = lookup(f.sup.reasons, subjects);
      return r ? r.replace(/[。；;.]+$/, '') : REASON_PLACEHOLDER;
    },
    budgetOf(...subjects) {
      return lookup(f.sup.budgets, subjects) ?? null;
    },
    needSup(keys, shown) {
      for (const k of keys) note(`补充信息缺少：${k}`);
      return todo(shown ?? keys.join('、'));
    },
    needTable(kind) {
      note(`缺少表：${TABLE_KIND_NAMES[kind]}`);
      return todo(`${TABLE_KIND_NAMES[kind]}的数据（未找到此表）`);
    },
    needText(what, hint) {
      note(`待补充：${what}`);
      return todo(what, hint);
    },
  };
}

export function section(heading: string, paragraphs: string[], level: 1 | 2 = 1): NarrativeSection {
  return { heading, level, paragraphs };
}
