// Office.js behaviour the Excel host must survive (issue 9), each against the strict fake.
import { loadSample } from '../../helpers';
import { hostOn } from '../../fake-excel/workbooks';
import type { Finding, Severity } from '../../../src/core/findings';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { getCell } from '../../../src/core/snapshot';
import { MARKS_SETTING } from '../../../src/hosts/file/mark-style';

const S1 = '1收入支出决算总表';
const S2 = '2收入决算表';
const S3 = '3支出决算表';

function finding(sheet: string, cell: string, severity: Severity, message: string): Finding {
  return { rule: 'test.rule', family: 'sum', severity, sheet, cell, related: [], line: null, message };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

describe('OFFICE_JS=local: the npm office.js has no notes while Excel reports ExcelApi 1.18', () => {
  it('marks with comments instead, says why, and clears them', async () => {
    const { fake, host } = hostOn(sample, { officeJs: 'npm', excelApi: '1.18' });
    const caps = await host.capabilities();
    expect(caps.notes).toBe(true);
    expect(caps.limits.join('\n')).toMatch(/office\.js.*备注.*批注/);
    const r = await host.highlight([finding(S1, 'C15', 'error', '本年收入合计应为 877.77')]);
    expect(r.marked).toBe(1);
    expect(fake.commentAt(S1, 'C15')).toContain('本年收入合计应为 877.77');
    expect(fake.cell(S1, 'C15')?.fill?.color).toBe('#FFC7CE');
    await host.clearHighlights();
    expect(fake.doc.comments).toEqual([]);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
  });
});

describe('notes are attached as the reference documents (sheet.notes, a Range or "A1")', () => {
  it('on sheets whose names need quoting, a user note is kept and put back', async () => {
    const odd = "张三's 表 (1)";
    const wb: WorkbookSnapshot = { name: 'q', sheets: [{ ...sample.sheets[0], name: odd }, sample.sheets[1]] };
    const { fake, host } = hostOn(wb);
    fake.doc.notes.push({ sheet: odd, address: 'C18', content: '用户原有的备注' });
    await host.highlight([finding(odd, 'C15', 'error', '甲'), finding(odd, 'C18', 'warning', '乙')]);
    expect(fake.noteAt(odd, 'C15')).toContain('甲');
    expect(fake.noteAt(odd, 'C18')).toContain('乙');
    expect(fake.lastSyncCount).toBeLessThanOrEqual(2);
    await host.clearHighlights();
    expect(fake.doc.notes).toEqual([{ sheet: odd, address: 'C18', content: '用户原有的备注' }]);
  });
});

describe('marks on a sheet renamed or deleted since never block 清除标记', () => {
  it.each(['propagate', 'throw'] as const)('null-object calls %s: the rest is restored, the renamed sheet too', async (nullObjectCalls) => {
    const { fake, host } = hostOn(sample, { nullObjectCalls });
    await host.readSnapshot();
    await host.highlight([finding(S1, 'C15', 'error', '甲'), finding(S2, 'C6', 'warning', '乙'), finding(S3, 'C6', 'info', '丙')]);
    fake.renameSheet(S2, '收入表（改名）');
    fake.deleteSheet(S3);
    const { restored } = await host.clearHighlights();
    expect(restored).toBe(2);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell('收入表（改名）', 'C6')?.fill).toBeUndefined();
    expect(fake.doc.notes).toEqual([]);
    expect(fake.doc.docSettingsSaved.has(MARKS_SETTING)).toBe(false);
  });

  it('a new 标记 after a sheet was deleted replaces the old marks without failing', async () => {
    const { fake, host } = hostOn(sample);
    await host.highlight([finding(S1, 'C15', 'error', '甲'), finding(S3, 'C6', 'info', '丙')]);
    fake.deleteSheet(S3);
    const r = await host.highlight([finding(S1, 'C16', 'error', '丁')]);
    expect(r.marked).toBe(1);
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined();
    expect(fake.cell(S1, 'C16')?.fill?.color).toBe('#FFC7CE');
  });
});

describe('cell-edit mode (office-js #806)', () => {
  it('a batch Excel holds while the user types is time-boxed, says what to do, and writes nothing later', async () => {
    const { fake, host } = hostOn(sample, {}, { cellEditTimeoutMs: 300 });
    fake.startCellEdit();
    const t0 = Date.now();
    await expect(host.highlight([finding(S1, 'C15', 'error', '甲')])).rejects.toThrow(/请先按 Enter 或 Esc 结束单元格编辑/);
    expect(Date.now() - t0).toBeLessThan(2000);
    await expect(host.readSnapshot()).rejects.toThrow(/请先按 Enter 或 Esc 结束单元格编辑/);
    fake.endCellEdit();
    for (let i = 0; i < 5; i++) await tick();
    expect(fake.cell(S1, 'C15')?.fill).toBeUndefined(); // the abandoned batch did not paint late
    expect((await host.highlight([finding(S1, 'C15', 'error', '甲')])).marked).toBe(1);
  }, 5000);

  it('before ExcelApi 1.11 Excel refuses at once: the same plain message', async () => {
    const { fake, host } = hostOn(sample, { excelApi: '1.10' });
    fake.startCellEdit();
    await expect(host.select(S1, 'C15')).rejects.toThrow(/请先按 Enter 或 Esc 结束单元格编辑/);
    await expect(host.readSnapshot()).rejects.toThrow(/请先按 Enter 或 Esc 结束单元格编辑/);
  });
});

describe('text written to cells stays text', () => {
  const tricky = ['1/2', '(100)', '12%', '001', 'TRUE', '2023-01-05', '-5', '1,234', '=不是公式', '2080106'];

  it('output sheets (情况说明, 补充信息, names) keep every string as typed', async () => {
    const { fake, host } = hostOn(sample);
    await host.writeSheet({ name: '情况说明', rows: [[{ value: '第三部分 情况说明' }], ...tricky.map((t) => [{ value: t }, { value: 12.5, numberFormat: '0.00' }])] }, { overwrite: false });
    tricky.forEach((t, i) => expect({ t, v: fake.cell('情况说明', `A${i + 2}`)?.v }).toEqual({ t, v: t }));
    expect(fake.cell('情况说明', 'B2')).toMatchObject({ v: 12.5, z: '0.00' }); // numbers stay numbers
  });

  it('a fix that writes text keeps it text, and undo restores value and format', async () => {
    const { fake, host } = hostOn(sample);
    const before = { ...fake.cell(S1, 'A7') };
    const applied = await host.applyFix({ ref: { sheet: S1, row: 6, col: 0 }, value: '001', description: '改名' });
    expect(fake.cell(S1, 'A7')?.v).toBe('001');
    await host.undoFix(applied);
    expect(fake.cell(S1, 'A7')).toEqual(before);
  });
});

describe('protection is named for what it is', () => {
  it('workbook structure protection: a new output sheet is refused with a message saying so', async () => {
    const { fake, host } = hostOn(sample, { workbookProtected: true });
    const err = await host.writeSheet({ name: '情况说明', rows: [[{ value: 'x' }]] }, { overwrite: false }).catch((e: Error) => e);
    expect(String(err)).toMatch(/工作簿结构受保护.*保护工作簿/);
    expect(String(err)).not.toMatch(/工作表受保护/);
    expect(fake.doc.sheets.map((s) => s.name)).not.toContain('情况说明');
    // Replacing the content of an existing sheet is no structure change: it works.
    fake.doc.workbookProtected = false;
    await host.writeSheet({ name: '情况说明', rows: [[{ value: 'x' }]] }, { overwrite: false });
    fake.doc.workbookProtected = true;
    await host.writeSheet({ name: '情况说明', rows: [[{ value: 'y' }]] }, { overwrite: true });
    expect(fake.cell('情况说明', 'A1')?.v).toBe('y');
  });
});

describe('1904 date system', () => {
  const wb: WorkbookSnapshot = {
    name: 'mac',
    sheets: [{ name: '封面', cells: [[{ v: '填报日期' }, { v: '2024-03-31', z: 'yyyy"年"m"月"d"日"' }]], merges: [] }],
  };
  it.each(['1.18', '1.3', '1.1'])('ExcelApi %s: dates read as the workbook shows them, not four years off', async (excelApi) => {
    for (const dateSystem of [1900, 1904] as const) {
      const { host } = hostOn(wb, { excelApi, dateSystem });
      const snap = await host.readSnapshot();
      expect({ dateSystem, v: getCell(snap.sheets[0], 0, 1)?.v }).toEqual({ dateSystem, v: '2024-03-31' });
    }
  });
});

describe('the 5,000,000-cell read limit', () => {
  it.each(['1.1', '1.3'])('ExcelApi %s: a used range stretched by a stray format far down is still read', async (excelApi) => {
    const { fake, host } = hostOn(sample, { excelApi });
    fake.format(S1, 'E1048576', { fill: { color: '#FFFF00', pattern: 'Solid' } });
    const snap = await host.readSnapshot();
    expect(getCell(snap.sheets[0], 14, 2)?.v).toBe(877.77);
  });
});

describe('downloads (.docx) where the webview cannot save files', () => {
  it('Excel for Mac (office-js #2700): says downloads do not work and what to use instead', async () => {
    const { host } = hostOn(sample, { platform: 'Mac' });
    const limits = (await host.capabilities()).limits.join('\n');
    expect(limits).toMatch(/无法下载/);
    expect(limits).toMatch(/写入.*情况说明.*复制/);
  });
});

describe('which webviews can save a file', () => {
  const WEBVIEW2 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
  const EDGEHTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
  const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
  const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  it.each([
    ['OfficeOnline', SAFARI, true],
    ['PC', WEBVIEW2, true],
    ['PC', EDGEHTML, false],
    ['PC', TRIDENT, false],
    ['Mac', SAFARI, false],
    ['iOS', SAFARI, false],
  ])('%s %#: download offered = %s, and a reason whenever not', async (platform, ua, ok) => {
    const { fileDownloads } = await import('../../../src/hosts/excel/platform');
    const d = fileDownloads(platform, ua);
    expect(d.supported).toBe(ok);
    if (!ok) expect(d.reason).toMatch(/无法下载文件.*写入.*复制/);
  });
});

describe('merged cells before ExcelApi 1.13 (Office 2016, Office 2019)', () => {
  it.each(['1.1', '1.8'])('ExcelApi %s: merges come from the workbook file, so the clean sample gets no error', async (excelApi) => {
    const { analyzeWorkbook } = await import('../../../src/core/index');
    const { host } = hostOn(sample, { excelApi });
    const snap = await host.readSnapshot();
    const byTopLeft = (a: { r1: number; c1: number }, b: { r1: number; c1: number }): number => a.r1 - b.r1 || a.c1 - b.c1;
    for (const [i, sheet] of snap.sheets.entries()) expect({ sheet: sheet.name, merges: sheet.merges.slice().sort(byTopLeft) }).toEqual({ sheet: sheet.name, merges: sample.sheets[i].merges.slice().sort(byTopLeft) });
    expect(analyzeWorkbook(snap).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect((await host.capabilities()).limits.join('\n')).toMatch(/从工作簿文件中读取/);
  });

  it('where Excel cannot hand over the file, the read goes on without merges and says so', async () => {
    const { host } = hostOn(sample, { excelApi: '1.8', compressedFile: false });
    const snap = await host.readSnapshot();
    expect(snap.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect((await host.capabilities()).limits.join('\n')).toMatch(/无法读取合并单元格/);
  });
});
