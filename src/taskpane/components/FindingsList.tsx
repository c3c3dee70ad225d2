// The findings, grouped by table. One tab stop for the whole list (roving focus): ↑/↓ (and
// Home/End) move between findings, Enter or a click selects the finding's cell, Tab reaches the
// focused finding's own links and buttons.
import * as React from 'react';
import { Badge, Button, Link, mergeClasses } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import type { FindingGroup } from '../model';
import { SEVERITY_LABELS, SEVERITIES, findingLocation, formatFixValue, splitRef, visibleOrder } from '../model';
import { useStyles } from '../styles';

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Identity of a suggested change: the cell and what is written there (two findings proposing the same change share it). */
export function fixKey(f: Finding): string | null {
  if (!f.fix) return null;
  return `${fixCellKey(f)}|${f.fix.formula !== undefined ? `=${f.fix.formula}` : String(f.fix.value)}`;
}

/** The cell a fix writes. */
export function fixCellKey(f: Finding): string | null {
  if (!f.fix) return null;
  const r = f.fix.ref;
  return `${r.sheet}!${r.row},${r.col}`;
}

export interface FindingsListProps {
  groups: FindingGroup[];
  current: number | null;
  /** Fix keys already applied (undo offered instead of apply). */
  applied: ReadonlySet<string>;
  /** Findings the latest re-check no longer reports (after a fix). */
  resolved?: ReadonlySet<number>;
  canWrite: boolean;
  busy: boolean;
  onSelect(index: number, f: Finding): void;
  onSelectRef(sheet: string, address: string): void;
  onApply?(index: number, f: Finding): void;
  onUndo?(f: Finding): void;
  /** Row and column of the finding's cell in words ('行“合计”，列“金额”'). */
  describe?(f: Finding): string;
  /** Accessible label of the list. */
  label: string;
  /** id of an element describing the list (the summary). */
  describedBy?: string;
  /** Level of the group headings (2 in the 检查结果 tab, 3 under a heading of its own). */
  headingLevel?: 2 | 3;
}

export interface FindingsListHandle {
  /** Focuses a finding (by index), or the current/first one. */
  focus(index?: number): void;
  /** Whether keyboard focus is inside the list. */
  hasFocus(): boolean;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const s = useStyles();
  return (
    <Badge className={s.badge} appearance="filled" color={BADGE_COLOR[severity]} shape="rounded" size="small">
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export const FindingsList = React.forwardRef<FindingsListHandle, FindingsListProps>(function FindingsList(props, ref) {
  const s = useStyles();
  const root = React.useRef<HTMLDivElement>(null);
  const buttons = React.useRef(new Map<number, HTMLButtonElement>());
  const order = React.useMemo(() => visibleOrder(props.groups), [props.groups]);
  const [active, setActive] = React.useState<number | null>(null);
  // The tab stop: the focused-last finding, else the current one, else the first.
  const tabStop = active !== null && order.includes(active) ? active : props.current !== null && order.includes(props.current) ? props.current : (order[0] ?? null);

  React.useEffect(() => {
    if (props.current === null) return;
    setActive(props.current);
    const el = buttons.current.get(props.current);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [props.current]);

  const focusIndex = React.useCallback((i: number | null) => {
    if (i === null) return;
    setActive(i);
    const el = buttons.current.get(i);
    if (el) {
      el.focus();
      if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
    }
  }, []);

  React.useImperativeHandle(
    ref,
    () => ({
      focus: (index?: number) => focusIndex(index ?? tabStop),
      hasFocus: () => !!root.current && root.current.contains(document.activeElement),
    }),
    [focusIndex, tabStop],
  );

  const onKeyDown = (e: React.KeyboardEvent, index: number) => {
    const pos = order.indexOf(index);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = order[Math.min(order.length - 1, pos + 1)];
    else if (e.key === 'ArrowUp') next = order[Math.max(0, pos - 1)];
    else if (e.key === 'Home') next = order[0];
    else if (e.key === 'End') next = order[order.length - 1];
    if (next === null || next === undefined) return;
    e.preventDefault();
    focusIndex(next);
  };

  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const idBase = React.useId();
  return (
    <div aria-label={props.label} aria-describedby={props.describedBy} role="region" ref={root} data-testid="findings">
      {props.groups.map((g, gi) => (
        <div key={g.key} role="group" aria-labelledby={`${idBase}-${gi}`}>
          <H className={s.groupHeader} id={`${idBase}-${gi}`}>
            <span>{g.title}</span>
            {g.sheet && g.sheet !== g.title ? <span className={s.groupSheet}>工作表：{g.sheet}</span> : null}
            {SEVERITIES.filter((sev) => g.counts[sev] > 0).map((sev) => (
              <Badge key={sev} className={s.badge} appearance="tint" color={BADGE_COLOR[sev]} size="small">
                {SEVERITY_LABELS[sev]} {g.counts[sev]}
              </Badge>
            ))}
          </H>
          {g.items.length === 0 ? (
            <p className={s.subtle}>（筛选后无条目）</p>
          ) : (
            <ul className={s.list}>
              {g.items.map(({ index, finding: f }) => {
                const key = fixKey(f);
                const isApplied = key !== null && props.applied.has(key);
                const isResolved = !!props.resolved?.has(index);
                const current = props.current === index;
                const tab = index === tabStop ? 0 : -1;
                const where = props.describe?.(f) ?? '';
                const loc = findingLocation(f);
                return (
                  <li
                    key={index}
                    className={mergeClasses(
                      s.finding,
                      f.severity === 'error' ? s.findingError : f.severity === 'warning' ? s.findingWarning : s.findingInfo,
                      isResolved && s.findingResolved,
                      current && s.findingCurrent,
                    )}
                    data-finding-index={index}
                    data-cell={f.sheet && f.cell ? `${f.sheet}!${f.cell}` : undefined}
                    data-has-fix={f.fix ? 'true' : undefined}
                    data-severity={f.severity}
                    data-current={current ? 'true' : undefined}
                    data-resolved={isResolved ? 'true' : undefined}
                  >
                    <button
                      type="button"
                      className={s.findingMain}
                      tabIndex={tab}
                      aria-current={current ? 'true' : undefined}
                      ref={(el) => {
                        if (el) buttons.current.set(index, el);
                        else buttons.current.delete(index);
                      }}
                      onClick={() => {
                        setActive(index);
                        props.onSelect(index, f);
                      }}
                      onFocus={() => setActive(index)}
                      onKeyDown={(e) => onKeyDown(e, index)}
                      title={f.sheet && f.cell ? `按 Enter 或点击：选中 ${loc}（规则 ${f.rule}）` : `规则 ${f.rule}`}
                    >
                      <span className={s.findingTop}>
                        <SeverityBadge severity={f.severity} />
                        {isResolved ? (
                          <Badge className={s.badge} appearance="outline" color="success" size="small">
                            已解决
                          </Badge>
                        ) : null}
                        <span className={s.findingMessage}>{f.message}</span>
                      </span>
                      <span className={s.location}>
                        {where ? <span className={s.where}>{where}</span> : null}
                        <span className={s.cellRef}>{loc}</span>
                      </span>
                    </button>
                    {f.excerpt ? <blockquote className={s.excerpt}>“{f.excerpt}”</blockquote> : null}
                    {f.related.length > 0 ? (
                      <div className={s.related}>
                        <span>相关单元格：</span>
                        {f.related.map((r) => {
                          const { sheet, address } = splitRef(r, f.sheet);
                          return sheet ? (
                            <Link key={r} as="button" tabIndex={tab} onClick={() => props.onSelectRef(sheet, address)}>
                              {r}
                            </Link>
                          ) : (
                            <span key={r}>{r}</span>
                          );
                        })}
                      </div>
                    ) : null}
                    {f.fix && (props.onApply || props.onUndo) ? (
                      <div className={s.fixRow}>
                        {/* One button that changes its label keeps the focus across apply ↔ undo. */}
                        <span>
                          {isApplied ? `已修正：${f.fix.description}` : `建议：${f.fix.description}`}
                          {!isApplied && !f.fix.description.includes(formatFixValue(f.fix)) ? `（${formatFixValue(f.fix)}）` : ''}
                        </span>
                        <Button
                          size="small"
                          appearance={isApplied ? 'secondary' : 'primary'}
                          tabIndex={tab}
                          disabledFocusable={props.busy || (!isApplied && !props.canWrite)}
                          onClick={() => (isApplied ? props.onUndo?.(f) : props.onApply?.(index, f))}
                        >
                          {isApplied ? '撤销' : '应用修正'}
                        </Button>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
});
