// The shape every kind module exports, and title matching against a kind's variants.
import type { Grid, Region } from '../common';
import { normTitle } from '../common';
import type { Table, TableKind } from '../types';

export interface KindReader {
  kind: TableKind;
  /** Title variants, already in normTitle form. */
  titles: string[];
  matchTitle(text: string): boolean;
  /** Read the table in the region; null when the header does not fit the kind. */
  read(grid: Grid, region: Region): Table | null;
}

/** A matcher requiring the whole normalised title to equal one of the variants. */
export function titleMatcher(variants: string[]): (text: string) => boolean {
  const set = new Set(variants.map(normTitle));
  return (text: string) => set.has(normTitle(text));
}
