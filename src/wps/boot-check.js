// 决算助手 WPS 任务窗格：若主程序没能启动（例如 WPS 自带的浏览器内核过旧，无法运行它），
// 过一会儿把“正在加载…”换成说明，而不是留下一个空白窗格。ES5, loaded before the bundle.
/* eslint-disable no-var */
(function () {
  var WAIT_MS = 15000;
  function explain() {
    var boot = document.getElementById('boot-message');
    if (!boot) return; // the pane has started
    boot.innerHTML =
      '决算助手未能在此 WPS 中启动。可能是 WPS 版本较旧，其内置浏览器无法运行本程序。' +
      '请升级到 WPS Office 2019 最新版或更高版本；在此之前，可在浏览器中打开 <a href="workbench.html" target="_blank">离线版</a> 检查 .xlsx 文件。';
    boot.setAttribute('role', 'alert');
  }
  setTimeout(explain, WAIT_MS);
})();
