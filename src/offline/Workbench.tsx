// The offline page (WPS users, reviewers): open an .xlsx/.xls, see it in a read-only grid with
// the findings painted on it, and use the same task pane over the file host. Wide windows
// (≥ 900 px) show grid and pane side by side; narrow ones stack the pane over a grid panel that a
// finding opens in one tap. Nothing leaves the browser.
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, mergeClasses } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, DismissRegular } from '@fluentui/react-icons';
import type { Table } from '../core/tables/types';
import type { FileHost } from '../hosts/file/file-host';
import type { PaneAnalysisView } from '../taskpane/TaskPane';
import { TaskPane } from '../taskpane/TaskPane';
import { GRID_SHORTCUTS } from '../taskpane/shell/ShortcutsHelp';
import { loadEngine } from '../taskpane/engine';
import { useMediaQuery } from '../taskpane/theme';
import { XLSX_MIME, baseName, downloadBytes } from '../taskpane/util';
import { errorText, splitRef } from '../taskpane/model';
import { Grid } from './Grid';
import { cellOverlays, frozenPanes, sheetCounts } from './grid-model';
import { localStore } from './local-preferences';
import { openErrorText } from './open-error';
import { SheetTabs } from './SheetTabs';
import { useWorkbenchStyles } from './workbench-styles';

export const SAMPLE_URL = 'assets/sample-2023-jiuye.xlsx';
export const SAMPLE_NAME = 'sample-2023-jiuye.xlsx';
export const WIDE_QUERY = '(min-width: 900px)';

interface OpenError {
  title: string;
  body: string;
}

export function Workbench() {
  const s = useWorkbenchStyles();
  const wide = useMediaQuery(WIDE_QUERY);
  const prefs = React.useMemo(() => localStore(), []);
  const [host, setHost] = React.useState<FileHost | null>(null);
  const [loading, setLoading] = React.useState<string | null>('正在加载示例工作簿…');
  const [error, setError] = React.useState<OpenError | null>(null);
  const [, setVersion] = React.useState(0);
  /** Bumped when cells or sheets change (not on selection or marks): tables are detected again. */
  const [contentVersion, setContentVersion] = React.useState(0);
  const [generation, setGeneration] = React.useState(0);
  const [activeSheet, setActiveSheet] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [view, setView] = React.useState<PaneAnalysisView | null>(null);
  const [tables, setTables] = React.useState<Table[]>([]);
  /** Narrow windows: the grid panel under the pane is open (a finding opens it). */
  const [gridOpen, setGridOpen] = React.useState(true);
  const input = React.useRef<HTMLInputElement>(null);
  const hostRef = React.useRef<FileHost | null>(null);
  hostRef.current = host;

  const openBytes = React.useCallback(async (bytes: Uint8Array, name: string) => {
    setLoading(`正在打开 ${name}…`);
    setError(null);
    try {
      // exceljs (and SheetJS for .xls) load on demand: the page's initial JS stays small.
      const { FileHost } = await import(/* webpackChunkName: "file-host" */ '../hosts/file/file-host');
      const h = await FileHost.open(bytes, name);
      setHost(h);
      setView(null);
      setGeneration((g) => g + 1);
      const first = h.snapshot().sheets.find((x) => !x.hidden) ?? h.snapshot().sheets[0];
      setActiveSheet(first ? first.name : null);
    } catch (e) {
      setError(openErrorText(name, errorText(e), hostRef.current?.name ?? null));
    } finally {
      setLoading(null);
    }
  }, []);

  // With no file chosen, the bundled sample (same origin) is opened.
  React.useEffect(() => {
    let alive = true;
    fetch(SAMPLE_URL)
      .then((r) => {
        if (!r.ok) throw new Error(`示例工作簿加载失败（HTTP ${r.status}）`);
        return r.arrayBuffer();
      })
      .then((buf) => {
        if (alive) return openBytes(new Uint8Array(buf), SAMPLE_NAME);
      })
      .catch((e) => {
        if (!alive) return;
        setLoading(null);
        setError({ title: '示例工作簿未能加载', body: `${errorText(e)}。请点击“打开文件”选择您的工作簿。` });
      });
    return () => {
      alive = false;
    };
  }, [openBytes]);

  // Repaint on every change the host reports (marks, fixes, written sheets) and follow selection.
  React.useEffect(() => {
    if (!host) return;
    const offChange = host.onChange((e) => {
      setVersion((v) => v + 1);
      if (e.kind !== 'marks') setContentVersion((v) => v + 1);
    });
    const offSel = host.onSelectionChanged((sheet) => {
      setActiveSheet(sheet);
      // A finding chosen in the pane shows its cell: the grid panel opens.
      setGridOpen(true);
      setVersion((v) => v + 1);
    });
    return () => {
      offChange();
      offSel();
    };
  }, [host]);

  // Tables of the workbook as it is (for the frozen header rows and code/name columns), read as
  // soon as a file opens and again after each write; detection takes milliseconds.
  React.useEffect(() => {
    if (!host) return;
    let alive = true;
    loadEngine().then(
      (eng) => alive && setTables(eng.detectTables(host.snapshot()).tables),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [host, contentVersion]);

  const openFile = async (file: File) => {
    if (!/\.(xlsx|xlsm|xls)$/i.test(file.name)) {
      setError({ title: `无法打开“${file.name}”`, body: '这不是 Excel 工作簿。请选择 .xlsx 或 .xls 文件（WPS 表格可另存为 .xlsx）。' });
      return;
    }
    await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  };

  const onSave = async () => {
    if (!host) return;
    setSaving(true);
    try {
      const bytes = await host.saveXlsx();
      downloadBytes(bytes, `${baseName(host.name)}-已标注.xlsx`, XLSX_MIME);
    } catch (e) {
      setError({ title: '保存标注副本失败', body: `${errorText(e)}。原文件不受影响；请重试。` });
    } finally {
      setSaving(false);
    }
  };

  const snap = host?.snapshot() ?? null;
  const sheet = snap?.sheets.find((x) => x.name === activeSheet) ?? null;
  const sel = host?.selection() ?? null;
  const findings = view?.findings ?? [];
  const counts = React.useMemo(() => sheetCounts(findings), [findings]);
  const overlays = React.useMemo(() => (sheet ? cellOverlays(findings, sheet.name, sheet.merges) : new Map()), [findings, sheet]);
  const fixed = React.useMemo(() => {
    const out = new Set<string>();
    for (const c of view?.fixedCells ?? []) {
      const ref = splitRef(c, null);
      if (sheet && ref.sheet === sheet.name) out.add(ref.address);
    }
    return out;
  }, [view, sheet]);
  const frozen = React.useMemo(() => frozenPanes(tables.filter((t) => t.sheet === sheet?.name)), [tables, sheet]);
  const marks = host && sheet ? host.marks().filter((m) => m.sheet === sheet.name) : [];
  const showGrid = wide || gridOpen;

  return (
    <div
      className={`${s.page} ${dragging ? s.drop : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) void openFile(f);
      }}
    >
      <header className={s.bar}>
        <h1 className={s.brand}>决算助手 · 离线版</h1>
        <div className={s.fileButtons} role="toolbar" aria-label="文件">
          <Button size="small" appearance="primary" onClick={() => input.current?.click()}>
            打开文件
          </Button>
          <Button size="small" onClick={onSave} disabledFocusable={!host || saving} title="下载一份带标记、备注和修正的 .xlsx 副本；原文件不变">
            {saving ? '正在生成…' : '保存标注副本'}
          </Button>
        </div>
        <input
          ref={input}
          className={s.hidden}
          type="file"
          accept=".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          aria-label="选择 Excel 工作簿"
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openFile(f);
            e.target.value = '';
          }}
        />
        <span className={s.fileName} data-testid="file-name" title={host ? `${host.name}（可将文件拖到此页面打开；文件不会上传）` : undefined}>
          {host ? host.name : ''}
          {host ? <span className={s.dropHint}>（可将文件拖到此页面打开；文件不会上传）</span> : null}
        </span>
      </header>
      {error ? (
        <MessageBar intent="error" layout="multiline" className={s.pageMessage} data-testid="open-error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.body}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭" icon={<DismissRegular />} onClick={() => setError(null)} />} />
        </MessageBar>
      ) : null}
      {loading ? (
        <div className={s.center}>
          <Spinner label={loading} />
        </div>
      ) : null}
      {host && snap ? (
        <div className={wide ? s.mainWide : s.mainNarrow}>
          <aside className={wide ? s.paneWide : s.paneNarrow} aria-label="决算助手任务窗格">
            <TaskPane
              key={generation}
              host={host}
              docxDownload
              hideHeader
              fileBaseName={baseName(host.name)}
              preferences={prefs}
              onAnalysis={setView}
              extraShortcuts={GRID_SHORTCUTS}
            />
          </aside>
          <main className={wide ? s.sheetWide : showGrid ? s.sheetNarrowOpen : s.sheetNarrowClosed} aria-label="工作表内容">
            {!wide ? (
              <div className={s.panelBar}>
                <span className={mergeClasses(s.selInfo, s.panelInfo)} data-testid="selection-info" aria-live="polite">
                  {sel ? `选中：${sel.sheet}!${sel.address}` : '点击单元格或检查结果以定位'}
                </span>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={showGrid ? <ChevronDownRegular /> : <ChevronUpRegular />}
                  aria-expanded={showGrid}
                  className={s.panelToggle}
                  onClick={() => setGridOpen(!showGrid)}
                  data-testid="grid-toggle"
                >
                  {showGrid ? '收起表格' : '查看表格'}
                </Button>
              </div>
            ) : null}
            {showGrid ? (
              <>
                <SheetTabs sheets={snap.sheets.filter((x) => !x.hidden).map((x) => x.name)} active={activeSheet} counts={counts} onSelect={setActiveSheet} />
                {wide ? (
                  <div className={s.selInfo} data-testid="selection-info" aria-live="polite">
                    {sel ? `选中：${sel.sheet}!${sel.address}` : '点击单元格或检查结果以定位'}
                  </div>
                ) : null}
                {sheet ? (
                  <Grid
                    sheet={sheet}
                    overlays={overlays}
                    marks={marks}
                    fixed={fixed}
                    frozen={frozen}
                    selection={sel && sel.sheet === sheet.name ? sel.address : null}
                    onSelect={(addr) => void host.select(sheet.name, addr)}
                  />
                ) : null}
              </>
            ) : null}
          </main>
        </div>
      ) : null}
    </div>
  );
}
