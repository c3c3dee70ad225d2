// The pane's notices (results of actions, errors), each closable.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Notice } from './usePaneCore';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline" data-notice-intent={n.intent}>
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.body ? <div>{n.body}</div> : null}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="关闭此消息" icon={<DismissRegular />} onClick={() => onDismiss(n.id)} />} />
        </MessageBar>
      ))}
    </>
  );
}
