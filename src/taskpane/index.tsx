// Add-in entry: waits for Office, then renders the pane over the Excel host.
import '../polyfills/edgehtml'; // first: what Fluent UI calls unchecked and EdgeHTML 18 lacks
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { ExcelHost, fileDownloads } from '../hosts/excel/excel-host';
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

if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
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
} else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
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
      return;
    }
    // The .docx download only where the webview can save a file (not Excel for Mac: office-js #2700);
    // elsewhere the pane's 功能限制 says why and the narrative offers 写入/复制 instead.
    const platform = (Office.context as unknown as { platform?: string }).platform ?? info.platform;
    const downloads = fileDownloads(String(platform ?? ''), navigator.userAgent);
    render(<TaskPane host={new ExcelHost()} docxDownload={downloads.supported} />);
  });
}
