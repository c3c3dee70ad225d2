// Which host the task pane runs over, decided once at start:
// - Office.js, when office.js is there and Office.onReady reports Excel;
// - WPS, when window.Application is WPS 表格's object model (a WPS 加载项 page);
// - otherwise a message: the page it is (the Excel pane loads office.js, the WPS pane does not,
//   and says so with <meta name="juesuan-host" content="wps">) decides which.
import { wpsApplication } from '../hosts/wps/detect';
import type { EtApplication } from '../hosts/wps/et';

export type HostChoice =
  | { kind: 'excel' }
  | { kind: 'wps'; app: EtApplication }
  /** Excel pane: office.js did not load (an intranet without Microsoft's CDN). */
  | { kind: 'no-office' }
  /** Excel pane: office.js is ready but this is not Excel (a browser, Word…). */
  | { kind: 'not-excel' }
  /** WPS pane outside WPS 表格 (a browser, WPS 文字/演示). */
  | { kind: 'not-wps-et' };

interface Globals {
  Office?: { onReady?: (cb?: unknown) => Promise<{ host: unknown }>; HostType?: { Excel?: unknown } };
  Application?: unknown;
  document?: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
}

/** Office.onReady, or null when it does not answer in time. */
function officeReady(office: NonNullable<Globals['Office']>, ms: number): Promise<{ host: unknown } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    Promise.resolve()
      .then(() => office.onReady!())
      .then(
        (info) => resolve(info ?? null),
        () => resolve(null),
      )
      .finally(() => clearTimeout(timer));
  });
}

export async function chooseHost(g: Globals = globalThis as unknown as Globals, officeTimeoutMs = 30000): Promise<HostChoice> {
  const wpsPage = g.document?.querySelector('meta[name="juesuan-host"]')?.getAttribute('content') === 'wps';
  const office = g.Office;
  let officeInfo: { host: unknown } | null = null;
  if (office && typeof office.onReady === 'function') {
    officeInfo = await officeReady(office, officeTimeoutMs);
    if (officeInfo && officeInfo.host !== undefined && officeInfo.host !== null && officeInfo.host === office.HostType?.Excel) return { kind: 'excel' };
  }
  const wps = wpsApplication(g.Application);
  if (wps?.kind === 'et') return { kind: 'wps', app: wps.app };
  if (wpsPage || wps?.kind === 'other') return { kind: 'not-wps-et' };
  return officeInfo ? { kind: 'not-excel' } : { kind: 'no-office' };
}
