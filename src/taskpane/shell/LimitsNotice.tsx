// The 功能限制 notice: one collapsed line ("功能限制（2 项）"), details on demand, and once closed it
// stays closed (remembered by the preference store) until reopened from the pane's tools. A limit
// the officer has not closed before (e.g. a legacy .xls file's) still shows.
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { PreferenceStore } from '../preferences';
import { DISMISSED_LIMITS_KEY, parseIds, textId, undismissed } from '../preferences';
import { useStyles } from '../styles';

export function useLimits(limits: readonly string[], prefs: PreferenceStore) {
  const [dismissed, setDismissed] = React.useState<Set<string> | null>(null);
  const [reopened, setReopened] = React.useState(false);
  const [expanded, setExpanded] = React.useState(false);
  React.useEffect(() => {
    let alive = true;
    prefs.get(DISMISSED_LIMITS_KEY).then(
      (raw) => alive && setDismissed(parseIds(raw)),
      () => alive && setDismissed(new Set()),
    );
    return () => {
      alive = false;
    };
  }, [prefs]);
  // Nothing shows until the store answered: no notice flashing up and away.
  const visible = dismissed === null ? [] : reopened ? [...limits] : undismissed(limits, dismissed);
  const dismiss = () => {
    const next = new Set(dismissed ?? []);
    for (const l of limits) next.add(textId(l));
    setDismissed(next);
    setReopened(false);
    setExpanded(false);
    prefs.set(DISMISSED_LIMITS_KEY, JSON.stringify([...next])).catch(() => undefined);
  };
  const reopen = () => {
    setReopened(true);
    setExpanded(true);
  };
  return { limits, visible, expanded, setExpanded, dismiss, reopen, canReopen: limits.length > 0 && visible.length === 0 };
}

export type Limits = ReturnType<typeof useLimits>;

export function LimitsNotice({ state }: { state: Limits }) {
  const s = useStyles();
  const id = React.useId();
  if (state.visible.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="limits-notice" className={s.limitsBar}>
      <MessageBarBody>
        <MessageBarTitle>功能限制（{state.visible.length} 项）</MessageBarTitle>
        <Button
          appearance="transparent"
          size="small"
          className={s.inlineToggle}
          aria-expanded={state.expanded}
          aria-controls={id}
          onClick={() => state.setExpanded(!state.expanded)}
        >
          {state.expanded ? '收起' : '查看详情'}
        </Button>
        {state.expanded ? (
          <ul className={s.limitList} id={id}>
            {state.visible.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭功能限制说明（可在“功能限制”按钮重新打开）" icon={<DismissRegular />} onClick={state.dismiss} />} />
    </MessageBar>
  );
}
