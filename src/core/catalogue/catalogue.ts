// The 政府收支分类科目 catalogue shipped as data (../shared/codes/full, generated into
// data.generated.ts): every code with every name variant it has been seen with, each variant's
// provenance and trust. A code in any row is known; a name is accepted when it equals any variant
// after normalisation. How a mismatch is graded lives in nameCheck (names.ts has the trust levels).
//
//   const cat = defaultCatalogue();
//   cat.get('function', '2080505')        → { name, names: [{ name, trust, sources, years }], level, parent, … }
//   cat.lookup('30217')                    → entries of that code in every system
//   cat.checkName('function', '2080505', '机关事业单位基本养老保险', 2025)
//                                          → { status: 'mismatch', severity: 'error', expected: … }
import { ECONOMIC, ECONOMIC_GOVERNMENT, FUNCTION, REVENUE, SOURCES } from './data.generated';
import type { Trust } from './names';
import { normCatalogueName, TRUST_ORDER, trustOf } from './names';

/**
 * function: 支出功能分类 (类 3 digits, 款 5, 项 7); economic: 部门预算支出经济分类 (301…, 类 3, 款 5);
 * economicGovernment: 政府预算支出经济分类 (501…); revenue: 收入分类 (101…).
 */
export type ClassificationSystem = 'function' | 'economic' | 'economicGovernment' | 'revenue';
export const SYSTEMS: ClassificationSystem[] = ['function', 'economic', 'economicGovernment', 'revenue'];

export type CatalogueLevel = 'class' | 'section' | 'item';

export interface CatalogueName {
  name: string;
  trust: Trust;
  /** Provenance tags (doc, jsrpt-cols, memory, …). */
  sources: string[];
  /** First and last year of dated read evidence, when any. */
  years: [number, number] | null;
}

export interface CatalogueEntry {
  system: ClassificationSystem;
  code: string;
  level: CatalogueLevel;
  /** The code one level up (2080106 → 20801 → 208), null for a 类. */
  parent: string | null;
  /** The preferred name: best trust, then latest evidence. */
  name: string;
  /** Every accepted name, preferred first. */
  names: CatalogueName[];
  /** Best trust among the names. */
  trust: Trust;
  /** True when some name was read in a dated document (a mismatch may be an error). */
  verified: boolean;
  /** Provenance tags of the preferred name, `;`-joined. */
  source: string;
}

export interface NameCheck {
  status: 'match' | 'mismatch' | 'unknown-code';
  entry?: CatalogueEntry;
  /** The variant the printed name should have been (mismatch only). */
  expected?: CatalogueName;
  /** How sure a mismatch is: error (read evidence covering the year), warning, info. */
  severity?: 'error' | 'warning' | 'info';
}

const LEVELS: Record<number, CatalogueLevel> = { 3: 'class', 5: 'section', 7: 'item' };

/** Preferred first: trust, then the latest evidence. */
function byPreference(a: CatalogueName, b: CatalogueName): number {
  return TRUST_ORDER[a.trust] - TRUST_ORDER[b.trust] || (b.years?.[1] ?? 0) - (a.years?.[1] ?? 0);
}

function covers(n: CatalogueName, year: number | undefined): boolean {
  return year === undefined || !n.years || (year >= n.years[0] && year <= n.years[1]);
}

export class Catalogue {
  private readonly byKey = new Map<string, CatalogueEntry>();
  private readonly byName = new Map<string, CatalogueEntry[]>();

  /** From generated lines per system (`code|name|source index|first-last`). */
  static fromLines(lines: Partial<Record<ClassificationSystem, string[]>>, sources: string[]): Catalogue {
    const variants: { system: ClassificationSystem; code: string; name: CatalogueName }[] = [];
    for (const system of SYSTEMS)
      for (const line of lines[system] ?? []) {
        const [code, name, si, span] = line.split('|');
        const tags = (sources[Number(si)] ?? '').split(';').filter(Boolean);
        const m = /^(\d{4})-(\d{4})$/.exec(span ?? '');
        variants.push({ system, code, name: { name, trust: trustOf(tags), sources: tags, years: m ? [Number(m[1]), Number(m[2])] : null } });
      }
    return new Catalogue(variants);
  }

  constructor(variants: { system: ClassificationSystem; code: string; name: CatalogueName }[]) {
    const grouped = new Map<string, { system: ClassificationSystem; code: string; names: CatalogueName[] }>();
    for (const v of variants) {
      if (!LEVELS[v.code.length]) continue;
      const key = `${v.system}:${v.code}`;
      const g = grouped.get(key) ?? { system: v.system, code: v.code, names: [] };
      grouped.set(key, g);
      if (!g.names.some((n) => normCatalogueName(n.name) === normCatalogueName(v.name.name))) g.names.push(v.name);
    }
    for (const [key, g] of grouped) {
      const names = [...g.names].sort(byPreference);
      const e: CatalogueEntry = {
        system: g.system,
        code: g.code,
        level: LEVELS[g.code.length],
        parent: Catalogue.parentCode(g.code),
        name: names[0].name,
        names,
        trust: names[0].trust,
        verified: names.some((n) => n.trust === 'read'),
        source: names[0].sources.join(';'),
      };
      this.byKey.set(key, e);
      for (const n of names) {
        const k = `${g.system}:${normCatalogueName(n.name)}`;
        const list = this.byName.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byName.set(k, list);
      }
    }
  }

  get(system: ClassificationSystem, code: string): CatalogueEntry | undefined {
    return this.byKey.get(`${system}:${code}`);
  }

  /** The entries of a code in every system (a code is known when this is not empty). */
  lookup(code: string): CatalogueEntry[] {
    const out: CatalogueEntry[] = [];
    for (const s of SYSTEMS) {
      const e = this.byKey.get(`${s}:${code}`);
      if (e) out.push(e);
    }
    return out;
  }

  /** The parent entry (款 of a 项, 类 of a 款). */
  parentOf(system: ClassificationSystem, code: string): CatalogueEntry | undefined {
    const p = Catalogue.parentCode(code);
    return p ? this.get(system, p) : undefined;
  }

  /** Entries with a name variant equal to `name` after normalisation (e.g. a 类 line of the summary). */
  findByName(system: ClassificationSystem, name: string, level?: CatalogueLevel): CatalogueEntry[] {
    return (this.byName.get(`${system}:${normCatalogueName(name)}`) ?? []).filter((e) => !level || e.level === level);
  }

  /**
   * Grade a printed name against the code's variants. Any variant matches. A mismatch is an error
   * only against a read variant whose evidence covers the workbook year (or when the year is
   * unknown); a warning against other read or memory variants; information against doubted ones.
   */
  checkName(system: ClassificationSystem, code: string, printed: string, year?: number): NameCheck {
    const entry = this.get(system, code);
    if (!entry) return { status: 'unknown-code' };
    const n = normCatalogueName(printed);
    if (entry.names.some((v) => normCatalogueName(v.name) === n)) return { status: 'match', entry };
    const read = entry.names.filter((v) => v.trust === 'read');
    const proving = read.filter((v) => covers(v, year));
    if (proving.length) return { status: 'mismatch', entry, expected: proving[0], severity: 'error' };
    const expected = entry.names[0];
    return { status: 'mismatch', entry, expected, severity: expected.trust === 'memory-low' ? 'info' : 'warning' };
  }

  /** Parent code by the hierarchy: 2080106 → 20801 → 208. */
  static parentCode(code: string): string | null {
    if (code.length === 7) return code.slice(0, 5);
    if (code.length === 5) return code.slice(0, 3);
    return null;
  }

  all(system?: ClassificationSystem): CatalogueEntry[] {
    return [...this.byKey.values()].filter((e) => !system || e.system === system);
  }
}

let shared: Catalogue | null = null;
/** The catalogue built from the shipped data (built once, on first use). */
export function defaultCatalogue(): Catalogue {
  if (!shared) shared = Catalogue.fromLines({ function: FUNCTION, economic: ECONOMIC, economicGovernment: ECONOMIC_GOVERNMENT, revenue: REVENUE }, SOURCES);
  return shared;
}

/** Names compare equal when they differ only in spaces, brackets, quotes and numbering. */
export function sameName(a: string, b: string): boolean {
  return normCatalogueName(a) === normCatalogueName(b);
}

export { normCatalogueName } from './names';
export type { Trust } from './names';
