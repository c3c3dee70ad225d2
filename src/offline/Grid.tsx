// A simple read-only grid of one sheet: merges, marks painted by severity, the current selection.
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { a1, columnName, parseRangeA1 } from '../core/address';
import type { Severity } from '../core/findings';
import type { SheetSnapshot } from '../core/snapshot';
import { MARK_STYLES } from '../hosts/file/mark-style';
import { cellText } from './cell-format';

/** Rows/columns rendered at most; the grid is for orientation, the workbook holds the rest. */
export const MAX_ROWS = 600;
export const MAX_COLS = 60;

export interface GridMark {
  address: string;
  severity: Severity;
  message: string;
}

const useGridStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '200px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    tableLayout: 'auto',
    // Columns take their content's width (up to the cell's max width) instead of being squeezed
    // into a narrow window; the scroller scrolls sideways.
    width: 'max-content',
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '2px 4px',
    minWidth: '48px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    textAlign: 'right',
  },
  corner: { left: 0, zIndex: 3 },
  note: { margin: 0, padding: '4px 8px', fontSize: '12px', color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '2px 4px',
    maxWidth: '260px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    verticalAlign: 'middle',
    cursor: 'cell',
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  // The same fill and font colours the file host writes into the workbook (Excel's 好/差/适中 styles).
  error: { backgroundColor: MARK_STYLES.error.fill, color: MARK_STYLES.error.font, boxShadow: `inset 0 0 0 1px ${MARK_STYLES.error.font}` },
  warning: { backgroundColor: MARK_STYLES.warning.fill, color: MARK_STYLES.warning.font, boxShadow: `inset 0 0 0 1px ${MARK_STYLES.warning.font}` },
  info: { backgroundColor: MARK_STYLES.info.fill, color: MARK_STYLES.info.font, boxShadow: `inset 0 0 0 1px ${MARK_STYLES.info.font}` },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

export interface GridProps {
  sheet: SheetSnapshot;
  marks: GridMark[];
  /** Selected cell or range (A1) on this sheet, or null. */
  selection: string | null;
  onSelect(address: string): void;
}

export function Grid({ sheet, marks, selection, onSelect }: GridProps) {
  const s = useGridStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const markAt = React.useMemo(() => {
    const m = new Map<string, GridMark>();
    for (const x of marks) m.set(x.address.replace(/\$/g, '').toUpperCase(), x);
    return m;
  }, [marks]);
  const sel = selection ? parseRangeA1(selection.replace(/\$/g, '')) : null;

  const { rows, cols, covered, spans, truncated } = React.useMemo(() => {
    let rowsN = sheet.cells.length;
    let colsN = 0;
    for (const r of sheet.cells) if (r && r.length > colsN) colsN = r.length;
    for (const m of sheet.merges) {
      rowsN = Math.max(rowsN, m.r2 + 1);
      colsN = Math.max(colsN, m.c2 + 1);
    }
    const covered = new Set<number>();
    const spans = new Map<number, { rs: number; cs: number }>();
    for (const m of sheet.merges) {
      if (m.r1 >= MAX_ROWS || m.c1 >= MAX_COLS) continue;
      spans.set(m.r1 * 16384 + m.c1, { rs: Math.min(m.r2, MAX_ROWS - 1) - m.r1 + 1, cs: Math.min(m.c2, MAX_COLS - 1) - m.c1 + 1 });
      for (let r = m.r1; r <= Math.min(m.r2, MAX_ROWS - 1); r++)
        for (let c = m.c1; c <= Math.min(m.c2, MAX_COLS - 1); c++) if (r !== m.r1 || c !== m.c1) covered.add(r * 16384 + c);
    }
    return { rows: Math.min(rowsN, MAX_ROWS), cols: Math.min(Math.max(colsN, 1), MAX_COLS), covered, spans, truncated: rowsN > MAX_ROWS || colsN > MAX_COLS };
  }, [sheet]);

  // Keep the selected cell in view when the selection moves (from the pane or the keyboard).
  React.useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-addr="${a1(sel.r1, sel.c1)}"]`);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selection, sheet]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!sel) return;
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    const r = Math.max(0, Math.min(rows - 1, sel.r1 + step[0]));
    const c = Math.max(0, Math.min(cols - 1, sel.c1 + step[1]));
    onSelect(a1(r, c));
  };

  const header: React.ReactNode[] = [<th key="corner" className={mergeClasses(s.colHead, s.corner)} aria-hidden="true" />];
  for (let c = 0; c < cols; c++)
    header.push(
      <th key={c} className={s.colHead} scope="col">
        {columnName(c)}
      </th>,
    );

  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: React.ReactNode[] = [
      <th key="h" className={s.rowHead} scope="row">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const k = r * 16384 + c;
      if (covered.has(k)) continue;
      const span = spans.get(k);
      const addr = a1(r, c);
      const cell = sheet.cells[r]?.[c];
      const mark = markAt.get(addr);
      const inSel = !!sel && r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;
      const isActive = !!sel && r === sel.r1 && c === sel.c1;
      tds.push(
        <td
          key={c}
          data-addr={addr}
          data-mark={mark?.severity}
          aria-current={isActive || undefined}
          rowSpan={span?.rs}
          colSpan={span?.cs}
          title={mark ? mark.message : undefined}
          className={mergeClasses(
            s.cell,
            typeof cell?.v === 'number' && s.number,
            inSel && !mark && s.inRange,
            mark && s[mark.severity],
            isActive && s.selected,
          )}
          onClick={() => onSelect(addr)}
        >
          {cellText(cell)}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <div
      ref={scroller}
      className={s.scroller}
      tabIndex={0}
      role="region"
      aria-label={`工作表 ${sheet.name}（只读，方向键移动选中单元格）`}
      onKeyDown={onKeyDown}
      data-testid="grid"
      data-sheet={sheet.name}
    >
      {truncated ? (
        <p className={s.note}>
          此工作表较大，这里只显示前 {MAX_ROWS} 行、{MAX_COLS} 列；检查和标记仍覆盖整个工作表。
        </p>
      ) : null}
      <table className={s.table}>
        <thead>
          <tr>{header}</tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
