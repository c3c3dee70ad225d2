// The 检查结果 tab: the summary first, then the findings; the tools (filter, next/previous, marks,
// 全部修正) sit above the list in one compact bar. After 检查 focus lands on the first finding.
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, ToggleButton, Tooltip, mergeClasses, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { SEVERITIES, SEVERITY_LABELS, summaryText, tableSummaries } from '../../model';
import { FindingsList } from '../../components/FindingsList';
import type { FindingsListHandle } from '../../components/FindingsList';
import { useStyles } from '../../styles';
import type { PaneCore } from '../../shell/usePaneCore';
import type { Checks } from './useChecks';
import type { Fixes } from './useFixes';
import { NotRecognised } from './NotRecognised';
import { useFindingWhere } from './useFindingWhere';

export interface ChecksTabProps {
  core: PaneCore;
  checks: Checks;
  fixes: Fixes;
  listRef: React.Ref<FindingsListHandle>;
}

export function ChecksTab({ core, checks, fixes, listRef }: ChecksTabProps) {
  const s = useStyles();
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const innerList = React.useRef<FindingsListHandle | null>(null);
  const restoreFocus = useRestoreFocusTarget();
  const a = checks.listed;
  const latest = checks.latest;
  const describe = useFindingWhere(a?.detection, a?.snapshot);
  const isBusy = core.busy !== null;
  const caps = core.caps;
  const setListRef = (h: FindingsListHandle | null) => {
    innerList.current = h;
    if (typeof listRef === 'function') listRef(h);
    else if (listRef) (listRef as React.MutableRefObject<FindingsListHandle | null>).current = h;
  };

  // After 检查: focus the first finding (or the summary when there is none), never <body>.
  React.useEffect(() => {
    if (checks.focusToken === 0) return;
    if (innerList.current && checks.order.length) innerList.current.focus(checks.order[0]);
    else summaryRef.current?.focus();
    // Only a new 检查 moves focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checks.focusToken]);

  if (a === null) {
    return (
      <p className={s.subtle}>
        点击“检查”：识别工作簿中的各张决算表，核对表内合计、表间勾稽、绩效自评表和科目编码。
      </p>
    );
  }

  const tables = tableSummaries(latest?.detection ?? a.detection);
  const noTables = a.detection.tables.length === 0;
  const resolvedCount = checks.resolved.size;
  const order = checks.order;
  const pos = checks.current !== null ? order.indexOf(checks.current) : -1;
  const ms = Math.max(1, a.timings.detectMs + a.timings.checkMs);
  const live = checks.liveCounts;
  const severity = live.error ? 'error' : live.warning ? 'warning' : 'ok';

  return (
    <div className={s.section}>
      <div
        className={s.summary}
        ref={summaryRef}
        tabIndex={-1}
        id="check-summary"
        role="status"
        data-testid="check-summary"
        data-severity={noTables ? 'none' : severity}
      >
        <strong>{noTables ? '检查完成：未识别出决算表格' : `检查完成：${summaryText(live)}`}</strong>
        {noTables ? null : (
          <span className={s.subtle}>
            识别出 {tables.length} 张表（{a.sheets.length} 个工作表），用时 {ms} 毫秒。
            {resolvedCount ? ` 修正后已解决 ${resolvedCount} 条。` : ''}
          </span>
        )}
      </div>

      {noTables ? (
        <NotRecognised sheetCount={a.sheets.length} />
      ) : (
        <>
          <div className={s.toolbar} role="toolbar" aria-label="检查结果工具">
            <div className={s.filterBar} role="group" aria-label="按严重程度筛选">
              {SEVERITIES.map((sev) => (
                <ToggleButton key={sev} size="small" checked={checks.filter.has(sev)} onClick={() => checks.toggleSeverity(sev)} data-severity-filter={sev}>
                  {SEVERITY_LABELS[sev]} {checks.counts[sev]}
                </ToggleButton>
              ))}
            </div>
            <div className={s.navBar}>
              <Button size="small" icon={<ArrowUpRegular />} onClick={() => checks.step(-1)} disabled={order.length === 0} title="上一个问题（Shift+F8）">
                上一条
              </Button>
              <Button size="small" icon={<ArrowDownRegular />} onClick={() => checks.step(1)} disabled={order.length === 0} title="下一个问题（F8）">
                下一条
              </Button>
              <span className={mergeClasses(s.subtle, s.navCount)} aria-live="polite">
                {pos >= 0 ? `第 ${pos + 1} / ${order.length} 条` : `共 ${order.length} 条`}
              </span>
            </div>
            <div className={s.actions}>
              <Tooltip content={caps && !caps.highlight ? caps.limits.join(' ') || '当前环境不支持标记' : '在工作簿中给问题单元格填色并加备注'} relationship="description">
                <Button size="small" onClick={checks.onHighlight} disabledFocusable={isBusy || (caps !== null && !caps.highlight)}>
                  标记到单元格
                </Button>
              </Tooltip>
              <Button size="small" onClick={checks.onClearHighlights} disabledFocusable={isBusy || (caps !== null && !caps.highlight)}>
                清除标记
              </Button>
              <Button {...restoreFocus} size="small" onClick={fixes.onFixAll} disabledFocusable={isBusy || fixes.fixableCount === 0}>
                全部修正{fixes.fixableCount ? `（${fixes.fixableCount}）` : ''}
              </Button>
            </div>
          </div>

          {checks.findings.length === 0 ? (
            <p className={s.subtle}>各项检查均已通过。</p>
          ) : (
            <FindingsList
              ref={setListRef}
              label="检查结果"
              describedBy="check-summary"
              groups={checks.groups}
              current={checks.current}
              applied={fixes.appliedKeys}
              resolved={checks.resolved}
              canWrite
              busy={isBusy}
              onSelect={checks.selectFinding}
              onSelectRef={checks.selectRef}
              onApply={fixes.onApply}
              onUndo={fixes.onUndo}
              describe={describe}
            />
          )}

          {fixes.applied.length > 0 ? (
            <section className={s.section} aria-label="已应用的修正">
              <h2 className={s.sectionTitle}>已应用的修正（{fixes.applied.length}）</h2>
              <ul className={s.list}>
                {fixes.applied.map((e) => (
                  <li key={e.key} className={s.fixRow}>
                    <span>{e.label}</span>
                    <Button size="small" onClick={() => void fixes.onUndoEntry(e)} disabledFocusable={isBusy}>
                      撤销
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}

      <Accordion collapsible defaultOpenItems={[]}>
        <AccordionItem value="tables">
          <AccordionHeader size="small">
            工作表 {a.sheets.length} 个 · 识别出的表格 {tables.length} 张
          </AccordionHeader>
          <AccordionPanel>
            <div className={s.section}>
              <ul className={s.list} aria-label="识别出的表格" data-testid="tables-list">
                {tables.map((t) => (
                  <li key={t.id}>
                    <Button appearance="subtle" className={s.tableButton} onClick={() => checks.selectRef(t.sheet, t.range)} data-table-kind={t.kind}>
                      <span className={s.tableButtonText}>
                        <span>{t.name}</span>
                        <span className={s.subtle}>
                          {t.sheet}!{t.range}
                          {t.unit ? ` · 单位：${t.unit}` : ''}
                        </span>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
              <div>
                <div className={s.subtle}>工作表：</div>
                <ul className={s.list} aria-label="工作表" data-testid="sheets-list">
                  {a.sheets.map((sh) => (
                    <li key={sh.name} className={s.subtle}>
                      {sh.name}
                      {sh.hidden ? '（隐藏）' : ''}
                      {sh.protected ? '（受保护）' : ''}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
