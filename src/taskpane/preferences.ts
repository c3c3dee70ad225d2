// Preferences of the pane (which notices were closed). The store comes from the page (localStorage
// in the offline page) or from the host (document settings in Excel); without either, the pane
// remembers for the session only. Failures never reach the officer: a lost preference only means
// a notice shows again.
import type { WorkbookHost } from '../hosts/types';

export interface PreferenceStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string | null): Promise<void>;
}

export function memoryStore(): PreferenceStore {
  const m = new Map<string, string>();
  return {
    get: async (k) => m.get(k) ?? null,
    set: async (k, v) => void (v === null ? m.delete(k) : m.set(k, v)),
  };
}

/** The host's own store (document settings in Excel), or null when the host has none. */
export function hostStore(host: WorkbookHost): PreferenceStore | null {
  if (!host.readPreference || !host.writePreference) return null;
  return {
    get: (k) => host.readPreference!(k),
    set: (k, v) => host.writePreference!(k, v),
  };
}

/** Short stable id of a text (djb2), so a store holds ids rather than whole messages. */
export function textId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export const DISMISSED_LIMITS_KEY = 'limits.dismissed';

/** Ids stored under a key as a JSON array; anything unreadable counts as none. */
export function parseIds(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const v = JSON.parse(raw) as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Limits not yet dismissed: a limit the officer has not seen (e.g. an .xls file's) still shows. */
export function undismissed(limits: readonly string[], dismissed: ReadonlySet<string>): string[] {
  return limits.filter((l) => !dismissed.has(textId(l)));
}
