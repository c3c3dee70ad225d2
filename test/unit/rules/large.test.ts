// Performance: the rules over a large consistent workbook (~2,000 项 rows, 60 scorecards).
import { runChecks } from '../../../src/core/rules/engine';
import { detectTables } from '../../../src/core/tables/detect';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { generateLarge } from '../../fixtures/generator';

it('checks a large workbook quickly and finds no error or warning in it', async () => {
  const g = await generateLarge();
  const wb = await readXlsx(g.bytes, 'large.xlsx');
  const detection = detectTables(wb);
  const t0 = Date.now();
  const findings = runChecks(wb, detection);
  const ms = Date.now() - t0;
  console.log(`large workbook: ${detection.tables.length} tables, ${findings.length} findings, rules ran in ${ms} ms`);
  expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  // Generous: the test machine is shared; on an idle laptop the rules take well under a second here.
  expect(ms).toBeLessThan(15000);
});
