// What "checks clean" means for generated text: no error, and the only warnings are the marked
// placeholders left for the officer (【…】, one finding each); with them filled in, no warning at all.
import type { Finding } from '../../../src/core/findings';

export function isPlaceholderFinding(f: Finding): boolean {
  return f.rule === 'narrative.placeholder' || (f.rule === 'narrative.reason' && typeof f.actual === 'string' && f.actual.startsWith('【'));
}

/** Findings that would stop the text from being submitted once its placeholders are filled. */
export function faults(fs: Finding[]): Finding[] {
  return fs.filter((f) => f.severity !== 'info' && !isPlaceholderFinding(f));
}

/** The text as an officer completes it: every 【…】 replaced by words. */
export function fillPlaceholders(text: string): string {
  return text.replace(/【待补充：[^】]*】/g, '已核实').replace(/【[^】]*】/g, '人员变动');
}
