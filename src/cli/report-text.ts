// The check's result as the CLI prints it: the JSON objects of SPEC §8 and the human-readable
// report grouped by table (findings outside any table and narrative findings last).
import { rangeA1, TABLE_KIND_NAMES, type Analysis, type Detection, type Finding, type Table } from '../core/index';

export function tableSummary(t: Table) {
  return { kind: t.kind, sheet: t.sheet, range: rangeA1(t.range), unit: t.unit, ...(t.kind === 'perf-project-scorecard' || t.kind === 'perf-dept-scorecard' ? { name: t.name } : {}) };
}

/** A region that looked like a table but matched no kind (reported, never forced into a kind). */
export function unknownSummary(u: Detection['unknown'][number]) {
  return { sheet: u.sheet, range: rangeA1(u.range), title: u.title, reason: u.reason };
}

export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    related: f.related,
    line: f.line,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    ...(f.excerpt ? { excerpt: f.excerpt } : {}),
    ...(f.fix ? { fix: { cell: `${f.fix.ref.sheet}!${rangeA1({ r1: f.fix.ref.row, c1: f.fix.ref.col, r2: f.fix.ref.row, c2: f.fix.ref.col })}`, value: f.fix.value ?? null, formula: f.fix.formula ?? null } } : {}),
  };
}

export type FindingJson = ReturnType<typeof findingJson>;
export type Counts = { error: number; warning: number; info: number };

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const SEVERITY_MARK = { error: '✖', warning: '▲', info: '·' } as const;

export function countBySeverity(findings: { severity: Finding['severity'] }[]): Counts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function tableName(t: Table): string {
  return `${TABLE_KIND_NAMES[t.kind]}${'name' in t && t.name ? `「${t.name}」` : ''}`;
}

/** Where a finding belongs, as the report's group heading says it. */
export function placeOf(detection: Detection): (f: Finding) => string {
  const byId = new Map(detection.tables.map((t) => [t.id, t]));
  return (f) => {
    if (f.line !== null && f.sheet === null) return '情况说明文本';
    const t = f.tableId ? byId.get(f.tableId) : undefined;
    if (t) return `${tableName(t)}（${t.sheet}）`;
    return f.sheet ? `工作表 ${f.sheet}` : '工作簿';
  };
}

export function formatReport(file: string, analysis: Analysis, narrativeFindings: Finding[]): string {
  const lines: string[] = [];
  const { detection } = analysis;
  lines.push(`决算助手 检查：${file}`);
  lines.push(`识别到 ${detection.tables.length} 张表${detection.unknown.length ? `，另有 ${detection.unknown.length} 张未识别的表` : ''}：`);
  for (const t of detection.tables) lines.push(`  ${tableName(t)}  ${t.sheet}!${rangeA1(t.range)}  ${t.unit ?? '单位未注明'}`);
  for (const u of detection.unknown) lines.push(`  未识别：${u.title || '（无标题）'}  ${u.sheet}!${rangeA1(u.range)}  ${u.reason}`);
  const all = [...analysis.findings, ...narrativeFindings];
  const groups = new Map<string, Finding[]>();
  const place = placeOf(detection);
  for (const f of all) {
    const key = place(f);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  if (all.length === 0) lines.push('未发现问题。');
  for (const [key, fs] of groups) {
    lines.push('', `【${key}】`);
    for (const f of fs) {
      const where = f.line !== null && f.sheet === null ? `第${f.line}行` : f.cell ?? '';
      const related = f.related.length ? `（相关：${f.related.join('，')}）` : '';
      lines.push(`  ${SEVERITY_MARK[f.severity]} ${SEVERITY_LABEL[f.severity]} ${where} ${f.message}${related}  [${f.rule}]`);
      if (f.excerpt) lines.push(`      “${f.excerpt}”`);
      if (f.fix) lines.push(`      建议：${f.fix.description}`);
    }
  }
  const c = countBySeverity(all);
  lines.push('', `合计：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`);
  return lines.join('\n');
}
