// The clean sample model must not trip any rule: every rule's passing case.
import { RULES } from '../../../src/core/rules/registry';
import { runChecks } from '../../../src/core/rules/engine';
import { detection, workbookOf } from './build';
import { sampleTables } from './sample-model';

describe('clean sample model', () => {
  const tables = sampleTables();
  const findings = runChecks(workbookOf(tables), detection(tables));
  it('yields no error or warning', () => {
    const bad = findings.filter((f) => f.severity !== 'info');
    expect(bad.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });
  it.each(RULES.map((r) => [r.id]))('%s has no finding on the clean model', (id) => {
    const mine = findings.filter((f) => f.rule === id);
    expect(mine.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });
});
