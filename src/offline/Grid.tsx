// A read-only grid of one sheet: merges, the findings painted on their cells as soon as 检查 has
// run (same colours as the marks written into the file), a corner triangle on cells whose mark and
// note are written into the workbook, a green edge on cells changed by a fix, frozen header rows
// and code/name columns, and the current selection.
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { a1, columnName, parseRangeA1 } from '../core/address';
import type { Severity } from '../core/findings';
import type { SheetSnapshot } from '../core/snapshot';
import { MARK_STYLES } from '../hosts/file/mark-style';
import { SEVERITY_LABELS } from '../taskpane/model';
import { cellText } from './cell-format';
import type { CellOverlay, Frozen } from './grid-model';
import { useFrozenGeometry } from './useFrozenGeometry';

/** Rows/columns rendered at most; the grid is for orientation, the workbook holds the rest. */
export const MAX_ROWS = 600;
export const MAX_COLS = 60;

const FORCED = '@media (forced-colors: active)';

/**
 * A cell with a finding: the same fill and font colours the hosts write into the workbook (Excel's
 * 差/适中 styles); in forced colours, where fills vanish, an outline whose style tells the severity.
 */
function findingCell(severity: Severity, outline: string) {
  const { fill, font } = MARK_STYLES[severity];
  return {
    backgroundColor: fill,
    color: font,
    boxShadow: `inset 0 0 0 1px ${font}`,
    [FORCED]: { outline: `${outline} CanvasText`, outlineOffset: '-2px', color: 'CanvasText', backgroundColor: 'Canvas' },
  };
}

const useGridStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '120px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
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
    zIndex: 6,
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
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    textAlign: 'right',
  },
  corner: { left: 0, zIndex: 8, minWidth: '24px' },
  note: { margin: 0, padding: '4px 8px', fontSize: '12px', color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
  cell: {
    position: 'relative',
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
  // Frozen cells are opaque (what scrolls under them must not show through).
  frozen: { backgroundColor: tokens.colorNeutralBackground1, position: 'sticky' },
  frozenHeader: { backgroundColor: tokens.colorNeutralBackground2, position: 'sticky', fontWeight: tokens.fontWeightSemibold },
  // The last frozen column casts an edge so the officer sees where the frozen part ends.
  frozenEdge: { boxShadow: `inset -2px 0 0 ${tokens.colorNeutralStroke1}` },
  // A frozen name column may not eat a narrow window: it wraps instead.
  frozenLabel: { maxWidth: 'min(260px, 34vw)' },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  error: findingCell('error', '2px solid'),
  warning: findingCell('warning', '2px dashed'),
  info: findingCell('info', '1px dotted'),
  // Written into the file (fill + note): Excel's red note triangle in the top-right corner.
  marked: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: `7px solid ${MARK_STYLES.error.font}`,
      borderLeft: '7px solid transparent',
      forcedColorAdjust: 'none',
      [FORCED]: { borderTopColor: 'CanvasText' },
    },
  },
  fixed: {
    boxShadow: `inset 3px 0 0 ${tokens.colorPaletteGreenBorderActive}`,
    [FORCED]: { outline: '3px double CanvasText', outlineOffset: '-3px' },
  },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', [FORCED]: { outline: '3px solid Highlight' } },
});

export interface GridMark {
  address: string;
  message: string;
}

export interface GridProps {
  sheet: SheetSnapshot;
  /** Findings by cell (A1 of the merge master). */
  overlays: ReadonlyMap<string, CellOverlay>;
  /** Marks written into the workbook on this sheet. */
  marks: GridMark[];
  /** Cells on this sheet changed by an applied fix (A1). */
  fixed: ReadonlySet<string>;
  frozen: Frozen;
  /** Selected cell or range (A1) on this sheet, or null. */
  selection: string | null;
  onSelect(address: string): void;
}

export function Grid({ sheet, overlays, marks, fixed, frozen, selection, onSelect }: GridProps) {
  const s = useGridStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const table = React.useRef<HTMLTableElement>(null);
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

  const frozenCols = Math.min(frozen.cols, cols);
  const geo = useFrozenGeometry(table, scroller, frozen, frozenCols, sheet);

  // Keep the selected cell in view when the selection moves (from the pane or the keyboard);
  // the scroller's scroll-padding keeps it clear of the frozen rows and columns.
  React.useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-addr="${a1(sel.r1, sel.c1)}"]`);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, sheet, geo.ready]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    if (!sel) return onSelect('A1');
    const r = Math.max(0, Math.min(rows - 1, sel.r1 + step[0]));
    const c = Math.max(0, Math.min(cols - 1, sel.c1 + step[1]));
    onSelect(a1(r, c));
  };

  const header: React.ReactNode[] = [<th key="corner" className={mergeClasses(s.colHead, s.corner)} aria-hidden="true" />];
  for (let c = 0; c < cols; c++) {
    const left = c < frozenCols ? geo.left[c] : undefined;
    header.push(
      <th key={c} className={s.colHead} scope="col" data-col={c} style={left !== undefined ? { left, zIndex: 7 } : undefined}>
        {columnName(c)}
      </th>,
    );
  }

  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const top = geo.top.get(r);
    const tds: React.ReactNode[] = [
      <th key="h" className={s.rowHead} scope="row" style={top !== undefined ? { top, zIndex: 5 } : undefined}>
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const k = r * 16384 + c;
      if (covered.has(k)) continue;
      const span = spans.get(k);
      const addr = a1(r, c);
      const cell = sheet.cells[r]?.[c];
      const overlay = overlays.get(addr);
      const mark = markAt.get(addr);
      const isFixed = fixed.has(addr);
      const inSel = !!sel && r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;
      const isActive = !!sel && r === sel.r1 && c === sel.c1;
      // A cell freezes sideways only when it lies wholly in the frozen columns (a title merged
      // across the table must scroll).
      const lastCol = c + (span?.cs ?? 1) - 1;
      const colFrozen = c < frozenCols && lastCol < frozenCols;
      const rowFrozen = top !== undefined;
      const style: React.CSSProperties | undefined =
        colFrozen || rowFrozen ? { left: colFrozen ? geo.left[c] : undefined, top, zIndex: colFrozen && rowFrozen ? 4 : rowFrozen ? 3 : 2 } : undefined;
      const title = [overlay ? overlay.messages.map((m) => `${SEVERITY_LABELS[overlay.severity]}：${m}`).join('\n') : '', mark ? '已写入标记和备注' : '', isFixed ? '已应用修正' : '']
        .filter(Boolean)
        .join('\n');
      tds.push(
        <td
          key={c}
          data-addr={addr}
          data-finding={overlay?.severity}
          data-mark={mark ? 'true' : undefined}
          data-fixed={isFixed ? 'true' : undefined}
          aria-current={isActive || undefined}
          rowSpan={span?.rs}
          colSpan={span?.cs}
          title={title || undefined}
          style={style}
          className={mergeClasses(
            s.cell,
            rowFrozen ? s.frozenHeader : colFrozen && s.frozen,
            colFrozen && lastCol === frozenCols - 1 && s.frozenEdge,
            colFrozen && s.frozenLabel,
            typeof cell?.v === 'number' && s.number,
            inSel && !overlay && s.inRange,
            overlay && s[overlay.severity],
            isFixed && s.fixed,
            mark && s.marked,
            isActive && s.selected,
          )}
          onClick={() => onSelect(addr)}
        >
          {cellText(cell)}
        </td>,
      );
    }
    body.push(
      <tr key={r} data-row={r}>
        {tds}
      </tr>,
    );
  }

  return (
    <div
      ref={scroller}
      className={s.scroller}
      style={geo.scrollPadding}
      tabIndex={0}
      role="region"
      aria-label={`工作表 ${sheet.name}（只读，方向键移动选中单元格）`}
      onKeyDown={onKeyDown}
      data-testid="grid"
      data-sheet={sheet.name}
      data-frozen-cols={frozenCols}
      data-frozen-rows={frozen.rowGroups.flat().join(',')}
    >
      {truncated ? (
        <p className={s.note}>
          此工作表较大，这里只显示前 {MAX_ROWS} 行、{MAX_COLS} 列；检查和标记仍覆盖整个工作表。
        </p>
      ) : null}
      <table className={s.table} ref={table}>
        <thead>
          <tr>{header}</tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
