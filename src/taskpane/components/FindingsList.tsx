// The findings, grouped by table, each a keyboard-operable item that jumps to its cell.
import * as React from 'react';
import { Badge, Button, Link, mergeClasses } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import type { FindingGroup } from '../model';
import { SEVERITY_LABELS, SEVERITIES, findingLocation, formatFixValue, splitRef } from '../model';
import { useStyles } from '../styles';

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface AppliedState {
  /** Key of the applied fix (see fixKey). */
  key: string;
}

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
  canWrite: boolean;
  busy: boolean;
  onSelect(index: number, f: Finding): void;
  onSelectRef(sheet: string, address: string): void;
  onApply?(index: number, f: Finding): void;
  onUndo?(f: Finding): void;
  /** Accessible label of the list. */
  label: string;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const s = useStyles();
  return (
    <Badge className={s.badge} appearance="filled" color={BADGE_COLOR[severity]} shape="rounded" size="small">
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function FindingsList(props: FindingsListProps) {
  const s = useStyles();
  const refs = React.useRef(new Map<number, HTMLButtonElement>());
  React.useEffect(() => {
    if (props.current === null) return;
    const el = refs.current.get(props.current);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [props.current]);

  return (
    <div aria-label={props.label} role="region">
      {props.groups.map((g) => (
        <section key={g.key} aria-label={g.title}>
          <h3 className={s.groupHeader} style={{ margin: 0 }}>
            <span>{g.title}</span>
            {g.sheet && g.sheet !== g.title ? <span className={s.groupSheet}>工作表：{g.sheet}</span> : null}
            {SEVERITIES.filter((sev) => g.counts[sev] > 0).map((sev) => (
              <Badge key={sev} className={s.badge} appearance="tint" color={BADGE_COLOR[sev]} size="small">
                {SEVERITY_LABELS[sev]} {g.counts[sev]}
              </Badge>
            ))}
          </h3>
          {g.items.length === 0 ? (
            <p className={s.subtle} style={{ margin: 0 }}>（筛选后无条目）</p>
          ) : (
            <ul className={s.list}>
              {g.items.map(({ index, finding: f }) => {
                const key = fixKey(f);
                const isApplied = key !== null && props.applied.has(key);
                const current = props.current === index;
                return (
                  <li
                    key={index}
                    className={mergeClasses(
                      s.finding,
                      f.severity === 'error' ? s.findingError : f.severity === 'warning' ? s.findingWarning : s.findingInfo,
                      current && s.findingCurrent,
                    )}
                    data-finding-index={index}
                    data-cell={f.sheet && f.cell ? `${f.sheet}!${f.cell}` : undefined}
                    data-has-fix={f.fix ? 'true' : undefined}
                    data-severity={f.severity}
                    data-current={current ? 'true' : undefined}
                  >
                    <button
                      type="button"
                      className={s.findingMain}
                      aria-current={current ? 'true' : undefined}
                      ref={(el) => {
                        if (el) refs.current.set(index, el);
                        else refs.current.delete(index);
                      }}
                      onClick={() => props.onSelect(index, f)}
                      title={`${f.sheet && f.cell ? `跳到 ${findingLocation(f)}` : ''}（规则 ${f.rule}）`}
                    >
                      <span className={s.findingTop}>
                        <SeverityBadge severity={f.severity} />
                        <span className={s.findingMessage}>{f.message}</span>
                      </span>
                      <span className={s.location}>{findingLocation(f)}</span>
                    </button>
                    {f.excerpt ? <blockquote className={s.excerpt}>“{f.excerpt}”</blockquote> : null}
                    {f.related.length > 0 ? (
                      <div className={s.related}>
                        <span>相关单元格：</span>
                        {f.related.map((r) => {
                          const { sheet, address } = splitRef(r, f.sheet);
                          return sheet ? (
                            <Link key={r} as="button" onClick={() => props.onSelectRef(sheet, address)}>
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
                        {isApplied ? (
                          <>
                            <span>已修正：{f.fix.description}</span>
                            <Button size="small" disabled={props.busy} onClick={() => props.onUndo?.(f)}>
                              撤销
                            </Button>
                          </>
                        ) : (
                          <>
                            <span>
                              建议：{f.fix.description}
                              {f.fix.description.includes(formatFixValue(f.fix)) ? '' : `（${formatFixValue(f.fix)}）`}
                            </span>
                            <Button
                              size="small"
                              appearance="primary"
                              disabled={props.busy || !props.canWrite}
                              onClick={() => props.onApply?.(index, f)}
                            >
                              应用修正
                            </Button>
                          </>
                        )}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
