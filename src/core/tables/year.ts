// The year a workbook reports on: the year most tables state (title or caption), else a year
// printed in the first rows of a sheet ('上海市普陀区生态环境局 2025 年度部门决算表' above a table).
import type { WorkbookSnapshot } from '../snapshot';
import { cellText } from '../text';
import { yearIn } from './common';
import type { Detection } from './types';

export function workbookYear(detection: Detection, wb?: WorkbookSnapshot): number | undefined {
  const counts = new Map<number, number>();
  for (const t of detection.tables) if (t.year !== undefined) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  if (counts.size > 0) return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  for (const s of wb?.sheets ?? [])
    for (const row of (s?.cells ?? []).slice(0, 3))
      for (const cell of row ?? []) {
        const t = cellText(cell?.v ?? null);
        if (t.length <= 60 && /\d{4}\s*年度/.test(t)) {
          const y = yearIn(t);
          if (y !== undefined) return y;
        }
      }
  return undefined;
}
