// The 政府收支分类科目 catalogue shipped as data: code → name and level, for both the
// 支出功能分类 (function) and 部门预算支出经济分类 (economic) systems. Partial by nature:
// a code missing here is information, never an error (SPEC §3).
import { normName } from '../text';
import { CATALOGUE_ROWS } from './data.generated';

export type ClassificationSystem = 'function' | 'economic';

export interface CatalogueEntry {
  system: ClassificationSystem;
  code: string;
  name: string;
  level: 'class' | 'section' | 'item';
  /** False for names written from memory (never raise an error on their strength alone). */
  verified: boolean;
  source: string;
}

export class Catalogue {
  private readonly byKey = new Map<string, CatalogueEntry>();
  private readonly byName = new Map<string, CatalogueEntry[]>();

  constructor(entries: CatalogueEntry[]) {
    for (const e of entries) {
      const key = `${e.system}:${e.code}`;
      const prev = this.byKey.get(key);
      // Verified (read in published documents) entries win over memory.
      if (!prev || (!prev.verified && e.verified)) this.byKey.set(key, e);
    }
    for (const e of this.byKey.values()) {
      const n = normName(e.name);
      const list = this.byName.get(n) ?? [];
      list.push(e);
      this.byName.set(n, list);
    }
  }

  get(system: ClassificationSystem, code: string): CatalogueEntry | undefined {
    return this.byKey.get(`${system}:${code}`);
  }

  /** Entries whose normalised name equals the given name (e.g. a 类 line of the summary table). */
  findByName(system: ClassificationSystem, name: string, level?: CatalogueEntry['level']): CatalogueEntry[] {
    return (this.byName.get(normName(name)) ?? []).filter((e) => e.system === system && (!level || e.level === level));
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
/** The catalogue built from the shipped data (built once). */
export function defaultCatalogue(): Catalogue {
  if (!shared) shared = new Catalogue(CATALOGUE_ROWS);
  return shared;
}

/** Names compare equal when they differ only in spaces and bracket width. */
export function sameName(a: string, b: string): boolean {
  return normName(a) === normName(b);
}
