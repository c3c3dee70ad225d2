// The fake Excel refuses what Excel refuses (issue 9): each case here is a behaviour of Excel
// that a host test relies on being modelled.
import { loadSample } from '../../helpers';
import { createFakeExcel, FakeOfficeError } from '../../fake-excel/fake-excel';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const S1 = '1收入支出决算总表';
let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await loadSample();
});

describe('fake Excel: request contexts', () => {
  it('objects of an ended Excel.run cannot be used again (InvalidObjectPath); loaded values stay readable', async () => {
    const fake = createFakeExcel(sample);
    let kept: Excel.Range | null = null;
    await fake.Excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem(S1).getRange('C15') as unknown as Excel.Range;
      kept.load('values');
      await ctx.sync();
    });
    expect(kept!.values).toEqual([[877.77]]);
    expect(() => kept!.load('formulas')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    await fake.Excel.run(async () => {
      expect(() => {
        kept!.values = [[1]];
      }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    });
    expect(fake.cell(S1, 'C15')?.v).toBe(877.77);
  });

  it('a proxy of one context passed to another context is InvalidRequestContext', async () => {
    const fake = createFakeExcel(sample);
    await fake.Excel.run(async (a) => {
      const range = a.workbook.worksheets.getItem(S1).getRange('C15');
      await fake.Excel.run(async (b) => {
        expect(() => b.workbook.worksheets.getItem(S1).notes.add(range as never, 'x')).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
      });
    });
  });
});

describe('fake Excel: notes and comments', () => {
  it('notes take a Range or "A1", not a sheet-qualified string; a missing sheet fails the batch', async () => {
    const fake = createFakeExcel(sample);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.notes.getItemOrNullObject(`'${S1}'!C15`).load('content');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const ws = ctx.workbook.worksheets.getItem(S1);
      ws.notes.add('C15', '甲');
      ws.notes.add(ws.getRange('C16'), '乙');
      await ctx.sync();
      ctx.workbook.comments.add("'没有这张表'!A1", '丙');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ctx.workbook.comments.add('A1', '丁'); // comments need the sheet in a string address
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(fake.noteAt(S1, 'C15')).toBe('甲');
    expect(fake.noteAt(S1, 'C16')).toBe('乙');
  });

  it('the npm copy of office.js (OFFICE_JS=local) has no notes at all, whatever Excel reports', async () => {
    const fake = createFakeExcel(sample, { officeJs: 'npm', excelApi: '1.18' });
    await fake.Excel.run(async (ctx) => {
      expect(ctx.workbook.notes).toBeUndefined();
      expect(ctx.workbook.worksheets.getItem(S1).notes).toBeUndefined();
      expect(ctx.workbook.comments).toBeDefined();
    });
  });
});

describe('fake Excel: protection', () => {
  it('refuses writes to a protected sheet and structure changes under workbook protection', async () => {
    const fake = createFakeExcel(sample, { protectedSheets: [S1], workbookProtected: true });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(S1).getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ctx.workbook.worksheets.add('新表');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ctx.workbook.worksheets.getItem('2收入决算表').name = '改名';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      const p = ctx.workbook.protection;
      p.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
  });
});

describe('fake Excel: values', () => {
  it('converts strings on write as typing them would, except in Text-formatted cells', async () => {
    const fake = createFakeExcel(sample);
    const inputs = ['1/2', '(100)', '12%', '001', 'TRUE', '2023-01-05', '1,234.5', '第三部分'];
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S1);
      ws.getRange('H1:H8').values = inputs.map((s) => [s]);
      ws.getRange('I1:I8').numberFormat = inputs.map(() => ['@']);
      ws.getRange('I1:I8').values = inputs.map((s) => [s]);
      await ctx.sync();
    });
    const h = inputs.map((_, i) => fake.cell(S1, `H${i + 1}`)?.v);
    expect(h.slice(1, 5)).toEqual([-100, 0.12, 1, true]);
    expect(typeof h[0]).toBe('number'); // a date: 2 January
    expect(typeof h[5]).toBe('number');
    expect(h.slice(6)).toEqual([1234.5, '第三部分']);
    expect(fake.cell(S1, 'H3')?.z).toBe('0%');
    expect(inputs.map((_, i) => fake.cell(S1, `I${i + 1}`)?.v)).toEqual(inputs);
  });

  it('keeps dates as serial numbers, in the workbook’s date system', async () => {
    const wb: WorkbookSnapshot = { name: 'd', sheets: [{ name: '表', cells: [[{ v: '2023-01-05', z: 'yyyy/m/d' }]], merges: [] }] };
    for (const [dateSystem, serial] of [
      [1900, 44931],
      [1904, 44931 - 1462],
    ] as const) {
      const fake = createFakeExcel(wb, { dateSystem });
      await fake.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('表').getRange('A1');
        r.load('values,text');
        const d = ctx.workbook.functions.date(1904, 1, 1);
        d.load('value');
        await ctx.sync();
        expect(r.values).toEqual([[serial]]);
        expect(r.text).toEqual([['2023/1/5']]);
        expect(d.value).toBe(dateSystem === 1904 ? 0 : 1462);
      });
    }
  });

  it('refuses to read more than 5,000,000 cells in one range', async () => {
    const fake = createFakeExcel(sample);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(S1).getRange('A1:E1000001').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
      ctx.workbook.worksheets.getItem(S1).getRange('A1:E1000000').load('rowCount');
      await ctx.sync();
    });
  });
});

describe('fake Excel: cell-edit mode', () => {
  it('fails a batch at once, or holds it until the edit ends with delayForCellEdit (office-js #806)', async () => {
    const fake = createFakeExcel(sample);
    fake.startCellEdit();
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.load('name');
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    let done = false;
    const held = fake.Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    await held;
    expect(done).toBe(true);
  });
});
