// Finding the items a sentence names: exact names of the tables' items (any level), names written
// before （类/款/项） resolved exactly, closely (misspelt: one finding with the right name) or not at
// all, old names of renamed 科目, and quoted “…” names taken whole.
import { defaultCatalogue } from '../catalogue/catalogue';
import type { Entity } from './entities';
import { OLD_NAMES, type OldName } from './old-names';
import { editDistance, normText, type Level, type NameResolver } from './parse';

/** 类/款/项 by the length of the 功能分类 code. */
export const LEVEL_OF_CODE = (code: string): Level => (code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item');

/**
 * Edit distance of two names, except that the same characters in another order ('城乡社区卫生环境'
 * for '城乡社区环境卫生': two words swapped, 4 edits) count as one slip.
 */
export function nameDistance(a: string, b: string): number {
  if (a.length === b.length && a.length >= 4 && [...a].sort().join('') === [...b].sort().join('')) return 1;
  return editDistance(a, b);
}

/** How far a written name may be from the right one and still be the same name misspelt. */
const limitFor = (n: string) => (n.length >= 6 ? 2 : n.length >= 4 ? 1 : 0);

/** A name and its normalised form (normText). */
interface NormName {
  name: string;
  norm: string;
}

let catalogueCache: { byName: Map<string, string[]>; verified: Map<Level, NormName[]> } | null = null;
/** The function catalogue by level and normalised name (every variant), and its read names by level: built once. */
function catalogueNames() {
  if (catalogueCache) return catalogueCache;
  const byName = new Map<string, string[]>();
  const verified = new Map<Level, NormName[]>();
  for (const c of defaultCatalogue().all('function')) {
    for (const v of c.names) {
      const key = `${c.level}:${normText(v.name)}`;
      byName.set(key, [...new Set([...(byName.get(key) ?? []), c.code])]);
    }
    if (c.verified) verified.set(c.level, [...(verified.get(c.level) ?? []), { name: c.name, norm: normText(c.name) }]);
  }
  catalogueCache = { byName, verified };
  return catalogueCache;
}

let oldNamesCache: { entry: OldName; old: string; name: string }[] | null = null;
/** The old names of renamed 科目 with their old and new names normalised: built once. */
const oldNamesNorm = () => (oldNamesCache ??= OLD_NAMES.map((entry) => ({ entry, old: normText(entry.old), name: normText(entry.name) })));

export function makeResolver(entities: Entity[]): NameResolver {
  const byFirst = new Map<string, { alias: string; cands: Entity[]; renamed?: string }[]>();
  const byAlias = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const a of e.aliases) {
      const n = normText(a);
      if (!n) continue;
      byAlias.set(n, [...(byAlias.get(n) ?? []), e]);
    }
  }
  const coded = entities.filter((e) => e.code && e.level);
  /** normText of each coded entity's label, by index in `coded`. */
  const codedNorm = coded.map((e) => normText(e.label));
  const oldNorm = oldNamesNorm();
  const push = (alias: string, cands: Entity[], renamed?: string) => {
    const list = byFirst.get(alias[0]) ?? [];
    list.push({ alias, cands, renamed });
    byFirst.set(alias[0], list);
  };
  for (const [alias, cands] of byAlias) push(alias, cands);
  // An old name reads as today's item (with a name finding), whether or not the tables hold it.
  for (const { entry: o, old, name } of oldNorm) {
    if (byAlias.has(old)) continue;
    const cands = coded.filter((e, i) => e.code === o.code || codedNorm[i] === name);
    push(old, cands, cands[0]?.label ?? o.name);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  const { byName: catalogueByName, verified: verifiedNames } = catalogueNames();
  const tableLabels = new Map<Level, string[]>();
  for (const e of coded) tableLabels.set(e.level as Level, [...new Set([...(tableLabels.get(e.level as Level) ?? []), e.label])]);
  const tableNames = new Map<Level, NormName[]>([...tableLabels].map(([level, names]) => [level, names.map((name) => ({ name, norm: normText(name) }))]));

  function resolveCoded(written: string, level: Level) {
    const n = normText(written);
    const exact = coded.filter((e, i) => e.level === level && codedNorm[i] === n);
    if (exact.length) return { cands: exact };
    const anyLevel = coded.filter((_, i) => codedNorm[i] === n);
    if (anyLevel.length) return { cands: anyLevel, actualLevel: anyLevel[0].level };
    const renamed = oldNorm.find((o) => o.old === n);
    if (renamed) {
      const old = renamed.entry;
      const cands = coded.filter((e, i) => e.code === old.code || (e.level === level && codedNorm[i] === renamed.name));
      return { cands, suggestion: cands[0]?.label ?? old.name };
    }
    // A 科目 the tables do not hold but the catalogue knows: no figures, but its code places it (nesting).
    const known = catalogueByName.get(`${level}:${n}`);
    if (known) return { cands: [], codes: known };
    const limit = limitFor(n);
    const near = (names: NormName[]) => {
      let best: { name: string; d: number } | null = null;
      for (const { name, norm } of names) {
        const d = nameDistance(n, norm);
        if (d <= limit && (!best || d < best.d)) best = { name, d };
      }
      return best;
    };
    const fromTable = near(tableNames.get(level) ?? []);
    if (fromTable) return { cands: coded.filter((e) => e.level === level && e.label === fromTable.name), suggestion: fromTable.name };
    const fromCat = near(verifiedNames.get(level) ?? []);
    if (fromCat) return { cands: [], suggestion: fromCat.name };
    return { cands: [], unknown: true };
  }

  return {
    aliasesAt(text, pos) {
      const list = byFirst.get(text[pos]);
      if (!list) return null;
      return list.find((x) => text.startsWith(x.alias, pos)) ?? null;
    },
    resolveCoded,
    resolveQuoted(written) {
      // A quoted name without a level mark: try the levels from the most specific; only a name that
      // is (or is close to) a 科目 counts, so “三公” or “十五五” stay plain text.
      const n = normText(written);
      if (n.length < 4 || byAlias.has(n)) return null;
      for (const level of ['item', 'section', 'class'] as Level[]) {
        const r = resolveCoded(written, level);
        if (r.suggestion || (r.cands.length && !r.actualLevel)) return { ...r, level };
      }
      return null;
    },
  };
}

