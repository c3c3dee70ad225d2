// The 补充信息 tab: the form when the sheet exists, else the offer to create it.
import * as React from 'react';
import { SupplementForm, SupplementMissingBar } from '../../components/SupplementPanel';
import { SUPPLEMENT_SHEET_NAME } from '../../supplement';
import { useStyles } from '../../styles';
import type { PaneCore } from '../../shell/usePaneCore';
import type { Checks } from '../checks/useChecks';
import type { NarrativeState } from '../narrative/useNarrative';
import type { SupplementState } from './useSupplement';

/** The bar offering 创建补充信息表 when the workbook has no such sheet (keys listed where nothing else lists them). */
export function supplementBarFor(core: PaneCore, sup: SupplementState) {
  const SupplementBar = (showKeys: boolean) =>
    sup.sheetMissing ? <SupplementMissingBar needKeys={sup.needKeys} showKeys={showKeys} busy={core.busy !== null} canWrite={core.canWrite} onCreate={sup.onCreate} /> : null;
  return SupplementBar;
}

export function SupplementTab(p: { core: PaneCore; checks: Checks; narrative: NarrativeState; supplement: SupplementState; bar: (showKeys: boolean) => React.ReactNode; onShowNarrative(): void }) {
  const s = useStyles();
  const { core, checks, supplement: sup } = p;
  return (
    <div className={s.section}>
      {checks.latest === null ? (
        <p className={s.subtle}>
          情况说明中表格以外的数据（上年数、因公出国团组、公务接待批次等）取自“{SUPPLEMENT_SHEET_NAME}”工作表。请先点击“检查”或“生成情况说明”读取工作簿。
        </p>
      ) : sup.model && checks.engine ? (
        <SupplementForm
          api={checks.engine}
          model={sup.model}
          lastRow={sup.lastRow}
          busy={core.busy !== null}
          canWrite={core.canWrite}
          hasNarrative={p.narrative.narrative !== null}
          canUndo={sup.canUndo}
          onSave={(plan) => void sup.save(plan, '保存补充信息')}
          onUndo={() => void sup.onUndo()}
          onSelectRef={checks.selectRef}
          onShowNarrative={p.onShowNarrative}
        />
      ) : (
        p.bar(true)
      )}
    </div>
  );
}
