// Suggested fixes written into the user's cells, and undone.
import { a1 } from '../../core/address';
import type { SuggestedFix } from '../../core/findings';
import type { AppliedFix } from '../types';
import { contentOf } from '../cell-io';
import type { Ctx } from './env';
import { friendly } from './errors';
import type { HostState } from './state';
import { restoredValue, TEXT_FORMAT } from './text';

/**
 * The cell, after checking (one sync) that its sheet exists and is not protected; its value,
 * formula and number format are loaded in the same sync.
 */
async function writableCell(s: HostState, ctx: Ctx, sheet: string, address: string): Promise<Excel.Range> {
  const ws = s.api.has('1.4') ? ctx.workbook.worksheets.getItemOrNullObject(sheet) : ctx.workbook.worksheets.getItem(sheet);
  ws.load('name');
  if (s.api.has('1.2')) ws.protection.load('protected');
  const cell = ws.getRange(address);
  cell.load('values,formulas,numberFormat');
  try {
    await ctx.sync();
  } catch (e) {
    throw friendly(e, `找不到工作表“${sheet}”`);
  }
  if (ws.isNullObject) throw new Error(`找不到工作表“${sheet}”`);
  if (s.api.has('1.2') && ws.protection.protected) {
    throw new Error(`工作表“${sheet}”受保护，无法写入 ${address}。请先撤销工作表保护（审阅 → 撤销工作表保护），再应用修正。`);
  }
  return cell;
}

function target(s: HostState, ref: SuggestedFix['ref']): { sheet: string; address: string } {
  const p = s.anchor(ref.sheet, ref.row, ref.col);
  return { sheet: ref.sheet, address: a1(p.row, p.col) };
}

export async function applyFix(s: HostState, fix: SuggestedFix): Promise<AppliedFix> {
  if (fix.formula === undefined && fix.value === undefined) throw new Error('该修正没有可写入的值或公式');
  const { sheet, address } = target(s, fix.ref);
  return s.run(async (ctx) => {
    const cell = await writableCell(s, ctx, sheet, address);
    const before = contentOf(cell.values[0][0], cell.formulas[0][0]);
    if (typeof fix.previous === 'number' && typeof before.value === 'number' && Math.abs(fix.previous - before.value) > 0.005 && !before.formula) {
      throw new Error(`“${sheet}”!${address} 的当前值（${before.value}）与检查时（${fix.previous}）不同，单元格可能已被修改。请重新检查后再修正。`);
    }
    const format = String(cell.numberFormat[0][0] ?? 'General');
    if (fix.formula !== undefined) cell.formulas = [[`=${fix.formula.replace(/^=/, '')}`]];
    else if (typeof fix.value === 'string') {
      // Text stays text (text.ts): the cell becomes Text first, and undo gives its format back.
      if (format !== TEXT_FORMAT) {
        before.numberFormat = format;
        cell.numberFormat = [[TEXT_FORMAT]];
      }
      cell.values = [[fix.value]];
    } else cell.values = [[fix.value as number]];
    try {
      await ctx.sync();
    } catch (e) {
      throw friendly(e, `无法写入“${sheet}”!${address}`);
    }
    return { id: `fix-${sheet}-${address}-${Date.now()}`, fix, before };
  });
}

export async function undoFix(s: HostState, applied: AppliedFix): Promise<void> {
  const { sheet, address } = target(s, applied.fix.ref);
  await s.run(async (ctx) => {
    const cell = await writableCell(s, ctx, sheet, address);
    const { value, formula, numberFormat } = applied.before;
    if (numberFormat !== undefined) cell.numberFormat = [[numberFormat]];
    const format = numberFormat ?? String(cell.numberFormat[0][0] ?? 'General');
    if (formula) cell.formulas = [[`=${formula}`]];
    else cell.values = [[value === null ? '' : restoredValue(value, format)]];
    try {
      await ctx.sync();
    } catch (e) {
      throw friendly(e, `无法撤销对“${sheet}”!${address} 的修改`);
    }
  });
}
