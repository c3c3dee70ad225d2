// What a zip holds when it is not a workbook. The file host's WorkbookReadError does not (yet) tell
// a renamed .docx or a plain zip from a workbook: exceljs reads them as an empty workbook. So the
// CLI looks at the part names first and refuses with the reason (exit 2).
import JSZip from 'jszip';

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** Why this zip is not an Excel workbook, or null when it is one (or is not a readable zip at all). */
export async function notWorkbookReason(bytes: Uint8Array): Promise<string | null> {
  if (!isZip(bytes)) return null;
  let names: string[];
  try {
    // Only the central directory is read here; nothing is inflated.
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    names = Object.keys(zip.files);
  } catch {
    return null; // a damaged zip: the file host says what is wrong with it
  }
  const has = (n: string) => names.includes(n);
  if (has('xl/workbook.xml')) return null;
  if (has('xl/workbook.bin')) return '这是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再检查';
  if (has('word/document.xml')) return '这是 Word 文档（.docx），不是 Excel 工作簿';
  if (has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿';
  if (has('mimetype') && has('content.xml')) return '这是 OpenDocument 文件（.ods/.odt），请在 WPS 或 Excel 中另存为 .xlsx 后再检查';
  if (has('[Content_Types].xml')) return 'Office 文件包中没有工作簿部分（xl/workbook.xml），不是 Excel 工作簿';
  return '这是普通 zip 压缩包，不是 Excel 工作簿';
}
