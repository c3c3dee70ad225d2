// The WPS 加载项 package (src/wps/): the ribbon is well-formed CustomUI whose callbacks exist,
// the scripts WPS runs outside the bundle are plain ES5 (checked by Duktape, an ES5.1 engine),
// the deployment files are well-formed and carry the URL and version, and the offline installer
// registers the 加载项 without disturbing other 加载项.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..', '..');
const WPS = join(ROOT, 'src', 'wps');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wpsPackage, wpsAddinUrl } = require(join(WPS, 'build.js')) as {
  wpsPackage(o: { fallbackUrl: string; version: string; csp: string }): { url: string; copies: { from: string; to: string; transform?: (c: Buffer) => string }[]; plugins: unknown[] };
  wpsAddinUrl(fallback: string): string;
};
const read = (f: string): string => readFileSync(join(WPS, f), 'utf8');
const attrs = { ignoreAttributes: false, attributeNamePrefix: '' };

/** The file as the build writes it (templates filled). */
function built(to: string, opts = { fallbackUrl: 'https://juesuan.example.gov.cn/addin/', version: '0.1.0', csp: '' }): string {
  const p = wpsPackage(opts).copies.find((c) => c.to === to)!;
  const content = readFileSync(join(ROOT, p.from));
  return p.transform ? p.transform(content) : content.toString();
}

describe('WPS 加载项 package', () => {
  it('ribbon.xml: CustomUI 2006 with a 决算助手 tab whose callbacks ribbon.js defines', () => {
    const xml = read('ribbon.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const ui = new XMLParser(attrs).parse(xml).customUI;
    expect(ui.xmlns).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    const tab = ui.ribbon.tabs.tab;
    expect(tab.label).toBe('决算助手');
    const buttons = [tab.group.button].flat();
    expect(buttons.map((b: { id: string }) => b.id)).toEqual(['juesuanOpenPane', 'juesuanHelp']);
    const js = read('ribbon.js');
    const callbacks = new Set([ui.onLoad, ...buttons.flatMap((b: Record<string, string>) => [b.onAction, b.getImage])]);
    for (const cb of callbacks) expect(js).toMatch(new RegExp(`^function ${cb}\\(`, 'm'));
    // The ids the callbacks switch on are the ribbon's.
    for (const b of buttons) expect(js).toContain(`'${b.id}'`);
    // The pane and the images the ribbon opens are part of the build.
    expect(js).toContain("'wps-taskpane.html'");
    for (const img of js.match(/assets\/icon-\d+\.png/g) ?? []) expect(existsSync(join(ROOT, img))).toBe(true);
  });

  it.each(['ribbon.js', 'boot-check.js', 'publish.js'])('%s is ES5 (runs on the oldest WPS browser engine)', (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-duk-'));
    try {
      writeFileSync(join(dir, 'check.js'), `new Function(${JSON.stringify(read(file))}); print('parsed');`);
      const r = spawnSync('/usr/bin/duk', [join(dir, 'check.js')], { encoding: 'utf8' });
      expect(r.stdout.trim() + r.stderr).toBe('parsed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the entry page and the pane page load only their own scripts', () => {
    const index = read('index.html');
    expect([...index.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual(['wps/ribbon.js']);
    const pane = read('taskpane.html');
    expect(pane).not.toMatch(/<script[^>]*(office|appsforoffice)/);
    expect(pane).toContain('<meta name="juesuan-host" content="wps" />');
  });

  it('jsplugins.xml (online) names the 加载项 folder; publish.xml (offline) its versioned folder, as wpsjs writes them', () => {
    const online = built('jsplugins.xml');
    expect(XMLValidator.validate(online)).toBe(true);
    expect(new XMLParser(attrs).parse(online).jsplugins.jspluginonline).toEqual({ name: 'juesuan', type: 'et', url: 'https://juesuan.example.gov.cn/addin/' });
    const offline = built('wps/publish.xml');
    expect(XMLValidator.validate(offline)).toBe(true);
    expect(new XMLParser(attrs).parse(offline).jsplugins.jsplugin).toEqual({ name: 'juesuan', type: 'et', url: 'juesuan_0.1.0', version: '0.1.0', enable: 'enable_dev', install: 'null', customDomain: '' });
  });

  it('WPS_ADDIN_URL may be http (intranet) but must end with "/"; it defaults to the Office add-in URL', () => {
    const saved = process.env.WPS_ADDIN_URL;
    try {
      delete process.env.WPS_ADDIN_URL;
      expect(wpsAddinUrl('https://a.example/')).toBe('https://a.example/');
      process.env.WPS_ADDIN_URL = 'http://10.1.2.3/juesuan/';
      expect(wpsAddinUrl('https://a.example/')).toBe('http://10.1.2.3/juesuan/');
      process.env.WPS_ADDIN_URL = 'http://10.1.2.3/juesuan';
      expect(() => wpsAddinUrl('https://a.example/')).toThrow(/ending with '\/'/);
      process.env.WPS_ADDIN_URL = 'http://x/"><evil/>/';
      expect(() => wpsAddinUrl('https://a.example/')).toThrow();
    } finally {
      if (saved === undefined) delete process.env.WPS_ADDIN_URL;
      else process.env.WPS_ADDIN_URL = saved;
    }
  });
});

describe('install-offline.sh', () => {
  let tmp: string;
  let dist: string;
  let jsaddons: string;
  const run = () => spawnSync('sh', [join(dist, 'wps', 'install-offline.sh')], { encoding: 'utf8', env: { ...process.env, JSADDONS: jsaddons } });

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'juesuan-offline-'));
    dist = join(tmp, 'dist');
    jsaddons = join(tmp, 'home', '.local', 'share', 'Kingsoft', 'wps', 'jsaddons');
    mkdirSync(join(dist, 'wps'), { recursive: true });
    for (const f of ['ribbon.xml', 'index.html']) cpSync(join(WPS, f), join(dist, f));
    writeFileSync(join(dist, 'wps', 'install-offline.sh'), built('wps/install-offline.sh'));
    chmodSync(join(dist, 'wps', 'install-offline.sh'), 0o755);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('copies the 加载项 into jsaddons/juesuan_<version>/ and writes publish.xml', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(existsSync(join(jsaddons, 'juesuan_0.1.0', 'ribbon.xml'))).toBe(true);
    const pub = readFileSync(join(jsaddons, 'publish.xml'), 'utf8');
    expect(XMLValidator.validate(pub)).toBe(true);
    expect(new XMLParser(attrs).parse(pub).jsplugins.jsplugin).toMatchObject({ name: 'juesuan', type: 'et', url: 'juesuan_0.1.0' });
  });

  it('keeps the other 加载项 of an existing publish.xml (even on one line), replaces an earlier 决算助手 entry, and backs up the file', () => {
    mkdirSync(jsaddons, { recursive: true });
    const before =
      '<?xml version="1.0" encoding="UTF-8"?><jsplugins><jspluginonline name="oa" type="wps" url="http://oa/addin/" enable="true"/><jsplugin name="juesuan" type="et" url="juesuan_0.0.9" version="0.0.9" enable="enable_dev"/></jsplugins>';
    writeFileSync(join(jsaddons, 'publish.xml'), before);
    expect(run().status).toBe(0);
    const pub = readFileSync(join(jsaddons, 'publish.xml'), 'utf8');
    expect(XMLValidator.validate(pub)).toBe(true);
    const parsed = new XMLParser(attrs).parse(pub).jsplugins;
    expect(parsed.jspluginonline).toMatchObject({ name: 'oa', url: 'http://oa/addin/' });
    expect(parsed.jsplugin).toMatchObject({ name: 'juesuan', url: 'juesuan_0.1.0' });
    expect(readFileSync(join(jsaddons, 'publish.xml.bak'), 'utf8')).toBe(before);
    // Running it again changes nothing.
    expect(run().status).toBe(0);
    expect(readFileSync(join(jsaddons, 'publish.xml'), 'utf8')).toBe(pub);
  });
});
