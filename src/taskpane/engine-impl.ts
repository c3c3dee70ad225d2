// The analysis engine as one lazily loaded chunk (see engine.ts).
export { analyzeWorkbook, detectTables } from '../core/index';
export { checkNarrative } from '../core/narrative/check';
export { generateNarrative } from '../core/narrative/generate';
export { suggestProfile } from '../core/narrative/profiles';
export { recalculate } from '../core/recalc/recalc';
export { SUPPLEMENT_KEYS, REASON_PREFIX, REASON_TOPICS, supplementTemplate, readSupplement, narrativeLines } from '../core/index';
