// Remembered dismissals: ids of closed limits, the offline page's localStorage store (and its
// fallback when storage is refused), and Excel's document settings surviving save-and-reopen.
import { DISMISSED_LIMITS_KEY, hostStore, memoryStore, parseIds, textId, undismissed } from '../../../src/taskpane/preferences';
import { localStore } from '../../../src/offline/local-preferences';
import { ExcelHost, envFrom } from '../../../src/hosts/excel/excel-host';
import { PREFERENCE_PREFIX } from '../../../src/hosts/excel/preferences';
import { createFakeExcel } from '../../fake-excel/fake-excel';
import { loadSample } from '../../helpers';

class FakeStorage implements Storage {
  private m = new Map<string, string>();
  constructor(private readonly refuse = false) {}
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    if (this.refuse) throw new DOMException('denied', 'SecurityError');
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.refuse) throw new DOMException('quota', 'QuotaExceededError');
    this.m.set(k, v);
  }
}

const LIMITS = ['离线版只计算常用函数……', '“保存标注副本”由浏览器生成新文件……'];

describe('dismissed limits', () => {
  test('a closed limit stays closed; a limit never closed before still shows', () => {
    const closed = new Set(LIMITS.map(textId));
    expect(undismissed(LIMITS, closed)).toEqual([]);
    const xls = '此文件为旧版 .xls 格式，已在内存中转换……';
    expect(undismissed([...LIMITS, xls], closed)).toEqual([xls]);
  });

  test('ids are stable and differ between texts', () => {
    expect(textId(LIMITS[0])).toBe(textId(`${LIMITS[0]}`));
    expect(textId(LIMITS[0])).not.toBe(textId(LIMITS[1]));
  });

  test('unreadable stored values count as nothing closed', () => {
    expect(parseIds(null)).toEqual(new Set());
    expect(parseIds('not json')).toEqual(new Set());
    expect(parseIds('{"a":1}')).toEqual(new Set());
    expect(parseIds('["a", 3, "b"]')).toEqual(new Set(['a', 'b']));
  });
});

describe('the offline page store (localStorage)', () => {
  test('keeps values under its own prefix and removes them', async () => {
    const storage = new FakeStorage();
    const store = localStore(storage);
    await store.set(DISMISSED_LIMITS_KEY, '["x"]');
    expect(storage.getItem(`juesuan.pref.${DISMISSED_LIMITS_KEY}`)).toBe('["x"]');
    // A second store over the same storage (a reload) reads it back.
    await expect(localStore(storage).get(DISMISSED_LIMITS_KEY)).resolves.toBe('["x"]');
    await store.set(DISMISSED_LIMITS_KEY, null);
    await expect(store.get(DISMISSED_LIMITS_KEY)).resolves.toBeNull();
  });

  test('refused storage falls back to the session without throwing', async () => {
    const store = localStore(new FakeStorage(true));
    await store.set('k', 'v');
    await expect(store.get('k')).resolves.toBe('v');
    const none = localStore(null);
    await none.set('k', 'v');
    await expect(none.get('k')).resolves.toBe('v');
  });

  test('the memory store forgets nothing within a session', async () => {
    const m = memoryStore();
    await m.set('a', '1');
    await expect(m.get('a')).resolves.toBe('1');
    await m.set('a', null);
    await expect(m.get('a')).resolves.toBeNull();
  });
});

describe('Excel: preferences in the document settings', () => {
  test('written, saved with the document, read back after save-and-reopen', async () => {
    const fake = createFakeExcel(await loadSample());
    const host = new ExcelHost(envFrom({ Excel: fake.Excel, Office: fake.Office }));
    const store = hostStore(host)!;
    expect(store).not.toBeNull();
    await expect(store.get(DISMISSED_LIMITS_KEY)).resolves.toBeNull();
    await store.set(DISMISSED_LIMITS_KEY, '["abc"]');
    expect(fake.doc.docSettingsSaved.get(PREFERENCE_PREFIX + DISMISSED_LIMITS_KEY)).toBe('["abc"]');
    const reopened = fake.reopen();
    const host2 = new ExcelHost(envFrom({ Excel: reopened.Excel, Office: reopened.Office }));
    await expect(hostStore(host2)!.get(DISMISSED_LIMITS_KEY)).resolves.toBe('["abc"]');
    // Removing it removes it from the document.
    await hostStore(host2)!.set(DISMISSED_LIMITS_KEY, null);
    expect(reopened.doc.docSettingsSaved.has(PREFERENCE_PREFIX + DISMISSED_LIMITS_KEY)).toBe(false);
  });

  test('the marks record in the same settings is left alone', async () => {
    const fake = createFakeExcel(await loadSample());
    const office = fake.Office as { context: { document: { settings: Office.Settings } } };
    office.context.document.settings.set('juesuan.marks', { version: 1, marks: [] });
    const host = new ExcelHost(envFrom({ Excel: fake.Excel, Office: fake.Office }));
    await hostStore(host)!.set(DISMISSED_LIMITS_KEY, '[]');
    expect(fake.doc.docSettingsSaved.get('juesuan.marks')).toEqual({ version: 1, marks: [] });
  });

  test('a host without the pair has no store (the pane then keeps the session)', () => {
    expect(hostStore({} as never)).toBeNull();
  });
});
