// 补充信息: the form over the 补充信息 sheet (create it when missing, save changed values, undo the
// last save) and the reasons typed for the narrative's 主要原因是…; each write re-reads the
// workbook and regenerates the narrative preview.
import * as React from 'react';
import type { AppliedFix } from '../../../hosts/types';
import { loadEngine } from '../../engine';
import { SUPPLEMENT_SHEET_NAME, findSheet, lastUsedRow, missingSupplementKeys, supplementModel, supplementSheet } from '../../supplement';
import type { SavePlan } from '../../supplement';
import { reasonInputId } from '../../components/SupplementPanel';
import type { PaneCore } from '../../shell/usePaneCore';
import type { Checks } from '../checks/useChecks';
import type { NarrativeState } from '../narrative/useNarrative';

export function useSupplement(core: PaneCore, checks: Checks, narrative: NarrativeState, showSupplement: () => void) {
  const { host, caps, setBusy, notify, withBusy } = core;
  /** Batches of 补充信息 writes, newest last: 撤销上次保存 undoes the newest. */
  const [undoStack, setUndoStack] = React.useState<AppliedFix[][]>([]);
  const { engine, latest } = checks;
  const n = narrative.narrative;

  const model = React.useMemo(
    () => (engine && latest?.detection.supplement ? supplementModel(engine, latest.detection.supplement, missingSupplementKeys(n)) : null),
    [engine, latest, n],
  );
  const lastRow = React.useMemo(() => {
    const sup = latest?.detection.supplement;
    return latest && sup ? lastUsedRow(findSheet(latest.snapshot, sup.sheet)) : -1;
  }, [latest]);
  const needKeys = React.useMemo(() => missingSupplementKeys(n), [n]);
  const needed = model ? model.rows.filter((r) => r.neededByNarrative).length : 0;
  const sheetMissing = latest !== null && !latest.detection.supplement;

  /** Re-reads the workbook and regenerates the preview, so the narrative uses what was just written. */
  const refreshAfterWrite = async () => {
    setBusy({ message: '正在重新读取工作簿…' });
    const a = await checks.runCheck();
    if (a) await narrative.makeNarrative(narrative.profile, true);
  };

  const onCreate = () =>
    withBusy('创建补充信息表', async () => {
      if (caps && !caps.writeSheets) {
        notify('warning', '无法写入工作表', `${caps.limits.join(' ') || '当前环境不支持写入新的工作表。'}工作簿未被改动。`);
        return;
      }
      // Never overwrite: an existing sheet (e.g. created in another window) is just read.
      if (await host.hasSheet(SUPPLEMENT_SHEET_NAME)) {
        await refreshAfterWrite();
        notify('info', `已有“${SUPPLEMENT_SHEET_NAME}”工作表`, '未作改动，已重新读取其中的内容。');
        showSupplement();
        return;
      }
      setBusy({ message: `正在创建“${SUPPLEMENT_SHEET_NAME}”…` });
      const eng = await loadEngine();
      await host.writeSheet(supplementSheet(eng), { overwrite: false });
      await refreshAfterWrite();
      showSupplement();
      notify('success', `已创建“${SUPPLEMENT_SHEET_NAME}”工作表`, '请在下方（或直接在该表 B 列）填写各项内容，然后点击“保存到补充信息表”。');
    });

  const save = (plan: SavePlan, what: string) =>
    withBusy(what, async () => {
      const done: AppliedFix[] = [];
      try {
        for (const fix of plan.fixes) {
          setBusy({ message: `正在写入“${SUPPLEMENT_SHEET_NAME}” ${done.length + 1}/${plan.fixes.length}…`, fraction: done.length / plan.fixes.length });
          done.push(await host.applyFix(fix));
        }
      } finally {
        // Whatever was written stays undoable, even when a later cell failed.
        if (done.length) setUndoStack((prev) => [...prev, done]);
      }
      await refreshAfterWrite();
      notify('success', `已保存 ${plan.changed.length} 项到“${SUPPLEMENT_SHEET_NAME}”表`, `${plan.changed.join('、')}。情况说明已按新内容重新生成；“撤销上次保存”可恢复原值。`);
    });

  const onUndo = () =>
    withBusy('撤销保存', async () => {
      const batch = undoStack[undoStack.length - 1];
      if (!batch) return;
      setBusy({ message: '正在撤销…' });
      for (const ap of [...batch].reverse()) await host.undoFix(ap);
      setUndoStack((prev) => prev.slice(0, -1));
      await refreshAfterWrite();
      notify('success', '已撤销上次保存', `“${SUPPLEMENT_SHEET_NAME}”表已恢复原值，情况说明已重新生成。`);
    });

  /** A 【请填写原因】 in the preview was clicked: focus its field below. */
  const focusReason = (section: number, paragraph: number, k: number) => {
    const slot = narrative.slots.filter((x) => x.section === section && x.paragraph === paragraph && x.current === null)[k];
    const el = slot ? (document.getElementById(reasonInputId(slot.subject)) as HTMLTextAreaElement | null) : null;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  return { model, lastRow, needKeys, needed, sheetMissing, canUndo: undoStack.length > 0, onCreate, save, onUndo, focusReason };
}

export type SupplementState = ReturnType<typeof useSupplement>;
