// 项目支出绩效自评表 and 部门整体支出绩效自评表: name/主管部门/实施单位 pairs, the 项目资金 block,
// 年度总体目标, 绩效指标 rows (merged 一级指标, merged 分值/得分 groups) and the 总分 row.
import type { CellRef } from '../../address';
import { a1 } from '../../address';
import { toHalfWidth } from '../../numbers';
import { normLabel } from '../../text';
import type { Grid, Region } from '../common';
import { attachNote, baseOf, capOf, cleanName } from '../common';
import type { ColumnInfo, Figure, FundRow, Indicator, RowInfo, ScorecardTable } from '../types';
import type { KindReader } from './reader';

type FundCol = 'initialBudget' | 'fullBudget' | 'executed' | 'weight' | 'rate' | 'score';
type IndCol = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

function fundColOf(n: string): FundCol | null {
  if (/年初预算/.test(n)) return 'initialBudget';
  if (/全年预算|调整后预算/.test(n)) return 'fullBudget';
  if (/执行数|全年执行|实际支出/.test(n)) return 'executed';
  if (/^分值$|^权重$/.test(n)) return 'weight';
  if (/执行率/.test(n)) return 'rate';
  if (/^得分$/.test(n)) return 'score';
  return null;
}

function indColOf(n: string): IndCol | null {
  if (/^一级指标/.test(n)) return 'level1';
  if (/^二级指标/.test(n)) return 'level2';
  if (/^三级指标/.test(n)) return 'level3';
  if (/指标值|目标值/.test(n)) return 'target';
  if (/实际完成值|完成值|实际值/.test(n)) return 'actual';
  if (/^分值|^权重/.test(n)) return 'weight';
  if (/^得分/.test(n)) return 'score';
  if (/偏差|原因|改进措施/.test(n)) return 'deviation';
  return null;
}

type FundSlot = 'total' | 'fiscal' | 'carryOver' | 'other';

function fundSlotOf(n: string): FundSlot | null {
  if (/资金总额|^合计$|^总额$/.test(n)) return 'total';
  if (/财政拨款|财政资金/.test(n)) return 'fiscal';
  if (/上年结转/.test(n)) return 'carryOver';
  if (/其他资金/.test(n)) return 'other';
  return null;
}

/** Cells whose label matches, in rows [from, to]: returns [row, col] of the first. */
function findLabel(grid: Grid, from: number, to: number, c1: number, c2: number, re: RegExp): [number, number] | null {
  for (let r = from; r <= to; r++) for (const c of grid.filledCols(r, c1, c2)) if (re.test(normLabel(grid.text(r, c)))) return [r, c];
  return null;
}

function countMatches(grid: Grid, r: number, c1: number, c2: number, of: (n: string) => unknown): number {
  let k = 0;
  for (const c of grid.filledCols(r, c1, c2)) if (of(normLabel(grid.text(r, c)))) k++;
  return k;
}

/** A 分值/得分 figure: '10分' / '9.5 分' is a number of points as text, not an invalid entry. */
function pointsFig(grid: Grid, r: number, c: number): Figure {
  const f = grid.fig(r, c);
  if (f.form !== 'invalid' || f.text === undefined) return f;
  const m = /^\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(toHalfWidth(f.text));
  return m ? { ...f, value: Number(m[1]), form: 'text-number' } : f;
}

/** Figure of a cell that may sit in a vertical merge: the merge's top-left holds the group's value. */
function groupFigure(grid: Grid, r: number, c: number): { fig: Figure; group?: string } {
  const m = grid.merges.find(r, c);
  if (m && m.r2 > m.r1) return { fig: pointsFig(grid, m.r1, m.c1), group: a1(m.r1, m.c1) };
  return { fig: pointsFig(grid, r, c) };
}

export function readScorecard(kind: ScorecardTable['kind'], grid: Grid, region: Region): ScorecardTable | null {
  const { c1, c2, r2 } = region;
  const top = region.titleRow + 1;
  const warnings: string[] = [];
  const columns: ColumnInfo[] = [];
  const rows: RowInfo[] = [{ row: region.titleRow, label: region.title, key: 'title' }];
  let lastRow = region.titleRow;
  const use = (r: number, label: string, key: string) => {
    rows.push({ row: r, label, key });
    if (r > lastRow) lastRow = r;
  };

  // Identity pairs near the top.
  const pair = (re: RegExp): { text: string; ref: CellRef | null } => {
    const hit = findLabel(grid, top, Math.min(r2, top + 8), c1, c2, re);
    if (!hit) {
      // 'label：value' in one cell.
      const inCell = findLabel(grid, top, Math.min(r2, top + 8), c1, c2, new RegExp(`${re.source.replace(/\$$/, '')}[:：].+$`));
      if (!inCell) return { text: '', ref: null };
      const raw = grid.text(inCell[0], inCell[1]);
      use(inCell[0], raw, 'identity');
      return { text: cleanName(raw.replace(/^[^:：]*[:：]/, '')), ref: grid.ref(inCell[0], inCell[1]) };
    }
    const v = grid.valueRightOf(hit[0], hit[1], c2);
    use(hit[0], grid.text(hit[0], hit[1]), 'identity');
    // A blank value still has a place to be filled: the cell right of the label.
    const m = grid.merges.find(hit[0], hit[1]);
    const blankCol = (m ? m.c2 : hit[1]) + 1;
    if (!v || fundColOf(normLabel(v.text)) || /^(主管部门|实施单位|项目名称)/.test(normLabel(v.text))) return { text: '', ref: grid.ref(hit[0], blankCol) };
    return { text: cleanName(v.text), ref: grid.ref(hit[0], v.col) };
  };
  const nameRe = kind === 'perf-project-scorecard' ? /^项目名称$/ : /^(预算单位名称|单位名称|部门名称|预算部门名称|部门\(单位\)名称)$/;
  const name = pair(nameRe);
  const department = pair(/^主管部门$/);
  const implementer = pair(/^实施单位$/);

  // 项目资金 block.
  const funds: ScorecardTable['funds'] = { total: null, fiscal: null, carryOver: null, other: null };
  let fundsRow = -1;
  for (let r = top; r <= Math.min(r2, top + 15); r++) {
    if (countMatches(grid, r, c1, c2, (n) => /年初预算|全年预算|执行数/.test(n)) >= 2) {
      fundsRow = r;
      break;
    }
  }
  let goalsFrom = top;
  if (fundsRow >= 0) {
    use(fundsRow, '项目资金', 'fundsHeader');
    const fcols: Partial<Record<FundCol, number>> = {};
    for (const c of grid.filledCols(fundsRow, c1, c2)) {
      const k = fundColOf(normLabel(grid.text(fundsRow, c)));
      if (k && fcols[k] === undefined) {
        fcols[k] = c;
        columns.push({ col: c, header: grid.text(fundsRow, c), key: `funds.${k}` });
      }
    }
    const firstValueCol = Math.min(...(Object.values(fcols) as number[]));
    for (let r = fundsRow + 1; r <= Math.min(r2, fundsRow + 8); r++) {
      let slot: FundSlot | null = null;
      let labelCol = -1;
      for (const c of grid.filledCols(r, c1, firstValueCol - 1)) {
        const n = normLabel(grid.text(r, c));
        if (/年度总体目标|预期目标|绩效指标/.test(n)) break;
        const s = fundSlotOf(n);
        if (s) {
          slot = s;
          labelCol = c;
        }
      }
      if (!slot) {
        if (findLabel(grid, r, r, c1, c2, /年度总体目标|预期目标|一级指标/)) break;
        continue;
      }
      const f = (k: FundCol) => (fcols[k] === undefined ? null : k === 'weight' || k === 'score' ? pointsFig(grid, r, fcols[k]!) : grid.fig(r, fcols[k]!));
      const row: FundRow = {
        label: grid.text(r, labelCol),
        labelRef: grid.ref(r, labelCol),
        row: r,
        initialBudget: f('initialBudget'),
        fullBudget: f('fullBudget'),
        executed: f('executed'),
        weight: f('weight'),
        rate: f('rate'),
        score: f('score'),
      };
      if (!funds[slot]) funds[slot] = row;
      use(r, row.label, `funds.${slot}`);
      goalsFrom = r + 1;
    }
  }

  // 年度总体目标.
  const goals: ScorecardTable['goals'] = { expected: '', expectedRef: null, actual: '', actualRef: null };
  const gHit = findLabel(grid, goalsFrom, Math.min(r2, goalsFrom + 10), c1, c2, /^预期目标/);
  if (gHit) {
    const [gr, gc] = gHit;
    const aHit = findLabel(grid, gr, gr, gc + 1, c2, /^实际完成情况|^实际完成|^完成情况/);
    use(gr, '年度总体目标', 'goalsHeader');
    const content = gr + 1;
    const cell = (c: number) => {
      const m = grid.merges.find(content, c);
      const cc = m ? m.c1 : c;
      return { text: cleanName(grid.text(content, cc)), ref: grid.ref(content, cc) };
    };
    const e = cell(gc);
    goals.expected = e.text;
    goals.expectedRef = e.ref;
    if (aHit) {
      const a = cell(aHit[1]);
      goals.actual = a.text;
      goals.actualRef = a.ref;
    }
    use(content, goals.expected, 'goals');
  } else {
    const g = findLabel(grid, goalsFrom, Math.min(r2, goalsFrom + 10), c1, c2, /^年度总体目标/);
    if (g) {
      const v = grid.valueRightOf(g[0], g[1], c2);
      if (v) {
        goals.expected = cleanName(v.text);
        goals.expectedRef = grid.ref(g[0], v.col);
        use(g[0], goals.expected, 'goals');
      }
    }
  }

  // 绩效指标.
  const indicators: Indicator[] = [];
  let totalRow: ScorecardTable['totalRow'] = null;
  let iHead = -1;
  for (let r = top; r <= r2; r++) {
    if (countMatches(grid, r, c1, c2, (n) => /^(一级指标|二级指标|三级指标)/.test(n)) >= 2) {
      iHead = r;
      break;
    }
    if (r > top + 40) break;
  }
  const icols: Partial<Record<IndCol, number>> = {};
  let capCol: number | undefined;
  if (iHead >= 0) {
    use(iHead, '绩效指标', 'indicatorHeader');
    const heads = grid.filledCols(iHead, c1, c2).map((c) => ({ c, n: normLabel(grid.text(iHead, c)) }));
    // The 一级指标's cap may stand in a column of its own ('一级指标 | 分值 | 二级指标 …'): a 分值
    // column left of the 二级/三级指标 is that cap, not the indicators' 分值.
    const firstLevel = heads.find((h) => /^(二级指标|三级指标)/.test(h.n))?.c ?? Infinity;
    for (const h of heads) {
      const k = /^一级指标(分值|权重|分数)/.test(h.n) || (indColOf(h.n) === 'weight' && h.c < firstLevel && icols.level1 !== undefined) ? 'level1Cap' : indColOf(h.n);
      if (k === 'level1Cap') {
        if (capCol === undefined) {
          capCol = h.c;
          columns.push({ col: h.c, header: grid.text(iHead, h.c), key: 'indicators.level1Cap' });
        }
        continue;
      }
      if (k && icols[k] === undefined) {
        icols[k] = h.c;
        columns.push({ col: h.c, header: grid.text(iHead, h.c), key: `indicators.${k}` });
      }
    }
    const l3 = icols.level3 ?? icols.level2;
    for (let r = iHead + 1; r <= r2 && l3 !== undefined; r++) {
      const filled = grid.filledCols(r, c1, c2);
      const firstText = filled.length ? normLabel(grid.text(r, filled[0])) : '';
      if (/^(总分|合计|总计)$/.test(firstText) || /^(总分|合计)$/.test(normLabel(grid.shown(r, c1)))) {
        const labelCol = filled.length && /^(总分|合计|总计)$/.test(firstText) ? filled[0] : c1;
        totalRow = {
          row: r,
          labelRef: grid.ref(r, labelCol),
          weight: icols.weight !== undefined ? pointsFig(grid, r, icols.weight) : null,
          score: icols.score !== undefined ? pointsFig(grid, r, icols.score) : null,
        };
        use(r, '总分', 'total');
        break;
      }
      if (/^(填表人|填报人|填报日期|单位负责人)/.test(firstText) || (filled.length && /^注[:：]/.test(grid.text(r, filled[0])))) break;
      const own = (k: IndCol) => (icols[k] !== undefined ? grid.text(r, icols[k]!) : '');
      const hasOwn = (['level3', 'target', 'actual', 'weight', 'score'] as IndCol[]).some((k) => own(k) !== '') || (icols.level2 !== undefined && grid.text(r, icols.level2) !== '');
      if (!hasOwn) continue;
      const shownAt = (k: IndCol): { text: string; ref: CellRef } => {
        const c = icols[k];
        if (c === undefined) return { text: '', ref: grid.ref(r, l3) };
        const m = grid.merges.find(r, c);
        const rr = m ? m.r1 : r;
        const cc = m ? m.c1 : c;
        return { text: cleanName(grid.text(rr, cc)), ref: grid.ref(rr, cc) };
      };
      const lv1 = shownAt('level1');
      const capIn = (c: number | undefined): number | null => {
        if (c === undefined) return null;
        const m = grid.merges.find(r, c);
        const f = grid.fig(m ? m.r1 : r, m ? m.c1 : c);
        return f.value !== null && f.form !== 'blank' ? f.value : null;
      };
      const lv3 = shownAt('level3');
      const tg = shownAt('target');
      const ac = shownAt('actual');
      const ind: Indicator = {
        row: r,
        level1: lv1.text,
        level1Ref: lv1.ref,
        level1Cap: capOf(lv1.text) ?? capIn(capCol),
        level2: shownAt('level2').text,
        level3: icols.level3 !== undefined ? lv3.text : shownAt('level2').text,
        level3Ref: icols.level3 !== undefined ? lv3.ref : shownAt('level2').ref,
        target: tg.text,
        targetRef: icols.target !== undefined ? tg.ref : grid.ref(r, l3),
        actual: ac.text,
        actualRef: icols.actual !== undefined ? ac.ref : grid.ref(r, l3),
        weight: null,
        score: null,
        deviation: icols.deviation !== undefined ? shownAt('deviation').text : '',
        deviationRef: icols.deviation !== undefined ? shownAt('deviation').ref : null,
      };
      if (icols.weight !== undefined) {
        const g = groupFigure(grid, r, icols.weight);
        ind.weight = g.fig;
        if (g.group) ind.weightGroup = g.group;
      }
      if (icols.score !== undefined) {
        const g = groupFigure(grid, r, icols.score);
        ind.score = g.fig;
        if (g.group) ind.scoreGroup = g.group;
      }
      indicators.push(ind);
      use(r, ind.level3, 'indicator');
    }
  }
  if (iHead < 0 && fundsRow < 0) return null;
  if (!name.ref && iHead < 0) return null;
  if (kind === 'perf-project-scorecard' && !name.text) warnings.push('项目名称为空');
  if (kind === 'perf-dept-scorecard' && !name.text) warnings.push('预算单位名称为空');

  const lastCol = Math.max(c1, ...columns.map((c) => c.col), grid.merges.at(region.titleRow, region.titleCol)?.c2 ?? region.titleCol);
  const base = baseOf(kind, grid, region, lastRow, Math.min(lastCol, c2), columns, rows.sort((a, b) => a.row - b.row), Math.max(fundsRow, top), warnings);
  const table = {
    ...base,
    kind,
    name: name.text,
    nameRef: name.ref,
    department: department.text,
    departmentRef: department.ref,
    implementer: implementer.text,
    implementerRef: implementer.ref,
    funds,
    goals,
    indicators,
    totalRow,
  } as ScorecardTable;
  attachNote(table, grid, lastRow + 1, region);
  return table;
}

const PROJECT_TITLES = ['项目支出绩效自评表', '项目支出绩效自评情况表', '项目绩效自评表'];
const DEPT_TITLES = ['部门整体支出绩效自评表', '整体支出绩效自评表', '部门整体支出绩效自评情况表', '部门(单位)整体支出绩效自评表', '单位整体支出绩效自评表'];

export const projectScorecard: KindReader = {
  kind: 'perf-project-scorecard',
  titles: PROJECT_TITLES,
  read: (grid, region) => readScorecard('perf-project-scorecard', grid, region),
};

export const deptScorecard: KindReader = {
  kind: 'perf-dept-scorecard',
  titles: DEPT_TITLES,
  read: (grid, region) => readScorecard('perf-dept-scorecard', grid, region),
};
