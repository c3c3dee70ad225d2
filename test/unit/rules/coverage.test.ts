// Every figure of the clean sample model is constrained by some rule: bumping any one of them by
// 1.00 yields an error or warning that names that cell (as the primary cell or a related one).
import { a1 } from '../../../src/core/address';
import { runChecks } from '../../../src/core/rules/engine';
import { allFigures } from '../../../src/core/rules/util/figures';
import { detection, workbookOf } from './build';
import { sampleTables } from './sample-model';

function expand(ref: string, sheet: string): string[] {
  const [sh, cell] = ref.includes('!') ? ref.split('!') : [sheet, ref];
  const [a, b] = cell.split(':');
  if (!b) return [`${sh}!${a}`];
  const m1 = /^([A-Z]+)(\d+)$/.exec(a)!;
  const m2 = /^([A-Z]+)(\d+)$/.exec(b)!;
  const out: string[] = [];
  for (let c = m1[1].charCodeAt(0); c <= m2[1].charCodeAt(0); c++) for (let r = Number(m1[2]); r <= Number(m2[2]); r++) out.push(`${sh}!${String.fromCharCode(c)}${r}`);
  return out;
}

// Only bounded, never pinned: the 公用经费 row's 上年决算数/本年预算数 and its 其中 rows
// (其中 ≤ 公用经费; no other table holds last year's figures or this year's budget of them).
const BOUNDED_ONLY = new Set(['perf!B23', 'perf!C23', 'perf!B24', 'perf!C24', 'perf!B25', 'perf!C25', 'perf!B26', 'perf!C26']);

it.each([
  ['+1.00', 1],
  ['-1.00', -1],
])('no figure escapes every rule when bumped by %s', (_name, delta) => {
  const n = sampleTables().flatMap((t) => allFigures(t)).length;
  const escaped: string[] = [];
  for (let i = 0; i < n; i++) {
    const tables = sampleTables();
    const figs = tables.flatMap((t) => allFigures(t));
    const f = figs[i];
    if (f.value === null || f.value + delta < 0) continue;
    if (BOUNDED_ONLY.has(`${f.ref.sheet}!${a1(f.ref.row, f.ref.col)}`)) continue;
    f.value = Number((f.value + delta).toFixed(4));
    f.form = 'number';
    const cell = `${f.ref.sheet}!${a1(f.ref.row, f.ref.col)}`;
    const fs = runChecks(workbookOf(tables), detection(tables)).filter((x) => x.severity !== 'info');
    const hit = fs.some((x) => x.sheet && (`${x.sheet}!${x.cell}` === cell || x.related.some((r) => expand(r, x.sheet as string).includes(cell))));
    if (!hit) escaped.push(cell);
  }
  if (escaped.length) console.log(`${n} figures, escaped: ${escaped.join(' ')}`);
  expect(escaped).toEqual([]);
});
