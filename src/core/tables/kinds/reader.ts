// The shape every kind module exports. Titles are matched whole, after normTitle, by the
// registry in detect.ts (one map from title to kind for all kinds).
import type { Grid, Region } from '../common';
import type { Table, TableKind } from '../types';

export interface KindReader {
  kind: TableKind;
  /** Title variants, already in normTitle form. */
  titles: string[];
  /** Read the table in the region; null when the header does not fit the kind. */
  read(grid: Grid, region: Region): Table | null;
  /**
   * Read a region continuing `prev` (a 续表 page, or a sheet of rows after it): with its own header
   * when it repeats one (as read does), else with prev's columns. Absent for kinds that never run
   * over a page.
   */
  readContinued?(grid: Grid, region: Region, prev: Table): Table | null;
}
