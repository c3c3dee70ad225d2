// What every feature of the pane shares: the host and what it can do, the busy indicator, the
// notices, error reporting, the confirm dialog and the preference store.
import * as React from 'react';
import type { HostCapabilities, Progress, WorkbookHost } from '../../hosts/types';
import type { ConfirmRequest } from '../components/Dialogs';
import { errorText, isProtectionError } from '../model';
import type { PreferenceStore } from '../preferences';
import { hostStore, memoryStore } from '../preferences';

export type Intent = 'success' | 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  intent: Intent;
  title: string;
  body?: React.ReactNode;
}

export interface PaneCore {
  host: WorkbookHost;
  caps: HostCapabilities | null;
  canWrite: boolean;
  busy: Progress | null;
  setBusy(p: Progress | null): void;
  notices: Notice[];
  /** Replaces the notices with one. */
  notify(intent: Intent, title: string, body?: React.ReactNode): void;
  /** Replaces the notices with these (empty: clears them). */
  setNoticeList(list: Omit<Notice, 'id'>[]): void;
  dismissNotice(id: number): void;
  reportError(what: string, e: unknown): void;
  /** Runs an action with the busy indicator; a thrown error becomes a notice. */
  withBusy(what: string, fn: () => Promise<void>): Promise<void>;
  /** Asks in a dialog; resolves true on the confirm button. */
  confirm(title: string, body: React.ReactNode, confirmLabel: string): Promise<boolean>;
  confirmRequest: ConfirmRequest | null;
  prefs: PreferenceStore;
}

let noticeSeq = 0;

export function usePaneCore(host: WorkbookHost, preferences?: PreferenceStore): PaneCore {
  const [caps, setCaps] = React.useState<HostCapabilities | null>(null);
  const [busy, setBusy] = React.useState<Progress | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [confirmRequest, setConfirmRequest] = React.useState<ConfirmRequest | null>(null);
  const prefs = React.useMemo(() => preferences ?? hostStore(host) ?? memoryStore(), [preferences, host]);

  const notify = React.useCallback((intent: Intent, title: string, body?: React.ReactNode) => {
    setNotices([{ id: ++noticeSeq, intent, title, body }]);
  }, []);
  const setNoticeList = React.useCallback((list: Omit<Notice, 'id'>[]) => setNotices(list.map((n) => ({ ...n, id: ++noticeSeq }))), []);
  const dismissNotice = React.useCallback((id: number) => setNotices((prev) => prev.filter((x) => x.id !== id)), []);

  const reportError = React.useCallback(
    (what: string, e: unknown) => {
      if (isProtectionError(e)) {
        const detail = errorText(e);
        const hint = '请先在“审阅 → 撤销工作表保护”后重试；本加载项不会绕过保护。';
        notify('error', `${what}失败：工作表受保护`, /撤销工作表保护/.test(detail) ? detail : `${detail} ${hint}`);
      } else {
        notify('error', `${what}失败`, `${errorText(e)}。请重试；若仍失败，请关闭并重新打开任务窗格。`);
      }
    },
    [notify],
  );

  React.useEffect(() => {
    let alive = true;
    host.capabilities().then(
      (c) => alive && setCaps(c),
      (e) => alive && reportError('读取加载项能力', e),
    );
    return () => {
      alive = false;
    };
  }, [host, reportError]);

  const withBusy = React.useCallback(
    async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        reportError(what, e);
      } finally {
        setBusy(null);
      }
    },
    [reportError],
  );

  const confirm = React.useCallback(
    (title: string, body: React.ReactNode, confirmLabel: string) =>
      new Promise<boolean>((resolve) => {
        setConfirmRequest({
          title,
          body,
          confirmLabel,
          resolve: (ok) => {
            setConfirmRequest(null);
            resolve(ok);
          },
        });
      }),
    [],
  );

  return {
    host,
    caps,
    canWrite: caps ? caps.writeSheets : true,
    busy,
    setBusy,
    notices,
    notify,
    setNoticeList,
    dismissNotice,
    reportError,
    withBusy,
    confirm,
    confirmRequest,
    prefs,
  };
}
