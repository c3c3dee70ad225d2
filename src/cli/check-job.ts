// The work one check worker does for one file: read, analyse, and return plain data (the JSON of
// SPEC §8, the printed report, counts) that crosses the thread boundary by structured clone.
import { basename } from 'node:path';
import { analyzeWorkbook, checkNarrative, type Finding } from '../core/index';
import { loadWorkbook } from './load-workbook';
import { readNarrativeFile } from './narrative-input';
import { countBySeverity, findingJson, formatReport, placeOf, tableSummary, unknownSummary, type Counts, type FindingJson } from './report-text';

export interface CheckJob {
  type: 'check';
  path: string;
  narrativePath: string | null;
}

export interface CheckedFile {
  file: string;
  tables: ReturnType<typeof tableSummary>[];
  unknown: ReturnType<typeof unknownSummary>[];
  findings: FindingJson[];
  /** Per finding, the table (or sheet, or 情况说明文本) it belongs to, as the report names it. */
  places: string[];
  counts: Counts;
  /** The human-readable report. */
  text: string;
}

export async function runCheckJob(job: CheckJob): Promise<CheckedFile> {
  const file = basename(job.path);
  const analysis = analyzeWorkbook(await loadWorkbook(job.path));
  let narrativeFindings: Finding[] = [];
  if (job.narrativePath) narrativeFindings = checkNarrative(await readNarrativeFile(job.narrativePath), analysis.detection);
  const findings = [...analysis.findings, ...narrativeFindings];
  const place = placeOf(analysis.detection);
  return {
    file,
    tables: analysis.detection.tables.map(tableSummary),
    unknown: analysis.detection.unknown.map(unknownSummary),
    findings: findings.map(findingJson),
    places: findings.map(place),
    counts: countBySeverity(findings),
    text: formatReport(file, analysis, narrativeFindings),
  };
}
