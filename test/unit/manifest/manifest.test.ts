// Local validation of manifest.xml (no network): well-formed, required elements in the order the
// Office add-in schema requires, GUID id, https URLs only, and icons that exist with the right size.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..', '..');
const XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

const ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

type Node = Record<string, unknown>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@' }).parse(XML) as Node[];
const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Set', 'Host', 'AppDomain', 'bt:Image', 'bt:Url', 'bt:String'].includes(name) }).parse(XML) as Node;
const app = tree.OfficeApp as Node;

/** PNG width/height from the IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function allUrls(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/DefaultValue="([^"]*)"/g)) if (/^[a-z]+:\/\//i.test(m[1])) out.push(m[1]);
  for (const m of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) out.push(m[1]);
  return out;
}

/** Local file behind a https://localhost:3000/… URL (dist mirrors assets/). */
function localFile(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  return join(ROOT, path);
}

describe('manifest.xml', () => {
  test('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app['@xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  });

  test('required elements appear in the schema order', () => {
    const root = ordered.find((n) => 'OfficeApp' in n)!;
    const children = (root.OfficeApp as Node[]).map((n) => Object.keys(n).find((k) => k !== ':@' && k !== '#comment')).filter((k): k is string => !!k);
    for (const name of ORDER) expect(children).toContain(name);
    const positions = ORDER.map((n) => children.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('the id is a GUID and the version has four parts', () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test('names, host, requirements and permissions', () => {
    expect((app.DisplayName as Node)['@DefaultValue']).toBe('决算助手');
    expect(String((app.Description as Node)['@DefaultValue']).length).toBeGreaterThan(10);
    expect(String(app.ProviderName).trim()).not.toBe('');
    expect(((app.Hosts as Node).Host as Node[]).map((h) => h['@Name'])).toEqual(['Workbook']);
    const sets = ((app.Requirements as Node).Sets as Node).Set as Node[];
    expect(sets).toEqual([expect.objectContaining({ '@Name': 'ExcelApi', '@MinVersion': '1.1' })]);
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(((app.DefaultSettings as Node).SourceLocation as Node)['@DefaultValue']).toBe('https://localhost:3000/taskpane.html');
  });

  test('every URL is https, and every URL is inside an AppDomain', () => {
    const urls = allUrls(XML);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const domains = ((app.AppDomains as Node).AppDomain as string[]).map((d) => new URL(d).origin);
    for (const u of urls) expect(domains).toContain(new URL(u).origin);
  });

  test('the ribbon button opens the task pane', () => {
    const vo = app.VersionOverrides as Node;
    const ff = ((((vo.Hosts as Node).Host as Node[])[0].DesktopFormFactor as Node).ExtensionPoint as Node);
    expect(ff['@xsi:type']).toBe('PrimaryCommandSurface');
    const control = ((ff.OfficeTab as Node).Group as Node).Control as Node;
    expect(control['@xsi:type']).toBe('Button');
    const action = control.Action as Node;
    expect(action['@xsi:type']).toBe('ShowTaskpane');
    const resid = (action.SourceLocation as Node)['@resid'];
    const urls = ((vo.Resources as Node)['bt:Urls'] as Node)['bt:Url'] as Node[];
    expect(urls.find((u) => u['@id'] === resid)?.['@DefaultValue']).toBe('https://localhost:3000/taskpane.html');
    // Every resid used anywhere is defined.
    const defined = new Set([...XML.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of XML.matchAll(/resid="([^"]+)"/g)) expect(defined).toContain(m[1]);
  });

  test('icons exist in assets/ as real PNGs of the declared size', () => {
    const declared: { url: string; size: number }[] = [
      { url: (app.IconUrl as Node)['@DefaultValue'] as string, size: 32 },
      { url: (app.HighResolutionIconUrl as Node)['@DefaultValue'] as string, size: 64 },
    ];
    const images = (((app.VersionOverrides as Node).Resources as Node)['bt:Images'] as Node)['bt:Image'] as Node[];
    for (const img of images) {
      const size = Number(/(\d+)x\1$/.exec(String(img['@id']))?.[1]);
      declared.push({ url: String(img['@DefaultValue']), size });
    }
    expect(declared.map((d) => d.size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const d of declared) {
      const file = localFile(d.url);
      expect(file.startsWith(join(ROOT, 'assets'))).toBe(true);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: d.size, height: d.size });
    }
    // The 128 px icon (store listings) exists too.
    expect(pngSize(join(ROOT, 'assets', 'icon-128.png'))).toEqual({ width: 128, height: 128 });
  });

  test('the support page the manifest names is shipped', () => {
    const support = (app.SupportUrl as Node)['@DefaultValue'] as string;
    expect(new URL(support).pathname).toBe('/help.html');
    expect(existsSync(join(ROOT, 'assets', 'help.html'))).toBe(true);
  });
});

describe('webpack build options', () => {
  // The config is plain CommonJS; building is covered by the browser tests' global setup.
  const load = (envVars: Record<string, string | undefined>) => {
    const saved = { OFFICE_JS: process.env.OFFICE_JS, ADDIN_URL: process.env.ADDIN_URL };
    Object.assign(process.env, envVars);
    for (const [k, v] of Object.entries(envVars)) if (v === undefined) delete process.env[k];
    try {
      jest.resetModules();
      const make = require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => { plugins: { constructor: { name: string }; userOptions?: Node; patterns?: Node[] }[] };
      return make({}, { mode: 'production' });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };
  type Params = { csp: string; officeJsSrc?: string };
  const html = (cfg: ReturnType<typeof load>, file: string): Params => {
    const tp = cfg.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === file)!.userOptions!.templateParameters as Params | ((compilation: unknown) => Params);
    // taskpane.html's parameters are computed from the compilation (the boot script's file lists).
    return typeof tp === 'function' ? tp({ entrypoints: new Map(), assets: {} }) : tp;
  };
  const copies = (cfg: ReturnType<typeof load>) => (cfg.plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns ?? []) as { from: string; to: string; transform?: (b: Buffer) => string }[];

  test('default: office.js from the CDN; the offline page allows nothing but its own origin', () => {
    const cfg = load({ OFFICE_JS: undefined, ADDIN_URL: undefined });
    expect(html(cfg, 'taskpane.html').officeJsSrc).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html(cfg, 'taskpane.html').csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    const wb = html(cfg, 'workbench.html').csp;
    expect(wb).toContain("default-src 'self'");
    expect(wb).toContain("script-src 'self';");
    expect(wb).toContain("connect-src 'self';");
    expect(wb).not.toMatch(/https?:\/\//);
    expect(wb).not.toContain("'unsafe-inline'");
    expect(wb).not.toContain("'unsafe-eval'");
    expect(copies(cfg).some((c) => c.to === 'office-js')).toBe(false);
  });

  test('OFFICE_JS=local serves office.js from the add-in origin (intranet)', () => {
    const cfg = load({ OFFICE_JS: 'local' });
    expect(html(cfg, 'taskpane.html').officeJsSrc).toBe('office-js/office.js');
    expect(html(cfg, 'taskpane.html').csp).not.toContain('appsforoffice.microsoft.com');
    const c = copies(cfg).find((x) => x.to === 'office-js')!;
    expect(c.from).toBe('node_modules/@microsoft/office-js/dist');
    expect(existsSync(join(ROOT, c.from, 'office.js'))).toBe(true);
  });

  test('ADDIN_URL rewrites every localhost URL of the copied manifest', () => {
    const cfg = load({ ADDIN_URL: 'https://addin.example.gov.cn/juesuan/' });
    const m = copies(cfg).find((x) => x.to === 'manifest.xml')!;
    const out = m.transform!(Buffer.from(XML));
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://addin.example.gov.cn/juesuan/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://addin.example.gov.cn</AppDomain>');
    expect(out).toContain('DefaultValue="https://addin.example.gov.cn/juesuan/assets/icon-32.png"');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(() => load({ ADDIN_URL: 'http://insecure.example/' })).toThrow(/https/);
  });
});
