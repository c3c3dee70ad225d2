// Excel's errors, in words a finance officer can act on.

export const CELL_EDIT_MESSAGE = 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束单元格编辑，再重试。';

export function errorCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? '';
}

/** Excel refused the batch because the user is typing in a cell (or we stopped waiting for it). */
export function isCellEditError(e: unknown): boolean {
  return errorCode(e) === 'InvalidOperationInCellEditMode';
}

export function isPayloadError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(errorCode(e)) || /payload size/i.test(String((e as Error)?.message));
}

/** What was being protected when Excel answered AccessDenied (the caller knows, Excel does not say). */
export type Protection = 'sheet' | 'workbook';

export function friendly(e: unknown, what: string, protection: Protection = 'sheet'): Error {
  const code = errorCode(e);
  const msg = (e as Error)?.message ?? String(e);
  if (code === 'AccessDenied') {
    return new Error(
      protection === 'workbook'
        ? `${what}：工作簿结构受保护，不能添加、删除或重命名工作表。请先撤销工作簿保护（审阅 → 保护工作簿）。`
        : `${what}：工作表受保护或单元格已锁定。请先撤销工作表保护（审阅 → 撤销工作表保护）。`,
    );
  }
  if (code === 'ItemNotFound') return new Error(`${what}：找不到对应的工作表或单元格，工作簿可能已被修改，请重新检查。`);
  if (code === 'InvalidOperationInCellEditMode') return new Error(`${what}：${CELL_EDIT_MESSAGE}`);
  if (code === 'InvalidSelection') return new Error(`${what}：当前无法选中该区域（可能处于单元格编辑状态），请按 Esc 后重试。`);
  if (isPayloadError(e)) return new Error(`${what}：数据量超过 Excel 单次传输上限（5 MB）。`);
  const err = new Error(`${what}：${msg}`);
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}
