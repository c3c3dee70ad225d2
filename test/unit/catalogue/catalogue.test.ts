// The shipped catalogue against its sources: every row of ../shared/codes/full (and of the earlier
// seed lists) is known with its name accepted; names are normalised before comparing; a mismatch is
// graded by the provenance of the names it contradicts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalogue, defaultCatalogue, normCatalogueName } from '../../../src/core/catalogue/catalogue';
import type { ClassificationSystem } from '../../../src/core/catalogue/catalogue';
import { SHARED_DIR } from '../../helpers';

function csv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const keys = head.split(',').map((k) => k.trim());
  return rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v.trim()])));
}

const FULL: [string, ClassificationSystem][] = [
  ['expenditure_function.csv', 'function'],
  ['expenditure_economic_department.csv', 'economic'],
  ['expenditure_economic_government.csv', 'economicGovernment'],
  ['revenue.csv', 'revenue'],
];
const cat = defaultCatalogue();

describe('the full catalogue ships whole', () => {
  it.each(FULL)('%s: every code known, every name variant accepted, with its provenance', (file, system) => {
    const rows = csv(join(SHARED_DIR, 'codes', 'full', file));
    expect(rows.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const r of rows) {
      const e = cat.get(system, r.code);
      const v = e?.names.find((n) => n.name === r.name);
      if (!e || !v || cat.checkName(system, r.code, r.name).status !== 'match') wrong.push(`${r.code} ${r.name}`);
      else if (v.sources.join(';') !== r.source && !v.sources.join(';').startsWith(r.source)) wrong.push(`${r.code} sources ${v.sources.join(';')} ≠ ${r.source}`);
      else if (e.parent !== (r.parent || null) || e.level !== { 类: 'class', 款: 'section', 项: 'item' }[r.level]) wrong.push(`${r.code} level/parent`);
    }
    expect(wrong).toEqual([]);
    // Nothing but these rows (and seed variants) in that system.
    const variants = cat.all(system).reduce((n, e) => n + e.names.length, 0);
    expect(variants).toBe(rows.length);
  });

  it('keeps every earlier seed list: each (code, name) is accepted', () => {
    const files = [
      ...readdirSync(join(SHARED_DIR, 'codes')).filter((f) => f.endsWith('.csv')).map((f) => join(SHARED_DIR, 'codes', f)),
      ...readdirSync(join(__dirname, '../../../src/core/catalogue/data')).filter((f) => f.endsWith('.csv')).map((f) => join(__dirname, '../../../src/core/catalogue/data', f)),
    ];
    const wrong: string[] = [];
    for (const f of files)
      for (const r of csv(f)) {
        const system: ClassificationSystem = /economic/.test(f) ? 'economic' : 'function';
        if (cat.checkName(system, r.code, r.name).status !== 'match') wrong.push(`${f.split('/').pop()} ${r.code} ${r.name}`);
      }
    expect(wrong).toEqual([]);
  });

  it('2130804 keeps both names; the 2023 name printed in the shared sample is read-backed and preferred', () => {
    const e = cat.get('function', '2130804')!;
    expect(e.names.map((n) => [n.name, n.trust])).toEqual([
      ['创业担保贷款贴息及奖补', 'read'],
      ['创业担保贷款贴息', 'read'],
    ]);
    expect(e.name).toBe('创业担保贷款贴息及奖补');
  });
});

describe('lookup API', () => {
  it('finds a code in whichever system holds it, with level and parent', () => {
    expect(cat.lookup('30217').map((e) => [e.system, e.name, e.level, e.parent])).toEqual([['economic', '公务接待费', 'section', '302']]);
    expect(cat.lookup('50101').map((e) => e.system)).toEqual(['economicGovernment']);
    expect(cat.lookup('10101').map((e) => e.system)).toEqual(['revenue']);
    expect(cat.lookup('2080505')[0]).toMatchObject({ system: 'function', level: 'item', parent: '20805', trust: 'read', verified: true });
    expect(cat.parentOf('function', '2080505')?.name).toBe('行政事业单位养老支出');
    expect(cat.lookup('2089801')).toEqual([]);
    expect(cat.all('function').length).toBeGreaterThan(1400);
  });
  it('finds 类 by any name variant', () => {
    expect(cat.findByName('function', '二十四、抗疫特别国债安排的支出', 'class').map((e) => e.code)).toEqual(['234']);
    expect(cat.findByName('economic', '维修(护)费').map((e) => e.code)).toEqual(['30213']);
  });
});

describe('name normalisation', () => {
  it.each([
    ['维修（护）费', '维修(护)费'],
    ['“三公”经费', '三公经费'],
    ['机关事业单位基本养老\n保险缴费支出', '机关事业单位基本养老保险缴费支出'],
    ['　　就业管理事务 ', '就业管理事务'],
    ['一、一般公共服务支出', '一般公共服务支出'],
    ['因公出国【境】费用', '因公出国(境)费用'],
  ])('%s ≡ %s', (a, b) => {
    expect(normCatalogueName(a)).toBe(normCatalogueName(b));
  });
  it('a swapped character is still another name', () => {
    expect(normCatalogueName('社会保障与就业支出')).not.toBe(normCatalogueName('社会保障和就业支出'));
  });
});

describe('grading a name mismatch by provenance', () => {
  it('matches any variant, across PDF line breaks and bracket widths', () => {
    expect(cat.checkName('function', '2130804', '创业担保贷款贴息', 2023).status).toBe('match');
    expect(cat.checkName('economic', '30213', '维修(护)费').status).toBe('match');
    expect(cat.checkName('function', '2080505', '机关事业单位基本养老保险\r\n缴费支出', 2025).status).toBe('match');
  });
  it('error against a name read in documents of the workbook year (or of an unknown year)', () => {
    for (const year of [2025, undefined]) expect(cat.checkName('function', '2080505', '机关事业单位基本养老保险', year)).toMatchObject({ status: 'mismatch', severity: 'error', expected: { name: '机关事业单位基本养老保险缴费支出', trust: 'read', years: [2023, 2025] } });
  });
  it('only a warning when the read evidence is of other years (names change)', () => {
    expect(cat.checkName('function', '2080505', '机关事业单位基本养老保险', 2019)).toMatchObject({ status: 'mismatch', severity: 'warning' });
  });
  it('a warning at most against memory rows, information against doubted (memory-low) rows', () => {
    expect(cat.checkName('function', '20801', '人力资源和社会保障管理服务', 2023)).toMatchObject({ status: 'mismatch', severity: 'warning', expected: { trust: 'memory' } });
    const low = cat.all('function').find((e) => e.names.every((n) => n.trust === 'memory-low'))!;
    expect(cat.checkName('function', low.code, '某某事务', 2023)).toMatchObject({ status: 'mismatch', severity: 'info' });
    // A class name printed only in the 2024 template is not among the read tags: a warning.
    expect(cat.checkName('function', '202', '外事支出', 2024)).toMatchObject({ status: 'mismatch', severity: 'warning', expected: { trust: 'template' } });
  });
  it('an unknown code is reported as such', () => {
    expect(cat.checkName('function', '2089801', '某新项').status).toBe('unknown-code');
  });
  it('builds from any lines (a locality may ship its own list)', () => {
    const own = Catalogue.fromLines({ function: ['208|社会保障和就业支出|0|2024-2024', '20801|人力资源和社会保障管理事务|1|'] }, ['doc', 'memory']);
    expect(own.get('function', '20801')).toMatchObject({ trust: 'memory', verified: false, parent: '208' });
    expect(own.checkName('function', '208', '社会保障与就业支出', 2024).severity).toBe('error');
  });
});
