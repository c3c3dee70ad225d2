// 情况说明: generating the text from the tables, copying or writing it, and checking text the
// officer wrote (pasted, or column A of a sheet) against the tables.
import * as React from 'react';
import type { Finding } from '../../../core/findings';
import type { Narrative, NarrativeProfile } from '../../../core/narrative/types';
import type { CheckSource } from '../../components/NarrativePanel';
import { loadEngine } from '../../engine';
import { NARRATIVE_SHEET_NAME, countBySeverity, narrativeText, narrativeToOutput, summaryText } from '../../model';
import { findSheet, probeDetection, reasonCandidates, reasonSlots, sheetColumnText, textSheetChoices } from '../../supplement';
import type { ReasonSlot } from '../../supplement';
import { DOCX_MIME, copyText, downloadBytes, nextPaint } from '../../util';
import type { PaneCore } from '../../shell/usePaneCore';
import { writeWithConfirm } from '../../shell/write-sheet';
import type { AnalysisState, Checks } from '../checks/useChecks';
import { notRecognisedText } from '../checks/NotRecognised';

interface OwnResult {
  findings: Finding[];
  /** The 检查 the text was checked after: a new 检查 hides an old result. */
  against: AnalysisState | null;
  /** The sheet whose column A was checked (a finding's line n is cell An), or null for pasted text. */
  sheet: string | null;
}

export function useNarrative(core: PaneCore, checks: Checks, showNarrative: () => void, fileBaseName?: string) {
  const { host, setBusy, notify, withBusy, confirm } = core;
  // null until the first generation: then the profile the workbook's tables suggest.
  const [profile, setProfile] = React.useState<NarrativeProfile | null>(null);
  const [narrative, setNarrative] = React.useState<Narrative | null>(null);
  const [slots, setSlots] = React.useState<ReasonSlot[]>([]);
  const [ownText, setOwnText] = React.useState('');
  const [own, setOwn] = React.useState<OwnResult | null>(null);
  const [checkSource, setCheckSource] = React.useState<CheckSource>('text');
  const [checkSheet, setCheckSheet] = React.useState('');
  const ownTextRef = React.useRef<HTMLTextAreaElement>(null);

  /** Generates the narrative; `quiet` keeps the tab and the notices (a refresh after a 补充信息 write). */
  const makeNarrative = async (chosen: NarrativeProfile | null, quiet = false, guard = !quiet) => {
    const a = await checks.ensureAnalysis();
    if (!a) return;
    if (a.detection.tables.length === 0) {
      if (!quiet) notify('warning', '未识别出决算表格，未生成情况说明', notRecognisedText('生成情况说明'));
      return;
    }
    // Figures the checks mark as errors would be copied into the text: the officer must choose to.
    const errors = a.findings.filter((f) => f.severity === 'error' && f.sheet !== null);
    if (guard && errors.length > 0) {
      setBusy(null);
      const ok = await confirm(
        `表格中有 ${errors.length} 个错误`,
        `这些数字互相矛盾（例如 ${errors[0].sheet}!${errors[0].cell}：${errors[0].message}）。情况说明会照录表格中的数字。建议先在“检查结果”中修正后再生成。`,
        '仍然生成',
      );
      if (!ok) {
        notify('info', '未生成情况说明', '请先修正“检查结果”中的错误，再点击“生成情况说明”。');
        return;
      }
    }
    setBusy({ message: '正在生成情况说明…' });
    const eng = await loadEngine();
    await nextPaint();
    const p = chosen ?? eng.suggestProfile(a.detection);
    setProfile(p);
    const n = eng.generateNarrative(a.detection, { profile: p });
    // Which subject each 主要原因是… reads: the same text generated with a marker per subject.
    const cands = reasonCandidates(eng, a.detection);
    setSlots(reasonSlots(n, eng.generateNarrative(probeDetection(eng, a.detection, cands), { profile: p }), cands));
    setNarrative(n);
    if (quiet) return;
    showNarrative();
    notify('success', '已生成情况说明', '标黄的“【请填写原因】”等处需要您补充。');
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
  const onWrite = () =>
    withBusy('写入情况说明', async () => {
      if (!narrative) return;
      const out = narrativeToOutput(narrative);
      setBusy({ message: `正在写入“${NARRATIVE_SHEET_NAME}”…` });
      const wrote = await writeWithConfirm(core, out.name, (overwrite) => host.writeSheet(out, { overwrite }));
      if (wrote) notify('success', `已写入“${out.name}”工作表`, `共 ${out.rows.length} 行，每段一行（A 列）。`);
    });
  const onDownloadDocx = () =>
    withBusy('生成 Word 文档', async () => {
      if (!narrative) return;
      setBusy({ message: '正在生成 Word 文档…' });
      // Loaded on demand: the docx library stays out of the initial bundle.
      const mod = await import(/* webpackChunkName: "narrative-docx" */ '../../../docx/narrative-docx');
      const bytes = await mod.narrativeToDocx(narrative);
      const name = `${fileBaseName ?? '决算'}-情况说明.docx`;
      downloadBytes(bytes, name, DOCX_MIME);
      notify('success', '已下载 Word 文档', `${name}（在浏览器的下载文件夹中）。`);
    });

  const onCheckOwn = () =>
    withBusy('检查情况说明', async () => {
      const a = await checks.ensureAnalysis();
      if (!a) return;
      setBusy({ message: '正在核对文字与表格…' });
      const { checkNarrative } = await loadEngine();
      await nextPaint();
      const res = checkNarrative(ownText, a.detection);
      setOwn({ findings: res, against: checks.listedRef.current, sheet: null });
      const c = countBySeverity(res);
      notify(c.error ? 'error' : c.warning ? 'warning' : 'success', `情况说明检查完成：${summaryText(c)}`, res.length ? '问题列在文字框下方；点击一条即选中对应的行。' : undefined);
    });

  // ---- 检查工作表中的文字 ----
  const latest = checks.latest;
  const textSheets = React.useMemo(() => (latest ? textSheetChoices(latest.snapshot, latest.detection) : []), [latest]);
  React.useEffect(() => {
    if (!textSheets.includes(checkSheet)) setCheckSheet(textSheets[0] ?? '');
  }, [textSheets, checkSheet]);
  const onCheckSheetText = () =>
    withBusy('检查工作表中的文字', async () => {
      // Read afresh: the officer may have edited the sheet since the last 检查.
      const a = await checks.runCheck();
      if (!a) return;
      const sheet = findSheet(a.snapshot, checkSheet);
      if (!sheet) {
        notify('warning', `找不到工作表“${checkSheet}”`, '它可能已被删除或改名。请在“选择工作表”中重新选择。');
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
      setOwn({ findings: res, against: checks.listedRef.current, sheet: sheet.name });
      showNarrative();
      const c = countBySeverity(res);
      notify(c.error ? 'error' : c.warning ? 'warning' : 'success', `情况说明检查完成：${summaryText(c)}`, `已核对“${sheet.name}”A 列的 ${text.split('\n').length} 行；第 n 行即单元格 An。`);
    });

  const ownResult = own && own.against === checks.listed ? own : null;

  return {
    profile,
    narrative,
    slots,
    ownText,
    setOwnText,
    ownTextRef,
    ownResult,
    checkSource,
    setCheckSource,
    checkSheet,
    setCheckSheet,
    textSheets,
    makeNarrative,
    onGenerate,
    onProfile,
    onCopy,
    onWrite,
    onDownloadDocx,
    onCheckOwn,
    onCheckSheetText,
  };
}

export type NarrativeState = ReturnType<typeof useNarrative>;
