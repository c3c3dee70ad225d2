// How the fake hands its objects to the host: through a Proxy that counts every member access
// (each one is a synchronous call into WPS, the cost the host must keep low) and refuses what
// ET would refuse: unknown members, writing a read-only property, touching an object whose
// workbook was closed.

/** An error as a failing ET call raises it (a plain Error with WPS's message). */
export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Error';
  }
}

export interface CallCounter {
  calls: number;
  byMember: Map<string, number>;
}

export interface MemberSpec {
  /** Readable members (properties and methods). */
  get: readonly string[];
  /** Writable properties. */
  set?: readonly string[];
}

/** Names JavaScript itself probes (promise resolution, printing); not calls into WPS. */
const SILENT = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

const RAW = Symbol('raw');

export function rawOf<T>(p: T): T {
  return ((p as unknown as Record<symbol, T>)[RAW] ?? p) as T;
}

/**
 * Wraps a fake object. `alive` is checked on every access (a closed workbook's objects fail);
 * `kind` names the object in error messages.
 */
export function expose<T extends object>(target: T, kind: string, spec: MemberSpec, counter: CallCounter, alive: () => boolean = () => true): T {
  const readable = new Set(spec.get);
  const writable = new Set(spec.set ?? []);
  return new Proxy(target, {
    get(t, p) {
      if (p === RAW) return t;
      if (typeof p === 'symbol' || SILENT.has(p)) return undefined;
      if (!readable.has(p) && !writable.has(p)) throw new FakeEtError(`${kind} 对象不支持属性或方法“${p}”`);
      if (!alive()) throw new FakeEtError('对象已断开与其客户端的连接（工作簿已关闭）');
      counter.calls++;
      counter.byMember.set(`${kind}.${p}`, (counter.byMember.get(`${kind}.${p}`) ?? 0) + 1);
      const v = Reflect.get(t, p); // getters run on the raw object, not through the proxy
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
    set(t, p, v) {
      if (typeof p === 'symbol') return false;
      if (!writable.has(p)) throw new FakeEtError(`${kind}.${p} 是只读属性或不存在`);
      if (!alive()) throw new FakeEtError('对象已断开与其客户端的连接（工作簿已关闭）');
      counter.calls++;
      counter.byMember.set(`${kind}.${p}=`, (counter.byMember.get(`${kind}.${p}=`) ?? 0) + 1);
      return Reflect.set(t, p, v);
    },
    has(t, p) {
      return typeof p === 'string' && (readable.has(p) || writable.has(p));
    },
    ownKeys() {
      return [];
    },
  });
}
