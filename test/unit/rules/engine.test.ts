// The engine: metadata filling, sorting, de-duplication, disabled rules, a throwing rule; and the registry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedupe, makeContext, relationsOf, runChecks, runRule } from '../../../src/core/rules/engine';
import { linear } from '../../../src/core/diagnosis/linear';
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

describe('relations', () => {
  // A rule that asserts 本年收入合计 = 其他收入 (false on the sample): the engine evaluates and diagnoses it.
  const ts = () => sampleTables();
  const asserting = (tables: ReturnType<typeof sampleTables>): Rule => ({
    id: 'test.rel',
    family: 'sum',
    severity: 'warning',
    description: '测试关系',
    relations: () => {
      const s = pick<SummaryTable>(tables, 'summary');
      return [linear({ table: s, terms: [{ fig: s.incomeTotal!.figure, coef: 1, table: s, label: '本年收入合计' }, { fig: s.income.other!.figure, coef: -1, table: s, label: '其他收入' }], tolerance: 0.01, decimals: 2, what: '本年收入合计', basis: '其他收入' })];
    },
  });
  it('reports a broken relation under the declaring rule, with its severity, on its own when no cell is certain', () => {
    const tables = ts();
    const fs = runChecks(workbookOf(tables), detection(tables), {}, [asserting(tables)]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'test.rel', family: 'sum', severity: 'warning', cell: 'C15', candidates: ['C15', 'C14'] });
    expect(fs[0].message.startsWith('本年收入合计应为 37.00（其他收入），实为 877.77，相差 840.77')).toBe(true);
  });
  it('turns a throwing relations() into one info finding', () => {
    const bad: Rule = { id: 'test.boom2', family: 'cross', severity: 'error', description: '会失败的关系', relations: () => { throw new Error('关系坏了'); } };
    const tables = ts();
    const fs = runChecks(workbookOf(tables), detection(tables), {}, [bad]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'test.boom2', severity: 'info' });
    expect(fs[0].message).toContain('关系坏了');
  });
  it('declares every relation of the clean sample as holding', () => {
    const tables = ts();
    const rels = relationsOf(workbookOf(tables), detection(tables));
    expect(rels.length).toBeGreaterThan(100);
    expect(rels.every((r) => r.rule !== '' && r.evaluate((f) => f.value)?.verdict !== 'mismatch')).toBe(true);
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
