// A small Excel formula evaluator for the file host, which has no calculation engine: after a
// fix or an output sheet is written, formula cells get fresh cached results, so the offline
// page shows them and a re-check sees what Excel would show. It covers what 决算 workbooks
// and our output sheets use: numbers, text, references (A1, $A$1, Sheet!A1, 'Sheet 1'!A1:B2,
// A:A), + - * / ^ & % and comparisons, and SUM AVERAGE MIN MAX COUNT COUNTA ROUND ROUNDUP
// ROUNDDOWN ABS IF IFERROR AND OR NOT ISBLANK ISERROR ISNUMBER SUMPRODUCT N VALUE. Anything else
// is "unsupported": the caller keeps the cached value it had. The recalc tests also use it to
// prove that every formula recalc emits computes the figure recalc claims.
import { columnIndex } from '../../core/address';
import type { CellError, CellValue } from '../../core/snapshot';
import { isCellError } from '../../core/snapshot';

export interface EvalContext {
  /** Value of a cell (a formula cell's cached result); null when empty. */
  get(sheet: string, row: number, col: number): CellValue;
  /** Whether a sheet of that name exists (case-insensitive), and its real name. */
  sheetName(name: string): string | null;
  /** Last used row (0-based) of a sheet, for whole-column references. */
  lastRow(sheet: string): number;
}

export class UnsupportedFormula extends Error {}

type Scalar = number | string | boolean | CellError | null;
interface RangeVal {
  kind: 'range';
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
type Val = Scalar | RangeVal;

const err = (e: string): CellError => ({ error: e });
const isRange = (v: Val): v is RangeVal => typeof v === 'object' && v !== null && 'kind' in v;

class Abort {
  constructor(readonly value: CellError) {}
}

/** Evaluates a formula (without '=') on `sheet`. Throws UnsupportedFormula when out of scope. */
export function evaluateFormula(formula: string, sheet: string, ctx: EvalContext): CellValue {
  const p = new Parser(formula, sheet, ctx);
  try {
    const v = p.expr();
    p.ws();
    if (!p.done()) throw new UnsupportedFormula(formula);
    const s = scalar(v, ctx);
    if (typeof s === 'number' && !Number.isFinite(s)) return err('#NUM!');
    return s === null ? 0 : s;
  } catch (e) {
    if (e instanceof Abort) return e.value;
    throw e;
  }
}

function scalar(v: Val, ctx: EvalContext): Scalar {
  if (!isRange(v)) return v;
  if (v.r1 !== v.r2 || v.c1 !== v.c2) return err('#VALUE!');
  return ctx.get(v.sheet, v.r1, v.c1);
}

function toNumber(v: Scalar): number {
  if (isCellError(v)) throw new Abort(v);
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() === '') return 0;
  const n = parseText(v);
  if (n === null) throw new Abort(err('#VALUE!'));
  return n;
}

/**
 * Excel's text → number coercion (en/zh locale): surrounding spaces, thousands separators in
 * groups of three, (negatives), a trailing %, an exponent. Anything else ('-', '5万元', '１２') is
 * not a number.
 */
function parseText(s: string): number | null {
  let t = s.trim();
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1);
  }
  let pct = false;
  if (t.endsWith('%')) {
    pct = true;
    t = t.slice(0, -1);
  }
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t) || !/^[+-]?\.?\d/.test(t)) return null;
  let n = Number(t.replace(/,/g, ''));
  if (neg) n = -n;
  return pct ? n / 100 : n;
}

function toText(v: Scalar): string {
  if (isCellError(v)) throw new Abort(v);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw new Abort(err('#VALUE!'));
  }
  return toNumber(v) !== 0;
}

/** Excel's ROUND: half away from zero, on the decimal representation. */
function roundTo(x: number, digits: number, mode: 'round' | 'up' | 'down'): number {
  const f = Math.pow(10, digits);
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = mode === 'round' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return (Math.sign(x) * r) / f;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly sheet: string,
    private readonly ctx: EvalContext,
  ) {}

  done(): boolean {
    return this.i >= this.src.length;
  }
  ws(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i])) this.i++;
  }
  private peek(s: string): boolean {
    this.ws();
    return this.src.startsWith(s, this.i);
  }
  private eat(s: string): boolean {
    if (this.peek(s)) {
      this.i += s.length;
      return true;
    }
    return false;
  }

  expr(): Val {
    let v = this.concat();
    for (;;) {
      const op = ['<>', '<=', '>=', '=', '<', '>'].find((o) => this.peek(o));
      if (!op) return v;
      this.i += op.length;
      const w = this.concat();
      v = compare(scalar(v, this.ctx), scalar(w, this.ctx), op);
    }
  }
  private concat(): Val {
    let v = this.additive();
    while (this.eat('&')) {
      const w = this.additive();
      v = toText(scalar(v, this.ctx)) + toText(scalar(w, this.ctx));
    }
    return v;
  }
  private additive(): Val {
    let v = this.term();
    for (;;) {
      if (this.eat('+')) v = toNumber(scalar(v, this.ctx)) + toNumber(scalar(this.term(), this.ctx));
      else if (this.eat('-')) v = toNumber(scalar(v, this.ctx)) - toNumber(scalar(this.term(), this.ctx));
      else return v;
    }
  }
  private term(): Val {
    let v = this.power();
    for (;;) {
      if (this.eat('*')) v = toNumber(scalar(v, this.ctx)) * toNumber(scalar(this.power(), this.ctx));
      else if (this.eat('/')) {
        const a = toNumber(scalar(v, this.ctx));
        const b = toNumber(scalar(this.power(), this.ctx));
        if (b === 0) throw new Abort(err('#DIV/0!'));
        v = a / b;
      } else return v;
    }
  }
  private power(): Val {
    let v = this.unary();
    while (this.eat('^')) v = Math.pow(toNumber(scalar(v, this.ctx)), toNumber(scalar(this.unary(), this.ctx)));
    return v;
  }
  private unary(): Val {
    if (this.eat('-')) return -toNumber(scalar(this.unary(), this.ctx));
    if (this.eat('+')) return this.unary();
    let v = this.primary();
    while (this.eat('%')) v = toNumber(scalar(v, this.ctx)) / 100;
    return v;
  }
  private primary(): Val {
    this.ws();
    const rest = this.src.slice(this.i);
    if (this.eat('(')) {
      const v = this.expr();
      if (!this.eat(')')) throw new UnsupportedFormula(this.src);
      return v;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?/i.exec(rest);
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    if (rest.startsWith('"')) {
      const m = /^"((?:[^"]|"")*)"/.exec(rest);
      if (!m) throw new UnsupportedFormula(this.src);
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    const errLit = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/.exec(rest);
    if (errLit) {
      this.i += errLit[0].length;
      return err(errLit[0]);
    }
    const ref = this.reference();
    if (ref) return ref;
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      return this.call(fn[1].toUpperCase());
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) {
      this.i += bool[0].length;
      return bool[1].toUpperCase() === 'TRUE';
    }
    throw new UnsupportedFormula(this.src);
  }

  /** A1, $A$1, A1:B2, A:A, with an optional sheet prefix. */
  private reference(): RangeVal | null {
    const rest = this.src.slice(this.i);
    const m = /^(?:'((?:[^']|'')+)'!|([^\s!'"()+\-*/^&=<>,:;%]+)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3})(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}))?(?![A-Za-z0-9_(])/u.exec(rest);
    if (!m) return null;
    const first = m[3].replace(/\$/g, '');
    const second = m[4]?.replace(/\$/g, '');
    const colOnly = /^[A-Za-z]+$/.test(first);
    // A bare word like "SUM" without a colon is not a reference; "A:A" is.
    if (colOnly && !second) return null;
    if (colOnly !== (second !== undefined && /^[A-Za-z]+$/.test(second))) return null;
    // Excel refuses a bare sheet name that starts with a digit (=1表!A1); it must be quoted.
    if (m[2] !== undefined && /^\d/.test(m[2])) throw new UnsupportedFormula(this.src);
    const rawSheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = rawSheet === undefined ? this.sheet : this.ctx.sheetName(rawSheet);
    this.i += m[0].length;
    if (sheet === null) throw new Abort(err('#REF!'));
    if (colOnly) {
      const c1 = columnIndex(first);
      const c2 = columnIndex(second!);
      return { kind: 'range', sheet, r1: 0, c1: Math.min(c1, c2), r2: this.ctx.lastRow(sheet), c2: Math.max(c1, c2) };
    }
    const p = cellOf(first);
    const q = second ? cellOf(second) : p;
    return { kind: 'range', sheet, r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
  }

  private args(): Val[] {
    const out: Val[] = [];
    if (this.eat(')')) return out;
    for (;;) {
      out.push(this.expr());
      if (this.eat(',')) continue;
      if (this.eat(')')) return out;
      throw new UnsupportedFormula(this.src);
    }
  }

  private call(name: string): Val {
    // IF and IFERROR evaluate lazily, as Excel does.
    if (name === 'IF' || name === 'IFERROR') return this.lazy(name);
    const args = this.args();
    const ctx = this.ctx;
    const nums = (strict: boolean): number[] => {
      const out: number[] = [];
      for (const a of args) {
        if (isRange(a)) {
          forEachCell(a, ctx, (v) => {
            if (isCellError(v)) throw new Abort(v);
            if (typeof v === 'number') out.push(v);
          });
        } else if (strict || typeof a === 'number' || typeof a === 'boolean' || typeof a === 'string') out.push(toNumber(a));
      }
      return out;
    };
    switch (name) {
      case 'SUM':
        return nums(true).reduce((s, x) => s + x, 0);
      case 'AVERAGE': {
        const xs = nums(true);
        if (xs.length === 0) throw new Abort(err('#DIV/0!'));
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case 'MIN': {
        const xs = nums(true);
        return xs.length ? Math.min(...xs) : 0;
      }
      case 'MAX': {
        const xs = nums(true);
        return xs.length ? Math.max(...xs) : 0;
      }
      case 'COUNT': {
        let n = 0;
        for (const a of args) {
          if (isRange(a)) forEachCell(a, ctx, (v) => void (typeof v === 'number' && n++));
          else if (typeof a === 'number') n++;
        }
        return n;
      }
      case 'COUNTA': {
        let n = 0;
        for (const a of args) {
          if (isRange(a)) forEachCell(a, ctx, (v) => void (v !== null && v !== '' && n++));
          else if (a !== null) n++;
        }
        return n;
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        if (args.length < 1 || args.length > 2) throw new UnsupportedFormula(this.src);
        const x = toNumber(scalar(args[0], ctx));
        const d = args.length > 1 ? Math.trunc(toNumber(scalar(args[1], ctx))) : 0;
        return roundTo(x, d, name === 'ROUND' ? 'round' : name === 'ROUNDUP' ? 'up' : 'down');
      }
      case 'ABS':
        return Math.abs(toNumber(scalar(args[0], ctx)));
      case 'AND':
      case 'OR': {
        const bs: boolean[] = [];
        for (const a of args) {
          if (isRange(a)) forEachCell(a, ctx, (v) => void (v !== null && bs.push(toBool(v))));
          else bs.push(toBool(a));
        }
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT':
        return !toBool(scalar(args[0], ctx));
      case 'ISBLANK':
        return scalar(args[0], ctx) === null;
      case 'ISERROR':
        return isCellError(scalar(args[0], ctx));
      case 'ISNUMBER':
        return typeof scalar(args[0], ctx) === 'number';
      case 'N': {
        // A number stays, TRUE is 1, text and blanks are 0; errors propagate.
        if (args.length !== 1) throw new UnsupportedFormula(this.src);
        const v = scalar(args[0], ctx);
        if (isCellError(v)) throw new Abort(v);
        return typeof v === 'number' ? v : v === true ? 1 : 0;
      }
      case 'VALUE': {
        if (args.length !== 1) throw new UnsupportedFormula(this.src);
        const v = scalar(args[0], ctx);
        if (typeof v === 'boolean') throw new Abort(err('#VALUE!'));
        return toNumber(v);
      }
      case 'SUMPRODUCT': {
        const ranges = args.filter(isRange);
        if (ranges.length !== args.length || ranges.length === 0) throw new UnsupportedFormula(this.src);
        const h = ranges[0].r2 - ranges[0].r1;
        const w = ranges[0].c2 - ranges[0].c1;
        if (ranges.some((r) => r.r2 - r.r1 !== h || r.c2 - r.c1 !== w)) throw new Abort(err('#VALUE!'));
        let total = 0;
        for (let i = 0; i <= h; i++)
          for (let j = 0; j <= w; j++) {
            let prod = 1;
            for (const r of ranges) {
              const v = ctx.get(r.sheet, r.r1 + i, r.c1 + j);
              if (isCellError(v)) throw new Abort(v);
              prod *= typeof v === 'number' ? v : 0;
            }
            total += prod;
          }
        return total;
      }
    }
    throw new UnsupportedFormula(name);
  }

  private lazy(name: 'IF' | 'IFERROR'): Val {
    const ctx = this.ctx;
    // Evaluate every argument (parsing must advance), but let errors in the branch not taken pass.
    const vals: { v?: Scalar; e?: CellError }[] = [];
    if (this.eat(')')) throw new UnsupportedFormula(this.src);
    for (;;) {
      const start = this.i;
      try {
        vals.push({ v: scalar(this.expr(), ctx) });
      } catch (e) {
        if (!(e instanceof Abort)) throw e;
        vals.push({ e: e.value });
        // The error may come from deep inside the argument (IFERROR(ROUND(a/0,2),0)): rescan it
        // from its start so that commas of nested calls are not taken for this call's.
        this.i = start;
        this.skipArgument();
      }
      if (this.eat(',')) continue;
      if (this.eat(')')) break;
      throw new UnsupportedFormula(this.src);
    }
    const get = (k: number, dflt: Scalar): Scalar => {
      const a = vals[k];
      if (!a) return dflt;
      if (a.e) throw new Abort(a.e);
      return a.v ?? null;
    };
    if (name === 'IFERROR') {
      const a = vals[0];
      if (!a || a.e || isCellError(a.v ?? null)) return get(1, 0);
      return a.v ?? null;
    }
    return toBool(get(0, false)) ? get(1, true) : get(2, false);
  }

  /** From the start of an argument, move to the ',' or ')' that ends it. */
  private skipArgument(): void {
    let depth = 0;
    let quote: string | null = null; // inside "text" or a 'sheet name'
    for (; this.i < this.src.length; this.i++) {
      const ch = this.src[this.i];
      if (quote) {
        if (ch === quote) quote = null; // a doubled quote closes and reopens: same outcome
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) return;
        depth--;
      } else if (ch === ',' && depth === 0) return;
    }
  }
}

function cellOf(a1: string): { r: number; c: number } {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(a1)!;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

function forEachCell(r: RangeVal, ctx: EvalContext, f: (v: CellValue) => void): void {
  const r2 = Math.min(r.r2, ctx.lastRow(r.sheet));
  for (let i = r.r1; i <= r2; i++) for (let j = r.c1; j <= r.c2; j++) f(ctx.get(r.sheet, i, j));
}

function compare(a: Scalar, b: Scalar, op: string): boolean {
  if (isCellError(a)) throw new Abort(a);
  if (isCellError(b)) throw new Abort(b);
  // A blank takes the other side's type: blank = 0, blank = "" and blank = FALSE all hold.
  const blankAs = (other: Scalar): number | string | boolean => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const norm = (x: Scalar): number | string | boolean => (x === null ? blankAs(x === a ? b : a) : (x as number | string | boolean));
  const x = norm(a);
  const y = norm(b);
  // Excel orders numbers < text < booleans; text compares case-insensitively.
  const rank = (v: number | string | boolean): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string') c = x.toLowerCase() < String(y).toLowerCase() ? -1 : x.toLowerCase() > String(y).toLowerCase() ? 1 : 0;
  else c = Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0;
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}
