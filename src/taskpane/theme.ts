// Which Fluent theme the pane (and the offline page) uses: the host's theme when it reports one
// (Excel's Office theme), else the system's colour scheme. High contrast (forced colours) needs no
// theme of its own: the browser substitutes the system colours, and our styles add outlines where
// a colour alone would carry meaning (see styles.ts and the grid).
import * as React from 'react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { HostTheme, WorkbookHost } from '../hosts/types';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Follows a media query (false where matchMedia is missing). */
export function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = React.useState(get);
  React.useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    on();
    // addListener: the only form Safari < 14 and old webviews know.
    if (mq.addEventListener) mq.addEventListener('change', on);
    else mq.addListener(on);
    return () => (mq.removeEventListener ? mq.removeEventListener('change', on) : mq.removeListener(on));
  }, [query]);
  return matches;
}

export function isDark(hostTheme: HostTheme | null, systemDark: boolean): boolean {
  return hostTheme ? hostTheme.dark : systemDark;
}

export interface PaneTheme {
  theme: Theme;
  dark: boolean;
}

export function usePaneTheme(host: WorkbookHost | null): PaneTheme {
  const systemDark = useMediaQuery(DARK_QUERY);
  const hostTheme = React.useMemo(() => (host?.theme ? host.theme() : null), [host]);
  const dark = isDark(hostTheme, systemDark);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}
