// Suggested fixes: apply one, undo one, or apply all after a preview. Each write is followed by a
// quiet re-check so the list and the grid show at once what the fix resolved.
import * as React from 'react';
import { a1 } from '../../../core/address';
import type { Finding } from '../../../core/findings';
import type { AppliedFix } from '../../../hosts/types';
import { fixCellKey, fixKey } from '../../components/FindingsList';
import type { FixPreviewRow } from '../../model';
import { errorText, fixPreview, isProtectionError } from '../../model';
import type { PaneCore } from '../../shell/usePaneCore';
import type { Checks } from './useChecks';

export interface AppliedEntry {
  key: string;
  cellKey: string;
  /** 'Sheet!A1' */
  cell: string;
  label: string;
  applied: AppliedFix;
}

export function useFixes(core: PaneCore, checks: Checks) {
  const { host, setBusy, notify, withBusy } = core;
  const [applied, setApplied] = React.useState<AppliedEntry[]>([]);
  const [fixRows, setFixRows] = React.useState<FixPreviewRow[] | null>(null);
  const appliedRef = React.useRef(applied);
  appliedRef.current = applied;
  const findings = checks.findings;

  const appliedKeys = React.useMemo(() => new Set(applied.map((a) => a.key)), [applied]);
  /** Indices of findings whose fix targets a cell already changed by an applied fix (全部修正 skips them). */
  const appliedIndices = React.useMemo(() => {
    const cells = new Set(applied.map((a) => a.cellKey));
    const out = new Set<number>();
    findings.forEach((f, i) => {
      const k = fixCellKey(f);
      if (k !== null && cells.has(k)) out.add(i);
    });
    return out;
  }, [findings, applied]);
  const fixableCount = React.useMemo(() => fixPreview(findings, undefined, appliedIndices).length, [findings, appliedIndices]);

  const applyOne = async (f: Finding): Promise<AppliedEntry | null> => {
    if (!f.fix) return null;
    const cell = `${f.fix.ref.sheet}!${a1(f.fix.ref.row, f.fix.ref.col)}`;
    const cellKey = fixCellKey(f)!;
    // One applied change per cell: undo restores exactly what was there before it.
    if (appliedRef.current.some((x) => x.cellKey === cellKey)) throw new Error(`${cell} 已应用过另一项修正，请先在“已应用的修正”中撤销那一项`);
    const ap = await host.applyFix(f.fix);
    const entry: AppliedEntry = { key: fixKey(f)!, cellKey, cell, label: `${cell}：${f.fix.description}`, applied: ap };
    appliedRef.current = [...appliedRef.current, entry];
    setApplied(appliedRef.current);
    return entry;
  };

  const onApply = (_index: number, f: Finding) =>
    withBusy('应用修正', async () => {
      setBusy({ message: '正在写入修正…' });
      const e = await applyOne(f);
      if (!e) return;
      await checks.recheck();
      notify('success', '已应用修正', `${e.label}。已重新核对；如需恢复原值，请点击“撤销”。`);
    });

  const onUndoEntry = (entry: AppliedEntry) =>
    withBusy('撤销修正', async () => {
      setBusy({ message: '正在撤销…' });
      await host.undoFix(entry.applied);
      appliedRef.current = appliedRef.current.filter((x) => x.key !== entry.key);
      setApplied(appliedRef.current);
      await checks.recheck();
      notify('success', '已撤销修正', `${entry.label}（已恢复原值）。`);
    });
  const onUndo = (f: Finding) => {
    const entry = appliedRef.current.find((x) => x.key === fixKey(f));
    if (entry) void onUndoEntry(entry);
  };

  const onFixAll = () => setFixRows(fixPreview(findings, undefined, appliedIndices));
  const onCancelFixAll = () => setFixRows(null);
  const onConfirmFixAll = () => {
    const rows = fixRows ?? [];
    setFixRows(null);
    void withBusy('全部修正', async () => {
      let done = 0;
      const failed: string[] = [];
      for (const r of rows) {
        setBusy({ message: `正在写入修正 ${done + 1}/${rows.length}…`, fraction: done / rows.length });
        try {
          await applyOne(findings[r.index]);
        } catch (e) {
          failed.push(`${r.cell}：${isProtectionError(e) ? '工作表受保护' : errorText(e)}`);
        }
        done++;
      }
      await checks.recheck();
      if (failed.length) notify('warning', `已应用 ${rows.length - failed.length} 项修正，${failed.length} 项失败`, `${failed.join('；')}。失败的单元格未被改动。`);
      else notify('success', `已应用全部 ${rows.length} 项修正`, '已重新核对；每一项都可以在“已应用的修正”中单独撤销。');
    });
  };

  return { applied, appliedKeys, fixableCount, fixRows, onApply, onUndo, onUndoEntry, onFixAll, onCancelFixAll, onConfirmFixAll };
}

export type Fixes = ReturnType<typeof useFixes>;
