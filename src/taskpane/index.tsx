// Add-in entry: chooses the host (choose-host.ts: Excel through office.js, or WPS 表格), then
// renders the pane over it.
import '../polyfills/edgehtml'; // first: what Fluent UI calls unchecked and EdgeHTML 18 lacks
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { ExcelHost, fileDownloads } from '../hosts/excel/excel-host';
import { chooseHost } from './choose-host';
import { TaskPane } from './TaskPane';

function Problem({ title, body }: { title: string; body: React.ReactNode }) {
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {body}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

function render(node: React.ReactNode) {
  const el = document.getElementById('root')!;
  createRoot(el).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme} lang="zh-CN">{node}</FluentProvider>
    </React.StrictMode>,
  );
}

void chooseHost().then((choice) => {
  if (choice.kind === 'wps') {
    // Loaded only inside WPS: the Excel pane does not carry the WPS host.
    void import(/* webpackChunkName: "wps-host" */ '../hosts/wps/wps-host').then(({ WpsHost }) => render(<TaskPane host={new WpsHost(choice.app)} />));
  } else if (choice.kind === 'not-wps-et') {
    render(
      <Problem
        title="请在 WPS 表格中打开决算助手"
        body={
          <>
            此页面是决算助手 WPS 加载项的任务窗格，须在 WPS 表格中从“决算助手”选项卡打开。若尚未安装加载项，请联系本单位信息技术人员；暂时可以打开{' '}
            <a href="workbench.html">离线版</a> 检查 .xlsx 文件。
          </>
        }
      />,
    );
  } else if (choice.kind === 'no-office') {
    render(
      <Problem
        title="无法加载 office.js"
        body={
          <>
            无法连接到 Microsoft 的 office.js 服务器，加载项无法与 Excel 通信。请联系本单位信息技术人员：内网（政务内网）部署须用{' '}
            <code>OFFICE_JS=local</code> 构建，使 office.js 由加载项所在服务器提供。暂时可以打开 <a href="workbench.html">离线版</a>{' '}
            检查 .xlsx 文件。
          </>
        }
      />,
    );
  } else if (choice.kind === 'not-excel') {
    render(
      <Problem
        title="请在 Excel 中打开决算助手"
        body={
          <>
            此页面是 Excel 加载项的任务窗格。若没有 Excel（例如使用 WPS），请打开 <a href="workbench.html">离线版</a>。
          </>
        }
      />,
    );
  } else {
    // The .docx download only where the webview can save a file (not Excel for Mac: office-js #2700);
    // elsewhere the pane's 功能限制 says why and the narrative offers 写入/复制 instead.
    const platform = (Office.context as unknown as { platform?: string }).platform;
    const downloads = fileDownloads(String(platform ?? ''), navigator.userAgent);
    render(<TaskPane host={new ExcelHost()} docxDownload={downloads.supported} />);
  }
});
