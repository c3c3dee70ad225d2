// The value columns of coded tables, top to bottom, with the code and name of each row: what a
// shifted column is shifted against.
import type { BasicDetailTable, Figure, Table } from '../../tables/types';
import { KEY_NAMES, columnHeader, entryLabel, rowLabel } from '../../rules/util/table-equations';
import { isCoded } from '../../tables/continuation';

export interface Slot {
  fig: Figure;
  code: string | null;
  /** '30217 公务接待费'. */
  label: string;
}

export interface Column {
  table: Table;
  header: string;
  slots: Slot[];
}

export function columnsOf(table: Table): Column[] {
  if (isCoded(table)) {
    const rows = [...table.items].sort((a, b) => a.row - b.row);
    return table.valueKeys.map((k) => {
      const slots = rows.filter((r) => r.values[k]).map((r) => ({ fig: r.values[k], code: r.code, label: rowLabel(r) }));
      return { table, header: slots.length ? columnHeader(table, slots[0].fig.ref.col, KEY_NAMES[k] ?? k) : KEY_NAMES[k] ?? k, slots };
    });
  }
  if (table.kind === 'basic-detail') {
    const byCol = new Map<number, Slot[]>();
    for (const e of (table as BasicDetailTable).entries) {
      const l = byCol.get(e.figure.ref.col) ?? [];
      l.push({ fig: e.figure, code: e.code, label: entryLabel(e) });
      byCol.set(e.figure.ref.col, l);
    }
    return [...byCol.values()].map((slots) => ({ table, header: '决算数', slots: slots.sort((a, b) => a.fig.ref.row - b.fig.ref.row) }));
  }
  return [];
}

/** Runs of rows that could be shifted as one: the rows under each 类/款, and the whole column. */
export function blocks(col: Column): [number, number][] {
  const out: [number, number][] = [];
  col.slots.forEach((s, i) => {
    if (!s.code || (s.code.length !== 3 && s.code.length !== 5)) return;
    let j = i;
    while (j + 1 < col.slots.length && col.slots[j + 1].code?.startsWith(s.code) && (col.slots[j + 1].code as string).length > s.code.length) j++;
    if (j > i + 1) out.push([i + 1, j]);
  });
  if (col.slots.length > 2) out.push([0, col.slots.length - 1]);
  return out;
}
