// A row under the wrong code: printed inside one 款 (or 类) but coded for another, its figures are
// missing from the parent it stands under (and counted, if listed, in the one its code names).
// One finding on the code cell; when the catalogue names the row as printed under the right
// parent, the code that fits is offered as the fix.
import type { CellRef } from '../../address';
import type { SuggestedFix } from '../../findings';
import { fmt } from '../../numbers';
import { getCell } from '../../snapshot';
import { sameName } from '../../catalogue/catalogue';
import type { CodedRow, CodedTable } from '../../tables/types';
import { findingAt } from '../../rules/util/report';
import { brokenText, maxSeverity, tableTitle } from '../messages';
import type { Relation } from '../relation';
import { figKey } from '../relation';
import type { Detector, StructuralResult } from './types';
import { isCoded } from '../../tables/continuation';

const clean = (s: string) => s.replace(/[\s\u3000]+/g, '');

export const miscodedRow: Detector = ({ ctx, problem: p, broken, severityOf }) => {
  const out: StructuralResult[] = [];
  const owner = new Map<string, { table: CodedTable; row: CodedRow; key: string }>();
  for (const t of ctx.detection.tables) {
    if (!isCoded(t)) continue;
    for (const r of t.items) for (const [k, f] of Object.entries(r.values)) owner.set(figKey(f), { table: t, row: r, key: k });
  }
  const taken = new Set<CodedRow>();
  for (const rel of broken) {
    const o = rel.sum ? owner.get(figKey(rel.sum.total)) : undefined;
    const ev = p.evals.get(rel);
    if (!o || !ev || rel.sum!.items.some((f) => owner.get(figKey(f))?.key !== o.key) || !o.row.code || (o.row.code.length !== 3 && o.row.code.length !== 5)) continue;
    const parent = o.row;
    const pcode = parent.code as string;
    const missing = ev.actual - ev.expected;
    // Rows printed inside the parent's block but coded elsewhere.
    const rows = [...o.table.items].sort((a, b) => a.row - b.row);
    const at = rows.indexOf(parent);
    for (let i = at + 1; i < rows.length; i++) {
      const r = rows[i];
      if (!r.code || r.code.length <= pcode.length) break;
      if (r.code.startsWith(pcode) || taken.has(r)) continue;
      const v = r.values[o.key]?.value;
      if (v === null || v === undefined || Math.abs(v - missing) > ev.tolerance + 1e-9) continue;
      const res = explain(p, broken, o.table, parent, r, owner);
      if (!res) continue;
      taken.add(r);
      const newCode = pcode + r.code.slice(pcode.length);
      const entry = ctx.catalogue.get('function', newCode);
      const fits = !!entry && sameName(entry.name, r.name);
      const codeRef = r.codeRefs.length === 1 ? r.codeRefs[0] : undefined;
      let fix: SuggestedFix | undefined;
      if (fits && codeRef) {
        const sheet = ctx.workbook.sheets.find((s) => s.name === codeRef.sheet);
        const cur = sheet ? getCell(sheet, codeRef.row, codeRef.col)?.v : undefined;
        fix = { ref: codeRef, value: typeof cur === 'number' ? Number(newCode) : newCode, previous: typeof cur === 'number' || typeof cur === 'string' ? cur : r.code, description: `科目编码改为 ${newCode}（${entry!.name}）` };
      }
      const amounts = Object.entries(r.values)
        .filter(([, f]) => f.value)
        .slice(0, 3)
        .map(([, f]) => fmt(f.value as number, rel.decimals));
      const texts = res.map((x) => ({ rule: x.rule, text: brokenText(x, p.evals.get(x)!) }));
      const message =
        `${tableTitle(o.table)} 科目编码 ${r.code}（${clean(r.name)}）与所在位置不符：该行列在 ${pcode} ${clean(parent.name)} 之下，金额（${amounts.join('、')}）却未计入 ${pcode}，${pcode} 正好比所属各${pcode.length === 3 ? '款' : '项'}之和多出这些数` +
        (fits ? `；按科目名称，编码应为 ${newCode}` : `；请核对编码，或将该行移到 ${r.code.slice(0, pcode.length)} 之下`) +
        `。此行导致 ${texts.length} 处不符：${texts.map((t, j) => `${j + 1}. ${t.text}`).join('；')}`;
      const anchor: CellRef = codeRef ?? r.nameRef;
      out.push({
        finding: { ...findingAt(o.table, anchor, message, { related: [parent.codeRefs[0] ?? parent.nameRef, ...res.flatMap((x) => x.cells.map((c) => c.fig.ref))], expected: fits ? newCode : null, actual: r.code, fix }), rule: rel.rule, severity: maxSeverity(res, severityOf), breaks: texts },
        explains: res,
        fold: { cells: [...r.codeRefs, r.nameRef], rules: /^catalogue\./ },
      });
    }
  }
  return out;
};

/**
 * The broken relations the miscoding accounts for, when moving the row under `parent` mends every
 * one of the parent's sums (and the sums of the parent its code names); null when it does not.
 */
function explain(p: Parameters<Detector>[0]['problem'], broken: Relation[], table: CodedTable, parent: CodedRow, row: CodedRow, owner: Map<string, { table: CodedTable; row: CodedRow; key: string }>): Relation[] | null {
  const out: Relation[] = [];
  const parentFigs = new Set(Object.values(parent.values).map(figKey));
  const rowFigs = new Map(Object.entries(row.values).map(([k, f]) => [figKey(f), k]));
  for (const rel of p.relations) {
    if (!rel.sum) continue;
    const ev = p.evalOf(rel);
    if (!ev || !rel.sum) continue;
    const total = figKey(rel.sum.total);
    const o = owner.get(total);
    if (!o || o.table !== table) continue;
    // Column sums only (a 类 over its 款), not a row's own total over its parts.
    if (rel.sum.items.some((f) => owner.get(figKey(f))?.key !== o.key)) continue;
    if (parentFigs.has(total)) {
      // The parent's sum with the row counted in.
      const v = row.values[o.key]?.value ?? 0;
      const after = ev.actual - ev.expected - v;
      if (Math.abs(after) > ev.tolerance + 1e-9) return null;
      if (ev.verdict === 'mismatch') out.push(rel);
    } else if (rel.sum.items.some((f) => rowFigs.has(figKey(f)))) {
      // A sum that counts the row by its code: without it.
      const k = rowFigs.get(figKey(rel.sum.items.find((f) => rowFigs.has(figKey(f)))!))!;
      const after = ev.actual - ev.expected + (row.values[k]?.value ?? 0);
      if (Math.abs(after) > ev.tolerance + 1e-9) return null;
      if (ev.verdict === 'mismatch') out.push(rel);
    }
  }
  if (out.length === 0) return null;
  // Other tables' comparisons that miss the row under the code it should carry.
  const newCode = (parent.code as string) + (row.code as string).slice((parent.code as string).length);
  for (const rel of broken) {
    if (out.includes(rel)) continue;
    const codes = rel.cells.map((c) => owner.get(figKey(c.fig))?.row.code);
    if (rel.cells.length <= 2 && codes.some((c) => c === newCode || c === row.code) && rel.cells.some((c) => owner.get(figKey(c.fig))?.table !== table)) out.push(rel);
  }
  return out.filter((r) => broken.includes(r));
}
