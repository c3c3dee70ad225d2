// A long table continued on another sheet (a PDF page transcribed to its own sheet, an export
// that splits at a page break): the continuation, read by the same kind's reader under its 续表
// title and repeated header, is folded into the table it continues, so rules see one table.
import type { BasicDetailTable, CodedTable, FiscalSummaryTable, SummaryTable, Table } from './types';

const CODED = new Set(['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital']);

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
    fill(p.income, n.income, Object.keys(n.income) as (keyof FiscalSummaryTable['income'])[]);
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
  prev.continued = [...(prev.continued ?? []), { sheet: next.sheet, range: next.range }];
  return true;
}
