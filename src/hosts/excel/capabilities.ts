// What this Excel can do, and in plain Chinese what it cannot (shown in the pane's 功能限制).
import type { HostCapabilities } from '../types';
import type { ApiSets, ExcelEnv } from './env';
import { fileDownloads } from './platform';
import { noteMode, type ObjectModel } from './notes';

export function capabilities(api: ApiSets, model: ObjectModel, env: Pick<ExcelEnv, 'platform' | 'userAgent' | 'documentFile'>): HostCapabilities {
  const limits: string[] = [];
  if (!api.has('1.1')) {
    return { highlight: false, notes: false, writeSheets: false, limits: ['此 Excel 版本不支持加载项所需的 ExcelApi 1.1，请升级到 Excel 2016 或更高版本。'] };
  }
  const mode = noteMode(api, model);
  const officeJsLacksNotes = api.has('1.18') && !model.notes;
  if (officeJsLacksNotes) {
    limits.push(
      mode === 'comment'
        ? '本加载项使用的 office.js（内网部署的副本）没有“备注”接口，虽然此 Excel 支持（ExcelApi 1.18）：问题说明将以批注形式添加，清除标记时一并删除。'
        : '本加载项使用的 office.js（内网部署的副本）没有“备注”和“批注”接口：标记只有底色，问题说明请在任务窗格中查看。',
    );
  } else if (mode === 'comment') limits.push('此 Excel 版本不支持“备注”（需要 ExcelApi 1.18）：问题说明将以批注形式添加，清除标记时一并删除。');
  else if (mode === null) limits.push('此 Excel 版本不支持批注或备注（需要 ExcelApi 1.10 或 1.18）：标记只有底色，问题说明请在任务窗格中查看。');
  if (!api.has('1.9')) limits.push('此 Excel 版本无法区分“无填充”和“白色填充”（需要 ExcelApi 1.9）：清除标记时，原为白色填充的单元格将恢复为无填充。');
  if (!api.has('1.13')) {
    limits.push(
      env.documentFile
        ? '此 Excel 版本不能直接读取合并单元格（需要 ExcelApi 1.13），决算助手从工作簿文件中读取：刚合并或取消合并单元格后，请先保存工作簿再检查。'
        : '此 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13）：跨列表头的识别可能不准确，建议升级到 Microsoft 365 或 Excel 2021 以上版本。',
    );
  }
  if (!api.has('1.2')) limits.push('此 Excel 版本无法检测工作表保护（需要 ExcelApi 1.2）：写入受保护的工作表时才会报错；也无法设置列宽。');
  if (!api.has('1.2')) limits.push('此 Excel 版本不支持选区变化事件（需要 ExcelApi 1.2）：在表格中点选单元格时，任务窗格不会自动跳到对应问题。');
  const downloads = fileDownloads(env.platform, env.userAgent ?? '');
  if (downloads.reason) limits.push(downloads.reason);
  return { highlight: true, notes: mode !== null, writeSheets: true, limits };
}
