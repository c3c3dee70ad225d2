// What the plain pane shows: four actions, a status line, the findings list (click a finding to
// select its cell), what this Excel cannot do, and the way to the offline page for the rest.
import type { Finding } from '../core/index';
import { SEVERITY_LABELS, countBySeverity } from '../taskpane/model-base';
import { append, button, clear, h } from './dom';

export interface Actions {
  check(): void;
  mark(): void;
  clearMarks(): void;
  narrate(): void;
}

export type Intent = 'info' | 'success' | 'warning' | 'error';

/** Enough for any real workbook; past this the offline page shows the whole list. */
const MAX_SHOWN = 500;

export class PaneView {
  private readonly buttons: HTMLButtonElement[];
  private readonly status: HTMLElement;
  private readonly confirmBox: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private readonly limits: HTMLElement;
  private readonly profile: HTMLSelectElement;

  constructor(
    readonly root: HTMLElement,
    actions: Actions,
  ) {
    this.buttons = [button('检查', actions.check, 'lp-button lp-primary'), button('标记到单元格', actions.mark), button('清除标记', actions.clearMarks), button('生成情况说明', actions.narrate)];
    this.status = h('div', { class: 'lp-status', role: 'status', 'aria-live': 'polite' });
    this.confirmBox = h('div', { class: 'lp-confirm', role: 'alertdialog' });
    this.summary = h('p', { class: 'lp-summary' });
    this.list = h('ul', { class: 'lp-findings', 'aria-label': '检查结果' });
    this.limits = h('div', { class: 'lp-limits' });
    this.profile = h('select', { class: 'lp-select', 'aria-label': '情况说明格式' }, [h('option', { value: 'hunan' }, ['湖南格式（十四部分）']), h('option', { value: 'shanghai' }, ['上海格式（其他重要事项合并）'])]) as HTMLSelectElement;
    clear(root);
    append(root, [
      h('div', { class: 'lp-pane' }, [
        h('h1', { class: 'lp-title' }, ['决算助手']),
        h('p', { class: 'lp-sub' }, ['简易版：此 Excel 的任务窗格使用 Internet Explorer，提供检查、标记和生成情况说明。']),
        h('div', { class: 'lp-actions' }, this.buttons),
        h('label', { class: 'lp-profile' }, ['情况说明格式：', this.profile]),
        this.status,
        this.confirmBox,
        this.summary,
        this.list,
        this.limits,
        h('p', { class: 'lp-more' }, [
          '重新计算、补充信息、核对已写好的情况说明和下载 Word 文档，请用 ',
          h('a', { href: 'workbench.html', target: '_blank' }, ['离线版']),
          '（在浏览器中打开本工作簿的 .xlsx 副本）。',
        ]),
      ]),
    ]);
  }

  /** The 情况说明 layout chosen (section order of the locality). */
  narrativeProfile(): 'hunan' | 'shanghai' {
    return this.profile.value === 'shanghai' ? 'shanghai' : 'hunan';
  }

  busy(message: string | null): void {
    for (const b of this.buttons) b.disabled = message !== null;
    if (message !== null) this.notice('info', message);
  }

  notice(intent: Intent, title: string, detail?: string): void {
    clear(this.status);
    append(this.status, [h('div', { class: `lp-notice lp-${intent}`, 'data-notice-intent': intent }, [h('strong', null, [title]), detail ? h('span', null, [` ${detail}`]) : null])]);
  }

  /** An inline question (Office task panes do not show window.confirm). */
  confirm(title: string, body: string, okLabel: string): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clear(this.confirmBox);
        resolve(ok);
      };
      clear(this.confirmBox);
      append(this.confirmBox, [h('p', { class: 'lp-confirm-title' }, [title]), h('p', null, [body]), button(okLabel, () => done(true), 'lp-button lp-primary'), button('取消', () => done(false))]);
    });
  }

  showFindings(findings: Finding[], onSelect: (f: Finding) => void): void {
    clear(this.list);
    const counts = countBySeverity(findings);
    clear(this.summary);
    append(this.summary, [findings.length === 0 ? '没有发现问题。' : `错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个。点击一条问题可在表格中选中对应单元格。`]);
    for (let i = 0; i < findings.length && i < MAX_SHOWN; i++) {
      const f = findings[i];
      const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : '';
      const item = h('li', { class: `lp-finding lp-${f.severity}`, 'data-cell': where });
      const body = [h('span', { class: 'lp-badge' }, [SEVERITY_LABELS[f.severity]]), where ? h('span', { class: 'lp-where' }, [where]) : null, h('span', { class: 'lp-message' }, [f.message])];
      if (where) append(item, [button('', () => onSelect(f), 'lp-finding-button')]);
      append(where ? item.firstChild! : item, body);
      this.list.appendChild(item);
    }
    if (findings.length > MAX_SHOWN) append(this.list, [h('li', { class: 'lp-finding' }, [`另有 ${findings.length - MAX_SHOWN} 条问题，请在离线版中查看全部。`])]);
  }

  showLimits(limits: string[]): void {
    clear(this.limits);
    if (limits.length === 0) return;
    const items = h('ul');
    for (const l of limits) append(items, [h('li', null, [l])]);
    append(this.limits, [h('p', { class: 'lp-limits-title' }, ['功能限制']), items]);
  }
}
