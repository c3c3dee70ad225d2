// The plain pane for Internet Explorer 11 (Office 2016/2019 volume licence, Windows 7): plain DOM, ES5,
// over the same Excel host and the same core (loaded before this file as JueSuanEngine) and the
// ExcelApi 1.1 that Office 2016 has. 检查 with click-to-select, 标记/清除标记 (fill only there),
// 生成情况说明 into the sheet 情况说明; the offline page for everything else.
import type { Finding } from '../core/index';
import { ExcelHost } from '../hosts/excel/excel-host';
import type { WorkbookHost } from '../hosts/types';
import { NARRATIVE_SHEET_NAME, narrativeToOutput } from '../taskpane/model-base';
import { h, append, clear } from './dom';
import type * as Engine from './engine';
import { applyOfficeTheme } from './theme';
import { PaneView } from './view';

type EngineApi = typeof Engine;
type Checked = ReturnType<EngineApi['check']>;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

class PlainPane {
  private checked: Checked | null = null;
  private readonly view: PaneView;

  constructor(
    root: HTMLElement,
    private readonly host: WorkbookHost,
    private readonly engine: EngineApi,
  ) {
    this.view = new PaneView(root, {
      check: () => this.task('检查', async () => void (await this.check())),
      mark: () => this.task('标记', () => this.mark()),
      clearMarks: () => this.task('清除标记', () => this.clearMarks()),
      narrate: () => this.task('生成情况说明', () => this.narrate()),
    });
    host.capabilities().then(
      (c) => this.view.showLimits(c.limits),
      () => undefined,
    );
  }

  private task(what: string, run: () => Promise<void>): void {
    run().then(
      () => this.view.busy(null),
      (e: unknown) => {
        this.view.busy(null);
        this.view.notice('error', `${what}失败`, errorText(e));
      },
    );
  }

  private async check(): Promise<Checked> {
    this.view.busy('正在读取工作簿…');
    const snapshot = await this.host.readSnapshot((p) => this.view.notice('info', p.message));
    this.view.notice('info', '正在检查…');
    const c = this.engine.check(snapshot);
    this.checked = c;
    this.view.showFindings(c.findings, (f) => this.select(f));
    const errors = c.findings.filter((f) => f.severity === 'error').length;
    if (c.tables.length === 0) this.view.notice('warning', '检查完成：未识别出决算表格', '请确认当前工作簿是部门决算公开表格。');
    else this.view.notice(errors ? 'warning' : 'success', `检查完成：识别 ${c.tables.length} 张表，发现 ${c.findings.length} 个问题`);
    return c;
  }

  private select(f: Finding): void {
    if (!f.sheet || !f.cell) return;
    this.host.select(f.sheet, f.cell).then(
      () => undefined,
      (e: unknown) => this.view.notice('error', '无法定位', errorText(e)),
    );
  }

  private async mark(): Promise<void> {
    const c = this.checked ?? (await this.check());
    this.view.busy('正在标记…');
    const r = await this.host.highlight(c.findings);
    this.view.notice('success', `已标记 ${r.marked} 个单元格`, '“清除标记”可恢复原来的底色。');
  }

  private async clearMarks(): Promise<void> {
    this.view.busy('正在清除标记…');
    const r = await this.host.clearHighlights();
    this.view.notice('success', `已清除标记，恢复 ${r.restored} 个单元格`);
  }

  private async narrate(): Promise<void> {
    const c = await this.check();
    const errors = c.findings.filter((f) => f.severity === 'error' && f.sheet !== null);
    if (errors.length > 0) {
      this.view.busy(null);
      const go = await this.view.confirm(`表格中有 ${errors.length} 个错误`, `这些数字互相矛盾（例如：${errors[0].message}）。情况说明会照录表格中的数字，建议先修正再生成。`, '仍然生成');
      if (!go) return this.view.notice('info', '未生成情况说明', '请先修正检查结果中的错误。');
    }
    this.view.busy('正在生成情况说明…');
    const out = narrativeToOutput(this.engine.narrative(c.detection, this.view.narrativeProfile()));
    let overwrite = false;
    if (await this.host.hasSheet(NARRATIVE_SHEET_NAME)) {
      this.view.busy(null);
      overwrite = await this.view.confirm(`覆盖“${NARRATIVE_SHEET_NAME}”工作表？`, `工作簿中已有“${NARRATIVE_SHEET_NAME}”工作表，写入将替换其全部内容。`, '覆盖');
      if (!overwrite) return this.view.notice('info', `未写入“${NARRATIVE_SHEET_NAME}”`);
      this.view.busy('正在写入…');
    }
    await this.host.writeSheet(out, { overwrite });
    this.view.notice('success', `已写入“${NARRATIVE_SHEET_NAME}”工作表，共 ${out.rows.length} 行`, '“【请填写原因】”处需要您补充；数字和增减方向均取自表格。');
  }
}

function problem(root: HTMLElement, title: string, body: (Node | string)[]): void {
  clear(root);
  append(root, [h('div', { class: 'lp-pane' }, [h('div', { class: 'lp-notice lp-error', role: 'alert' }, [h('strong', null, [title]), h('p', null, body)])])]);
}

function start(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const engine = (window as unknown as { JueSuanEngine?: EngineApi }).JueSuanEngine;
  const offline = () => h('a', { href: 'workbench.html', target: '_blank' }, ['离线版']);
  if (!engine) return problem(root, '无法加载检查程序', ['请重新打开任务窗格；若仍不行，请打开 ', offline(), ' 检查 .xlsx 文件。']);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return problem(root, '无法加载 office.js', ['加载项无法与 Excel 通信。内网（政务内网）部署须用 OFFICE_JS=local 构建，使 office.js 由加载项所在服务器提供。暂时可以打开 ', offline(), ' 检查 .xlsx 文件。']);
  }
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return problem(root, '请在 Excel 中打开决算助手', ['此页面是 Excel 加载项的任务窗格。若没有 Excel（例如使用 WPS），请打开 ', offline(), '。']);
    applyOfficeTheme(root);
    new PlainPane(root, new ExcelHost(), engine);
  });
}

start();
