// 重新计算: shares, execution rates and changes written to the 指标计算 sheet as live formulas.
// Nothing is written for a workbook without 决算 tables, or when no figure can be computed.
import { loadEngine } from '../../engine';
import { derivedToOutput } from '../../model';
import { nextPaint } from '../../util';
import type { PaneCore } from '../../shell/usePaneCore';
import { writeWithConfirm } from '../../shell/write-sheet';
import type { Checks } from '../checks/useChecks';
import { notRecognisedText } from '../checks/NotRecognised';

export function useRecalc(core: PaneCore, checks: Checks) {
  const { caps, setBusy, notify, withBusy, host } = core;

  const onRecalc = () =>
    withBusy('重新计算', async () => {
      const a = await checks.ensureAnalysis();
      if (!a) return;
      if (a.detection.tables.length === 0) {
        notify('warning', '未识别出决算表格，未写入“指标计算”', notRecognisedText('写入“指标计算”工作表'));
        return;
      }
      if (caps && !caps.writeSheets) {
        notify('warning', '无法写入工作表', `${caps.limits.join(' ') || '当前环境不支持写入新的工作表。'}工作簿未被改动。`);
        return;
      }
      setBusy({ message: '正在计算占比、执行率和增减…' });
      const { recalculate } = await loadEngine();
      await nextPaint();
      const out = derivedToOutput(recalculate(a.detection));
      // Every group may say "本组不计算": a sheet without one formula helps nobody.
      if (!out.rows.some((r) => r.some((c) => c.formula))) {
        notify('warning', '没有可以计算的指标，未写入“指标计算”', '未识别出计算所需的表格（收入支出决算总表或收入决算表、支出决算表、一般公共预算财政拨款支出决算表、“三公”经费支出决算表）。请先查看“检查结果”。');
        return;
      }
      setBusy({ message: `正在写入“${out.name}”…` });
      const wrote = await writeWithConfirm(core, out.name, (overwrite) => host.writeSheet(out, { overwrite }));
      if (wrote) notify('success', `已写入“${out.name}”工作表`, `共 ${out.rows.length} 行；计算结果为引用原表单元格的公式，原表数据变化时会自动更新。`);
    });

  return { onRecalc };
}
