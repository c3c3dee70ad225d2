// The sheet tabs of the offline page: full names, error/warning counts on each, and a strip that
// scrolls sideways and always brings the active sheet into view (a finding on another sheet
// switches to it, and its tab must not hide beyond the edge).
import * as React from 'react';
import { Badge, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useStyles as usePaneStyles } from '../taskpane/styles';
import type { SheetCounts } from './grid-model';

const useStyles = makeStyles({
  strip: {
    overflowX: 'auto',
    overflowY: 'hidden',
    flexShrink: 0,
    scrollbarWidth: 'thin',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { flexWrap: 'nowrap', width: 'max-content' },
  tab: { whiteSpace: 'nowrap' },
  counts: { display: 'inline-flex', columnGap: '2px', marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  badge: { '@media (forced-colors: active)': { color: 'CanvasText', backgroundColor: 'Canvas', border: '1px solid CanvasText' } },
});

export interface SheetTabsProps {
  sheets: string[];
  active: string | null;
  counts: ReadonlyMap<string, SheetCounts>;
  onSelect(name: string): void;
}

export function SheetTabs({ sheets, active, counts, onSelect }: SheetTabsProps) {
  const s = useStyles();
  // visuallyHidden: read by screen readers after the number ("4 个错误"); the badge shows the number only.
  const ps = usePaneStyles();
  const strip = React.useRef<HTMLDivElement>(null);

  React.useLayoutEffect(() => {
    const el = strip.current;
    if (!el || active === null) return;
    const tab = [...el.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.dataset.sheet === active);
    if (!tab) return;
    // Scroll the strip only (scrollIntoView would also scroll the page).
    const l = tab.getBoundingClientRect().left - el.getBoundingClientRect().left + el.scrollLeft;
    if (l < el.scrollLeft) el.scrollLeft = Math.max(0, l - 24);
    else if (l + tab.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = l + tab.offsetWidth - el.clientWidth + 24;
  }, [active, sheets]);

  return (
    <div className={s.strip} ref={strip} data-testid="sheet-strip">
      <TabList className={s.list} size="small" selectedValue={active ?? undefined} onTabSelect={(_, d) => onSelect(String(d.value))} aria-label="工作表" data-testid="sheet-tabs">
        {sheets.map((name) => {
          const c = counts.get(name);
          return (
            <Tab key={name} value={name} className={s.tab} data-sheet={name}>
              {name}
              {c && (c.error || c.warning) ? (
                <span className={s.counts}>
                  {c.error ? (
                    <Badge size="small" appearance="filled" color="danger" data-count="error" className={s.badge}>
                      {c.error}
                      <span className={ps.visuallyHidden}> 个错误</span>
                    </Badge>
                  ) : null}
                  {c.warning ? (
                    <Badge size="small" appearance="filled" color="warning" data-count="warning" className={s.badge}>
                      {c.warning}
                      <span className={ps.visuallyHidden}> 个警告</span>
                    </Badge>
                  ) : null}
                </span>
              ) : null}
            </Tab>
          );
        })}
      </TabList>
    </div>
  );
}
