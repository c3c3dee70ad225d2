// Browser APIs Fluent UI v9 calls without checking, which EdgeHTML 18 (the task pane of Office
// 2016/2019 retail and older Microsoft 365 on Windows 10) does not have. Fluent's support matrix
// starts at Edge 84 and leaves older browsers to the application's polyfills; core-js covers the
// ECMAScript library, not these two. Each stand-in keeps the function and costs only some polish:
// - ResizeObserver (MessageBar's reflow, positioning of tooltips and popovers): reports the
//   observed elements' boxes once after observe() and on every window resize, which is when a
//   task pane's layout changes;
// - WeakRef (keyborg, tabster's focus tracking): holds its target strongly (a little memory for a
//   pane's lifetime). Loaded first by the full pane's entry; does nothing where the APIs exist.
type Entry = { target: Element; contentRect: DOMRectReadOnly; borderBoxSize: { inlineSize: number; blockSize: number }[]; contentBoxSize: { inlineSize: number; blockSize: number }[] };

class ResizeObserverStandIn {
  private readonly targets: Element[] = [];
  private listening = false;
  private pending = false;
  constructor(private readonly callback: (entries: Entry[], observer: ResizeObserverStandIn) => void) {}

  observe(target: Element): void {
    if (this.targets.indexOf(target) < 0) this.targets.push(target);
    if (!this.listening) {
      window.addEventListener('resize', this.schedule);
      this.listening = true;
    }
    this.schedule();
  }
  unobserve(target: Element): void {
    const i = this.targets.indexOf(target);
    if (i >= 0) this.targets.splice(i, 1);
  }
  disconnect(): void {
    this.targets.length = 0;
    window.removeEventListener('resize', this.schedule);
    this.listening = false;
  }
  private readonly schedule = (): void => {
    if (this.pending) return;
    this.pending = true;
    window.requestAnimationFrame(() => {
      this.pending = false;
      if (this.targets.length === 0) return;
      this.callback(
        this.targets.map((target) => {
          const r = target.getBoundingClientRect();
          const size = [{ inlineSize: r.width, blockSize: r.height }];
          return { target, contentRect: r, borderBoxSize: size, contentBoxSize: size };
        }),
        this,
      );
    });
  };
}

class WeakRefStandIn<T extends object> {
  constructor(private readonly target: T) {}
  deref(): T {
    return this.target;
  }
}

const w = window as unknown as Record<string, unknown>;
if (typeof w.ResizeObserver !== 'function') w.ResizeObserver = ResizeObserverStandIn;
if (typeof w.WeakRef !== 'function') w.WeakRef = WeakRefStandIn;
