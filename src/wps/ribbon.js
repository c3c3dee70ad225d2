// 决算助手 WPS 加载项：功能区回调（ribbon.xml 中 onLoad / onAction / getImage 所指的函数）。
// Written in ES5 so that it runs on the Chromium of every WPS version that has 加载项: the ribbon
// must work even where the task pane's bundle cannot, so that the pane can say what is wrong.
// The calls follow Kingsoft's own template (wpsjs 2.2.3, packages/@wps-jsapi/et/js/ribbon.js):
// window.Application.CreateTaskPane(url) / GetTaskPane(id), PluginStorage, ShowDialog.
/* eslint-disable no-var */
var JUESUAN_PANE_KEY = 'juesuan_taskpane_id';
var JUESUAN_PANE_WIDTH = 360; // CSS pixels; WPS sizes panes in device pixels
var MSO_CTP_DOCK_RIGHT = 2; // msoCTPDockPositionRight

/** The folder this page was loaded from (the 加载项's root, online or in jsaddons). */
function juesuanBase() {
  var href = decodeURI(String(document.location.href)).split('#')[0].split('?')[0];
  return href.substring(0, href.lastIndexOf('/') + 1);
}

function OnAddinLoad(ribbonUI) {
  var app = window.Application;
  if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  return true;
}

function juesuanTogglePane(app) {
  var id = app.PluginStorage.getItem(JUESUAN_PANE_KEY);
  if (id) {
    try {
      var pane = app.GetTaskPane(id);
      pane.Visible = !pane.Visible;
      return;
    } catch (e) {
      // the pane is gone: create a new one
    }
  }
  var created = app.CreateTaskPane(juesuanBase() + 'wps-taskpane.html', '决算助手');
  app.PluginStorage.setItem(JUESUAN_PANE_KEY, created.ID);
  try {
    created.DockPosition = MSO_CTP_DOCK_RIGHT;
    created.Width = Math.round(JUESUAN_PANE_WIDTH * (window.devicePixelRatio || 1));
  } catch (e) {
    // older WPS: keep its default position and width
  }
  created.Visible = true;
}

function OnAction(control) {
  var app = window.Application;
  if (!app) return true;
  if (control.Id === 'juesuanOpenPane') juesuanTogglePane(app);
  else if (control.Id === 'juesuanHelp') {
    var dpr = window.devicePixelRatio || 1;
    app.ShowDialog(juesuanBase() + 'help.html', '决算助手使用说明', Math.round(720 * dpr), Math.round(640 * dpr), false);
  }
  return true;
}

function GetImage(control) {
  return control.Id === 'juesuanHelp' ? 'assets/icon-32.png' : 'assets/icon-64.png';
}
