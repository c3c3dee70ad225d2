// Hostile review (1): bad cell contents and odd workbooks give a clear finding on the right cell,
// never a crash, and lose no other table or check.
import { sheetFromValues } from '../../../src/core/snapshot';
import { readXlsx } from '../../../src/hosts/file/xlsx-read';
import { generateWorkbook } from '../../fixtures/generator';
import { analyze, at, errors, get, sample, set, show, workbook } from './helpers';

const INC = '2收入决算表';
const EXP = '3支出决算表';

describe('bad cell contents in the sample', () => {
  it.each([
    ['abc', /不是有效数字/],
    ['12.3.4', /不是有效数字/],
    ['8,77.77', /不是有效数字/],
  ])('text %s where an amount belongs is an input error on that cell; every table is still read', async (text, msg) => {
    const wb = await sample();
    set(wb, INC, 'C9', text);
    const a = analyze(wb);
    expect(a.detection.tables).toHaveLength(14);
    const f = at(a.findings, /^input\.invalid-number$/, INC, 'C9');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toMatch(msg);
    expect(f[0].message).toContain(text);
    // No arithmetic is done with the unreadable cell: no sum error blames a neighbour for it.
    expect(errors(a.findings).filter((x) => x.rule !== 'input.invalid-number')).toEqual([]);
  });

  it.each([
    [INC, 'C6', '#REF!'],
    [EXP, 'C6', '#DIV/0!'],
  ])('an error value %s!%s in a 合计 is reported with the error code', async (sheet, cell, code) => {
    const wb = await sample();
    set(wb, sheet, cell, { error: code });
    const a = analyze(wb);
    const f = at(a.findings, /^input\.invalid-number$/, sheet, cell);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(code);
    expect(a.detection.tables).toHaveLength(14);
  });

  it('full-width digits and padded text numbers are read as numbers (info only)', async () => {
    const wb = await sample();
    set(wb, INC, 'C9', '４４９．８９');
    set(wb, INC, 'D9', ' 449.89 ');
    const a = analyze(wb);
    expect(errors(a.findings)).toEqual([]);
    expect(at(a.findings, /^input\.text-number$/, INC, 'C9')).toHaveLength(1);
  });

  it('(37.00) is read as −37: the sums then point at that cell with the negative value', async () => {
    const wb = await sample();
    set(wb, INC, 'I7', '(37.00)');
    const a = analyze(wb);
    const f = at(a.findings, /^sum\./, INC, 'I7');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].message).toContain('实为 -37.00');
  });

  it('dash zeros (-, —, －) are zeros, not findings', async () => {
    const wb = await sample();
    set(wb, INC, 'E7', '—');
    set(wb, INC, 'F7', '－');
    set(wb, INC, 'G7', '-');
    set(wb, EXP, 'F6', '—');
    const a = analyze(wb);
    expect(show(a.findings)).toEqual([]);
  });

  it('protected and hidden sheets are checked like any other', async () => {
    const wb = await sample();
    wb.sheets[2].hidden = true;
    wb.sheets[3].protected = true;
    set(wb, EXP, 'C9', 450.89);
    const a = analyze(wb);
    expect(a.detection.tables).toHaveLength(14);
    expect(at(a.findings, /^sum\./, EXP, 'C9').length).toBeGreaterThan(0);
  });
});

describe('rows a reader cannot place are reported, not dropped', () => {
  it('an unreadable 科目编码 with amounts is a warning on that row', async () => {
    const wb = await sample();
    set(wb, EXP, 'A10', '20801O9');
    const a = analyze(wb);
    const f = at(a.findings, /^input\.unread-rows$/, EXP, 'A10');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
  });
  it('a second 合计 row (ignored by the reader) is a warning on that row', async () => {
    const wb = await sample();
    set(wb, EXP, 'A24', '合计');
    set(wb, EXP, 'B24', null);
    const a = analyze(wb);
    expect(at(a.findings, /^input\.unread-rows$/, EXP, 'A24')).toHaveLength(1);
  });
  it('a table titled 支出决算表 whose header cannot be read is a warning, not silence', () => {
    const s = sheetFromValues('支出', [['支出决算表'], ['甲', '乙', '丙', '丁'], ['a', 1, 2, 3], ['b', 4, 5, 6]]);
    const a = analyze(workbook(s));
    expect(a.detection.tables).toEqual([]);
    expect(at(a.findings, /^input\.unread-rows$/, '支出', 'A1')).toHaveLength(1);
  });
});

describe('odd workbooks', () => {
  it('an empty workbook and a workbook of empty sheets give one warning and no crash', () => {
    for (const wb of [workbook(), workbook(sheetFromValues('Sheet1', []))]) {
      const a = analyze(wb);
      expect(a.findings.map((f) => f.rule)).toEqual(['completeness.tables-present']);
    }
  });
  it('a 2-row junk sheet (项目/金额) is not a table', () => {
    const a = analyze(workbook(sheetFromValues('Sheet1', [['项目', '金额'], ['abc', 12]])));
    expect(a.detection.tables).toEqual([]);
    expect(a.detection.unknown).toEqual([]);
  });
  it('a workbook of unknown tables only names them in the finding (visible in --json)', () => {
    const a = analyze(
      workbook(
        sheetFromValues('采购', [['政府采购情况表'], ['项目', '货物', '工程', '服务'], ['合计', 1, 2, 3]]),
        sheetFromValues('资产', [['国有资产占用情况表'], ['项目', '车辆', '房屋', '设备'], ['数量', 1, 2, 3]]),
      ),
    );
    expect(a.detection.tables).toEqual([]);
    expect(a.detection.unknown.map((u) => u.title)).toEqual(['政府采购情况表', '国有资产占用情况表']);
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0].message).toContain('另有 2 张表格不属于部门决算公开表');
    expect(a.findings[0].message).toContain('政府采购情况表');
  });
  it('amounts stored as text with thousands separators and dash zeros: no error, every table read', async () => {
    const g = await generateWorkbook({ unit: 'bigunit', textNumbers: ['summary', 'income', 'expenditure', 'general-budget', 'basic-detail', 'three-public'], dashZeros: true });
    const wb = await readXlsx(g.bytes, 'g.xlsx');
    const a = analyze(wb);
    expect(a.detection.tables.map((t) => t.kind).sort()).toEqual(g.truth.tables.map((t) => t.kind).sort());
    expect(show(errors(a.findings))).toEqual([]);
    expect(a.findings.some((f) => f.rule === 'input.text-number')).toBe(true);
  });
});

describe('unit captions', () => {
  it('a table captioned 元 whose figures are in 万元 like the rest: one clear error on the caption', async () => {
    const wb = await sample();
    set(wb, EXP, 'I3', '单位：元');
    const a = analyze(wb);
    const f = at(a.findings, /^completeness\.unit-caption$/, EXP, 'I3');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain('单位标注可能有误');
  });
  it('a table really in 元 (figures ×10000) is converted: a warning to unify, no error', async () => {
    const wb = await sample();
    set(wb, EXP, 'I3', '单位：元');
    for (let r = 6; r <= 24; r++)
      for (const c of ['C', 'D', 'E', 'F', 'G', 'H']) {
        const v = get(wb, EXP, `${c}${r}`);
        if (typeof v === 'number') set(wb, EXP, `${c}${r}`, Math.round(v * 1000000) / 100);
      }
    const a = analyze(wb);
    expect(show(errors(a.findings))).toEqual([]);
    expect(at(a.findings, /^completeness\.unit-caption$/, EXP, 'I3').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('a stale copy of a table on a hidden sheet', () => {
  it('does not become the table the cross-table checks compare against', async () => {
    const wb = await sample();
    const copy = JSON.parse(JSON.stringify(wb.sheets.find((s) => s.name === EXP)));
    copy.name = '旧支出';
    copy.hidden = true;
    wb.sheets.unshift(copy);
    // Last year's figures in the copy (consistent in themselves).
    set(wb, '旧支出', 'C6', 900);
    set(wb, '旧支出', 'D6', 760.31);
    const a = analyze(wb);
    expect(a.detection.tables.filter((t) => t.kind === 'expenditure').map((t) => t.sheet)).toEqual(['旧支出', EXP]);
    expect(show(a.findings.filter((f) => f.family === 'cross'))).toEqual([]);
    const dup = at(a.findings, /^completeness\.tables-present$/, '旧支出', 'A1');
    expect(dup.map((f) => f.severity)).toEqual(['info']);
    expect(dup[0].message).toContain('隐藏工作表');
  });
});
