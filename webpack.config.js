// Builds the Excel task pane (taskpane.html, loads office.js) and the offline page (workbench.html,
// no office.js) into dist/. Build options (environment variables):
//   OFFICE_JS=local   serve office.js from the add-in's own origin (dist/office-js/), for intranets
//                     (政务内网) that cannot reach Microsoft's CDN. Default: the CDN.
//   ADDIN_URL=https://addin.example.gov.cn/juesuan/   replaces https://localhost:3000/ in the copied
//                     manifest.xml (production deployment). Must end with '/'.
//
// Two targets in one build, as webpack layers (the same sources compiled twice):
//   modern  the full React pane and the offline page, for EdgeHTML 18 and newer webviews:
//           ES2017 syntax, core-js polyfills by usage.
//   legacy  Internet Explorer 11 (Office 2016/2019 volume licence, Windows 7): the boot script that
//           taskpane.html loads first in every webview, the plain pane and the core, ES5 with
//           core-js polyfills by usage, emitted under legacy/.
// test/unit/build/ parses every emitted script at its level (acorn: ES5 / ES2017) and runs the
// legacy core under Duktape.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { wpsPackage } = require('./src/wps/build'); // the WPS 加载项 (issue 14): see src/wps/build.js

const MODERN_TARGETS = { edge: '18', chrome: '70', firefox: '68', safari: '12' };
const LEGACY_TARGETS = { ie: '11' };
const CORE_JS = require('core-js/package.json').version;

/** exceljs's self-contained browser build (package.json "browser"). */
const EXCELJS = /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/;

/** File names of the legacy layer's chunks (they live under legacy/). */
const LEGACY_CHUNKS = new Set(['boot', 'legacy-engine', 'legacy-pane']);

// The minimizer that webpack itself depends on, driven by esbuild (a devDependency): a production
// build takes seconds instead of a minute of terser over exceljs. One instance per syntax level,
// so that the minifier never writes syntax newer than the files' target. Falls back to webpack's
// default (terser, which keeps the input's syntax level).
function fastMinimizers() {
  try {
    const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));
    if (typeof MinimizerPlugin.esbuildMinify !== 'function') return undefined;
    return [
      new MinimizerPlugin({ test: /^legacy\/.*\.js$/, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: 'es5' } }),
      new MinimizerPlugin({ test: /\.js$/, exclude: /^legacy\//, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: 'es2017' } }),
    ];
  } catch {
    return undefined;
  }
}

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The manifest for a deployment URL: every dev URL re-based, the AppDomain set to its origin. */
function manifestFor(xml, url) {
  const devOrigin = new URL(DEV_URL).origin;
  return xml
    .split(`<AppDomain>${devOrigin}</AppDomain>`)
    .join(`<AppDomain>${new URL(url).origin}</AppDomain>`)
    .split(DEV_URL)
    .join(url);
}

function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL ending with '/', got: ${url}`);
  }
  return url;
}

// Content-Security-Policy of each page. Fluent UI v9 (Griffel) creates EMPTY <style> elements and
// fills them through CSSOM (insertRule), which CSP does not govern; only the empty element itself
// is checked, so the hash of the empty string is allowed instead of 'unsafe-inline' (an empty
// style element cannot carry anything). The browser tests fail on any CSP violation.
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
function csp({ officeJs }) {
  const scriptSrc = ["'self'"];
  const connectSrc = ["'self'"];
  if (officeJs === 'cdn') {
    scriptSrc.push('https://appsforoffice.microsoft.com');
    // office.js fetches its host-specific scripts and locale strings from the same CDN.
    connectSrc.push('https://appsforoffice.microsoft.com');
  }
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    // Office hosts the pane in an iframe (Excel on the web); office.js opens its own frames.
    officeJs === 'none' ? "frame-src 'none'" : "frame-src 'self' https://*.officeapps.live.com https://*.office.com https://*.microsoft.com",
  ].join('; ');
}

/** swc for one layer: TypeScript/JSX lowered to the layer's browsers, core-js polyfills by usage. */
function swc(targets, { polyfills = true } = {}) {
  return {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
      env: { targets, ...(polyfills ? { mode: 'usage', coreJs: CORE_JS } : {}) },
      // Modules stay ES modules for webpack; helpers are inlined (no @swc/helpers dependency).
      module: { type: 'es6' },
      isModule: 'unknown',
    },
  };
}

/** The entry points (runtimes) a chunk is loaded by. */
function runtimesOf(chunk) {
  const rt = chunk && chunk.runtime;
  return typeof rt === 'string' ? [rt] : rt ? [...rt] : [];
}

/** Regular expressions the layer's browsers cannot compile, rewritten (see the loader). */
function regexes(es5) {
  return { loader: path.resolve(__dirname, 'scripts/es5-regex-loader.cjs'), options: { es5 } };
}

/** The files of an entry point, space-separated, for the boot script's data attributes. */
function entryFiles(compilation, name) {
  const ep = compilation.entrypoints.get(name);
  return ep ? ep.getFiles().filter((f) => f.endsWith('.js')).join(' ') : '';
}

/**
 * dist/build-info.json: how dist/ was built, so the tests can tell the development build `npm start`
 * serves from the production build they check and measure (and rebuild when it is not that one).
 */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BuildInfoPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('build-info.json', new sources.RawSource(`${JSON.stringify(this.info)}\n`));
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const officeJsLocal = process.env.OFFICE_JS === 'local';
  const officeJsSrc = officeJsLocal ? 'office-js/office.js' : CDN_OFFICE_JS;
  const manifestUrl = addinUrl();

  const copies = [
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/help.html'] } },
    { from: 'assets/help.html', to: 'help.html' },
    { from: 'src/legacy/pane.css', to: 'legacy/pane.[contenthash:8].css' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => manifestFor(content.toString(), manifestUrl),
    },
  ];
  const wps = wpsPackage({ fallbackUrl: manifestUrl, version: require('./package.json').version, csp: csp({ officeJs: 'none' }) });
  copies.push(...wps.copies);
  if (officeJsLocal) {
    // The whole dist folder: office.js loads host- and locale-specific files next to itself.
    // Microsoft's files are shipped as published (info.minimized: the minimizer leaves them alone).
    copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js'] }, info: { minimized: true } });
  }

  return {
    mode,
    // Webpack's own runtime and wrappers in ES5: the legacy chunks need it, the modern ones accept it.
    target: ['web', 'es5'],
    devtool: mode === 'production' ? false : 'source-map',
    experiments: { layers: true },
    entry: {
      boot: { import: './src/legacy/boot.ts', layer: 'legacy' },
      'legacy-engine': { import: './src/legacy/engine.ts', layer: 'legacy', library: { name: 'JueSuanEngine', type: 'var' } },
      'legacy-pane': { import: './src/legacy/pane.ts', layer: 'legacy' },
      taskpane: { import: './src/taskpane/index.tsx', layer: 'modern' },
      workbench: { import: './src/offline/index.tsx', layer: 'modern' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: (p) => (LEGACY_CHUNKS.has(p.chunk.name) ? 'legacy/[name].[contenthash:8].js' : '[name].[contenthash:8].js'),
      // Chunks loaded on demand by the plain pane (jszip, for merges before ExcelApi 1.13) are ES5 too.
      chunkFilename: (p) => (runtimesOf(p.chunk).every((r) => LEGACY_CHUNKS.has(r)) ? 'legacy/chunks/[name].[contenthash:8].js' : 'chunks/[name].[contenthash:8].js'),
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // exceljs resolves to its self-contained browser build (package.json "browser"); nothing else
      // needs Node built-ins, so none are polyfilled.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      // exceljs's browser build is a self-contained, already minified bundle: no need to parse it.
      noParse: EXCELJS,
      rules: [
        // ES5 (Internet Explorer 11). The boot script carries no polyfills: it must stay tiny and
        // uses nothing beyond ES5's library.
        { test: /src[\\/]legacy[\\/]boot\.ts$/, issuerLayer: undefined, layer: 'legacy', use: [swc(LEGACY_TARGETS, { polyfills: false })] },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, /src[\\/]legacy[\\/]boot\.ts$/],
          issuerLayer: 'legacy',
          use: [swc(LEGACY_TARGETS), regexes(true)],
        },
        { test: /src[\\/]legacy[\\/](engine|pane)\.ts$/, use: [swc(LEGACY_TARGETS), regexes(true)] },
        // ES2017 (EdgeHTML 18 and newer): our sources and every library the pages bundle, except
        // core-js itself (already ES5, and it must not polyfill itself).
        { test: /\.tsx?$/, exclude: /node_modules/, issuerLayer: 'modern', use: [swc(MODERN_TARGETS), regexes(false)] },
        { test: /src[\\/](taskpane|offline)[\\/]index\.tsx$/, use: [swc(MODERN_TARGETS), regexes(false)] },
        { test: /\.m?js$/, include: /node_modules/, exclude: [/node_modules[\\/]core-js[\\/]/, EXCELJS], issuerLayer: 'modern', use: [swc(MODERN_TARGETS), regexes(false)] },
        // exceljs's browser build is not parsed by webpack (noParse), so nothing may be imported into
        // it: its syntax is lowered (it spreads objects), without polyfill imports.
        { test: EXCELJS, use: [swc(MODERN_TARGETS, { polyfills: false })] },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        inject: false,
        templateParameters: (compilation) => ({
          csp: csp({ officeJs: officeJsLocal ? 'local' : 'cdn' }),
          officeJsSrc,
          boot: entryFiles(compilation, 'boot'),
          paneScripts: entryFiles(compilation, 'taskpane'),
          legacyScripts: [entryFiles(compilation, 'legacy-engine'), entryFiles(compilation, 'legacy-pane')].join(' '),
          legacyCss: Object.keys(compilation.assets).filter((f) => /^legacy\/pane\.[0-9a-f]+\.css$/.test(f)).join(' '),
        }),
      }),
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: './src/offline/workbench.html',
        chunks: ['workbench'],
        templateParameters: { csp: csp({ officeJs: 'none' }) },
        scriptLoading: 'defer',
      }),
      ...wps.plugins,
      new CopyWebpackPlugin({ patterns: copies }),
      new BuildInfoPlugin({ mode, officeJs: officeJsLocal ? 'local' : 'cdn' }),
    ],
    performance: {
      // The initial JS budget is 300 KB gzip (checked by the browser tests); raw size is larger.
      hints: false,
    },
    optimization: {
      splitChunks: { chunks: 'async' },
      ...(fastMinimizers() ? { minimizer: fastMinimizers() } : {}),
    },
    devServer: {
      static: path.resolve(__dirname, 'dist'),
      port: 3000,
      host: '127.0.0.1',
    },
  };
};

module.exports.manifestFor = manifestFor;
