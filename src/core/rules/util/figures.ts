// Reading figures out of the typed tables: units, printed precision, unit conversion,
// percentages stored as fractions or as numbers, and enumerating every figure of a table.
import type { CellRef } from '../../address';
import { decimalsOf, parsePercentText } from '../../numbers';
import type { WorkbookSnapshot } from '../../snapshot';
import { getCell } from '../../snapshot';
import type { Figure, Table, Unit } from '../../tables/types';
import { HALF_CENT, halfOf } from './tolerance';

/** How a table prints its amounts: its unit and the half-width of one printed figure (in that unit). */
export interface Scale {
  unit: Unit;
  half: number;
  decimals: number;
}

const scaleCache = new WeakMap<Table, Scale>();

/**
 * The table's scale. 万元 tables print 2 decimals. 元 tables print either whole 元 or 2 decimals:
 * when every amount is an integer the interval is ±0.5 元. A table without a caption is taken as 万元,
 * the unit of every published table (the completeness rule reports the missing caption).
 */
export function scaleOf(table: Table): Scale {
  const cached = scaleCache.get(table);
  if (cached) return cached;
  let scale: Scale = { unit: '万元', half: HALF_CENT, decimals: 2 };
  if (table.unit === '元') {
    const figs = amountFigures(table).filter((f) => f.value !== null && f.value !== 0);
    const integral = figs.length > 0 && figs.every((f) => Number.isInteger(f.value as number));
    scale = integral ? { unit: '元', half: 0.5, decimals: 0 } : { unit: '元', half: HALF_CENT, decimals: 2 };
  }
  scaleCache.set(table, scale);
  return scale;
}

/** Convert an amount from one unit to another. */
export function convert(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  return from === '元' ? value / 10000 : value * 10000;
}

/**
 * Decimals a figure printed at `scale` carries once converted to `unit`: a whole-元 figure in
 * 万元 has 4 decimals, a 万元 figure with 2 decimals in 元 has none.
 */
export function decimalsIn(scale: { unit: Unit; decimals: number }, unit: Unit): number {
  return scale.unit === unit ? scale.decimals : scale.unit === '元' ? scale.decimals + 4 : Math.max(0, scale.decimals - 4);
}

/** Every amount figure of a table (for precision and input checks). Percent and count cells excluded. */
export function amountFigures(table: Table): Figure[] {
  const out: Figure[] = [];
  const add = (f: Figure | null | undefined) => {
    if (f) out.push(f);
  };
  switch (table.kind) {
    case 'income':
    case 'expenditure':
    case 'general-budget':
    case 'gov-fund':
    case 'state-capital':
      for (const r of table.total ? [table.total, ...table.items] : table.items) for (const k of Object.keys(r.values)) add(r.values[k]);
      break;
    case 'summary':
      for (const l of Object.values(table.income)) add(l?.figure);
      for (const l of [table.incomeTotal, table.useNonFiscalBalance, table.openingBalance, table.incomeGrandTotal, table.expenditureTotal, table.balanceDistribution, table.closingBalance, table.expenditureGrandTotal]) add(l?.figure);
      for (const c of table.classes) add(c.figure);
      break;
    case 'fiscal-summary':
      for (const l of Object.values(table.income)) add(l?.figure);
      for (const l of Object.values(table.openingByFund)) add(l?.figure);
      for (const l of [table.incomeTotal, table.opening, table.incomeGrandTotal]) add(l?.figure);
      for (const line of [...table.classes, table.expenditureTotal, table.closing, table.expenditureGrandTotal]) {
        if (!line) continue;
        add(line.total);
        add(line.general);
        add(line.govFund);
        add(line.stateCapital);
      }
      break;
    case 'basic-detail':
      for (const e of table.entries) add(e.figure);
      add(table.personnelTotal?.figure);
      add(table.publicTotal?.figure);
      break;
    case 'three-public':
      for (const block of [table.budget, table.actual]) if (block) for (const f of Object.values(block)) add(f);
      break;
    case 'perf-basic-data':
      for (const r of [table.threePublic, table.vehicle, table.abroad, table.reception, table.projectTotal, ...table.projects, table.publicFunds, ...table.publicFundsParts]) {
        if (!r) continue;
        add(r.prior);
        add(r.budget);
        add(r.actual);
      }
      break;
    case 'perf-dept-scorecard':
    case 'perf-project-scorecard':
      for (const r of Object.values(table.funds)) {
        if (!r) continue;
        add(r.initialBudget);
        add(r.fullBudget);
        add(r.executed);
      }
      break;
  }
  return out;
}

/** Every figure a table holds, amounts, scores and rates alike (for the input check). */
export function allFigures(table: Table): Figure[] {
  const out = amountFigures(table);
  if (table.kind === 'perf-dept-scorecard' || table.kind === 'perf-project-scorecard') {
    for (const r of Object.values(table.funds)) {
      if (!r) continue;
      for (const f of [r.weight, r.rate, r.score]) if (f) out.push(f);
    }
    for (const i of table.indicators) for (const f of [i.weight, i.score]) if (f) out.push(f);
    if (table.totalRow) for (const f of [table.totalRow.weight, table.totalRow.score]) if (f) out.push(f);
  }
  if (table.kind === 'perf-basic-data') for (const f of [table.staff.authorized, table.staff.actual, table.staff.controlRate]) if (f) out.push(f);
  return out;
}

/** A percentage as printed: the value in percent and its printed decimals. */
export interface Percent {
  pct: number;
  decimals: number;
}

/** Number format of the cell a figure came from. */
export function formatOf(wb: WorkbookSnapshot, ref: CellRef): string | undefined {
  const sheet = wb.sheets.find((s) => s.name === ref.sheet);
  return sheet ? getCell(sheet, ref.row, ref.col)?.z : undefined;
}

function percentDecimals(z: string): number {
  const m = /0(?:\.(0+))?\s*%/.exec(z);
  return m ? (m[1]?.length ?? 0) : 2;
}

/**
 * Read a rate cell: text '98.80%', a fraction 0.988 under a percent format, or a number 98.8 under
 * a '%' header. `hint` (the expected rate in percent, when known) settles an unformatted number:
 * 1 may be 100% or 1%.
 */
export function readPercent(wb: WorkbookSnapshot, fig: Figure | null, hint?: number): Percent | null {
  if (!fig) return null;
  const f = fig;
  if (fig.text !== undefined) {
    const p = parsePercentText(fig.text);
    if (p !== null) {
      const m = /\.(\d+)\s*[%％]/.exec((f.text ?? "").replace(/[０-９]/g, '0'));
      return { pct: p, decimals: m ? m[1].length : 0 };
    }
  }
  if (fig.value === null || fig.form === 'blank') return null;
  const v = fig.value;
  const z = formatOf(wb, fig.ref);
  if (z && z.includes('%')) {
    const d = percentDecimals(z);
    // What the officer sees: the stored fraction shown at the format's decimals.
    return { pct: Number((v * 100).toFixed(d)), decimals: d };
  }
  const asFraction = v * 100;
  let pct: number;
  if (hint !== undefined) pct = Math.abs(asFraction - hint) <= Math.abs(v - hint) ? asFraction : v;
  else pct = Math.abs(v) <= 1.5 ? asFraction : v;
  const d = pct === asFraction ? Math.max(2, decimalsOf(v) - 2) : Math.max(2, decimalsOf(v));
  return { pct: Number(pct.toFixed(Math.min(d, 10))), decimals: Math.min(d, 10) };
}

export { halfOf };
