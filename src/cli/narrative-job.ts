// The narrative command's work inside a check worker: read and analyse the workbook, refuse when the
// figures are not fit to publish, and return the text or the .docx bytes for the main thread to write.
import { basename } from 'node:path';
import { analyzeWorkbook, generateNarrative, narrativeLines, type NarrativeProfile } from '../core/index';
import { loadWorkbook } from './load-workbook';
import { toJson } from './sanitize';

export interface NarrativeJob {
  type: 'narrative';
  path: string;
  /** Absent: the profile the workbook's tables suggest. */
  profile?: NarrativeProfile;
  format: 'text' | 'json' | 'docx';
  force: boolean;
}

export type NarrativeOutcome =
  | { refused: true; lines: string[] }
  | { refused: false; text?: string; bytes?: Uint8Array; missing: string[] };

export async function runNarrativeJob(job: NarrativeJob): Promise<NarrativeOutcome> {
  const analysis = analyzeWorkbook(await loadWorkbook(job.path));
  if (analysis.detection.tables.length === 0) return { refused: true, lines: [`${basename(job.path)}：未识别到任何决算表，无法生成情况说明`] };
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !job.force) {
    return {
      refused: true,
      lines: [
        `表格存在 ${errors.length} 个错误级问题，未生成情况说明（先运行 juesuan check 查看；确需生成请加 --force）：`,
        ...errors.slice(0, 10).map((f) => `  ${f.sheet ?? ''}!${f.cell ?? ''} ${f.message}`),
      ],
    };
  }
  const narrative = generateNarrative(analysis.detection, { profile: job.profile });
  if (job.format === 'docx') {
    const { narrativeToDocx } = await import('../docx/narrative-docx');
    return { refused: false, bytes: await narrativeToDocx(narrative), missing: narrative.missing };
  }
  const text = job.format === 'json' ? toJson(narrative, 2) : [narrative.title, ...narrativeLines(narrative)].join('\n');
  return { refused: false, text, missing: narrative.missing };
}
