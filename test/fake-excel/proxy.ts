// Proxy objects: scalar properties throw PropertyNotLoaded until load() + context.sync().
import { jsonBytes } from './bytes';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';

export type LoadSpec = string | string[] | Record<string, unknown> | undefined;

export function parseLoad(spec: LoadSpec): string[][] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.split('/'));
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoad(s));
  const out: string[][] = [];
  const walk = (o: Record<string, unknown>, prefix: string[]): void => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'select' && typeof v === 'string') out.push(...parseLoad(v).map((p) => [...prefix, ...p]));
      else if (k === 'expand' && typeof v === 'string') out.push(...parseLoad(v).map((p) => [...prefix, ...p]));
      else if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  walk(spec, []);
  return out;
}

export abstract class Proxy {
  _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private nav = new Map<string, Proxy>();

  constructor(
    readonly context: FakeRequestContext,
    /** Finds the target in the document at sync time; null only for null objects. */
    protected readonly resolver: () => unknown,
    readonly nullable = false,
  ) {
    if (nullable) context.trackNullable(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  resolveOrNull(): unknown {
    return this.resolver();
  }

  /** The target, or an error when absent (writing through a null object is not allowed). */
  protected target<T>(): T {
    const t = this.resolver();
    if (t === null || t === undefined) throw new FakeOfficeError(this.nullable ? 'InvalidObjectPath' : 'ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
    return t as T;
  }

  /** A resolver for a child of this proxy, honouring null propagation. */
  protected child<T>(f: (t: never) => T | null): () => T | null {
    return () => {
      const t = this.resolver();
      if (t === null || t === undefined) {
        if (this.context.fake.nullObjectCalls === 'throw') throw new FakeOfficeError('InvalidObjectPath', `A method was called on a null object (${this.constructor.name}).`);
        return null;
      }
      return f(t as never);
    };
  }

  protected navProxy<P extends Proxy>(name: string, make: () => P): P {
    let p = this.nav.get(name) as P | undefined;
    if (!p) {
      p = make();
      this.nav.set(name, p);
    }
    return p;
  }

  protected get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as T;
  }

  /** Scalars loaded by load() without arguments. */
  protected abstract scalars(): string[];
  /** Reads one scalar from the document (at sync). */
  protected abstract read(prop: string): unknown;
  /** A navigation property (format, fill, items…), or undefined. */
  protected navigate(_prop: string): Proxy | Proxy[] | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths : this.scalars().map((s) => [s])));
    return this;
  }

  /** Runs at sync: stages loaded values; a null object loads nothing. */
  runLoad(paths: string[][]): void {
    const t = this.resolver();
    // A null object (or a proxy derived from one) loads nothing; absent items threw already.
    if (t === null || t === undefined) return;
    // Group by first segment so that 'items/name,items/id' loads one set of item proxies.
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of paths) {
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest);
    }
    for (const [head, rests] of groups) {
      if (rests.length === 0 && this.scalars().includes(head)) {
        const v = this.read(head);
        this.context.responseBytes += jsonBytes(v);
        this.context.stage(() => this._loaded.set(head, v));
        continue;
      }
      const nav = this.navigate(head);
      if (nav === undefined) throw new FakeOfficeError('InvalidArgument', `Cannot load '${head}' on ${this.constructor.name}.`);
      const targets = Array.isArray(nav) ? nav : [nav];
      for (const p of targets) p.runLoad(rests.length ? rests : p.scalars().map((x) => [x]));
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/**
 * A collection (worksheets, notes, comments, areas): `load()` means its items' properties, and
 * `items` exists only after a sync that loaded it. Subclasses say how the items are made, at sync.
 */
export abstract class FakeCollection<T extends Proxy> extends Proxy {
  private itemProxies: T[] | null = null;
  protected scalars(): string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  /** The item proxies as the document is at this point of the batch. */
  protected abstract makeItems(): T[];
  protected override navigate(prop: string): Proxy[] | undefined {
    if (prop !== 'items') return undefined;
    const items = this.makeItems();
    this.context.stage(() => (this.itemProxies = items));
    return items;
  }
  override load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.runLoad(paths.length ? paths.map((p) => (p[0] === 'items' ? p : ['items', ...p])) : [['items']]));
    return this;
  }
  get items(): T[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
}
