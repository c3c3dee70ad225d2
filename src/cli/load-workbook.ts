// Everything between a path the user gave and a WorkbookSnapshot: a regular file of bounded size,
// read by the file host, which refuses (with the reason) a zip that is not a workbook. Runs inside a
// check worker.
import { basename, extname } from 'node:path';
import type { WorkbookSnapshot } from '../core/index';
import { readXlsx, WorkbookReadError } from '../hosts/file/xlsx-read';
import { readRegularFile } from './input-file';
import { describeUnexpected, InputError } from './messages';

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];

export async function loadWorkbook(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  if (!WORKBOOK_EXTENSIONS.includes(extname(path).toLowerCase())) throw new InputError(`${name}：不是 Excel 工作簿（只检查 .xlsx、.xlsm、.xls 文件）`);
  const bytes = readRegularFile(path);
  let wb: WorkbookSnapshot;
  try {
    wb = await readXlsx(bytes, name);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new InputError(e.message);
    throw new InputError(describeUnexpected(name, e));
  }
  if (wb.sheets.length === 0) throw new InputError(`${name}：工作簿中没有可读的工作表`);
  return wb;
}
