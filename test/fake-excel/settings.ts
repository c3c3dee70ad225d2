// workbook.settings (ExcelApi 1.4): saved with the document.
import { jsonBytes } from './bytes';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import { Proxy } from './proxy';

export class FakeSettingCollection extends Proxy {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc.settings);
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  add(key_: string, value: unknown): FakeSetting {
    const ctx = this.context;
    ctx.enqueue(() => {
      ctx.requireApi('1.4', 'SettingCollection.add');
      // Settings are stored as JSON, as Excel does: functions, undefined etc. do not survive.
      ctx.doc.settings.set(key_, JSON.parse(JSON.stringify(value)));
    }, jsonBytes(value));
    return new FakeSetting(ctx, () => (ctx.doc.settings.has(key_) ? key_ : null));
  }
  getItem(key_: string): FakeSetting {
    const ctx = this.context;
    return new FakeSetting(ctx, () => {
      ctx.requireApi('1.4', 'SettingCollection.getItem');
      if (!ctx.doc.settings.has(key_)) throw new FakeOfficeError('ItemNotFound', `Setting '${key_}' not found.`);
      return key_;
    });
  }
  getItemOrNullObject(key_: string): FakeSetting {
    const ctx = this.context;
    return new FakeSetting(
      ctx,
      () => {
        ctx.requireApi('1.4', 'SettingCollection.getItemOrNullObject');
        return ctx.doc.settings.has(key_) ? key_ : null;
      },
      true,
    );
  }
}

export class FakeSetting extends Proxy {
  protected scalars(): string[] {
    return ['key', 'value'];
  }
  protected read(prop: string): unknown {
    const k = this.target<string>();
    if (prop === 'key') return k;
    if (prop === 'value') return JSON.parse(JSON.stringify(this.context.doc.settings.get(k)));
    return undefined;
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.context.enqueue(() => this.context.doc.settings.set(this.target<string>(), JSON.parse(JSON.stringify(v))), jsonBytes(v));
  }
  delete(): void {
    this.context.enqueue(() => this.context.doc.settings.delete(this.target<string>()));
  }
}

