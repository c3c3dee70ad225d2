// Minimal diagnoses: the smallest sets of cells that, given the values their relations imply,
// leave no relation broken. Broken relations are the conflicts; a relation a candidate's new value
// breaks becomes a conflict too (found on the way, as in Reiter's HS-tree). Sets are searched by
// increasing size, so the first size that works gives every minimal diagnosis of that size.
import type { Relation } from './relation';
import type { Assignment, Problem } from './problem';
import { assign, keysOf } from './problem';

export interface Diagnosis {
  cells: string[];
  assignment: Assignment;
}

/** Consistency checks left, shared by every search of one diagnosis (a guard on garbled workbooks). */
export interface Budget {
  left: number;
}

export interface SearchOptions {
  maxSize: number;
  /** Consistency checks allowed for this group before giving up. */
  budget: number;
  /** The diagnosis-wide allowance this search also draws on. */
  shared?: Budget;
}

/**
 * Groups of broken relations to diagnose together: those that share a cell, and those whose cells
 * meet in some other relation (a 年度资金总额 row left at zero breaks three column sums that only
 * the row's own relations tie together: fixed one at a time, each would look like a different slip).
 */
export function components(broken: Relation[], p?: Problem): Relation[][] {
  const parent = broken.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  broken.forEach((r, i) => {
    for (const k of keysOf(r)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  if (p)
    broken.forEach((r, i) => {
      for (const k of keysOf(r))
        for (const q of p.byCell(k)) {
          if (q.cells.length > 12) continue; // a long column sum ties everything to everything
          for (const x of keysOf(q)) {
            const j = owner.get(x);
            if (j !== undefined) parent[find(i)] = find(j);
          }
        }
    });
  const groups = new Map<number, Relation[]>();
  broken.forEach((r, i) => {
    const g = find(i);
    const l = groups.get(g);
    if (l) l.push(r);
    else groups.set(g, [r]);
  });
  return [...groups.values()];
}

const blamableKeys = new WeakMap<Relation, string[]>();

/** The keys of a relation's cells that hold a figure (built once per relation). */
function blamable(r: Relation): string[] {
  let ks = blamableKeys.get(r);
  if (!ks) {
    const all = keysOf(r);
    blamableKeys.set(r, (ks = all.filter((_, i) => r.cells[i].fig.value !== null)));
  }
  return ks;
}

/** Every minimal diagnosis of a component, of the smallest size that has one (none up to maxSize: []). */
export function minimalDiagnoses(p: Problem, broken: Relation[], opts: SearchOptions, minSize = 1): Diagnosis[] {
  let budget = Math.min(opts.budget, opts.shared?.left ?? Infinity);
  const spend = () => {
    budget--;
    if (opts.shared) opts.shared.left--;
  };
  for (let size = minSize; size <= opts.maxSize; size++) {
    const found = new Map<string, Diagnosis>();
    const seen = new Set<string>();
    const visit = (cells: string[]): void => {
      if (budget <= 0) return;
      const id = [...cells].sort().join('|');
      if (seen.has(id)) return;
      seen.add(id);
      let unhit = broken;
      let branch: string[] | null = null;
      if (cells.length > 0) {
        spend();
        const a = assign(p, cells);
        if (!a.ok) {
          // No value fits some cell: one of the relations that disagree on it needs another cell.
          if (cells.length >= size || !a.conflict) return;
          branch = [...new Set(a.conflict.flatMap(blamable))].filter((k) => !cells.includes(k));
        } else {
          unhit = [...broken.filter((r) => !a.touched.has(r)), ...a.broken];
          if (unhit.length === 0) {
            found.set(id, { cells: [...cells].sort(), assignment: a });
            return;
          }
        }
      }
      if (cells.length >= size) return;
      if (!branch) {
        // Branch on the conflict with the fewest cells not yet chosen.
        for (const r of unhit) {
          const ks = blamable(r).filter((k) => !cells.includes(k));
          if (ks.length === 0) return; // a conflict no further cell can meet
          if (!branch || ks.length < branch.length) branch = ks;
        }
      }
      for (const k of new Set(branch ?? [])) visit([...cells, k]);
    };
    visit([]);
    if (found.size > 0) return [...found.values()];
    if (budget <= 0) return [];
  }
  return [];
}
