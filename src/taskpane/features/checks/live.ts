// After a fix or an undo the workbook is checked again quietly: the list the officer is working
// through stays as it was, but each finding shows whether it still holds, and the offline grid
// paints the cells as they now are. Pure.
import type { Finding } from '../../../core/findings';

/** A finding's identity across re-checks: the rule and where it points (its message may change). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.line ?? ''}`;
}

/** Indices of listed findings that the latest check no longer reports. */
export function resolvedIndices(listed: readonly Finding[], live: readonly Finding[] | null): Set<number> {
  const out = new Set<number>();
  if (!live) return out;
  const now = new Set(live.map(findingKey));
  listed.forEach((f, i) => {
    if (!now.has(findingKey(f))) out.add(i);
  });
  return out;
}
