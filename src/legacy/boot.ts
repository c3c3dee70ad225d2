// The first script of taskpane.html, in every webview, so ES5 only and no polyfills. It picks the
// pane for the browser Office gave us: Internet Explorer 11 (Office 2016/2019 volume licence, any
// Office on Windows 7) gets the plain ES5 pane (src/legacy/pane.ts); every other webview — EdgeHTML
// 18 (retail 2016/2019, older Microsoft 365), WebView2, Safari's WKWebView, a browser tab — gets the
// full pane (ES2017). The
// script names come from the page (data-* attributes written at build time). If nothing starts,
// a plain message replaces 正在加载… instead of leaving the officer waiting.
const PROBLEM_TITLE = '决算助手无法在此 Excel 中启动';

function isTrident(): boolean {
  return /Trident\/|MSIE /.test(navigator.userAgent) || !!(document as unknown as { documentMode?: number }).documentMode;
}

function started(): boolean {
  return !document.getElementById('boot-message');
}

function showProblem(detail: string): void {
  const root = document.getElementById('root');
  if (!root || started()) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  const box = document.createElement('div');
  box.className = 'boot-problem';
  box.setAttribute('role', 'alert');
  const h = document.createElement('p');
  h.className = 'boot-problem-title';
  h.appendChild(document.createTextNode(PROBLEM_TITLE));
  const p = document.createElement('p');
  p.appendChild(document.createTextNode(`${detail} 请联系本单位信息技术人员更新 Office，或暂时打开 `));
  const a = document.createElement('a');
  a.href = 'workbench.html';
  a.target = '_blank';
  a.appendChild(document.createTextNode('离线版'));
  p.appendChild(a);
  p.appendChild(document.createTextNode(' 检查 .xlsx 文件。'));
  box.appendChild(h);
  box.appendChild(p);
  root.appendChild(box);
}

function load(files: string[], i: number): void {
  if (i >= files.length) return;
  const s = document.createElement('script');
  s.src = files[i];
  s.onload = () => load(files, i + 1);
  s.onerror = () => showProblem(`无法从加载项服务器读取 ${files[i]}。`);
  document.body.appendChild(s);
}

function list(el: Element, name: string): string[] {
  const v = el.getAttribute(name) || '';
  return v ? v.split(' ') : [];
}

function boot(): void {
  const el = document.getElementById('juesuan-boot');
  if (!el) return;
  const legacy = isTrident();
  // A script that cannot run here (a syntax error in an unexpected webview) reports through
  // window.onerror; before the pane has started, that is worth telling the officer about.
  const previous = window.onerror;
  window.onerror = function (message, source, line, col, error) {
    if (!started()) showProblem(`脚本错误：${String(message)}。`);
    return previous ? (previous as (...a: unknown[]) => boolean).call(window, message, source, line, col, error) : false;
  };
  if (legacy) {
    const css = list(el, 'data-legacy-css');
    for (let i = 0; i < css.length; i++) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css[i];
      document.getElementsByTagName('head')[0].appendChild(link);
    }
  }
  load(list(el, legacy ? 'data-legacy' : 'data-pane'), 0);
  window.setTimeout(() => showProblem('加载超过 60 秒仍未完成。'), 60000);
}

boot();
