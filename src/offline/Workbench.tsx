// The offline page (WPS users, reviewers): open an .xlsx/.xls, see it in a read-only grid, and use
// the same task pane over the file host. Nothing leaves the browser.
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { FileHost } from '../hosts/file/file-host';
import { TaskPane } from '../taskpane/TaskPane';
import { XLSX_MIME, baseName, downloadBytes } from '../taskpane/util';
import { errorText } from '../taskpane/model';
import { Grid } from './Grid';

export const SAMPLE_URL = 'assets/sample-2023-jiuye.xlsx';
export const SAMPLE_NAME = 'sample-2023-jiuye.xlsx';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    '@media (max-width: 760px)': { height: 'auto', minHeight: '100vh' },
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  fileName: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', minWidth: 0 },
  main: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    '@media (max-width: 760px)': { flexDirection: 'column-reverse' },
  },
  sheetArea: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    padding: tokens.spacingHorizontalS,
    '@media (max-width: 760px)': { height: '70vh', flexGrow: 0 },
  },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 760px)': { width: 'auto', borderLeft: 'none', overflowY: 'visible' },
  },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  drop: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-8px' },
  hidden: { display: 'none' },
  center: { padding: tokens.spacingHorizontalL },
  selInfo: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} 0`, overflowWrap: 'anywhere' },
});

export function Workbench() {
  const s = useStyles();
  const [host, setHost] = React.useState<FileHost | null>(null);
  const [loading, setLoading] = React.useState<string | null>('正在加载示例工作簿…');
  const [error, setError] = React.useState<string | null>(null);
  const [, setVersion] = React.useState(0);
  const [generation, setGeneration] = React.useState(0);
  const [activeSheet, setActiveSheet] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  /** A failed open keeps the workbook that was open before; the message says so. */
  const [keptPrevious, setKeptPrevious] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  const openBytes = React.useCallback(async (bytes: Uint8Array, name: string) => {
    setLoading(`正在打开 ${name}…`);
    setError(null);
    setKeptPrevious(false);
    try {
      // exceljs (and SheetJS for .xls) load on demand: the page's initial JS stays small.
      const { FileHost } = await import(/* webpackChunkName: "file-host" */ '../hosts/file/file-host');
      const h = await FileHost.open(bytes, name);
      setHost(h);
      setGeneration((g) => g + 1);
      const first = h.snapshot().sheets.find((x) => !x.hidden) ?? h.snapshot().sheets[0];
      setActiveSheet(first ? first.name : null);
    } catch (e) {
      setError(errorText(e));
      setKeptPrevious(true);
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
        setError(`${errorText(e)}。请点击“打开文件”选择工作簿。`);
      });
    return () => {
      alive = false;
    };
  }, [openBytes]);

  // Repaint on every change the host reports (marks, fixes, written sheets) and follow selection.
  React.useEffect(() => {
    if (!host) return;
    const offChange = host.onChange(() => setVersion((v) => v + 1));
    const offSel = host.onSelectionChanged((sheet) => {
      setActiveSheet(sheet);
      setVersion((v) => v + 1);
    });
    return () => {
      offChange();
      offSel();
    };
  }, [host]);

  const openFile = async (file: File) => {
    if (!/\.(xlsx|xlsm|xls)$/i.test(file.name)) {
      setError(`“${file.name}”不是 Excel 工作簿。请选择 .xlsx 或 .xls 文件。`);
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
      setError(`保存失败：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const snap = host?.snapshot() ?? null;
  const sheet = snap?.sheets.find((x) => x.name === activeSheet) ?? null;
  const sel = host?.selection() ?? null;
  const marks = host && sheet ? host.marks().filter((m) => m.sheet === sheet.name) : [];

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
      <div className={s.bar} role="toolbar" aria-label="文件">
        <span className={s.brand}>决算助手 · 离线版</span>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          打开文件
        </Button>
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
        <Button onClick={onSave} disabled={!host || saving} title="下载一份带标记、备注和修正的 .xlsx 副本；原文件不变">
          {saving ? '正在生成…' : '保存标注副本'}
        </Button>
        <span className={s.fileName} data-testid="file-name">
          {host ? host.name : ''}
          {host ? '（可将文件拖到此页面打开；文件不会上传）' : ''}
        </span>
      </div>
      {error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法打开工作簿</MessageBarTitle>
            {error}
            {keptPrevious && host ? `（仍显示之前打开的 ${host.name}）` : ''}
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
        <div className={s.main}>
          <div className={s.sheetArea}>
            <TabList
              className={s.tabs}
              size="small"
              selectedValue={activeSheet ?? undefined}
              onTabSelect={(_, d) => setActiveSheet(String(d.value))}
              aria-label="工作表"
              data-testid="sheet-tabs"
            >
              {snap.sheets
                .filter((x) => !x.hidden)
                .map((x) => (
                  <Tab key={x.name} value={x.name}>
                    {x.name}
                  </Tab>
                ))}
            </TabList>
            <div className={s.selInfo} data-testid="selection-info" aria-live="polite">
              {sel ? `选中：${sel.sheet}!${sel.address}` : '点击单元格或检查结果以定位'}
            </div>
            {sheet ? (
              <Grid
                sheet={sheet}
                marks={marks}
                selection={sel && sel.sheet === sheet.name ? sel.address : null}
                onSelect={(addr) => void host.select(sheet.name, addr)}
              />
            ) : null}
          </div>
          <aside className={s.pane} aria-label="决算助手任务窗格">
            <TaskPane key={generation} host={host} docxDownload hideHeader fileBaseName={baseName(host.name)} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
