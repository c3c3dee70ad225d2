// The two published Shanghai reports: every error/warning the checker raises on their 情况说明 is a
// fault written down in real-faults.ts with its proof, every such fault is found on its line, and
// nothing else is above info. Prints the counts (run: npx jest test/unit/narrative/real-reports).
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadXlsx, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { checkNarrative } from '../../../src/core/narrative/check';
import type { Finding } from '../../../src/core/findings';
import { REAL_FAULTS } from './real-faults';

const UNITS = ['shengtai', 'yichuan'] as const;
const results = new Map<string, { findings: Finding[]; lines: string[] }>();

beforeAll(async () => {
  for (const u of UNITS) {
    const base = join(SHARED_DIR, 'fixtures', 'real', `sh-putuo-${u}-2025`);
    const text = readFileSync(`${base}.narrative.txt`, 'utf8');
    results.set(u, { findings: checkNarrative(text, detectTables(await loadXlsx(`${base}.xlsx`))), lines: text.split('\n') });
  }
});

afterAll(() => {
  for (const u of UNITS) {
    const r = results.get(u);
    if (!r) continue;
    const raised = r.findings.filter((f) => f.severity !== 'info');
    const known = raised.filter((f) => REAL_FAULTS[u].some((k) => k.line === f.line && k.rule === f.rule));
    const falseErrors = r.findings.filter((f) => f.severity === 'error' && !known.includes(f));
    console.log(`sh-putuo-${u}-2025: faults found ${known.length}/${REAL_FAULTS[u].length}; errors judged not faults ${falseErrors.length}; warnings/errors raised ${raised.length}; info ${r.findings.length - raised.length}`);
  }
});

describe.each(UNITS)('情况说明 of sh-putuo-%s-2025', (u) => {
  it.each(REAL_FAULTS[u].map((k) => [`line ${k.line} ${k.rule}`, k] as const))('reports the fault on %s', (_n, k) => {
    const f = results.get(u)!.findings.find((x) => x.line === k.line && x.rule === k.rule);
    expect(f).toBeDefined();
    expect(f!.severity).toBe(k.severity);
    // The excerpt quotes the line it is on.
    expect(results.get(u)!.lines[k.line - 1]).toContain(f!.excerpt!.slice(0, 10));
  });

  it('raises nothing above info that is not a written-down fault', () => {
    const extra = results.get(u)!.findings.filter((f) => f.severity !== 'info' && !REAL_FAULTS[u].some((k) => k.line === f.line && k.rule === f.rule));
    expect(extra).toEqual([]);
  });

  it('reports each fault once', () => {
    const raised = results.get(u)!.findings.filter((f) => f.severity !== 'info');
    expect(raised).toHaveLength(REAL_FAULTS[u].length);
  });
});

describe('the real faults, with the right figures in the message', () => {
  const msg = (u: (typeof UNITS)[number], line: number, rule: string) => results.get(u)!.findings.find((f) => f.line === line && f.rule === rule)!.message;
  it.each([
    ['shengtai', 59, 'narrative.change', '2.59%'],
    ['yichuan', 12, 'narrative.change', '4.40%'],
    ['yichuan', 57, 'narrative.change', '15.51%'],
    ['yichuan', 57, 'narrative.zero-base', '上年无此项支出'],
    ['yichuan', 26, 'narrative.name', '文化旅游体育与传媒支出'],
    ['yichuan', 67, 'narrative.amount', '105.00万元'],
    ['yichuan', 14, 'narrative.unit', '76.23%'],
    ['shengtai', 41, 'narrative.zero-base', '未安排预算'],
  ] as const)('%s line %i %s says %s', (u, line, rule, text) => {
    expect(msg(u, line, rule)).toContain(text);
  });
});
