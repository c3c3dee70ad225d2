import { buildSampleDetection } from './build';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { checkNarrative } from '../../../src/core/narrative/check';
import { narrativeLines } from '../../../src/core/narrative/types';
it('probe', () => {
  for (const profile of ['hunan', 'shanghai'] as const) {
    const d = buildSampleDetection();
    const t = narrativeLines(generateNarrative(d, { profile })).join('\n');
    const fs = checkNarrative(t, d).filter((f) => f.severity !== 'info' && !['narrative.placeholder', 'narrative.reason'].includes(f.rule));
    console.log(profile, JSON.stringify(fs.map((f) => [f.line, f.rule, f.message]), null, 1));
  }
});
