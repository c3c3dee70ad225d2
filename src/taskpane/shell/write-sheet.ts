// Writing an output sheet (指标计算, 情况说明): asks before replacing a sheet of that name.
import type { PaneCore } from './usePaneCore';

/** Resolves false when the officer chose to keep the existing sheet. */
export async function writeWithConfirm(core: PaneCore, name: string, write: (overwrite: boolean) => Promise<void>): Promise<boolean> {
  const exists = await core.host.hasSheet(name);
  if (exists) {
    core.setBusy(null);
    const ok = await core.confirm(`覆盖“${name}”工作表？`, `工作簿中已有“${name}”工作表。覆盖后，其中原有的内容将被替换；其他工作表不受影响。`, '覆盖');
    if (!ok) {
      core.notify('info', `未写入“${name}”`, '已保留原有工作表，工作簿未被改动。');
      return false;
    }
    core.setBusy({ message: `正在写入“${name}”…` });
  }
  await write(exists);
  return true;
}
