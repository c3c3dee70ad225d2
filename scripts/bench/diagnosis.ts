// The diagnosis measured for `npm run bench`: single slips planted one at a time in every generator
// layout (both units, stacked) and in the two real reports and the sample, then two and three at
// once; prints the share diagnosed right and the findings (error + warning) per planted slip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../src/hosts/file/xlsx-read';
import { LAYOUTS, generateWorkbook } from '../../test/fixtures/generator/index';
import type { GenerateOptions, LayoutId } from '../../test/fixtures/generator/index';
import type { Base, PlantResult } from '../../test/fixtures/generator/measure';
import { describe, measureBase, summarize } from '../../test/fixtures/generator/measure';
import { readFileSync } from 'node:fs';

export async function benchDiagnosis(root: string, singles = 30, multis = 4): Promise<void> {
  console.log('\nDiagnosis: planted slips (one at a time, then two and three at once)');
  const t0 = Date.now();
  const bases: Base[] = [];
  for (const layout of Object.keys(LAYOUTS) as LayoutId[])
    for (const unit of ['jiuye', 'bigunit'] as const)
      for (const stacked of [false, true]) {
        const opts: GenerateOptions = stacked ? { layout, unit, stackTables: true, stackScorecards: true, mergedScores: true } : { layout, unit };
        const name = `${layout}/${unit}${stacked ? ' stacked' : ''}`;
        bases.push({ name, wb: await readXlsx((await generateWorkbook(opts)).bytes, `${name}.xlsx`) });
      }
  const shared = join(root, '..', 'shared', 'fixtures');
  for (const f of ['real/sh-putuo-yichuan-2025.xlsx', 'real/sh-putuo-shengtai-2025.xlsx', 'sample-2023-jiuye.xlsx'])
    if (existsSync(join(shared, f))) bases.push({ name: f, wb: await readXlsx(readFileSync(join(shared, f)), f) });
  const all: PlantResult[] = [];
  for (const b of bases) all.push(...measureBase(b, { singles, multis }));
  for (const line of describe(summarize(all)).split('\n')) console.log(`  ${line}`);
  console.log(`  (${bases.length} workbooks, ${all.length} plantings, ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
