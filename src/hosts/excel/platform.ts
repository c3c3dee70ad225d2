// Where a task pane can save a file. An <a download> (or a blob URL) works in a browser (Excel on
// the web) and in WebView2 (Microsoft 365 / Office 2021+ on Windows), but not in the webviews of
// Excel for Mac (WKWebView ignores it: office-js #2700), iPad, EdgeHTML (no msSaveOrOpenBlob, blob
// downloads blocked: office-js #1006) or Internet Explorer 11. The pane
// never offers a download it cannot deliver; it says why and points to what works instead.

export interface DownloadSupport {
  supported: boolean;
  /** Why not, in words for the officer (with what to use instead). */
  reason?: string;
}

const INSTEAD = '情况说明请用“写入“情况说明”表”放进工作簿，或用“复制全文”后粘贴到 Word。';

export function fileDownloads(platform: string | undefined, userAgent: string): DownloadSupport {
  const p = (platform ?? '').toLowerCase();
  if (p === 'officeonline') return { supported: true };
  if (p === 'mac') return { supported: false, reason: `Excel for Mac 的任务窗格无法下载文件（office-js #2700）：${INSTEAD}` };
  if (p === 'ios' || p === 'android' || p === 'universal') return { supported: false, reason: `此设备上的 Excel 任务窗格无法下载文件：${INSTEAD}` };
  if (/Trident\/|MSIE /.test(userAgent)) return { supported: false, reason: '此 Excel 的任务窗格（Internet Explorer 11）无法下载文件：“生成情况说明”把全文写入“情况说明”工作表，可从那里复制到 Word。' };
  if (/Edge\/\d/.test(userAgent)) return { supported: false, reason: `此 Excel 的任务窗格（EdgeHTML）无法下载文件：${INSTEAD}` };
  if (/Edg\/\d/.test(userAgent) && /Windows/.test(userAgent)) return { supported: true }; // WebView2
  // A webview we cannot place (Office on Windows always reports one of the above): no download
  // is offered, and there is nothing certain to say about it.
  return { supported: false };
}
