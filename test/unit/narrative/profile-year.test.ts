// The profile and the year a generated 情况说明 uses come from the workbook itself when the caller
// does not give them: real reports print their year once, above the first table, and Shanghai's
// 一般公共预算财政拨款支出决算表 has no 年初预算数 column.
import { join } from 'path';
import { loadSample, loadXlsx, SHARED_DIR } from '../../helpers';
import { detectTables } from '../../../src/core/tables/detect';
import { generateNarrative } from '../../../src/core/narrative/generate';
import { suggestProfile } from '../../../src/core/narrative/profiles';
import { generateWorkbook } from '../../fixtures/generator';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';

const REAL = ['sh-putuo-shengtai-2025', 'sh-putuo-yichuan-2025'];

describe.each(REAL)('%s', (name) => {
  it('is Shanghai-profiled, dated 2025, and its title names the unit and the year', async () => {
    const d = detectTables(await loadXlsx(join(SHARED_DIR, 'fixtures', 'real', `${name}.xlsx`)));
    expect(d.year).toBe(2025);
    expect(suggestProfile(d)).toBe('shanghai');
    const n = generateNarrative(d);
    expect(n.profile).toBe('shanghai');
    expect(n.title).toMatch(/^第三部分 上海市普陀区.+2025年度部门决算情况说明$/);
    expect(n.sections.map((s) => s.heading).join('')).not.toContain('本年度');
  });
});

describe('Hunan-style workbooks', () => {
  it('the shared sample (general-budget table with 年初预算数) is Hunan-profiled and dated 2023', async () => {
    const d = detectTables(await loadSample());
    expect(d.year).toBe(2023);
    expect(suggestProfile(d)).toBe('hunan');
    expect(generateNarrative(d).title).toBe('2023年度部门决算情况说明');
  });

  it('an explicit profile wins over the suggestion', async () => {
    const d = detectTables(await loadSample());
    expect(generateNarrative(d, { profile: 'shanghai' }).profile).toBe('shanghai');
  });

  it('the generated Shanghai layout (no 年初预算数 column) is Shanghai-profiled', async () => {
    const wb = await generateWorkbook({ unit: 'jiuye', layout: 'shanghai' });
    expect(suggestProfile(detectTables(await readXlsx(wb.bytes, 'sh.xlsx')))).toBe('shanghai');
  });
});
