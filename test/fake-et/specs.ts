// The members each fake ET object answers to. jsapi-conformance.ts checks every name against
// wps-jsapi's declarations, so the fake (and the host that uses it) cannot invent a member.
export const SPECS = {
  Application: { get: ['ActiveWorkbook', 'Workbooks', 'ScreenUpdating', 'DisplayAlerts', 'ApiEvent', 'PluginStorage', 'Name', 'CreateTaskPane', 'GetTaskPane', 'ribbonUI', 'Enum'], set: ['ScreenUpdating', 'DisplayAlerts', 'ribbonUI', 'Enum'] },
  Workbooks: { get: ['Count'] },
  Workbook: { get: ['Name', 'FullName', 'Worksheets', 'Sheets', 'CustomDocumentProperties', 'Activate'] },
  Sheets: { get: ['Count', 'Item', 'Add'] },
  Worksheet: { get: ['Name', 'Index', 'Visible', 'ProtectContents', 'UsedRange', 'Cells', 'Range', 'Activate', 'Delete'], set: ['Name', 'Visible'] },
  Range: {
    get: ['Row', 'Column', 'Rows', 'Columns', 'Count', 'Value2', 'Formula', 'NumberFormat', 'MergeCells', 'MergeArea', 'Interior', 'Font', 'Comment', 'Text', 'ColumnWidth', 'Cells', 'Address', 'AddComment', 'ClearComments', 'Clear', 'Select', 'Item', 'Worksheet'],
    set: ['Value2', 'Formula', 'NumberFormat', 'ColumnWidth'],
  },
  Interior: { get: ['Color', 'ColorIndex', 'Pattern', 'PatternColor', 'TintAndShade'], set: ['Color', 'ColorIndex', 'Pattern', 'PatternColor'] },
  Font: { get: ['Bold'], set: ['Bold'] },
  Comment: { get: ['Text', 'Delete', 'Author'] },
  DocumentProperties: { get: ['Count', 'Item', 'Add'] },
  DocumentProperty: { get: ['Name', 'Value', 'Type', 'Delete'] },
  ApiEvent: { get: ['AddApiEventListener', 'RemoveApiEventListener'] },
  PluginStorage: { get: ['setItem', 'getItem', 'removeItem'] },
  TaskPane: { get: ['ID', 'Visible', 'DockPosition', 'Width'], set: ['Visible', 'DockPosition', 'Width'] },
} as const;
