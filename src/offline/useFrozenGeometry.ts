// Measures where frozen columns and header rows must stick: each frozen column's left offset
// (after the row numbers and the columns before it) and each frozen row's top offset (below the
// column letters and the rows before it in its table's header). Re-measured when the table
// resizes (fonts loading, a narrower window wrapping the frozen name column).
import * as React from 'react';
import type { SheetSnapshot } from '../core/snapshot';
import type { Frozen } from './grid-model';

export interface FrozenGeometry {
  left: number[];
  top: Map<number, number>;
  scrollPadding: React.CSSProperties | undefined;
  ready: boolean;
}

const EMPTY: FrozenGeometry = { left: [], top: new Map(), scrollPadding: undefined, ready: false };

export function useFrozenGeometry(
  table: React.RefObject<HTMLTableElement>,
  scroller: React.RefObject<HTMLDivElement>,
  frozen: Frozen,
  frozenCols: number,
  sheet: SheetSnapshot,
): FrozenGeometry {
  const [geo, setGeo] = React.useState<FrozenGeometry>(EMPTY);
  const key = `${frozenCols}|${frozen.rowGroups.map((g) => g.join('.')).join('/')}`;

  React.useLayoutEffect(() => {
    const t = table.current;
    if (!t) return;
    const measure = () => {
      const corner = t.querySelector<HTMLElement>('thead th');
      const head = t.querySelector<HTMLElement>('thead tr');
      if (!corner || !head) return;
      const left: number[] = [];
      let x = corner.offsetWidth;
      for (let c = 0; c < frozenCols; c++) {
        left.push(x);
        x += t.querySelector<HTMLElement>(`thead th[data-col="${c}"]`)?.offsetWidth ?? 0;
      }
      const top = new Map<number, number>();
      let maxY = head.offsetHeight;
      for (const group of frozen.rowGroups) {
        let y = head.offsetHeight;
        for (const r of group) {
          const tr = t.querySelector<HTMLElement>(`tbody tr[data-row="${r}"]`);
          if (!tr) break;
          top.set(r, y);
          y += tr.offsetHeight;
        }
        maxY = Math.max(maxY, y);
      }
      const next: FrozenGeometry = { left, top, scrollPadding: { scrollPaddingTop: maxY, scrollPaddingLeft: x }, ready: true };
      setGeo((prev) => (JSON.stringify([prev.left, [...prev.top], prev.scrollPadding]) === JSON.stringify([next.left, [...next.top], next.scrollPadding]) ? prev : next));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(t);
    if (scroller.current) ro.observe(scroller.current);
    return () => ro.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, sheet]);

  return geo;
}
