// Output sheets (指标计算, 情况说明, 补充信息): created, or their content replaced after the user agreed.
import { a1 } from '../../core/address';
import type { OutputCell, OutputSheet } from '../types';
import { outputValue, overwriteProblem, sheetNameProblem, UNPROTECT_MENU } from '../cell-io';
import type { Ctx } from './env';
import { errorCode, friendly } from './errors';
import { queueWorkbookProtection } from './sheet-table';
import { readRecord, saveRecord } from './marks-record';
import type { HostState } from './state';
import { TEXT_FORMAT } from './text';

/** Points per character of column width (Calibri 11: 8.43 characters = 64 px = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;

/** A string cell is Text-formatted unless it asks for a format (see text.ts). */
function outputFormat(c: OutputCell | undefined): string {
  if (c?.numberFormat) return c.numberFormat;
  return c && !c.formula && typeof c.value === 'string' ? TEXT_FORMAT : 'General';
}

export async function hasSheet(s: HostState, name: string): Promise<boolean> {
  return s.run(async (ctx) => {
    if (s.api.has('1.4')) {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      await ctx.sync();
      return !ws.isNullObject;
    }
    const wss = ctx.workbook.worksheets;
    wss.load('items/name');
    await ctx.sync();
    return wss.items.some((w) => w.name.toLowerCase() === name.toLowerCase());
  });
}

/** The named sheet if it exists (one sync), with its protection, and the workbook's structure protection. */
async function findSheet(s: HostState, ctx: Ctx, name: string): Promise<{ ws: Excel.Worksheet | null; structureLocked: boolean }> {
  const locked = queueWorkbookProtection(ctx, s.api);
  if (s.api.has('1.4')) {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name');
    if (s.api.has('1.2')) ws.protection.load('protected');
    await ctx.sync();
    return { ws: ws.isNullObject ? null : ws, structureLocked: locked() };
  }
  const wss = ctx.workbook.worksheets;
  wss.load(s.api.has('1.2') ? 'items/name,items/protection/protected' : 'items/name');
  await ctx.sync();
  return { ws: wss.items.find((w) => w.name.toLowerCase() === name.toLowerCase()) ?? null, structureLocked: locked() };
}

const structureMessage = (name: string): string => `无法新建工作表“${name}”：工作簿结构受保护，不能添加工作表。请先撤销工作簿保护（审阅 → 保护工作簿），或在已有的“${name}”工作表中写入。`;

export async function writeSheet(s: HostState, out: OutputSheet, opts: { overwrite: boolean }): Promise<void> {
  const problem = sheetNameProblem(out.name);
  if (problem) throw new Error(problem);
  await s.run(async (ctx) => {
    const found = await findSheet(s, ctx, out.name);
    let ws = found.ws;
    const adding = !ws;
    if (ws) {
      const existing = ws;
      const problem = overwriteProblem(out.name, opts.overwrite, () => s.api.has('1.2') && existing.protection.protected, UNPROTECT_MENU);
      if (problem) throw new Error(problem);
      ws.getRange().clear();
    } else {
      if (found.structureLocked) throw new Error(structureMessage(out.name));
      ws = ctx.workbook.worksheets.add(out.name);
    }
    // AccessDenied on a batch that adds the sheet: the new sheet cannot be protected, so it is the
    // workbook's structure protection (which Excel reports only from ExcelApi 1.7).
    const sync = async (): Promise<void> => {
      try {
        await ctx.sync();
      } catch (e) {
        if (adding && errorCode(e) === 'AccessDenied') throw new Error(structureMessage(out.name));
        throw friendly(e, `无法写入工作表“${out.name}”`);
      }
    };
    const cols = out.rows.reduce((n, r) => Math.max(n, r.length), 0);
    // Write in row blocks under the request budget (output sheets are small; this is a guard).
    const block = Math.max(1, Math.floor(s.opts.budget / (Math.max(1, cols) * 48)));
    for (let r0 = 0; r0 < out.rows.length && cols > 0; r0 += block) {
      const rows = out.rows.slice(r0, r0 + block);
      const grid = rows.map((r) => Array.from({ length: cols }, (_, j) => r[j]));
      const range = ws.getRange(`${a1(r0, 0)}:${a1(r0 + rows.length - 1, cols - 1)}`);
      range.numberFormat = grid.map((r) => r.map((c) => outputFormat(c))); // before the values: see text.ts
      range.formulas = grid.map((r) => r.map((c) => outputValue(c)));
      const sheet = ws;
      rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (c?.bold) sheet.getCell(r0 + i, j).format.font.bold = true;
        }),
      );
      if (r0 + block < out.rows.length) await sync();
    }
    if (out.columnWidths && s.api.has('1.2')) {
      const sheet = ws;
      out.columnWidths.forEach((w, j) => {
        if (w > 0) sheet.getCell(0, j).format.columnWidth = Math.round(w * POINTS_PER_CHAR * 100) / 100;
      });
    }
    await sync();
  });
  // Marks on a replaced sheet are gone with its cells.
  const marks = readRecord(s.env);
  if (marks.some((m) => m.sheet === out.name)) await saveRecord(s.env, marks.filter((m) => m.sheet !== out.name));
}
