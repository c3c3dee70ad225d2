// The task pane: the same component in Excel (ExcelHost) and in the offline page (FileHost). It
// talks only to a WorkbookHost and to the pure core; no Office call is made here. Each feature
// keeps its state in its own hook (features/*): checks and fixes, 重新计算, 情况说明, 补充信息;
// this file lays them out and wires the keyboard.
import * as React from 'react';
import { Badge, Button, FluentProvider, ProgressBar, Tab, TabList, useRestoreFocusTarget } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import type { Finding } from '../core/findings';
import type { WorkbookHost } from '../hosts/types';
import { ConfirmDialog, FixAllDialog } from './components/Dialogs';
import type { FindingsListHandle } from './components/FindingsList';
import { findingWhere } from './cell-context';
import { ChecksTab } from './features/checks/ChecksTab';
import { useChecks } from './features/checks/useChecks';
import { useFixes } from './features/checks/useFixes';
import { NarrativeTab } from './features/narrative/NarrativeTab';
import { useNarrative } from './features/narrative/useNarrative';
import { useRecalc } from './features/recalc/useRecalc';
import { SupplementTab, supplementBarFor } from './features/supplement/SupplementTab';
import { useSupplement } from './features/supplement/useSupplement';
import type { PreferenceStore } from './preferences';
import { LimitsNotice, useLimits } from './shell/LimitsNotice';
import { Notices } from './shell/Notices';
import { ShortcutsHelp } from './shell/ShortcutsHelp';
import { usePaneCore } from './shell/usePaneCore';
import { useStyles } from './styles';
import { usePaneTheme } from './theme';

type PaneTab = 'check' | 'narrative' | 'supplement';

/** What the offline page paints on its grid: the workbook's findings as they are now. */
export interface PaneAnalysisView {
  findings: readonly Finding[];
  /** Cells changed by applied fixes ('Sheet!A1'). */
  fixedCells: readonly string[];
}

export interface TaskPaneProps {
  host: WorkbookHost;
  /** Offer a .docx download of the narrative (offline page). */
  docxDownload?: boolean;
  /** Base name for downloaded files. */
  fileBaseName?: string;
  /** The offline page shows its own title bar (and provides the theme). */
  hideHeader?: boolean;
  /** Where dismissed notices are remembered (the offline page: localStorage); default: the host's store. */
  preferences?: PreferenceStore;
  /** Called whenever the findings of the workbook change (after 检查, a fix or an undo). */
  onAnalysis?(view: PaneAnalysisView | null): void;
  /** Shortcuts the page adds (listed in the 快捷键 help). */
  extraShortcuts?: [string, string][];
}

export function TaskPane(props: TaskPaneProps) {
  const { theme, dark } = usePaneTheme(props.host);
  const embedded = !!props.hideHeader;
  // The add-in page's body follows the pane's theme (the offline page paints its own).
  React.useEffect(() => {
    if (embedded) return;
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
  }, [embedded, dark, theme]);
  const pane = <Pane {...props} />;
  return embedded ? pane : (
    <FluentProvider theme={theme} lang="zh-CN">
      {pane}
    </FluentProvider>
  );
}

function Pane({ host, docxDownload, fileBaseName, hideHeader, preferences, onAnalysis, extraShortcuts }: TaskPaneProps) {
  const s = useStyles();
  const [tab, setTab] = React.useState<PaneTab>('check');
  const listRef = React.useRef<FindingsListHandle | null>(null);
  const core = usePaneCore(host, preferences);
  const showChecks = React.useCallback(() => setTab('check'), []);
  const checks = useChecks(core, showChecks);
  const fixes = useFixes(core, checks);
  const recalc = useRecalc(core, checks);
  const narrative = useNarrative(core, checks, () => setTab('narrative'), fileBaseName);
  const supplement = useSupplement(core, checks, narrative, () => setTab('supplement'));
  const supplementBar = supplementBarFor(core, supplement);
  const limits = useLimits(core.caps?.limits ?? [], core.prefs);
  const isBusy = core.busy !== null;
  // Buttons that may open a dialog get focus back when it closes (Fluent restores focus to the
  // last such target; without the mark it would go to whatever popover trigger was used before).
  const restoreFocus = useRestoreFocusTarget();

  // The offline page paints the findings on its grid as the workbook now is.
  const latest = checks.latest;
  const fixedCells = React.useMemo(() => fixes.applied.map((e) => e.cell), [fixes.applied]);
  React.useEffect(() => {
    onAnalysis?.(latest ? { findings: latest.findings, fixedCells } : null);
  }, [onAnalysis, latest, fixedCells]);

  // F8 / Shift+F8: next / previous problem, from anywhere in the page.
  const stepRef = React.useRef(checks.step);
  stepRef.current = checks.step;
  const hasList = checks.listed !== null && checks.order.length > 0;
  React.useEffect(() => {
    if (!hasList) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const inList = !!listRef.current?.hasFocus();
      setTab('check');
      const i = stepRef.current(e.shiftKey ? -1 : 1);
      // Focus follows only when it was in the list: F8 in the grid keeps the grid focused.
      if (inList && i !== null) listRef.current?.focus(i);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hasList]);

  const canWrite = core.canWrite;
  const caps = core.caps;
  const a = checks.listed;
  return (
    <div className={s.root} aria-busy={isBusy}>
      {hideHeader ? null : (
        <header className={s.header}>
          <h1 className={s.title}>决算助手</h1>
          {a ? <span className={s.subtle}>{a.workbookName}</span> : null}
        </header>
      )}

      <div className={s.primaryActions} role="toolbar" aria-label="主要操作">
        <Button appearance="primary" className={s.primaryWide} onClick={checks.onCheck} disabledFocusable={isBusy}>
          检查
        </Button>
        <Button
          {...restoreFocus}
          onClick={recalc.onRecalc}
          disabledFocusable={isBusy || !canWrite}
          title={canWrite ? '在“指标计算”工作表写入占比、执行率和增减（公式）' : caps?.limits.join(' ') || '当前环境不支持写入工作表'}
        >
          重新计算
        </Button>
        <Button {...restoreFocus} onClick={narrative.onGenerate} disabledFocusable={isBusy}>
          生成情况说明
        </Button>
      </div>

      <div className={s.utilityBar}>
        <div role="status" aria-live="polite" className={s.progress}>
          {core.busy ? (
            <>
              <ProgressBar value={core.busy.fraction} thickness="large" aria-label={core.busy.message} />
              <span className={s.subtle}>{core.busy.message}</span>
            </>
          ) : null}
        </div>
        <div className={s.utilityButtons}>
          {limits.canReopen ? (
            <Button size="small" appearance="subtle" icon={<InfoRegular />} onClick={limits.reopen} data-testid="limits-reopen">
              功能限制
            </Button>
          ) : null}
          <ShortcutsHelp extra={extraShortcuts} />
        </div>
      </div>

      {limits.visible.length || core.notices.length ? (
        <div className={s.messages}>
          <LimitsNotice state={limits} />
          <Notices notices={core.notices} onDismiss={core.dismissNotice} />
        </div>
      ) : null}

      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PaneTab)} size="small" className={s.paneTabs}>
        <Tab value="check">检查结果{a ? `（${checks.findings.length}）` : ''}</Tab>
        <Tab value="narrative">情况说明</Tab>
        <Tab value="supplement">
          补充信息
          {supplement.needed > 0 ? (
            <Badge size="small" appearance="filled" color="warning" className={s.tabBadge} aria-label={`缺 ${supplement.needed} 项`}>
              {supplement.needed}
            </Badge>
          ) : supplement.sheetMissing ? (
            <Badge size="small" appearance="filled" color="warning" className={s.tabBadge} aria-label="无补充信息表">
              !
            </Badge>
          ) : null}
        </Tab>
      </TabList>

      {tab === 'check' ? (
        <ChecksTab core={core} checks={checks} fixes={fixes} listRef={listRef} />
      ) : tab === 'supplement' ? (
        <SupplementTab
          core={core}
          checks={checks}
          narrative={narrative}
          supplement={supplement}
          bar={supplementBar}
          onShowNarrative={() => (narrative.narrative ? setTab('narrative') : void narrative.onGenerate())}
        />
      ) : (
        <NarrativeTab
          core={core}
          checks={checks}
          fixes={fixes}
          narrative={narrative}
          supplement={supplement}
          supplementBar={supplementBar}
          docxDownload={docxDownload}
          onFillSupplement={() => setTab('supplement')}
        />
      )}

      <ConfirmDialog request={core.confirmRequest} />
      <FixAllDialog
        rows={fixes.fixRows}
        describe={(r) => {
          const f = checks.findings[r.index];
          return f && a ? findingWhere(f, a.detection, a.snapshot) : '';
        }}
        onConfirm={fixes.onConfirmFixAll}
        onCancel={fixes.onCancelFixAll}
      />
    </div>
  );
}
