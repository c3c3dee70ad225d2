// Scorecard helpers: merged 分值/得分 cells count once for their group (SPEC §3), blanks, targets.
import type { CellRef } from '../../address';
import { fmt, parseNumberText, toHalfWidth } from '../../numbers';
import type { Figure, Indicator, ScorecardTable } from '../../tables/types';

const refKey = (r: CellRef) => `${r.sheet}!${r.row},${r.col}`;

/** Distinct figures (a merged cell read on several rows is one figure). */
export function distinct(figs: (Figure | null | undefined)[]): Figure[] {
  const m = new Map<string, Figure>();
  for (const f of figs) if (f && !m.has(refKey(f.ref))) m.set(refKey(f.ref), f);
  return [...m.values()];
}

/** Indicators joined into units by shared merged 分值/得分 cells; each unit has one weight and one score. */
export interface ScoreUnit {
  rows: Indicator[];
  weights: Figure[];
  scores: Figure[];
}

export function scoreUnits(sc: ScorecardTable): ScoreUnit[] {
  const parent = sc.indicators.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byGroup = new Map<string, number>();
  sc.indicators.forEach((ind, i) => {
    const keys = [ind.weightGroup ? `w:${ind.weightGroup}` : null, ind.scoreGroup ? `s:${ind.scoreGroup}` : null, ind.weight ? `f:${refKey(ind.weight.ref)}` : null, ind.score ? `f:${refKey(ind.score.ref)}` : null];
    for (const k of keys) {
      if (!k) continue;
      const j = byGroup.get(k);
      if (j === undefined) byGroup.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const units = new Map<number, Indicator[]>();
  sc.indicators.forEach((ind, i) => units.set(find(i), [...(units.get(find(i)) ?? []), ind]));
  return [...units.values()].map((rows) => ({ rows, weights: distinct(rows.map((r) => r.weight)), scores: distinct(rows.map((r) => r.score)) }));
}

/**
 * Indicators by their 分值 or 得分 figure. A merged cell is one figure read on every row of its
 * group: the group's first row names it.
 */
export function indicatorBy(rows: readonly Indicator[], field: 'weight' | 'score'): Map<Figure | null, Indicator> {
  const m = new Map<Figure | null, Indicator>();
  for (let i = rows.length - 1; i >= 0; i--) m.set(rows[i][field], rows[i]);
  return m;
}

/** Points as printed in messages: two decimals, whole numbers without them (37 → '37', 2.5 → '2.50'). */
export function points(v: number): string {
  return fmt(v, 2).replace(/\.00$/, '');
}

export function isBlank(f: Figure | null | undefined): boolean {
  return !f || f.form === 'blank';
}

export function valueOf(figs: Figure[]): number | null {
  let s = 0;
  for (const f of figs) {
    if (f.value === null) return null;
    s += f.value;
  }
  return Number(s.toFixed(8));
}

/** A parsed 年度指标值 / 实际完成值: '≥90%' → {op:'>=', value:90, unit:'%'}. */
export interface Measure {
  op: '>=' | '<=' | '>' | '<' | '=' | null;
  value: number;
  unit: string;
}

const OPS: [RegExp, Measure['op']][] = [
  [/^(≥|>=|＞=|不低于|不少于|大于等于|达到|至少)/, '>='],
  [/^(≤|<=|＜=|不高于|不超过|不多于|小于等于|控制在)/, '<='],
  [/^(>|＞|大于|高于|超过)/, '>'],
  [/^(<|＜|小于|低于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

export function parseMeasure(text: string): Measure | null {
  let s = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
  if (!s) return null;
  let op: Measure['op'] = null;
  for (const [re, o] of OPS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length);
      break;
    }
  }
  s = s.replace(/(以上|以内|以下)$/, (w) => {
    if (!op) op = w === '以上' ? '>=' : '<=';
    return '';
  });
  const m = /^(-?\d+(?:,\d{3})*(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  const unit = m[2];
  // A date such as 2023年12月31日 or a range is not a measurable figure.
  if (/[年月日至~～\-]/.test(unit) || unit.length > 4) return null;
  const value = parseNumberText(m[1]);
  if (value === null) return null;
  return { op, value, unit };
}

/** Scale of a unit prefix so that '3.9万' and '39000人' compare. */
function unitScale(unit: string): { scale: number; base: string } {
  const m = /^(万|亿)?(.*)$/.exec(unit) as RegExpExecArray;
  return { scale: m[1] === '万' ? 1e4 : m[1] === '亿' ? 1e8 : 1, base: m[2] };
}

/**
 * Does the actual value meet the target? null when they cannot be compared (text, other units).
 * A bare target means 'at least' except for cost indicators where it means 'at most'.
 */
export function meetsTarget(target: Measure, actual: Measure, costIndicator: boolean): boolean | null {
  const t = unitScale(target.unit);
  const a = unitScale(actual.unit);
  const tb = t.base.replace(/^元$/, '');
  const ab = a.base.replace(/^元$/, '');
  if (tb !== ab && !(tb === '' || ab === '')) return null;
  if ((tb === '%') !== (ab === '%')) return null;
  const tv = target.value * t.scale;
  const av = actual.value * a.scale;
  const op = target.op ?? (costIndicator ? '<=' : '>=');
  const eps = 1e-9;
  switch (op) {
    case '>=':
      return av >= tv - eps;
    case '<=':
      return av <= tv + eps;
    case '>':
      return av > tv;
    case '<':
      return av < tv;
    case '=':
      return Math.abs(av - tv) <= eps;
  }
  return null;
}

/** The standard caps of the 一级指标 (Hunan and 财政部 practice). */
export const STANDARD_CAPS: [RegExp, number, string][] = [
  [/产出/, 50, '产出指标'],
  [/效益/, 30, '效益指标'],
  [/满意度/, 10, '满意度指标'],
];

/** 一级指标 name without its printed cap: 产出指标（50分） → 产出指标. */
export function level1Name(label: string): string {
  return toHalfWidth(label)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（][^)）]*分[)）]$/, '')
    .replace(/[(（]\d+(?:\.\d+)?[)）]$/, '')
    .replace(/(\D)[:：]?\d+(?:\.\d+)?分$/, '$1');
}

/**
 * The 预算执行率 分值/得分 of the 项目资金 block, unless the template also lists 预算执行率 as an
 * indicator row (then counting both would count it twice).
 */
export function fundsRowCounts(sc: ScorecardTable): boolean {
  return !sc.indicators.some((i) => /预算执行/.test(i.level1) || /预算执行率/.test(i.level2) || /^预算执行率$/.test(i.level3.trim()));
}

/**
 * The 全年执行数 figure that stands for the scorecard's money: the 年度资金总额 row, unless it was left
 * blank or zero while 当年财政拨款 holds the amount (scorecard.fund-total reports that slip).
 */
export function executedFigure(sc: ScorecardTable): Figure | null {
  const total = sc.funds.total?.executed ?? null;
  const fiscal = sc.funds.fiscal?.executed ?? null;
  if (total && total.value !== null && total.value !== 0) return total;
  if (fiscal && fiscal.value) return fiscal;
  return total;
}
