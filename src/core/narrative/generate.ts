// STUB (owned by the narrative work): writes the 第三部分 情况说明 from the tables.
import type { Detection } from '../tables/types';
import type { Narrative, NarrativeOptions } from './types';

export function generateNarrative(_detection: Detection, opts: NarrativeOptions = {}): Narrative {
  return { title: '第三部分 情况说明', profile: opts.profile ?? 'hunan', year: opts.year ?? null, unitName: null, sections: [], missing: ['尚未实现'] };
}
