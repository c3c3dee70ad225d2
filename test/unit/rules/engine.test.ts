// The engine: metadata filling, sorting, de-duplication, disabled rules, a throwing rule; and the registry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedupe, linkEvidence, makeContext, runChecks, runRule } from '../../../src/core/rules/engine';
import { RULES, ruleById } from '../../../src/core/rules/registry';
import type { Rule } from '../../../src/core/rules/types';
import type { Finding } from '../../../src/core/findings';
import { detection, setFig, workbookOf } from './build';
import { pick, sampleTables } from './sample-model';
import type { SummaryTable } from '../../../src/core/tables/types';

const boom: Rule = { id: 'test.boom', family: 'sum', severity: 'error', description: '测试规则', check: () => { throw new Error('坏了'); } };
const two: Rule = {
  id: 'test.two',
  family: 'cross',
  severity: 'warning',
  description: '测试',
  check: () => [
    { sheet: 'summary', cell: 'C9', related: [], message: 'b' },
    { sheet: 'summary', cell: 'C9', related: [], message: 'b' },
    { sheet: 'summary', cell: 'A2', related: [], message: 'a', severity: 'error' },
  ],
};

describe('engine', () => {
  it('turns a throwing rule into one info finding and keeps going', () => {
    const ts = sampleTables();
    const fs = runChecks(workbookOf(ts), detection(ts), {}, [boom, two]);
    const b = fs.find((f) => f.rule === 'test.boom')!;
    expect(b).toMatchObject({ severity: 'info', family: 'sum', sheet: null, cell: null, line: null });
    expect(b.message).toContain('规则执行失败');
    expect(b.message).toContain('坏了');
    expect(fs.filter((f) => f.rule === 'test.two')).toHaveLength(2);
  });
  it('fills rule, family, default severity and line; sorts by severity then position; removes duplicates', () => {
    const ts = sampleTables();
    const fs = runChecks(workbookOf(ts), detection(ts), {}, [two]);
    expect(fs.map((f) => [f.severity, f.cell, f.rule, f.family, f.line])).toEqual([
      ['error', 'A2', 'test.two', 'cross', null],
      ['warning', 'C9', 'test.two', 'cross', null],
    ]);
  });
  it('skips disabled rules', () => {
    const ts = sampleTables();
    setFig(pick<SummaryTable>(ts, 'summary').incomeTotal!.figure, 900);
    const all = runChecks(workbookOf(ts), detection(ts));
    expect(all.some((f) => f.rule === 'sum.summary')).toBe(true);
    const some = runChecks(workbookOf(ts), detection(ts), { disabled: ['sum.summary'] });
    expect(some.some((f) => f.rule === 'sum.summary')).toBe(false);
    expect(all[0].severity).toBe('error');
  });
  it('runs a rule against an empty detection without throwing', () => {
    const ctx = makeContext({ name: 'x', sheets: [] }, detection([]));
    for (const r of RULES) {
      const fs = runRule(r, ctx);
      expect(fs.every((f) => !f.message.includes('规则执行失败'))).toBe(true);
    }
  });
  it('dedupe keeps different messages on one cell', () => {
    const f = (message: string): Finding => ({ rule: 'r', family: 'sum', severity: 'error', sheet: 'S', cell: 'A1', related: [], line: null, message });
    expect(dedupe([f('a'), f('a'), f('b')])).toHaveLength(2);
  });
});

describe('linkEvidence', () => {
  const sumF: Finding = { rule: 'sum.summary', family: 'sum', severity: 'error', sheet: 'S', cell: 'C15', related: ['C7:C14'], line: null, message: '本年收入合计应为 878.77，实为 877.77，相差 1.00', expected: 878.77, actual: 877.77 };
  const crossF = (cell: string, actual: number): Finding => ({ rule: 'cross.x', family: 'cross', severity: 'error', sheet: 'S', cell, related: [], line: null, message: 'x', expected: 840.77, actual });
  it('points a broken total at the item a cross-table error explains', () => {
    const [f] = linkEvidence([sumF, crossF('C7', 841.77)]);
    expect(f.related).toEqual(['C7', 'C7:C14']);
    expect(f.message).toContain('应先核对 C7');
  });
  it('leaves it alone when the amounts do not account for the difference, or the cell is not an item', () => {
    expect(linkEvidence([sumF, crossF('C7', 845.77)])[0]).toBe(sumF);
    expect(linkEvidence([sumF, crossF('D7', 841.77)])[0]).toBe(sumF);
  });
});

describe('registry', () => {
  it('has unique ids, families matching their folder, Chinese descriptions', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id.startsWith(`${r.family}.`)).toBe(true);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
      expect(ruleById(r.id)).toBe(r);
    }
  });
  it('registers every rule module and every rule is exercised by a test', () => {
    const root = join(__dirname, '../../../src/core/rules');
    const files = ['sum', 'cross', 'scorecard', 'catalogue', 'completeness', 'input'].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`));
    expect(RULES).toHaveLength(files.length);
    const tests = readdirSync(__dirname).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(__dirname, f), 'utf8')).join('\n');
    for (const f of files) expect([f, tests.includes(`rules/${f.replace(/\.ts$/, '')}'`)]).toEqual([f, true]);
  });
  it('covers every family of SPEC §4 but narrative (owned by the narrative checker)', () => {
    expect(new Set(RULES.map((r) => r.family))).toEqual(new Set(['sum', 'cross', 'scorecard', 'catalogue', 'completeness', 'input']));
  });
});
