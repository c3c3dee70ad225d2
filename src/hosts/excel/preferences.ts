// Pane preferences in Excel (e.g. the 功能限制 notice the officer closed), kept in the document's
// settings (Office.context.document.settings) under 'juesuan.pref.<key>'. The same settings hold
// the marks record; saveAsync stores all of them in the document, so a preference survives
// save-and-reopen and travels with the workbook, as the officer expects of "this file".
// Available from ExcelApi 1.1 (common API); a failed save only means the notice shows again.

/** The part of Office.Settings this needs (the Excel host's env.settings). */
export type PreferenceSettings = Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;

export const PREFERENCE_PREFIX = 'juesuan.pref.';

export function readPreference(settings: PreferenceSettings, key: string): string | null {
  try {
    const v = settings.get(PREFERENCE_PREFIX + key) as unknown;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function writePreference(settings: PreferenceSettings, key: string, value: string | null): Promise<void> {
  if (value === null) settings.remove(PREFERENCE_PREFIX + key);
  else settings.set(PREFERENCE_PREFIX + key, value);
  return saveSettings(settings, '无法在工作簿中保存设置', '未知原因');
}

/**
 * settings.saveAsync as a promise (used for the preferences and the marks record). A failed save
 * rejects with `<what>：<Office's message>`, or `fallback` in place of a missing message.
 */
export function saveSettings(settings: Pick<Office.Settings, 'saveAsync'>, what: string, fallback: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    settings.saveAsync((r: Office.AsyncResult<void>) => {
      if (r && (r.status as unknown) === 'failed') reject(new Error(`${what}：${r.error?.message ?? fallback}`));
      else resolve();
    });
  });
}
