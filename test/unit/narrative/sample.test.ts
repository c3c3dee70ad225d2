// The narrative of the real sample workbook, through the file host and table detection.
import JSZip from 'jszip';
import { loadSample } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { checkNarrative } from '../../../src/core/narrative/check';
import { narrativeLines, type Narrative } from '../../../src/core/narrative/types';
import { narrativeToDocx } from '../../../src/docx/narrative-docx';
import type { Detection } from '../../../src/core/tables/types';
import { buildSampleDetection } from './build';
import { faults, fillPlaceholders } from './clean';

let detection: Detection;
let narrative: Narrative;
let text: string;

beforeAll(async () => {
  detection = detectTables(await loadSample());
  narrative = generateNarrative(detection);
  text = narrativeLines(narrative).join('\n');
});

describe('情况说明 of the sample workbook', () => {
  it.each([
    '收、支总计877.77万元',
    '与上年相比，收、支总计各减少153.60万元，下降14.89%',
    '财政拨款收入840.77万元，占95.78%',
    '其他收入37.00万元，占4.22%',
    '基本支出738.08万元，占84.09%',
    '项目支出139.69万元，占15.91%',
    '完成年初预算的93.70%',
    '就业管理事务（项）。年初预算为0.00万元，支出决算为449.89万元，决算数大于年初预算数',
    '公用经费59.87万元',
    '人员经费641.21万元',
    '年初预算为1.40万元，支出决算为1.16万元，完成预算的82.86%',
    '全年国内公务接待15批次，69人次',
    '机关运行经费支出59.87万元',
  ])('states %s', (s) => expect(text).toContain(s));

  it('reads the same figures as the hand-built detection the unit tests use', () => {
    expect(text).toBe(narrativeLines(generateNarrative(buildSampleDetection())).join('\n'));
  });

  it('is accepted by the narrative checker: no error, warnings only on its placeholders, none once filled', () => {
    expect(faults(checkNarrative(text, detection))).toEqual([]);
    expect(checkNarrative(fillPlaceholders(text), detection).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('catches a fault planted in the generated text, on its line', () => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('就业管理事务（项）'));
    lines[i] = lines[i].replace('决算数大于年初预算数', '决算数小于年初预算数');
    const fs = checkNarrative(lines.join('\n'), detection).filter((f) => f.severity === 'error');
    expect(fs).toEqual([expect.objectContaining({ rule: 'narrative.direction', line: i + 1 })]);
  });

  it('writes a .docx with the whole text', async () => {
    const zip = await JSZip.loadAsync(await narrativeToDocx(narrative));
    const xml = await zip.file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    for (const l of narrativeLines(narrative)) expect(plain).toContain(l);
  });
});
