// 检查: reading the workbook, the findings list (filter, current finding, next/previous, following
// the workbook's selection), marks, and the quiet re-check after a fix or undo.
import * as React from 'react';
import type { Finding, Severity } from '../../../core/findings';
import type { WorkbookSnapshot } from '../../../core/snapshot';
import type { Detection } from '../../../core/tables/types';
import type { Engine } from '../../engine';
import { loadEngine } from '../../engine';
import { SEVERITIES, countBySeverity, groupFindings, matchSelection, stepFinding, visibleOrder } from '../../model';
import { nextPaint } from '../../util';
import type { PaneCore } from '../../shell/usePaneCore';
import { resolvedIndices } from './live';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  protected: boolean;
}

export interface AnalysisState {
  workbookName: string;
  sheets: SheetInfo[];
  detection: Detection;
  findings: Finding[];
  timings: { detectMs: number; checkMs: number };
  /** What was read, for the 补充信息 form (last used row) and checking a sheet's text. */
  snapshot: WorkbookSnapshot;
}

function hasContent(snap: WorkbookSnapshot): boolean {
  return snap.sheets.some((sh) => sh.cells.some((row) => row && row.some((c) => c && c.v !== null && c.v !== '')));
}

export function useChecks(core: PaneCore, showChecks: () => void) {
  const { host, setBusy, notify, setNoticeList, withBusy, reportError } = core;
  const [engine, setEngine] = React.useState<Engine | null>(null);
  /** The findings list as of the last 检查 (the officer's work list). */
  const [listed, setListed] = React.useState<AnalysisState | null>(null);
  /** The workbook as it is now: equal to `listed` after 检查, re-read after each fix or undo. */
  const [latest, setLatest] = React.useState<AnalysisState | null>(null);
  const [filter, setFilter] = React.useState<Set<Severity>>(() => new Set(SEVERITIES));
  const [current, setCurrent] = React.useState<number | null>(null);
  const [marksOn, setMarksOn] = React.useState(false);
  /** Bumped when focus should move to the results (after 检查). */
  const [focusToken, setFocusToken] = React.useState(0);

  const latestRef = React.useRef<AnalysisState | null>(null);
  latestRef.current = latest;
  const listedRef = React.useRef<AnalysisState | null>(null);
  listedRef.current = listed;
  const marksOnRef = React.useRef(marksOn);
  marksOnRef.current = marksOn;
  const filterRef = React.useRef(filter);
  filterRef.current = filter;

  // Fetch the analysis engine in the background as soon as the pane is up.
  React.useEffect(() => {
    loadEngine().then(setEngine, () => undefined);
  }, []);

  const analyze = React.useCallback(async (): Promise<AnalysisState | null> => {
    setBusy({ message: '正在读取工作簿…' });
    const snap = await host.readSnapshot((p) => setBusy(p));
    if (!hasContent(snap)) return null;
    setBusy({ message: `正在识别表格并检查（${snap.sheets.length} 个工作表）…` });
    const eng = await loadEngine();
    setEngine(eng);
    await nextPaint();
    const a = eng.analyzeWorkbook(snap);
    const sheets = snap.sheets.map((sh) => ({ name: sh.name, hidden: !!sh.hidden, protected: !!sh.protected }));
    return { workbookName: snap.name, sheets, detection: a.detection, findings: a.findings, timings: a.timings, snapshot: snap };
  }, [host, setBusy]);

  /** Reads and checks the workbook; the list starts over. Null when the workbook is empty. */
  const runCheck = React.useCallback(async (): Promise<AnalysisState | null> => {
    const state = await analyze();
    listedRef.current = latestRef.current = state;
    setListed(state);
    setLatest(state);
    setCurrent(null);
    if (!state) {
      notify('warning', '工作簿是空的', '没有找到任何数据。请打开填好数据的决算表格后再点击“检查”。');
      return null;
    }
    const prot = state.sheets.filter((x) => x.protected).map((x) => x.name);
    setNoticeList(
      prot.length
        ? [{ intent: 'info', title: '部分工作表受保护', body: `${prot.join('、')} 受保护：可以检查，但标记和修正无法写入这些工作表。如需修正，请先在“审阅 → 撤销工作表保护”。` }]
        : [],
    );
    return state;
  }, [analyze, notify, setNoticeList]);

  /** Marks follow the workbook after a fix: cells no longer in error lose their fill. */
  const paintMarks = React.useCallback(
    async (findings: readonly Finding[]) => {
      const targets = findings.filter((f) => f.sheet && f.cell && filterRef.current.has(f.severity));
      return host.highlight(targets);
    },
    [host],
  );

  /** Re-reads the workbook after a write; the list keeps its order and shows what is resolved. */
  const recheck = React.useCallback(async () => {
    if (!listedRef.current) return;
    setBusy({ message: '正在重新核对…' });
    const state = await analyze();
    latestRef.current = state;
    setLatest(state);
    if (state && marksOnRef.current) await paintMarks(state.findings);
  }, [analyze, paintMarks, setBusy]);

  const ensureAnalysis = React.useCallback(async () => latestRef.current ?? (await runCheck()), [runCheck]);

  const onCheck = () =>
    withBusy('检查', async () => {
      const a = await runCheck();
      showChecks();
      if (a) setFocusToken((t) => t + 1);
    });

  // ---- the list ----
  const findings = listed?.findings ?? [];
  const groups = React.useMemo(() => groupFindings(findings, listed?.detection, filter), [findings, listed, filter]);
  const order = React.useMemo(() => visibleOrder(groups), [groups]);
  /** Counts of the listed findings (the filter buttons) and of the workbook as it is now (the summary). */
  const counts = React.useMemo(() => countBySeverity(findings), [findings]);
  const liveCounts = React.useMemo(() => countBySeverity(latest?.findings ?? []), [latest]);
  const resolved = React.useMemo(() => (listed && latest && listed !== latest ? resolvedIndices(listed.findings, latest.findings) : new Set<number>()), [listed, latest]);

  const orderRef = React.useRef(order);
  orderRef.current = order;
  const currentRef = React.useRef(current);
  currentRef.current = current;

  // The list follows the workbook's selection.
  React.useEffect(() => {
    if (!host.onSelectionChanged) return;
    return host.onSelectionChanged((sheet, address) => {
      const a = listedRef.current;
      if (!a) return;
      const cur = currentRef.current;
      // Keep the current finding when the selection is still on it (two findings on one cell).
      if (cur !== null && matchSelection(a.findings, [cur], sheet, address) === cur) return;
      // No finding there: nothing is highlighted (the list never points at the wrong cell).
      setCurrent(matchSelection(a.findings, orderRef.current, sheet, address));
    });
  }, [host]);

  const selectRef = React.useCallback(
    (sheet: string, address: string) => {
      host.select(sheet, address).catch((e) => reportError('定位单元格', e));
    },
    [host, reportError],
  );
  const selectFinding = React.useCallback(
    (index: number, f: Finding) => {
      // Updated before select(): hosts may report the new selection synchronously.
      currentRef.current = index;
      setCurrent(index);
      if (f.sheet && f.cell) selectRef(f.sheet, f.cell);
    },
    [selectRef],
  );
  /** Next (1) or previous (-1) finding, wrapping; returns its index. */
  const step = React.useCallback(
    (dir: 1 | -1): number | null => {
      const a = listedRef.current;
      const i = stepFinding(orderRef.current, currentRef.current, dir);
      if (a && i !== null) selectFinding(i, a.findings[i]);
      return i;
    },
    [selectFinding],
  );

  const toggleSeverity = (sev: Severity) =>
    setFilter((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });

  // ---- marks ----
  const onHighlight = () =>
    withBusy('标记', async () => {
      const a = await ensureAnalysis();
      if (!a) return;
      if (a.detection.tables.length === 0) {
        notify('warning', '没有可标记的单元格', '未识别出决算表格，工作簿未被改动。请先查看“检查结果”中的说明。');
        return;
      }
      const n = a.findings.filter((f) => f.sheet && f.cell && filter.has(f.severity)).length;
      if (n === 0) {
        notify('info', '没有需要标记的单元格', '当前筛选下没有指向单元格的检查结果；工作簿未被改动。');
        return;
      }
      setBusy({ message: `正在标记 ${n} 个单元格…` });
      const r = await paintMarks(a.findings);
      setMarksOn(true);
      notify('success', `已在工作簿中标记 ${r.marked} 个单元格`, '按严重程度填色（错误红、警告黄、提示蓝），问题说明写在单元格备注中；修正后标记随之更新，“清除标记”可完全恢复原格式。');
    });
  const onClearHighlights = () =>
    withBusy('清除标记', async () => {
      setBusy({ message: '正在清除标记…' });
      const r = await host.clearHighlights();
      setMarksOn(false);
      notify('success', r.restored ? `已清除 ${r.restored} 个标记，原格式已恢复` : '没有需要清除的标记');
    });

  return {
    engine,
    listed,
    listedRef,
    latest,
    latestRef,
    findings,
    groups,
    order,
    counts,
    liveCounts,
    resolved,
    filter,
    toggleSeverity,
    current,
    focusToken,
    runCheck,
    recheck,
    ensureAnalysis,
    onCheck,
    selectFinding,
    selectRef,
    step,
    onHighlight,
    onClearHighlights,
  };
}

export type Checks = ReturnType<typeof useChecks>;
