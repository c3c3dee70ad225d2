// What every section writer receives: the facts, the year prefix, reason lookup and the list
// of missing facts that the UI shows next to the generated text.
import type { NarrativeSection } from '../types';
import type { NarrativeFacts } from '../facts';
import { REASON_PLACEHOLDER, missingNote, missingTableNote } from '../frames';
import { normKey } from '../supplement-keys';
import { TABLE_KIND_NAMES, type TableKind } from '../../tables/types';

export interface SectionContext {
  f: NarrativeFacts;
  /** '2023年度' or '本年度' when the year is unknown. */
  yearText: string;
  /** Year-end date text: '2023年12月31日' or '年末'. */
  yearEnd: string;
  missing: string[];
  /** The reason stored in 补充信息 under any of the subjects (code, name, topic), else the placeholder. */
  reason(...subjects: (string | null | undefined)[]): string;
  /** Note for missing 补充信息 keys, recorded once in `missing`. */
  needSup(keys: string[]): string;
  /** Note for a missing table, recorded once in `missing`. */
  needTable(kind: TableKind): string;
}

export function makeContext(f: NarrativeFacts): SectionContext {
  const missing: string[] = [];
  const note = (m: string) => {
    if (!missing.includes(m)) missing.push(m);
  };
  return {
    f,
    yearText: f.year ? `${f.year}年度` : '本年度',
    yearEnd: f.year ? `${f.year}年12月31日` : '年末',
    missing,
    reason(...subjects) {
      for (const s of subjects) {
        if (!s) continue;
        const r = f.sup.reasons.get(normKey(s));
        if (r) return r.replace(/[。；;.]+$/, '');
      }
      return REASON_PLACEHOLDER;
    },
    needSup(keys) {
      for (const k of keys) note(`补充信息缺少：${k}`);
      return missingNote(keys);
    },
    needTable(kind) {
      note(`缺少表：${TABLE_KIND_NAMES[kind]}`);
      return missingTableNote(TABLE_KIND_NAMES[kind]);
    },
  };
}

export function section(heading: string, paragraphs: string[], level: 1 | 2 = 1): NarrativeSection {
  return { heading, level, paragraphs };
}
