// Every 科目编码 printed in the workbook with its name, for the catalogue rules.
import type { CellRef } from '../../address';
import type { ClassificationSystem } from '../../catalogue/catalogue';
import { normName, normLabel } from '../../text';
import type { CodedTable, Table } from '../../tables/types';
import { TABLE_KIND_NAMES } from '../../tables/types';
import type { RuleContext } from '../types';
import { classRow } from './match';

export interface CodeUse {
  system: ClassificationSystem;
  code: string;
  name: string;
  nameRef: CellRef;
  codeRef: CellRef;
  table: Table;
}

const CODED: CodedTable['kind'][] = ['income', 'expenditure', 'general-budget', 'gov-fund', 'state-capital'];

const usesCache = new WeakMap<RuleContext['detection'], CodeUse[]>();

export function codeUses(ctx: RuleContext): CodeUse[] {
  const hit = usesCache.get(ctx.detection);
  if (hit) return hit;
  const out: CodeUse[] = [];
  usesCache.set(ctx.detection, out);
  // 类 lines of the two summaries are printed by name: resolve their code against the coded tables.
  const coded = ctx.detection.tables.filter((t): t is CodedTable => (CODED as string[]).includes(t.kind));
  const lineUse = (t: Table, line: { code: string | null; label: string; labelRef: CellRef }) => {
    let code = line.code;
    if (!code) for (const c of coded) if ((code = classRow(c, ctx.catalogue, line)?.code ?? null)) break;
    const name = normLabel(line.label);
    if (code && /^\d{3}$/.test(code) && name) out.push({ system: 'function', code, name, nameRef: line.labelRef, codeRef: line.labelRef, table: t });
  };
  for (const t of ctx.detection.tables) {
    if ((CODED as string[]).includes(t.kind)) {
      for (const r of (t as CodedTable).items) if (r.code && /^\d{3}(\d{2}){0,2}$/.test(r.code)) out.push({ system: 'function', code: r.code, name: r.name, nameRef: r.nameRef, codeRef: r.codeRefs[0] ?? r.nameRef, table: t });
    } else if (t.kind === 'summary' || t.kind === 'fiscal-summary') {
      for (const line of t.classes) lineUse(t, line);
    } else if (t.kind === 'basic-detail') {
      for (const e of t.entries) if (e.code && /^\d{3}(\d{2})?$/.test(e.code)) out.push({ system: 'economic', code: e.code, name: e.name, nameRef: e.nameRef, codeRef: e.codeRef ?? e.nameRef, table: t });
    }
  }
  return out;
}

/** A printed 科目名称 reduced for comparison (indentation, numbering, bracket width). */
export function cleanName(s: string): string {
  return normName(normLabel(s));
}

export function tableName(t: Table): string {
  return TABLE_KIND_NAMES[t.kind];
}
