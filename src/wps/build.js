// The WPS 加载项 package (issue 14), added to the webpack build by webpack.config.js:
//   dist/ribbon.xml, dist/index.html   the 加载项 itself: WPS reads ribbon.xml and loads index.html
//                                      (with wps/ribbon.js, the ribbon's callbacks) from the 加载项's folder;
//   dist/wps-taskpane.html             the task pane (the same bundle as taskpane.html, without office.js);
//   dist/jsplugins.xml                 online deployment: the list WPS reads at start (oem.ini JSPluginsServer);
//   dist/publish.html                  online deployment, self-service: registers this server's 加载项 with the local WPS;
//   dist/wps/publish.xml, install-offline.sh   offline deployment into the user's jsaddons folder.
// Environment: WPS_ADDIN_URL (http or https, ending in '/') is the 加载项's folder on the intranet
// server, written into jsplugins.xml; it defaults to ADDIN_URL (the Office add-in's URL).
const HtmlWebpackPlugin = require('html-webpack-plugin');

function wpsAddinUrl(fallback) {
  const url = process.env.WPS_ADDIN_URL;
  if (!url) return fallback;
  if (!/^https?:\/\/[^\s"<>&]+\/$/.test(url)) throw new Error(`WPS_ADDIN_URL must be an http(s) URL ending with '/', got: ${url}`);
  return url;
}

/** Copy-plugin patterns and HTML plugins of the WPS 加载项 package. */
function wpsPackage({ fallbackUrl, version, csp }) {
  const url = wpsAddinUrl(fallbackUrl);
  const asIs = { minimized: true }; // ES5 files, shipped as written
  const fill = (content) => content.toString().split('@ADDIN_URL@').join(url).split('@VERSION@').join(version);
  return {
    url,
    copies: [
      { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
      { from: 'src/wps/index.html', to: 'index.html' },
      { from: 'src/wps/publish.html', to: 'publish.html' },
      { from: 'src/wps/jsplugins.xml', to: 'jsplugins.xml', transform: fill },
      { from: 'src/wps/ribbon.js', to: 'wps/ribbon.js', info: asIs },
      { from: 'src/wps/boot-check.js', to: 'wps/boot-check.js', info: asIs },
      { from: 'src/wps/publish.js', to: 'wps/publish.js', info: asIs },
      { from: 'src/wps/publish.css', to: 'wps/publish.css' },
      { from: 'src/wps/publish.xml', to: 'wps/publish.xml', transform: fill },
      { from: 'src/wps/install-offline.sh', to: 'wps/install-offline.sh', transform: fill },
    ],
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'wps-taskpane.html',
        template: './src/wps/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { csp },
        scriptLoading: 'defer',
      }),
    ],
  };
}

module.exports = { wpsPackage, wpsAddinUrl };
