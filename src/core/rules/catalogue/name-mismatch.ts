// A 科目名称 that differs from every name the catalogue knows for its code (swapped characters,
// truncated or outdated names). An error only when a name read in a dated document for the
// workbook's year says otherwise; names from memory give a warning at most (catalogue.checkName).
import type { ClassificationSystem } from '../../catalogue/catalogue';
import type { Rule, RuleFinding } from '../types';
import { codeUses } from '../util/codes';
import { findingAt } from '../util/report';

const SYSTEMS: Record<string, ClassificationSystem[]> = { function: ['function'], economic: ['economic', 'economicGovernment'] };

export const rule: Rule = {
  id: 'catalogue.name-mismatch',
  family: 'catalogue',
  severity: 'error',
  description: '科目名称与科目目录中该编码的名称一致（依据公开文件核实的名称不符为错误，依据待核实名称的仅作警告或提示）',
  check(ctx) {
    const out: RuleFinding[] = [];
    const hinted = new Set<string>();
    const year = ctx.detection.year;
    const uses = codeUses(ctx);
    for (const u of uses) {
      const printed = u.name.trim();
      if (!printed) continue;
      const system = (SYSTEMS[u.system] ?? [u.system]).find((s) => ctx.catalogue.get(s, u.code));
      if (!system) continue;
      const c = ctx.catalogue.checkName(system, u.code, printed, year);
      if (c.status !== 'mismatch' || !c.expected) continue;
      const want = c.expected.name;
      if (c.severity === 'error') {
        const when = c.expected.years ? `${c.expected.years[0] === c.expected.years[1] ? c.expected.years[0] : `${c.expected.years[0]}—${c.expected.years[1]}`}年公开文件所载` : '公开文件所载';
        out.push(
          findingAt(u.table, u.nameRef, `科目 ${u.code} 名称应为“${want}”（${when}名称），实为“${printed}”`, {
            related: [u.codeRef],
            expected: want,
            actual: printed,
            fix: { ref: u.nameRef, value: want, previous: u.name, description: `科目名称改为“${want}”` },
          }),
        );
        continue;
      }
      // Unproven names: once per code and printed name, the other cells listed as related.
      const k = `${system}:${u.code}:${printed}`;
      if (hinted.has(k)) continue;
      hinted.add(k);
      const same = uses.filter((x) => x !== u && x.system === u.system && x.code === u.code && x.name.trim() === printed).map((x) => x.nameRef);
      const why = c.expected.trust === 'read' ? `目录中该名称见于${c.expected.years ? `${c.expected.years[0]}—${c.expected.years[1]}年` : ''}公开文件，当年可能已更名` : '目录名称待核实，可能已更名';
      out.push(findingAt(u.table, u.nameRef, `科目 ${u.code} 名称可能应为“${want}”（${why}），实为“${printed}”，请对照当年《政府收支分类科目》核实`, { severity: c.severity, related: same, expected: want, actual: printed }));
    }
    return out;
  },
};
