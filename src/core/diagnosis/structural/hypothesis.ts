// Testing a structural hypothesis: substitute the values it implies and re-evaluate every relation
// the changed cells take part in.
import type { Figure } from '../../tables/types';
import type { Problem } from '../problem';
import type { Relation } from '../relation';
import { figKey } from '../relation';

export interface Outcome {
  /** Relations the changed cells take part in. */
  touched: Relation[];
  /** Of those, broken on the printed values. */
  before: Relation[];
  /** Of those, broken under the hypothesis. */
  after: Relation[];
}

/** Evaluate the relations around `values` (cell key → value) before and after substituting them. */
export function test(p: Problem, values: Map<string, number>): Outcome {
  const touched = new Set<Relation>();
  for (const k of values.keys()) for (const r of p.byCell(k)) touched.add(r);
  const get = (f: Figure) => {
    const v = values.get(figKey(f));
    return v === undefined ? f.value : v;
  };
  const before: Relation[] = [];
  const after: Relation[] = [];
  for (const r of touched) {
    if (p.evals.get(r)?.verdict === 'mismatch') before.push(r);
    const ev = r.evaluate(get);
    if (ev && ev.verdict === 'mismatch') after.push(r);
  }
  return { touched: [...touched], before, after };
}
