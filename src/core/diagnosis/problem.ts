// The diagnosis problem: every relation evaluated once, an index from cells to the relations they
// take part in, and the consistency check of a candidate set of wrong cells: give those cells the
// values their relations imply and see whether every relation then holds (Reiter's diagnosis,
// with the consistency check done by arithmetic instead of a theorem prover).
import { roundHalfUp } from '../numbers';
import type { Figure } from '../tables/types';
import { EPS } from '../rules/util/tolerance';
import type { RelCell, Relation, RelationEval, Solution } from './relation';
import { figKey, plainValue } from './relation';

export interface Problem {
  relations: Relation[];
  /** The evaluation on the printed values of every relation that does not hold exactly. */
  evals: Map<Relation, RelationEval>;
  /** The evaluation of any relation on the printed values (null: it cannot be evaluated). */
  evalOf(r: Relation): RelationEval | null;
  broken: Relation[];
  /** Relations by cell key (built on first use: clean workbooks never need it). */
  byCell(key: string): Relation[];
  /** What is known of a cell: its figure, table, label, domain. */
  cell(key: string): RelCell;
}

export function buildProblem(relations: Relation[]): Problem {
  const evals = new Map<Relation, RelationEval>();
  const broken: Relation[] = [];
  const plain = plainValue;
  // Most relations hold exactly: only the others keep their evaluation.
  const live: Relation[] = [];
  for (const r of relations) {
    const q = r.quick ? r.quick(plain) : undefined;
    if (q === null) continue;
    if (q === 'equal') {
      live.push(r);
      continue;
    }
    const ev = r.evaluate(plain);
    if (!ev) continue;
    live.push(r);
    if (ev.verdict === 'equal') continue;
    evals.set(r, ev);
    if (ev.verdict === 'mismatch') broken.push(r);
  }
  let index: Map<string, Relation[]> | null = null;
  const cells = new Map<string, RelCell>();
  const build = () => {
    const idx = new Map<string, Relation[]>();
    for (const r of live) {
      const add = (fig: Figure) => {
        const k = figKey(fig);
        const l = idx.get(k);
        if (!l) idx.set(k, [r]);
        else if (l[l.length - 1] !== r) l.push(r);
      };
      if (r.forEachFigure) r.forEachFigure(add);
      else for (const c of r.cells) add(c.fig);
    }
    index = idx;
  };
  // What is known of a cell, merged from every relation it takes part in (on demand).
  const cellOf = (key: string): RelCell => {
    const hit = cells.get(key);
    if (hit) return hit;
    let known: RelCell | null = null;
    for (const r of index!.get(key) ?? []) {
      const ks = keysOf(r);
      for (let i = 0; i < ks.length; i++) {
        if (ks[i] !== key) continue;
        const c = r.cells[i];
        if (!known) known = { ...c };
        else {
          if (!known.label && c.label) known.label = c.label;
          if (c.nonNegative) known.nonNegative = true;
          if (known.decimals === undefined && c.decimals !== undefined) known.decimals = c.decimals;
          if (!known.toCell && c.toCell) known.toCell = c.toCell;
          if (!known.table && c.table) known.table = c.table;
          if (c.integer) known.integer = true;
        }
      }
    }
    cells.set(key, known!);
    return known!;
  };
  const evaluated = new Map<Relation, RelationEval | null>();
  return {
    relations,
    evals,
    evalOf(r) {
      const hit = evals.get(r);
      if (hit) return hit;
      let ev = evaluated.get(r);
      if (ev === undefined) evaluated.set(r, (ev = r.evaluate(plain)));
      return ev;
    },
    broken,
    byCell(key) {
      if (!index) build();
      return index!.get(key) ?? [];
    },
    cell(key) {
      if (!index) build();
      return cellOf(key);
    },
  };
}

export interface Assignment {
  ok: boolean;
  /** The value chosen for each cell of the candidate set (cell key → value). */
  values: Map<string, number>;
  /** Relations broken under the chosen values (among those the candidate cells take part in). */
  broken: Relation[];
  /** Relations the candidate cells take part in. */
  touched: Set<Relation>;
  /** When no value fits a cell: the relations that disagree on it (one of them needs another cell freed). */
  conflict?: Relation[];
}

const relationKeys = new WeakMap<Relation, string[]>();

/** The cell keys of a relation, in the order of its cells (built once per relation). */
export function keysOf(r: Relation): string[] {
  let ks = relationKeys.get(r);
  if (!ks) relationKeys.set(r, (ks = r.cells.map((c) => figKey(c.fig))));
  return ks;
}

/** Decimals a value of the cell is written with. */
export function cellDecimals(p: Problem, key: string): number {
  const c = p.cell(key);
  if (c.decimals !== undefined) return c.decimals;
  return p.byCell(key)[0]?.decimals ?? 2;
}

/**
 * Give each candidate cell the value its relations imply (cells whose relations have no other
 * unresolved candidate first), then evaluate every relation they take part in.
 */
export function assign(p: Problem, candidates: string[]): Assignment {
  const values = new Map<string, number>();
  const get = (f: Figure) => {
    const v = values.get(figKey(f));
    return v === undefined ? f.value : v;
  };
  const pending = new Set(candidates);
  const touched = new Set<Relation>();
  for (const k of candidates) for (const r of p.byCell(k)) touched.add(r);
  while (pending.size > 0) {
    // The next cell: the one with most relations whose other candidates are settled.
    let next: string | null = null;
    let ready: Relation[] = [];
    for (const k of pending) {
      const rels = p.byCell(k).filter((r) => keysOf(r).every((x) => x === k || !pending.has(x)));
      if (next === null || rels.length > ready.length) {
        next = k;
        ready = rels;
      }
    }
    const k = next as string;
    pending.delete(k);
    const v = choose(p, k, ready.map((r) => r.solve(p.cell(k).fig, get)).filter((s): s is Solution => s !== null));
    if (v === null) return { ok: false, values, broken: [], touched, conflict: ready };
    values.set(k, v);
  }
  const broken: Relation[] = [];
  for (const r of touched) {
    const ev = r.evaluate(get);
    if (ev && ev.verdict === 'mismatch') broken.push(r);
  }
  return { ok: true, values, broken, touched };
}

/** A value inside every solution: the most precise exact one that survives rounding, else the middle. */
function choose(p: Problem, key: string, sols: Solution[]): number | null {
  const c = p.cell(key);
  if (sols.length === 0) return c.fig.value;
  // A figure printed non-negative is not mended by a negative one (amounts below zero are rare
  // and always a finding of their own).
  let lo = c.nonNegative || (c.fig.value ?? 0) >= 0 ? 0 : -Infinity;
  let hi = Infinity;
  for (const s of sols) {
    lo = Math.max(lo, s.lo);
    hi = Math.min(hi, s.hi);
  }
  if (lo > hi + EPS) return null;
  if (c.integer) {
    // A head count: the whole number the relations allow, nearest the one they imply.
    const want = sols.find((s) => s.exact)?.point ?? (lo + hi) / 2;
    const first = Math.ceil(lo - EPS);
    const last = Math.floor(hi + EPS);
    if (first > last) return null;
    return Math.min(last, Math.max(first, Math.round(want)));
  }
  const d = cellDecimals(p, key);
  const inside = (v: number) => v >= lo - EPS && v <= hi + EPS;
  // The value most relations imply exactly (a copy and a sum agreeing beat a sum alone), then the
  // most precise relation's.
  const votes = new Map<number, { n: number; width: number }>();
  for (const s of sols) {
    if (!s.exact) continue;
    const v = roundHalfUp(s.point, d);
    if (!inside(v)) continue;
    const w = votes.get(v);
    if (w) {
      w.n++;
      w.width = Math.min(w.width, s.hi - s.lo);
    } else votes.set(v, { n: 1, width: s.hi - s.lo });
  }
  let best: number | null = null;
  for (const [v, w] of votes) if (best === null || w.n > votes.get(best)!.n || (w.n === votes.get(best)!.n && w.width < votes.get(best)!.width)) best = v;
  if (best !== null) return best;
  for (const s of sols) {
    const v = roundHalfUp(s.point, d);
    if (inside(v)) return v;
  }
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const mid = roundHalfUp((lo + hi) / 2, d);
    return inside(mid) ? mid : (lo + hi) / 2;
  }
  if (Number.isFinite(lo)) return roundHalfUp(lo, d) >= lo - EPS ? roundHalfUp(lo, d) : lo;
  if (Number.isFinite(hi)) return roundHalfUp(hi, d) <= hi + EPS ? roundHalfUp(hi, d) : hi;
  return c.fig.value;
}
