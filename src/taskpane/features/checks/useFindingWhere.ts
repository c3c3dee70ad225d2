// The "where" line under each finding (table, row, column: findingWhere), worked out once per
// finding and analysis instead of for every finding on every render of the list.
import * as React from 'react';
import type { Finding } from '../../../core/findings';
import type { WorkbookSnapshot } from '../../../core/snapshot';
import type { Detection } from '../../../core/tables/types';
import { findingWhere } from '../../cell-context';

export function useFindingWhere(detection: Detection | null | undefined, snapshot: WorkbookSnapshot | null | undefined): (f: Finding) => string {
  return React.useMemo(() => {
    const cache = new WeakMap<Finding, string>();
    return (f: Finding) => {
      let where = cache.get(f);
      if (where === undefined) cache.set(f, (where = findingWhere(f, detection, snapshot)));
      return where;
    };
  }, [detection, snapshot]);
}
