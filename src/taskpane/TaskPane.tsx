// The task pane: the same component in Excel (ExcelHost) and in the offline page (FileHost).
// It talks only to a WorkbookHost and to the pure core; no Office call is made here.
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  ToggleButton,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DismissRegular } from '@fluentui/react-icons';
import { a1 } from '../core/address';
import type { Narrative, NarrativeProfile } from '../core/narrative/types';
import type { Finding, Severity } from '../core/findings';
import type { Detection } from '../core/tables/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { AppliedFix, HostCapabilities, Progress, WorkbookHost } from '../hosts/types';
import {
  NARRATIVE_SHEET_NAME,
  SEVERITIES,
  SEVERITY_LABELS,
  countBySeverity,
  derivedToOutput,
  errorText,
  fixPreview,
  groupFindings,
  isProtectionError,
  matchSelection,
  narrativeText,
  narrativeToOutput,
  stepFinding,
  summaryText,
  tableSummaries,
  visibleOrder,
} from './model';
import type { FixPreviewRow } from './model';
import { ConfirmDialog, FixAllDialog } from './components/Dialogs';
import type { ConfirmRequest } from './components/Dialogs';
import { FindingsList, fixCellKey, fixKey } from './components/FindingsList';
import { NarrativePanel, selectLine } from './components/NarrativePanel';
import type { CheckSource } from './components/NarrativePanel';
import { ReasonsPanel, SupplementForm, SupplementMissingBar, reasonInputId } from './components/SupplementPanel';
import { loadEngine } from './engine';
import type { Engine } from './engine';
import {
  SUPPLEMENT_SHEET_NAME,
  findSheet,
  lastUsedRow,
  missingSupplementKeys,
  probeDetection,
  reasonCandidates,
  reasonSlots,
  sheetColumnText,
  supplementModel,
  supplementSheet,
  textSheetChoices,
} from './supplement';
import type { ReasonSlot, SavePlan } from './supplement';
import { useStyles } from './styles';
import { DOCX_MIME, copyText, downloadBytes, nextPaint } from './util';

type Intent = 'success' | 'info' | 'warning' | 'error';
interface Notice {
  id: number;
  intent: Intent;
  title: string;
  body?: string;
}

interface SheetInfo {
  name: string;
  hidden: boolean;
  protected: boolean;
}

interface AnalysisState {
  workbookName: string;
  sheets: SheetInfo[];
  detection: Detection;
  findings: Finding[];
  timings: { detectMs: number; checkMs: number };
  /** What was read, for the 补充信息 form (last used row) and checking a sheet's text. */
  snapshot: WorkbookSnapshot;
}

type PaneTab = 'check' | 'narrative' | 'supplement';

interface AppliedEntry {
  key: string;
  cellKey: string;
  label: string;
  applied: AppliedFix;
}

export interface TaskPaneProps {
  host: WorkbookHost;
  /** Offer a .docx download of the narrative (offline page). */
  docxDownload?: boolean;
  /** Base name for downloaded files. */
  fileBaseName?: string;
  /** The offline page shows its own title bar. */
  hideHeader?: boolean;
}

let noticeSeq = 0;

export function TaskPane({ host, docxDownload, fileBaseName, hideHeader }: TaskPaneProps) {
  const s = useStyles();
  const [caps, setCaps] = React.useState<HostCapabilities | null>(null);
  const [limitsDismissed, setLimitsDismissed] = React.useState(false);
  const [busy, setBusy] = React.useState<Progress | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [analysis, setAnalysis] = React.useState<AnalysisState | null>(null);
  const [filter, setFilter] = React.useState<Set<Severity>>(() => new Set(SEVERITIES));
  const [current, setCurrent] = React.useState<number | null>(null);
  const [applied, setApplied] = React.useState<AppliedEntry[]>([]);
  const [fixRows, setFixRows] = React.useState<FixPreviewRow[] | null>(null);
  const [confirmReq, setConfirmReq] = React.useState<ConfirmRequest | null>(null);
  const [tab, setTab] = React.useState<PaneTab>('check');
  const [engine, setEngine] = React.useState<Engine | null>(null);
  const [slots, setSlots] = React.useState<ReasonSlot[]>([]);
  /** Batches of 补充信息 writes, newest last: 撤销上次保存 undoes the newest. */
  const [supUndo, setSupUndo] = React.useState<AppliedFix[][]>([]);
  const [checkSource, setCheckSource] = React.useState<CheckSource>('text');
  const [checkSheet, setCheckSheet] = React.useState('');
  /** Where the checked text came from: a finding of a sheet's text selects its cell An. */
  const [ownSheet, setOwnSheet] = React.useState<string | null>(null);
  const [profile, setProfile] = React.useState<NarrativeProfile>('hunan');
  const [narrative, setNarrative] = React.useState<Narrative | null>(null);
  const [ownText, setOwnText] = React.useState('');
  const [ownFindings, setOwnFindings] = React.useState<Finding[] | null>(null);

  const ownTextRef = React.useRef<HTMLTextAreaElement>(null);
  const analysisRef = React.useRef<AnalysisState | null>(null);
  analysisRef.current = analysis;

  const notify = React.useCallback((intent: Intent, title: string, body?: string) => {
    setNotices([{ id: ++noticeSeq, intent, title, body }]);
  }, []);
  const addNotice = React.useCallback((intent: Intent, title: string, body?: string) => {
    setNotices((prev) => [...prev, { id: ++noticeSeq, intent, title, body }]);
  }, []);

  const reportError = React.useCallback(
    (what: string, e: unknown) => {
      if (isProtectionError(e)) {
        const detail = errorText(e);
        const hint = '请先在“审阅 → 撤销工作表保护”后重试；本加载项不会绕过保护。';
        notify('error', `${what}失败：工作表受保护`, /撤销工作表保护/.test(detail) ? detail : `${detail} ${hint}`);
      } else {
        notify('error', `${what}失败`, errorText(e));
      }
    },
    [notify],
  );

  // Fetch the analysis engine in the background as soon as the pane is up.
  React.useEffect(() => {
    loadEngine().then(setEngine, () => undefined);
  }, []);

  React.useEffect(() => {
    let alive = true;
    host.capabilities().then(
      (c) => alive && setCaps(c),
      (e) => alive && reportError('读取加载项能力', e),
    );
    return () => {
      alive = false;
    };
  }, [host, reportError]);

  const confirm = React.useCallback(
    (title: string, body: React.ReactNode, confirmLabel: string) =>
      new Promise<boolean>((resolve) => {
        setConfirmReq({
          title,
          body,
          confirmLabel,
          resolve: (ok) => {
            setConfirmReq(null);
            resolve(ok);
          },
        });
      }),
    [],
  );

  // ---- 检查 ----
  const runCheck = React.useCallback(async (): Promise<AnalysisState | null> => {
    setBusy({ message: '正在读取工作簿…' });
    const snap = await host.readSnapshot((p) => setBusy(p));
    const sheets: SheetInfo[] = snap.sheets.map((sh) => ({ name: sh.name, hidden: !!sh.hidden, protected: !!sh.protected }));
    const hasContent = snap.sheets.some((sh) => sh.cells.some((row) => row && row.some((c) => c && c.v !== null && c.v !== '')));
    if (!hasContent) {
      setAnalysis(null);
      setCurrent(null);
      notify('warning', '工作簿是空的', '没有找到任何数据。请打开填好数据的决算表格后再点击“检查”。');
      return null;
    }
    setBusy({ message: `正在识别表格并检查（${snap.sheets.length} 个工作表）…` });
    const eng = await loadEngine();
    setEngine(eng);
    await nextPaint();
    const a = eng.analyzeWorkbook(snap);
    const state: AnalysisState = { workbookName: snap.name, sheets, detection: a.detection, findings: a.findings, timings: a.timings, snapshot: snap };
    setAnalysis(state);
    analysisRef.current = state;
    setCurrent(null);
    setOwnFindings(null);
    const counts = countBySeverity(a.findings);
    const next: Notice[] = [];
    if (a.detection.tables.length === 0) {
      next.push({
        id: ++noticeSeq,
        intent: 'warning',
        title: '未识别出决算表格',
        body: '没有找到收入支出决算总表、收入决算表等标准表格。请确认表头（如“收入决算表”“科目编码”“单位：万元”）完整，且不是图片或合并成一格的文字。',
      });
    } else {
      next.push({
        id: ++noticeSeq,
        intent: counts.error ? 'error' : counts.warning ? 'warning' : 'success',
        title: `检查完成：${summaryText(counts)}`,
        body: `识别出 ${a.detection.tables.length} 张表，用时 ${Math.max(1, a.timings.detectMs + a.timings.checkMs)} 毫秒。`,
      });
    }
    const prot = sheets.filter((x) => x.protected).map((x) => x.name);
    if (prot.length) {
      next.push({
        id: ++noticeSeq,
        intent: 'info',
        title: '部分工作表受保护',
        body: `${prot.join('、')} 受保护：可以检查，但标记和修正无法写入这些工作表。`,
      });
    }
    setNotices(next);
    return state;
  }, [host, notify]);

  const withBusy = React.useCallback(
    async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        reportError(what, e);
      } finally {
        setBusy(null);
      }
    },
    [reportError],
  );

  const ensureAnalysis = React.useCallback(async () => analysisRef.current ?? (await runCheck()), [runCheck]);

  const onCheck = () => withBusy('检查', async () => void (await runCheck()));

  // ---- findings list state ----
  const findings = analysis?.findings ?? [];
  const groups = React.useMemo(() => groupFindings(findings, analysis?.detection, filter), [findings, analysis, filter]);
  const order = React.useMemo(() => visibleOrder(groups), [groups]);
  const counts = React.useMemo(() => countBySeverity(findings), [findings]);
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

  const orderRef = React.useRef(order);
  orderRef.current = order;
  const currentRef = React.useRef(current);
  currentRef.current = current;

  // The list follows the workbook's selection.
  React.useEffect(() => {
    if (!host.onSelectionChanged) return;
    const off = host.onSelectionChanged((sheet, address) => {
      const a = analysisRef.current;
      if (!a) return;
      const cur = currentRef.current;
      // Keep the current finding when the selection is still on it (two findings on one cell).
      if (cur !== null && matchSelection(a.findings, [cur], sheet, address) === cur) return;
      // No finding there: nothing is highlighted (the list never points at the wrong cell).
      setCurrent(matchSelection(a.findings, orderRef.current, sheet, address));
    });
    return off;
  }, [host]);

  const selectFinding = (index: number, f: Finding) => {
    // Updated before select(): hosts may report the new selection synchronously.
    currentRef.current = index;
    setCurrent(index);
    if (f.sheet && f.cell) {
      host.select(f.sheet, f.cell).catch((e) => reportError('定位单元格', e));
    }
  };
  const selectRef = (sheet: string, address: string) => {
    host.select(sheet, address).catch((e) => reportError('定位单元格', e));
  };
  const step = (dir: 1 | -1) => {
    const i = stepFinding(order, current, dir);
    if (i !== null) selectFinding(i, findings[i]);
  };

  const toggleSeverity = (sev: Severity) => {
    setFilter((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  };

  // ---- marks ----
  const onHighlight = () =>
    withBusy('标记', async () => {
      const a = await ensureAnalysis();
      if (!a) return;
      const targets = a.findings.filter((f) => f.sheet && f.cell && filter.has(f.severity));
      if (targets.length === 0) {
        notify('info', '没有需要标记的单元格', '当前筛选下没有指向单元格的检查结果。');
        return;
      }
      setBusy({ message: `正在标记 ${targets.length} 个单元格…` });
      const r = await host.highlight(targets);
      notify('success', `已标记 ${r.marked} 个单元格`, '按严重程度填色（错误红、警告黄、提示蓝）；“清除标记”可完全恢复原格式。');
    });
  const onClearHighlights = () =>
    withBusy('清除标记', async () => {
      setBusy({ message: '正在清除标记…' });
      const r = await host.clearHighlights();
      notify('success', r.restored ? `已清除 ${r.restored} 个标记，原格式已恢复` : '没有需要清除的标记');
    });

  // ---- fixes ----
  const appliedRef = React.useRef(applied);
  appliedRef.current = applied;
  const applyOne = async (f: Finding): Promise<AppliedEntry | null> => {
    if (!f.fix) return null;
    const key = fixKey(f)!;
    const cellKey = fixCellKey(f)!;
    const where = `${f.fix.ref.sheet}!${a1(f.fix.ref.row, f.fix.ref.col)}`;
    // One applied change per cell: undo restores exactly what was there before it.
    if (appliedRef.current.some((x) => x.cellKey === cellKey)) throw new Error(`${where} 已应用过另一项修正，请先撤销那一项。`);
    const ap = await host.applyFix(f.fix);
    const entry: AppliedEntry = { key, cellKey, label: `${where}：${f.fix.description}`, applied: ap };
    appliedRef.current = [...appliedRef.current, entry];
    setApplied((prev) => [...prev, entry]);
    return entry;
  };
  const onApply = (_index: number, f: Finding) =>
    withBusy('应用修正', async () => {
      setBusy({ message: '正在写入修正…' });
      const e = await applyOne(f);
      if (e) notify('success', '已应用修正', `${e.label}。可点击“撤销”恢复原值；点击“检查”重新核对。`);
    });
  const onUndoEntry = (entry: AppliedEntry) =>
    withBusy('撤销修正', async () => {
      setBusy({ message: '正在撤销…' });
      await host.undoFix(entry.applied);
      setApplied((prev) => prev.filter((x) => x.key !== entry.key));
      notify('success', '已撤销修正', `${entry.label}（已恢复原值）`);
    });
  const onUndo = (f: Finding) => {
    const entry = applied.find((x) => x.key === fixKey(f));
    if (entry) void onUndoEntry(entry);
  };
  const onFixAll = () => {
    setFixRows(fixPreview(findings, undefined, appliedIndices));
  };
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
      if (failed.length) notify('warning', `已应用 ${rows.length - failed.length} 项修正，${failed.length} 项失败`, failed.join('；'));
      else notify('success', `已应用全部 ${rows.length} 项修正`, '每一项都可以单独撤销；点击“检查”重新核对。');
    });
  };

  // ---- 重新计算 ----
  const writeWithConfirm = async (name: string, write: (overwrite: boolean) => Promise<void>): Promise<boolean> => {
    const exists = await host.hasSheet(name);
    if (exists) {
      setBusy(null);
      const ok = await confirm(`覆盖“${name}”工作表？`, `工作簿中已有“${name}”工作表。覆盖后，其中原有的内容将被替换。`, '覆盖');
      if (!ok) {
        notify('info', `未写入“${name}”`, '已保留原有工作表。');
        return false;
      }
      setBusy({ message: `正在写入“${name}”…` });
    }
    await write(exists);
    return true;
  };
  const onRecalc = () =>
    withBusy('重新计算', async () => {
      const a = await ensureAnalysis();
      if (!a) return;
      if (caps && !caps.writeSheets) {
        notify('warning', '无法写入工作表', caps.limits.join(' ') || '当前环境不支持写入新的工作表。');
        return;
      }
      setBusy({ message: '正在计算占比、执行率和增减…' });
      const { recalculate } = await loadEngine();
      await nextPaint();
      const out = derivedToOutput(recalculate(a.detection));
      if (out.rows.length === 0) {
        notify('warning', '没有可以计算的指标', '未识别出计算所需的表格（如收入决算表、支出决算表、“三公”经费表）。请先查看“检查”结果。');
        return;
      }
      setBusy({ message: `正在写入“${out.name}”…` });
      const wrote = await writeWithConfirm(out.name, (overwrite) => host.writeSheet(out, { overwrite }));
      if (wrote) notify('success', `已写入“${out.name}”工作表`, `共 ${out.rows.length} 行；计算结果为引用原表单元格的公式，原表数据变化时会自动更新。`);
    });

  // ---- 情况说明 ----
  /** Generates the narrative; `quiet` keeps the tab and the notices (a refresh after a 补充信息 write). */
  const makeNarrative = async (p: NarrativeProfile, quiet = false, guard = !quiet) => {
    const a = await ensureAnalysis();
    if (!a) return;
    // Figures the checks mark as errors would be copied into the text: the officer must choose to.
    const errors = a.findings.filter((f) => f.severity === 'error' && f.sheet !== null);
    if (guard && errors.length > 0) {
      setBusy(null);
      const ok = await confirm(
        `表格中有 ${errors.length} 个错误`,
        `这些数字互相矛盾（例如：${errors[0].message}）。情况说明会照录表格中的数字。建议先在“检查结果”中修正后再生成。`,
        '仍然生成',
      );
      if (!ok) {
        notify('info', '未生成情况说明', '请先修正“检查结果”中的错误。');
        return;
      }
    }
    setBusy({ message: '正在生成情况说明…' });
    const eng = await loadEngine();
    await nextPaint();
    const n = eng.generateNarrative(a.detection, { profile: p });
    // Which subject each 主要原因是… reads: the same text generated with a marker per subject.
    const cands = reasonCandidates(eng, a.detection);
    setSlots(reasonSlots(n, eng.generateNarrative(probeDetection(eng, a.detection, cands), { profile: p }), cands));
    setNarrative(n);
    if (quiet) return;
    setTab('narrative');
    if (a.detection.tables.length === 0) notify('warning', '未识别出决算表格', '情况说明需要从表格取数，请先查看“检查”结果。');
    else notify('success', '已生成情况说明', '“【请填写原因】”处需要您补充；数字和增减方向均取自表格。');
  };
  const onGenerate = () => withBusy('生成情况说明', () => makeNarrative(profile));
  const onProfile = (p: NarrativeProfile) => {
    setProfile(p);
    // The officer already chose to generate: switching the profile does not ask again.
    if (narrative) void withBusy('生成情况说明', () => makeNarrative(p, false, false));
  };
  const onCopy = () =>
    withBusy('复制', async () => {
      if (!narrative) return;
      await copyText(narrativeText(narrative));
      notify('success', '已复制情况说明全文', '可以粘贴到 Word 或 WPS 文字中。');
    });
  const onWriteNarrative = () =>
    withBusy('写入情况说明', async () => {
      if (!narrative) return;
      const out = narrativeToOutput(narrative);
      setBusy({ message: `正在写入“${NARRATIVE_SHEET_NAME}”…` });
      const wrote = await writeWithConfirm(out.name, (overwrite) => host.writeSheet(out, { overwrite }));
      if (wrote) notify('success', `已写入“${out.name}”工作表`, `共 ${out.rows.length} 行。`);
    });
  const onDownloadDocx = () =>
    withBusy('生成 Word 文档', async () => {
      if (!narrative) return;
      setBusy({ message: '正在生成 Word 文档…' });
      // Loaded on demand: the docx library stays out of the initial bundle.
      const mod = await import(/* webpackChunkName: "narrative-docx" */ '../docx/narrative-docx');
      const bytes = await mod.narrativeToDocx(narrative);
      downloadBytes(bytes, `${fileBaseName ?? '决算'}-情况说明.docx`, DOCX_MIME);
      notify('success', '已下载 Word 文档', `${fileBaseName ?? '决算'}-情况说明.docx`);
    });
  const onCheckOwn = () =>
    withBusy('检查情况说明', async () => {
      const a = await ensureAnalysis();
      if (!a) return;
      setBusy({ message: '正在核对文字与表格…' });
      const { checkNarrative } = await loadEngine();
      await nextPaint();
      const res = checkNarrative(ownText, a.detection);
      setOwnFindings(res);
      setOwnSheet(null);
      const c = countBySeverity(res);
      notify(c.error ? 'error' : c.warning ? 'warning' : 'success', `情况说明检查完成：${summaryText(c)}`);
    });

  // ---- 检查工作表中的文字 ----
  const textSheets = React.useMemo(() => (analysis ? textSheetChoices(analysis.snapshot, analysis.detection) : []), [analysis]);
  React.useEffect(() => {
    if (!textSheets.includes(checkSheet)) setCheckSheet(textSheets[0] ?? '');
  }, [textSheets, checkSheet]);
  const onCheckSheetText = () =>
    withBusy('检查工作表中的文字', async () => {
      // Read afresh: the officer may have edited the sheet since the last 检查.
      const a = await runCheck();
      if (!a) return;
      const sheet = findSheet(a.snapshot, checkSheet);
      if (!sheet) {
        notify('warning', `找不到工作表“${checkSheet}”`, '请重新选择要检查的工作表。');
        return;
      }
      const text = sheetColumnText(sheet);
      if (text.trim() === '') {
        notify('warning', `“${sheet.name}”的 A 列没有文字`, '请选择写有情况说明文字的工作表（每段文字放在 A 列）。');
        return;
      }
      setBusy({ message: `正在核对“${sheet.name}”的文字与表格…` });
      const { checkNarrative } = await loadEngine();
      await nextPaint();
      const res = checkNarrative(text, a.detection);
      setOwnFindings(res);
      setOwnSheet(sheet.name);
      setTab('narrative');
      const c = countBySeverity(res);
      notify(c.error ? 'error' : c.warning ? 'warning' : 'success', `情况说明检查完成：${summaryText(c)}`, `已核对“${sheet.name}”A 列的 ${text.split('\n').length} 行；第 n 行即单元格 An。`);
    });

  // ---- 补充信息 ----
  const supModel = React.useMemo(
    () => (engine && analysis?.detection.supplement ? supplementModel(engine, analysis.detection.supplement, missingSupplementKeys(narrative)) : null),
    [engine, analysis, narrative],
  );
  const supLastRow = React.useMemo(() => {
    const sup = analysis?.detection.supplement;
    return analysis && sup ? lastUsedRow(findSheet(analysis.snapshot, sup.sheet)) : -1;
  }, [analysis]);
  const needKeys = React.useMemo(() => missingSupplementKeys(narrative), [narrative]);

  /** Re-reads the workbook and regenerates the preview, so the narrative uses what was just written. */
  const refreshAfterWrite = async () => {
    setBusy({ message: '正在重新读取工作簿…' });
    const a = await runCheck();
    if (a) await makeNarrative(profile, true);
  };

  const onCreateSupplement = () =>
    withBusy('创建补充信息表', async () => {
      if (caps && !caps.writeSheets) {
        notify('warning', '无法写入工作表', caps.limits.join(' ') || '当前环境不支持写入新的工作表。');
        return;
      }
      // Never overwrite: an existing sheet (e.g. created in another window) is just read.
      if (await host.hasSheet(SUPPLEMENT_SHEET_NAME)) {
        await refreshAfterWrite();
        notify('info', `已有“${SUPPLEMENT_SHEET_NAME}”工作表`, '未作改动，已重新读取其中的内容。');
        setTab('supplement');
        return;
      }
      setBusy({ message: `正在创建“${SUPPLEMENT_SHEET_NAME}”…` });
      const eng = await loadEngine();
      await host.writeSheet(supplementSheet(eng), { overwrite: false });
      await refreshAfterWrite();
      setTab('supplement');
      notify('success', `已创建“${SUPPLEMENT_SHEET_NAME}”工作表`, '请在下方（或直接在该表 B 列）填写各项内容，然后保存。');
    });

  const saveSupplement = (plan: SavePlan, what: string) =>
    withBusy(what, async () => {
      const done: AppliedFix[] = [];
      try {
        for (const fix of plan.fixes) {
          setBusy({ message: `正在写入“${SUPPLEMENT_SHEET_NAME}” ${done.length + 1}/${plan.fixes.length}…`, fraction: done.length / plan.fixes.length });
          done.push(await host.applyFix(fix));
        }
      } finally {
        // Whatever was written stays undoable, even when a later cell failed.
        if (done.length) setSupUndo((prev) => [...prev, done]);
      }
      await refreshAfterWrite();
      notify('success', `已保存 ${plan.changed.length} 项到“${SUPPLEMENT_SHEET_NAME}”表`, `${plan.changed.join('、')}。情况说明已按新内容重新生成；“撤销上次保存”可恢复原值。`);
    });

  const onUndoSupplement = () =>
    withBusy('撤销保存', async () => {
      const batch = supUndo[supUndo.length - 1];
      if (!batch) return;
      setBusy({ message: '正在撤销…' });
      for (const ap of [...batch].reverse()) await host.undoFix(ap);
      setSupUndo((prev) => prev.slice(0, -1));
      await refreshAfterWrite();
      notify('success', '已撤销上次保存', `“${SUPPLEMENT_SHEET_NAME}”表已恢复原值，情况说明已重新生成。`);
    });

  const focusReason = (section: number, paragraph: number, k: number) => {
    const slot = slots.filter((x) => x.section === section && x.paragraph === paragraph && x.current === null)[k];
    const el = slot ? (document.getElementById(reasonInputId(slot.subject)) as HTMLTextAreaElement | null) : null;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  const supNeeded = supModel ? supModel.rows.filter((r) => r.neededByNarrative).length : 0;
  /** The bar offering 创建补充信息表, when the workbook has no such sheet (keys listed where nothing else lists them). */
  const supplementBar = (showKeys: boolean) =>
    analysis && !analysis.detection.supplement ? (
      <SupplementMissingBar needKeys={needKeys} showKeys={showKeys} busy={busy !== null} canWrite={caps ? caps.writeSheets : true} onCreate={onCreateSupplement} />
    ) : null;

  const tables = tableSummaries(analysis?.detection);
  const canWrite = caps ? caps.writeSheets : true;
  const isBusy = busy !== null;
  const limits = caps?.limits ?? [];

  return (
    <div className={s.root} aria-busy={isBusy}>
      {hideHeader ? null : (
        <header className={s.header}>
          <h1 className={s.title}>决算助手</h1>
          {analysis ? <span className={s.subtle}>{analysis.workbookName}</span> : null}
        </header>
      )}

      <div className={s.primaryActions} role="toolbar" aria-label="主要操作">
        <Button appearance="primary" className={s.primaryWide} onClick={onCheck} disabled={isBusy}>
          检查
        </Button>
        <Tooltip content={canWrite ? '在“指标计算”工作表写入占比、执行率和增减（公式）' : (caps?.limits.join(' ') || '当前环境不支持写入工作表')} relationship="description">
          <Button onClick={onRecalc} disabled={isBusy} disabledFocusable={!isBusy && !canWrite}>
            重新计算
          </Button>
        </Tooltip>
        <Button onClick={onGenerate} disabled={isBusy}>
          生成情况说明
        </Button>
      </div>

      <div role="status" aria-live="polite" className={s.progress}>
        {busy ? (
          <>
            <ProgressBar value={busy.fraction} thickness="large" aria-label={busy.message} />
            <span className={s.subtle}>{busy.message}</span>
          </>
        ) : null}
      </div>

      <div className={s.messages}>
        {limits.length > 0 && !limitsDismissed ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>功能限制</MessageBarTitle>
              <ul className={s.limitList}>
                {limits.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭" icon={<DismissRegular />} onClick={() => setLimitsDismissed(true)} />} />
          </MessageBar>
        ) : null}
        {notices.map((n) => (
          <MessageBar key={n.id} intent={n.intent} layout="multiline" data-notice-intent={n.intent}>
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.body ? <div>{n.body}</div> : null}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" aria-label="关闭" icon={<DismissRegular />} onClick={() => setNotices((prev) => prev.filter((x) => x.id !== n.id))} />}
            />
          </MessageBar>
        ))}
      </div>

      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PaneTab)} size="small" className={s.paneTabs}>
        <Tab value="check">检查结果{analysis ? `（${findings.length}）` : ''}</Tab>
        <Tab value="narrative">情况说明</Tab>
        <Tab value="supplement">
          补充信息
          {supNeeded > 0 ? (
            <Badge size="small" appearance="filled" color="warning" className={s.tabBadge} aria-label={`缺 ${supNeeded} 项`}>
              {supNeeded}
            </Badge>
          ) : analysis && !analysis.detection.supplement ? (
            <Badge size="small" appearance="filled" color="warning" className={s.tabBadge} aria-label="无补充信息表">
              !
            </Badge>
          ) : null}
        </Tab>
      </TabList>

      {tab === 'check' ? (
        <div className={s.section}>
          {analysis === null ? (
            <p className={s.subtle} style={{ margin: 0 }}>
              点击“检查”：识别工作簿中的各张决算表，核对表内合计、表间勾稽、绩效自评表和科目编码。
            </p>
          ) : (
            <>
              <Accordion collapsible defaultOpenItems={[]}>
                <AccordionItem value="tables">
                  <AccordionHeader size="small">
                    工作表 {analysis.sheets.length} 个 · 识别出的表格 {tables.length} 张
                  </AccordionHeader>
                  <AccordionPanel>
                    <div className={s.section}>
                      <ul className={s.list} aria-label="识别出的表格" data-testid="tables-list">
                        {tables.map((t) => (
                          <li key={t.id}>
                            <Button appearance="subtle" className={s.tableButton} onClick={() => selectRef(t.sheet, t.range)} data-table-kind={t.kind}>
                              <span className={s.tableButtonText}>
                                <span>{t.name}</span>
                                <span className={s.subtle}>
                                  {t.sheet}!{t.range}
                                  {t.unit ? ` · 单位：${t.unit}` : ''}
                                </span>
                              </span>
                            </Button>
                          </li>
                        ))}
                      </ul>
                      <div>
                        <div className={s.subtle}>工作表：</div>
                        <ul className={s.list} aria-label="工作表" data-testid="sheets-list">
                          {analysis.sheets.map((sh) => (
                            <li key={sh.name} className={s.subtle}>
                              {sh.name}
                              {sh.hidden ? '（隐藏）' : ''}
                              {sh.protected ? '（受保护）' : ''}
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>

              <div className={s.filterBar} role="group" aria-label="按严重程度筛选">
                <span className={s.subtle}>显示：</span>
                {SEVERITIES.map((sev) => (
                  <ToggleButton key={sev} size="small" checked={filter.has(sev)} onClick={() => toggleSeverity(sev)} data-severity-filter={sev}>
                    {SEVERITY_LABELS[sev]} {counts[sev]}
                  </ToggleButton>
                ))}
              </div>

              <div className={s.navBar}>
                <div className={s.actions}>
                  <Button size="small" icon={<ArrowUpRegular />} onClick={() => step(-1)} disabled={order.length === 0} aria-label="上一条">
                    上一条
                  </Button>
                  <Button size="small" icon={<ArrowDownRegular />} onClick={() => step(1)} disabled={order.length === 0} aria-label="下一条">
                    下一条
                  </Button>
                </div>
                <span className={s.subtle}>
                  {current !== null && order.includes(current) ? `第 ${order.indexOf(current) + 1} / ${order.length} 条` : `共 ${order.length} 条`}
                </span>
              </div>

              <div className={s.actions}>
                <Tooltip content={caps && !caps.highlight ? caps.limits.join(' ') || '当前环境不支持标记' : '按严重程度给单元格填色'} relationship="description">
                  <Button size="small" onClick={onHighlight} disabled={isBusy} disabledFocusable={!isBusy && caps !== null && !caps.highlight}>
                    标记到单元格
                  </Button>
                </Tooltip>
                <Button size="small" onClick={onClearHighlights} disabled={isBusy} disabledFocusable={!isBusy && caps !== null && !caps.highlight}>
                  清除标记
                </Button>
                <Button size="small" onClick={onFixAll} disabled={isBusy || fixableCount === 0}>
                  全部修正{fixableCount ? `（${fixableCount}）` : ''}
                </Button>
              </div>

              {findings.length === 0 ? (
                <p className={s.subtle} style={{ margin: 0 }}>
                  {analysis.detection.tables.length ? '各项检查均已通过。' : '未识别出表格，无法检查。'}
                </p>
              ) : (
                <FindingsList
                  label="检查结果"
                  groups={groups}
                  current={current}
                  applied={appliedKeys}
                  canWrite
                  busy={isBusy}
                  onSelect={selectFinding}
                  onSelectRef={selectRef}
                  onApply={onApply}
                  onUndo={onUndo}
                />
              )}

              {applied.length > 0 ? (
                <section className={s.section} aria-label="已应用的修正">
                  <h3 className={s.sectionTitle}>已应用的修正（{applied.length}）</h3>
                  <ul className={s.list}>
                    {applied.map((e) => (
                      <li key={e.key} className={s.fixRow}>
                        <span>{e.label}</span>
                        <Button size="small" onClick={() => void onUndoEntry(e)} disabled={isBusy}>
                          撤销
                        </Button>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
        </div>
      ) : tab === 'supplement' ? (
        <div className={s.section}>
          {analysis === null ? (
            <p className={s.subtle} style={{ margin: 0 }}>
              情况说明中表格以外的数据（上年数、因公出国团组、公务接待批次等）取自“{SUPPLEMENT_SHEET_NAME}”工作表。请先点击“检查”或“生成情况说明”读取工作簿。
            </p>
          ) : supModel && engine ? (
            <SupplementForm
              api={engine}
              model={supModel}
              lastRow={supLastRow}
              busy={isBusy}
              canWrite={canWrite}
              hasNarrative={narrative !== null}
              canUndo={supUndo.length > 0}
              onSave={(plan) => void saveSupplement(plan, '保存补充信息')}
              onUndo={() => void onUndoSupplement()}
              onSelectRef={selectRef}
              onShowNarrative={() => (narrative ? setTab('narrative') : void onGenerate())}
            />
          ) : (
            supplementBar(true)
          )}
        </div>
      ) : (
        <NarrativePanel
          narrative={narrative}
          profile={profile}
          busy={isBusy}
          canWrite={canWrite}
          onProfile={onProfile}
          onGenerate={onGenerate}
          onCopy={onCopy}
          onWrite={onWriteNarrative}
          onDownloadDocx={docxDownload ? onDownloadDocx : undefined}
          ownText={ownText}
          onOwnText={setOwnText}
          onCheckOwn={onCheckOwn}
          ownTextRef={ownTextRef}
          supplementBar={supplementBar(false)}
          onFillSupplement={() => setTab('supplement')}
          onReasonPlaceholder={slots.length ? focusReason : undefined}
          reasons={
            engine && slots.length ? (
              <ReasonsPanel api={engine} slots={slots} model={supModel} lastRow={supLastRow} busy={isBusy} canWrite={canWrite} onSave={(plan) => void saveSupplement(plan, '保存原因')} />
            ) : null
          }
          checkSource={checkSource}
          onCheckSource={setCheckSource}
          textSheets={textSheets}
          checkSheet={checkSheet}
          onCheckSheet={setCheckSheet}
          onCheckSheetText={onCheckSheetText}
          ownResult={
            ownFindings === null ? null : ownFindings.length === 0 ? (
              <p className={s.subtle} style={{ margin: 0 }}>
                未发现与表格不一致之处。
              </p>
            ) : (
              <FindingsList
                label="情况说明检查结果"
                groups={groupFindings(ownFindings, analysis?.detection)}
                current={null}
                applied={appliedKeys}
                canWrite={false}
                busy={isBusy}
                onSelect={(_, f) => {
                  if (f.sheet && f.cell) selectRef(f.sheet, f.cell);
                  else if (f.line && ownSheet) selectRef(ownSheet, `A${f.line}`);
                  else if (f.line) selectLine(ownTextRef.current, f.line);
                }}
                onSelectRef={selectRef}
              />
            )
          }
        />
      )}

      <ConfirmDialog request={confirmReq} />
      <FixAllDialog rows={fixRows} onConfirm={onConfirmFixAll} onCancel={() => setFixRows(null)} />
    </div>
  );
}
