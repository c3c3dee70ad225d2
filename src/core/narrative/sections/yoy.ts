// The year-on-year sentence every section needs: the change with its direction words and a reason,
// '持平' without one, or — when the prior year is unknown — a marked placeholder naming the
// 补充信息 key that would let the tool write it.
import type { SectionContext } from './context';
import { changeClause } from '../frames';
import type { Wan } from '../facts';

export interface YoyOptions {
  /** 补充信息 key of the prior-year figure. */
  key: string;
  /** Reason topics (原因:<topic>). */
  reason: string[];
  /** 收、支总计各… */
  each?: boolean;
}

export function yoySentence(c: SectionContext, subject: string, current: number, prior: Wan, o: YoyOptions): string {
  const versus = c.profile === 'shanghai' ? `与${c.priorYearText}相比` : '与上年相比';
  if (prior === null) return `${versus}，${subject}的增减情况${c.needSup([o.key])}。`;
  const cl = changeClause(subject, current, prior, o.each, versus);
  if (!cl.sign) return `${cl.text}。`;
  return `${cl.text}。主要原因是${c.reason(...o.reason)}。`;
}
