// The pane's host choice at start (src/taskpane/choose-host.ts), with the globals each
// environment gives: Excel with office.js, WPS 表格 with window.Application, and the rest.
import { chooseHost } from '../../../src/taskpane/choose-host';
import { wpsApplication } from '../../../src/hosts/wps/detect';
import { createFakeEt } from '../../fake-et/fake-et';

const HostType = { Excel: 'Excel', Word: 'Word' };
const office = (host: string | null, delay = 0) => ({ HostType, onReady: () => new Promise<{ host: string | null }>((r) => setTimeout(() => r({ host }), delay)) });
const wpsPage = { querySelector: (s: string) => (s.includes('juesuan-host') ? { getAttribute: () => 'wps' } : null) };
const et = () => createFakeEt({ name: 'x', sheets: [{ name: 'S', cells: [], merges: [] }] }).Application;

describe('chooseHost', () => {
  it('Office.js when office.js is ready in Excel', async () => {
    expect(await chooseHost({ Office: office('Excel') })).toEqual({ kind: 'excel' });
  });

  it('WPS when window.Application is WPS 表格, whether or not office.js loaded', async () => {
    expect((await chooseHost({ Application: et(), document: wpsPage })).kind).toBe('wps');
    expect((await chooseHost({ Office: office(null), Application: et() })).kind).toBe('wps');
  });

  it('WPS 表格 with no workbook open is still WPS (the host says to open one)', async () => {
    const fake = createFakeEt(null);
    expect((await chooseHost({ Application: fake.Application, document: wpsPage })).kind).toBe('wps');
  });

  it('otherwise the message for the page: office.js missing, not Excel, or the WPS pane outside WPS 表格', async () => {
    expect(await chooseHost({})).toEqual({ kind: 'no-office' });
    expect(await chooseHost({ Office: office(null) })).toEqual({ kind: 'not-excel' });
    expect(await chooseHost({ Office: office('Word') })).toEqual({ kind: 'not-excel' });
    expect(await chooseHost({ document: wpsPage })).toEqual({ kind: 'not-wps-et' });
    expect(await chooseHost({ Application: { Documents: {}, ActiveDocument: null } })).toEqual({ kind: 'not-wps-et' });
  });

  it('an Office.onReady that never answers does not hang the pane', async () => {
    const never = { HostType, onReady: () => new Promise<{ host: string }>(() => undefined) };
    expect(await chooseHost({ Office: never }, 20)).toEqual({ kind: 'no-office' });
    expect((await chooseHost({ Office: never, Application: et() }, 20)).kind).toBe('wps');
  });
});

describe('wpsApplication', () => {
  it('tells WPS 表格 from WPS 文字/演示 and from anything else', () => {
    expect(wpsApplication(et())?.kind).toBe('et');
    expect(wpsApplication({ Presentations: {} })).toEqual({ kind: 'other' });
    expect(wpsApplication(undefined)).toBeNull();
    expect(wpsApplication('Application')).toBeNull();
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } });
    expect(wpsApplication(hostile)).toBeNull();
  });
});
