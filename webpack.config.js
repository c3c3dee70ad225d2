// Builds the Excel task pane (taskpane.html, loads office.js) and the offline page (workbench.html,
// no office.js) into dist/. Build options (environment variables):
//   OFFICE_JS=local   serve office.js from the add-in's own origin (dist/office-js/), for intranets
//                     (政务内网) that cannot reach Microsoft's CDN. Default: the CDN.
//   ADDIN_URL=https://addin.example.gov.cn/juesuan/   replaces https://localhost:3000/ in the copied
//                     manifest.xml (production deployment). Must end with '/'.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { wpsPackage } = require('./src/wps/build'); // the WPS 加载项 (issue 14): see src/wps/build.js

// The minimizer that webpack itself depends on, driven by esbuild (a devDependency): a production
// build takes seconds instead of a minute of terser over exceljs. Falls back to webpack's default.
function fastMinimizers() {
  try {
    const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));
    if (typeof MinimizerPlugin.esbuildMinify !== 'function') return undefined;
    return [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, terserOptions: { target: 'es2020' } })];
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

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const officeJsLocal = process.env.OFFICE_JS === 'local';
  const officeJsSrc = officeJsLocal ? 'office-js/office.js' : CDN_OFFICE_JS;
  const manifestUrl = addinUrl();

  const copies = [
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/help.html'] } },
    { from: 'assets/help.html', to: 'help.html' },
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
    devtool: mode === 'production' ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      workbench: './src/offline/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
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
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { csp: csp({ officeJs: officeJsLocal ? 'local' : 'cdn' }), officeJsSrc },
        scriptLoading: 'defer',
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
