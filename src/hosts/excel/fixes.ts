// Suggested fixes written into the user's cells, and undone.
import { a1 } from '../../core/address';
import type { SuggestedFix } from '../../core/findings';
import type { AppliedFix } from '../types';
import { changedSinceCheck, contentOf, emptyFixProblem, protectedFixMessage } from '../cell-io';
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
  if (s.api.has('1.2') && ws.protection.protected) throw new Error(protectedFixMessage(sheet, address));
  return cell;
}

function target(s: HostState, ref: SuggestedFix['ref']): { sheet: string; address: string } {
  const p = s.anchor(ref.sheet, ref.row, ref.col);
  return { sheet: ref.sheet, address: a1(p.row, p.col) };
}

export async function applyFix(s: HostState, fix: SuggestedFix): Promise<AppliedFix> {
  const empty = emptyFixProblem(fix);
  if (empty) throw new Error(empty);
  const { sheet, address } = target(s, fix.ref);
  return s.run(async (ctx) => {
    const cell = await writableCell(s, ctx, sheet, address);
    const before = contentOf(cell.values[0][0], cell.formulas[0][0]);
    const changed = changedSinceCheck(fix, before, sheet, address);
    if (changed) throw new Error(changed);
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
