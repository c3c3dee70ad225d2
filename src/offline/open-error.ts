// The officer-facing text when a file cannot be opened: which file, what is wrong in plain
// Chinese, and what to do. Host reasons may carry a technical detail in English (a library's
// message) in parentheses; that part is left out here (the CLI still prints it).

const CJK = /[\u3400-\u9fff]/;

/** Drops parenthesised details with no Chinese in them ('（not an Excel workbook)'). */
export function plainReason(message: string, fileName: string): string {
  let m = message.trim();
  if (m.startsWith(`${fileName}:`)) m = m.slice(fileName.length + 1).trim();
  // Innermost first, so '（End of data (len 22)）' goes as a whole.
  for (let i = 0; i < 3; i++) {
    m = m.replace(/[（(]([^（）()]*)[)）]/g, (all, inner: string) => (CJK.test(inner) ? all : ''));
  }
  m = m.replace(/\s+([，。；])/g, '$1').replace(/[，。；:：\s]+$/, '');
  return CJK.test(m) ? m : '文件无法读取';
}

export function openErrorText(fileName: string, message: string, keptPrevious: string | null): { title: string; body: string } {
  return {
    title: `无法打开“${fileName}”`,
    body:
      `${plainReason(message, fileName)}。请在 Excel 或 WPS 中打开该文件确认内容完好，另存为 .xlsx 后再打开；文件不会上传。` +
      (keptPrevious ? `仍显示之前打开的“${keptPrevious}”。` : ''),
  };
}
