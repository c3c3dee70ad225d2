import { readFileSync } from 'fs';
import { join } from 'path';
import { loadXlsx, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { checkNarrative } from '../../../src/core/narrative/check';
it('probe real', async () => {
  for (const u of ['shengtai', 'yichuan']) {
    const base = join(SHARED_DIR, 'fixtures', 'real', `sh-putuo-${u}-2025`);
    const d = detectTables(await loadXlsx(`${base}.xlsx`));
    const t = readFileSync(`${base}.narrative.txt`, 'utf8');
    const fs = checkNarrative(t, d);
    console.log(u + '\n' + fs.map((f) => `${f.severity} L${f.line} ${f.rule} ${f.message}`).join('\n'));
  }
});
