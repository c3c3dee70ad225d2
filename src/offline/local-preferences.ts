// The offline page keeps the pane's preferences in localStorage (this browser, this page's origin):
// a closed notice stays closed for the next file. Storage may be disabled (private windows,
// file:// in old browsers): then preferences last for the session only.
import type { PreferenceStore } from '../taskpane/preferences';
import { memoryStore } from '../taskpane/preferences';

const PREFIX = 'juesuan.pref.';

export function localStore(storage: Storage | null = safeStorage()): PreferenceStore {
  const fallback = memoryStore();
  if (!storage) return fallback;
  return {
    get: async (k) => {
      try {
        return storage.getItem(PREFIX + k);
      } catch {
        return fallback.get(k);
      }
    },
    set: async (k, v) => {
      try {
        if (v === null) storage.removeItem(PREFIX + k);
        else storage.setItem(PREFIX + k, v);
      } catch {
        await fallback.set(k, v);
      }
    },
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
