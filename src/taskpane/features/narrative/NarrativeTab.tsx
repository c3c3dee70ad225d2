// The 情况说明 tab: NarrativePanel wired to the narrative and 补充信息 state.
import * as React from 'react';
import { FindingsList } from '../../components/FindingsList';
import { NarrativePanel, selectLine } from '../../components/NarrativePanel';
import { ReasonsPanel } from '../../components/SupplementPanel';
import { groupFindings } from '../../model';
import { useStyles } from '../../styles';
import type { PaneCore } from '../../shell/usePaneCore';
import type { Checks } from '../checks/useChecks';
import type { Fixes } from '../checks/useFixes';
import { useFindingWhere } from '../checks/useFindingWhere';
import type { SupplementState } from '../supplement/useSupplement';
import type { NarrativeState } from './useNarrative';

export interface NarrativeTabProps {
  core: PaneCore;
  checks: Checks;
  fixes: Fixes;
  narrative: NarrativeState;
  supplement: SupplementState;
  supplementBar: (showKeys: boolean) => React.ReactNode;
  docxDownload?: boolean;
  onFillSupplement(): void;
}

export function NarrativeTab({ core, checks, fixes, narrative: nv, supplement: sup, supplementBar, docxDownload, onFillSupplement }: NarrativeTabProps) {
  const s = useStyles();
  const isBusy = core.busy !== null;
  const own = nv.ownResult;
  const engine = checks.engine;
  const det = checks.latest?.detection;
  const ownFindings = own?.findings;
  const ownGroups = React.useMemo(() => (ownFindings ? groupFindings(ownFindings, det) : []), [ownFindings, det]);
  const describe = useFindingWhere(det, checks.latest?.snapshot);
  return (
    <NarrativePanel
      narrative={nv.narrative}
      profile={nv.profile}
      busy={isBusy}
      canWrite={core.canWrite}
      onProfile={nv.onProfile}
      onGenerate={nv.onGenerate}
      onCopy={nv.onCopy}
      onWrite={nv.onWrite}
      onDownloadDocx={docxDownload ? nv.onDownloadDocx : undefined}
      ownText={nv.ownText}
      onOwnText={nv.setOwnText}
      onCheckOwn={nv.onCheckOwn}
      ownTextRef={nv.ownTextRef}
      supplementBar={supplementBar(false)}
      onFillSupplement={onFillSupplement}
      onReasonPlaceholder={nv.slots.length ? sup.focusReason : undefined}
      reasons={
        engine && nv.slots.length ? (
          <ReasonsPanel api={engine} slots={nv.slots} model={sup.model} lastRow={sup.lastRow} busy={isBusy} canWrite={core.canWrite} onSave={(plan) => void sup.save(plan, '保存原因')} />
        ) : null
      }
      checkSource={nv.checkSource}
      onCheckSource={nv.setCheckSource}
      textSheets={nv.textSheets}
      checkSheet={nv.checkSheet}
      onCheckSheet={nv.setCheckSheet}
      onCheckSheetText={nv.onCheckSheetText}
      ownResult={
        own === null ? null : own.findings.length === 0 ? (
          <p className={s.subtle}>未发现与表格不一致之处。</p>
        ) : (
          <FindingsList
            label="情况说明检查结果"
            headingLevel={3}
            groups={ownGroups}
            current={null}
            applied={fixes.appliedKeys}
            canWrite={false}
            busy={isBusy}
            describe={describe}
            onSelect={(_, f) => {
              if (f.sheet && f.cell) checks.selectRef(f.sheet, f.cell);
              else if (f.line && own.sheet) checks.selectRef(own.sheet, `A${f.line}`);
              else if (f.line) selectLine(nv.ownTextRef.current, f.line);
            }}
            onSelectRef={checks.selectRef}
          />
        )
      }
    />
  );
}
