// A long table continued on another sheet (a PDF page transcribed to its own sheet, an export
// that splits at a page break): the continuation, read by the same kind's reader under its 续表
// title and repeated header, is folded into the table it continues, so rules see one table.
import type { BasicDetailTable, CodedRow, CodedTable, FiscalSummaryTable, SummaryTable, Table } from './types';

const CODED = new Set(['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital']);

export function isCoded(t: Table | undefined): t is CodedTable {
  return !!t && CODED.has(t.kind);
}

/** Do the top-level rows (类) add up to the 合计 in the 合计 column, within rounding? */
export function balances(items: CodedRow[], total: CodedRow | null, unit: string | null): boolean {
  const t = total?.values.total?.value;
  if (t === null || t === undefined) return false;
  const top = Math.min(...items.map((i) => (i.code ?? '').length).filter((n) => n > 0));
  const parts = items.filter((i) => (i.code ?? '').length === top);
  if (parts.length === 0) return false;
  const sum = parts.reduce((a, i) => a + (i.values.total?.value ?? 0), 0);
  // SPEC §2: (n+1) half-intervals; whole 元 amounts stand for ±0.5.
  const half = unit === '元' && [total!, ...parts].every((r) => Number.isInteger(r.values.total?.value ?? 0)) ? 0.5 : 0.005;
  return Math.abs(sum - t) <= (parts.length + 1) * half + 1e-9;
}

/** A table ends on a 项 (or a zero row): one ending on a non-zero 类 or 款 lacks the rows below it. */
function endsComplete(items: CodedRow[]): boolean {
  const last = items[items.length - 1];
  return !last || last.level === 'item' || (last.values.total?.value ?? 0) === 0;
}

const padded = (code: string | null) => (code ?? '').padEnd(7, '0');

/**
 * A sheet with no title of its own continues the coded table of the sheet before only when that
 * table is incomplete (no 合计, its 类 do not add up to it, or it ends on a 类/款 without its rows)
 * and the rows make it complete — or, for a table over more sheets, when they carry on its codes
 * in ascending order without a 合计 of their own and their 类 stay within its 合计.
 */
export function completes(prev: CodedTable, next: CodedTable): boolean {
  if (balances(prev.items, prev.total, prev.unit) && endsComplete(prev.items)) return false;
  if (next.items.length === 0) return false;
  const items = [...prev.items, ...next.items];
  if (balances(items, prev.total ?? next.total, prev.unit) && endsComplete(items)) return true;
  const last = prev.items[prev.items.length - 1];
  const ascending = !!last && next.items.every((it, i) => padded(it.code) > padded(i === 0 ? last.code : next.items[i - 1].code));
  const t = prev.total?.values.total?.value;
  const classes = items.filter((i) => i.level === 'class').reduce((a, i) => a + (i.values.total?.value ?? 0), 0);
  return ascending && !next.total && (t === undefined || t === null || classes <= t + 0.01 * (items.length + 1));
}

function fill<T extends object>(into: T, from: T, keys: (keyof T)[]): void {
  for (const k of keys) if (into[k] == null && from[k] != null) into[k] = from[k];
}

/** Fold `next` into `prev` (same kind). Returns false when the kind cannot be continued. */
export function mergeContinuation(prev: Table, next: Table): boolean {
  if (prev.kind !== next.kind) return false;
  if (CODED.has(prev.kind)) {
    const p = prev as CodedTable;
    const n = next as CodedTable;
    p.items.push(...n.items);
    if (!p.total && n.total) p.total = n.total;
    for (const k of n.valueKeys) if (!p.valueKeys.includes(k)) p.valueKeys.push(k);
    p.empty = p.empty && n.empty;
  } else if (prev.kind === 'basic-detail') {
    const p = prev as BasicDetailTable;
    const n = next as BasicDetailTable;
    p.entries.push(...n.entries);
    fill(p, n, ['personnelTotal', 'publicTotal']);
  } else if (prev.kind === 'summary') {
    const p = prev as SummaryTable;
    const n = next as SummaryTable;
    fill(p.income, n.income, Object.keys(n.income) as (keyof SummaryTable['income'])[]);
    p.classes.push(...n.classes);
    fill(p, n, ['incomeTotal', 'useNonFiscalBalance', 'openingBalance', 'incomeGrandTotal', 'expenditureTotal', 'balanceDistribution', 'closingBalance', 'expenditureGrandTotal']);
  } else if (prev.kind === 'fiscal-summary') {
    const p = prev as FiscalSummaryTable;
    const n = next as FiscalSummaryTable;
    // A fund line read as income on the continuation is the split of 年初结转和结余 when the
    // table before already has that fund's income line (the page broke inside the split).
    for (const k of Object.keys(n.income) as (keyof FiscalSummaryTable['income'])[]) {
      if (!p.income[k]) p.income[k] = n.income[k];
      else if (p.opening && !p.openingByFund[k]) p.openingByFund[k] = n.income[k];
    }
    fill(p.openingByFund, n.openingByFund, Object.keys(n.openingByFund) as (keyof FiscalSummaryTable['openingByFund'])[]);
    p.classes.push(...n.classes);
    fill(p, n, ['incomeTotal', 'opening', 'incomeGrandTotal', 'expenditureTotal', 'closing', 'expenditureGrandTotal']);
  } else return false;
  if (!prev.note && next.note) {
    prev.note = next.note;
    if (next.noteRef) prev.noteRef = next.noteRef;
  }
  // The continuation's own reading warnings name rows of its sheet.
  for (const w of next.warnings) prev.warnings.push(`（续表“${next.sheet}”）${w}`);
  // A region without a title starts at row -1 (its first row may hold data).
  prev.continued = [...(prev.continued ?? []), { sheet: next.sheet, range: { ...next.range, r1: Math.max(0, next.range.r1) } }];
  return true;
}
