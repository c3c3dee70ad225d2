// The task pane's view model: grouping, filtering, stepping, following the selection, fix previews
// and output sheets.
import type { Finding } from '../../../src/core/findings';
import type { Detection, Table } from '../../../src/core/tables/types';
import type { Narrative } from '../../../src/core/narrative/types';
import {
  countBySeverity,
  errorText,
  findingLocation,
  fixPreview,
  groupFindings,
  isProtectionError,
  matchSelection,
  narrativeText,
  narrativeToOutput,
  splitRef,
  stepFinding,
  summaryText,
  tableSummaries,
  visibleOrder,
  derivedToOutput,
} from '../../../src/taskpane/model';

function table(kind: Table['kind'], sheet: string, r1: number, c1: number, r2: number, c2: number): Table {
  return { kind, id: `${sheet}!${r1},${c1}`, sheet, range: { r1, c1, r2, c2 }, title: kind, titleRef: { sheet, row: r1, col: c1 }, unit: '万元', columns: [], rows: [], warnings: [] } as unknown as Table;
}

const detection: Detection = {
  tables: [table('summary', '收支总表', 0, 0, 17, 5), table('income', '收入表', 0, 0, 23, 9)],
  unknown: [],
  supplement: null,
};

function finding(p: Partial<Finding>): Finding {
  return { rule: 'sum.column', family: 'sum', severity: 'error', sheet: null, cell: null, related: [], line: null, message: 'm', ...p };
}

const findings: Finding[] = [
  finding({ severity: 'info', sheet: '收入表', cell: 'C6', message: 'i1' }), // 0
  finding({ severity: 'error', sheet: '收支总表', cell: 'F18', related: ['F7:F9', '收入表!C6'], message: 'e1', fix: { ref: { sheet: '收支总表', row: 17, col: 5 }, value: 877.77, previous: 878.77, description: '改为 877.77' } }), // 1
  finding({ severity: 'warning', sheet: '收支总表', cell: 'C15', message: 'w1', tableId: '收支总表!0,0' }), // 2
  finding({ severity: 'error', family: 'narrative', line: 3, excerpt: '增长100%', message: 'n1' }), // 3
  finding({ severity: 'warning', family: 'completeness', message: 'missing table' }), // 4
  finding({ severity: 'error', sheet: '收支总表', cell: 'F18', rule: 'cross.x', message: 'e2', fix: { ref: { sheet: '收支总表', row: 17, col: 5 }, value: 877.77, description: '同一单元格的另一修正' } }), // 5
];

describe('counts and summary', () => {
  test('counts by severity and says it in Chinese', () => {
    const c = countBySeverity(findings);
    expect(c).toEqual({ error: 3, warning: 2, info: 1 });
    expect(summaryText(c)).toBe('3 个错误，2 个警告，1 个提示');
    expect(summaryText({ error: 0, warning: 1, info: 0 })).toBe('无错误，1 个警告，无提示');
    expect(summaryText({ error: 0, warning: 0, info: 0 })).toBe('未发现问题');
  });

  test('tables are listed with their Chinese kind name and A1 range', () => {
    expect(tableSummaries(detection)).toEqual([
      expect.objectContaining({ name: '收入支出决算总表', sheet: '收支总表', range: 'A1:F18', unit: '万元' }),
      expect.objectContaining({ name: '收入决算表', sheet: '收入表', range: 'A1:J24' }),
    ]);
    expect(tableSummaries(null)).toEqual([]);
  });
});

describe('groupFindings', () => {
  test('groups by table in detection order, then other findings, then the narrative; errors first', () => {
    const g = groupFindings(findings, detection);
    expect(g.map((x) => x.key)).toEqual(['收支总表!0,0', '收入表!0,0', '__other', '__narrative']);
    expect(g[0].title).toBe('收入支出决算总表');
    expect(g[0].sheet).toBe('收支总表');
    expect(g[0].items.map((i) => i.index)).toEqual([1, 5, 2]);
    expect(g[0].counts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(g[2].title).toBe('完整性');
    expect(g[3].title).toBe('情况说明');
  });

  test('the filter hides items but never the counts', () => {
    const g = groupFindings(findings, detection, new Set(['error']));
    expect(g[0].items.map((i) => i.index)).toEqual([1, 5]);
    expect(g[0].counts.warning).toBe(1);
    expect(g[1].items).toEqual([]);
    expect(visibleOrder(g)).toEqual([1, 5, 3]);
  });
});

describe('stepping and selection', () => {
  const order = visibleOrder(groupFindings(findings, detection));

  test('next/previous wrap around in display order', () => {
    expect(order).toEqual([1, 5, 2, 0, 4, 3]);
    expect(stepFinding(order, null, 1)).toBe(1);
    expect(stepFinding(order, null, -1)).toBe(3);
    expect(stepFinding(order, 1, 1)).toBe(5);
    expect(stepFinding(order, 3, 1)).toBe(1);
    expect(stepFinding(order, 1, -1)).toBe(3);
    expect(stepFinding([], 1, 1)).toBeNull();
  });

  test('a selected cell matches the finding whose primary cell it is', () => {
    expect(matchSelection(findings, order, '收支总表', 'F18')).toBe(1);
    expect(matchSelection(findings, order, '收支总表', '$C$15')).toBe(2);
    expect(matchSelection(findings, order, '收入表', 'C6')).toBe(0);
  });

  test('a range selection matches a primary cell inside it; other sheets never match', () => {
    expect(matchSelection(findings, order, '收支总表', 'A10:D20')).toBe(2);
    expect(matchSelection(findings, order, '收入表', 'F18')).toBeNull();
  });

  test('related cells match when no primary does (same sheet ranges and Sheet! refs)', () => {
    expect(matchSelection(findings, order, '收支总表', 'F8')).toBe(1);
    const onlyRelated = [finding({ sheet: 'A', cell: 'B2', related: ["'My Sheet'!C3:C5"] })];
    expect(matchSelection(onlyRelated, [0], 'My Sheet', 'C4')).toBe(0);
    expect(matchSelection(onlyRelated, [0], 'My Sheet', 'C6')).toBeNull();
  });

  test('hidden (filtered out) findings are not matched', () => {
    expect(matchSelection(findings, [0], '收支总表', 'F18')).toBeNull();
  });

  test('splitRef understands quoted sheet names', () => {
    expect(splitRef('F7:F9', '总表')).toEqual({ sheet: '总表', address: 'F7:F9' });
    expect(splitRef("'It''s'!A1", null)).toEqual({ sheet: "It's", address: 'A1' });
    expect(splitRef('收入表!C6', '总表')).toEqual({ sheet: '收入表', address: 'C6' });
  });
});

describe('fixes', () => {
  test('the preview lists every change once per cell with before and after', () => {
    const rows = fixPreview(findings);
    expect(rows).toEqual([{ index: 1, cell: '收支总表!F18', before: '878.77', after: '877.77', description: '改为 877.77' }]);
  });

  test('applied fixes are left out; formulas show with =', () => {
    expect(fixPreview(findings, undefined, new Set([1, 5]))).toEqual([]);
    const f = [finding({ fix: { ref: { sheet: 'S', row: 0, col: 0 }, formula: 'SUM(A2:A3)', previous: null, description: 'd' } })];
    expect(fixPreview(f)[0]).toMatchObject({ before: '（空）', after: '=SUM(A2:A3)' });
  });
});

describe('output sheets and text', () => {
  const n: Narrative = {
    title: '第三部分 情况说明',
    profile: 'hunan',
    year: 2023,
    unitName: null,
    sections: [{ heading: '一、收入支出决算总体情况', level: 1, paragraphs: ['2023年度收、支总计877.77万元。'] }],
    missing: [],
  };

  test('the narrative sheet has the title and headings in bold, paragraphs plain', () => {
    const out = narrativeToOutput(n);
    expect(out.name).toBe('情况说明');
    expect(out.rows).toEqual([[{ value: '第三部分 情况说明', bold: true }], [{ value: '一、收入支出决算总体情况', bold: true }], [{ value: '2023年度收、支总计877.77万元。' }]]);
    expect(narrativeText(n)).toBe('第三部分 情况说明\n一、收入支出决算总体情况\n2023年度收、支总计877.77万元。');
  });

  test('derived sheets keep formulas and formats', () => {
    const out = derivedToOutput({ name: '指标计算', rows: [[{ value: '占比' }, { formula: 'C7/C15', numberFormat: '0.00%' }]] });
    expect(out.rows[0][1]).toEqual({ formula: 'C7/C15', numberFormat: '0.00%' });
  });

  test('locations and errors read well', () => {
    expect(findingLocation(findings[1])).toBe('收支总表!F18');
    expect(findingLocation(findings[3])).toBe('第 3 行');
    expect(errorText(new Error('坏了'))).toBe('坏了');
    expect(errorText({ code: 'X' })).toBe('{"code":"X"}');
    expect(isProtectionError(Object.assign(new Error('x'), { code: 'AccessDenied' }))).toBe(true);
    expect(isProtectionError(new Error('工作表“A”受保护，无法写入'))).toBe(true);
    expect(isProtectionError(new Error('The cell you are trying to change is protected'))).toBe(true);
    expect(isProtectionError(new Error('网络错误'))).toBe(false);
  });
});
