// A small Excel formula evaluator for tests: the subset recalc emits (references with quoted or
// bare sheet names, ranges, + − × ÷ &, comparisons, SUM, MIN, MAX, IF, IFERROR, ROUND, N, VALUE, ABS),
// with Excel's coercion rules (blank = 0 or "", SUM over a range skips text, errors propagate).
import { columnIndex } from '../../../src/core/address';
import type { DerivedSheet } from '../../../src/core/recalc/recalc';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { isCellError } from '../../../src/core/snapshot';

export interface XlError {
  error: string;
}
export type Scalar = number | string | boolean | null | XlError; // null = blank cell
interface RangeRef {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const isErr = (v: unknown): v is XlError => typeof v === 'object' && v !== null && 'error' in v;
const VALUE: XlError = { error: '#VALUE!' };
const DIV0: XlError = { error: '#DIV/0!' };
const REF: XlError = { error: '#REF!' };

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; cell: string; cell2?: string }
  | { t: 'fn'; name: string }
  | { t: 'bool'; v: boolean }
  | { t: 'op'; v: string };

const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const readCellAfter = (sheet: string | null): void => {
    const m = /^(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/.exec(src.slice(i));
    if (!m) throw new Error(`bad reference at ${i} in ${src}`);
    i += m[0].length;
    out.push({ t: 'ref', sheet, cell: m[1], cell2: m[2] });
  };
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated sheet name in ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      if (src[i] !== '!') throw new Error(`quoted name without ! in ${src}`);
      i++;
      readCellAfter(s);
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^[A-Za-z_\p{L}]/u.test(src.slice(i + num[0].length))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[\p{L}\p{N}_.$]+/u.exec(src.slice(i));
    if (word) {
      const w = word[0];
      const next = src[i + w.length];
      if (next === '!') {
        // A bare sheet name: Excel only allows it unquoted under quoteSheet's rules.
        if (/^\d/.test(w)) throw new Error(`sheet name ${w} must be quoted in ${src}`);
        i += w.length + 1;
        readCellAfter(w);
        continue;
      }
      if (next === '(') {
        out.push({ t: 'fn', name: w.toUpperCase() });
        i += w.length + 1;
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(w)) {
        out.push({ t: 'bool', v: w.toUpperCase() === 'TRUE' });
        i += w.length;
        continue;
      }
      if (CELL.test(w)) {
        readCellAfter(null);
        continue;
      }
      throw new Error(`unknown name ${w} in ${src}`);
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/&=<>(),%'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw new Error(`unexpected ${ch} at ${i} in ${src}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// AST

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; range: RangeRef; single: boolean }
  | { k: 'un'; op: string; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

function parse(src: string, currentSheet: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const t = peek();
    return !!t && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${src}`);
    p++;
  };
  const binLevel = (ops: string[], next: () => Node): (() => Node) => () => {
    let a = next();
    for (;;) {
      const t = peek();
      if (t && t.t === 'op' && ops.includes(t.v)) {
        p++;
        a = { k: 'bin', op: t.v, a, b: next() };
      } else return a;
    }
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Error(`unexpected end of ${src}`);
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'bool':
        return { k: 'lit', v: t.v };
      case 'ref': {
        const a = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(t.cell)!;
        const b = t.cell2 ? /^\$?([A-Za-z]+)\$?(\d+)$/.exec(t.cell2)! : a;
        const r1 = Number(a[2]) - 1;
        const c1 = columnIndex(a[1]);
        const r2 = Number(b[2]) - 1;
        const c2 = columnIndex(b[1]);
        return {
          k: 'ref',
          single: !t.cell2,
          range: { sheet: t.sheet ?? currentSheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) },
        };
      }
      case 'fn': {
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            args.push(comparison());
            if (isOp(',')) {
              p++;
              continue;
            }
            break;
          }
        }
        expect(')');
        return { k: 'call', name: t.name, args };
      }
      case 'op':
        if (t.v === '(') {
          const e = comparison();
          expect(')');
          return e;
        }
        if (t.v === '-' || t.v === '+') return { k: 'un', op: t.v, a: postfix() };
        throw new Error(`unexpected ${t.v} in ${src}`);
    }
  };
  const postfix = (): Node => {
    let a = primary();
    while (isOp('%')) {
      p++;
      a = { k: 'pct', a };
    }
    return a;
  };
  const mul = binLevel(['*', '/'], postfix);
  const add = binLevel(['+', '-'], mul);
  const cat = binLevel(['&'], add);
  const comparison = binLevel(['=', '<>', '<', '>', '<=', '>='], cat);
  const e = comparison();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface EvalOptions {
  /** Sheets whose formula cells are evaluated rather than read from their cached value. */
  recompute?: Set<string>;
}

class Evaluator {
  private readonly sheets = new Map<string, SheetSnapshot>();
  private readonly stack = new Set<string>();
  constructor(
    wb: WorkbookSnapshot,
    private readonly opts: EvalOptions,
  ) {
    for (const s of wb.sheets) this.sheets.set(s.name, s);
  }

  cell(sheet: string, r: number, c: number): Scalar {
    const sh = this.sheets.get(sheet);
    if (!sh) return REF;
    const cell: Cell | undefined = sh.cells[r]?.[c];
    if (!cell) return null;
    if (cell.f && this.opts.recompute?.has(sheet)) {
      const key = `${sheet}!${r},${c}`;
      if (this.stack.has(key)) return { error: '#CIRC!' };
      this.stack.add(key);
      try {
        return this.formula(cell.f, sheet);
      } finally {
        this.stack.delete(key);
      }
    }
    const v = cell.v;
    if (isCellError(v)) return { error: v.error };
    return v === '' && !cell.f ? null : v;
  }

  formula(f: string, sheet: string): Scalar {
    // A formula never yields a blank: =A1 over an empty cell shows 0.
    return blankToZero(this.scalar(parse(f.startsWith('=') ? f.slice(1) : f, sheet)));
  }

  private values(range: RangeRef): Scalar[] {
    const out: Scalar[] = [];
    for (let r = range.r1; r <= range.r2; r++) for (let c = range.c1; c <= range.c2; c++) out.push(this.cell(range.sheet, r, c));
    return out;
  }

  private scalar(n: Node): Scalar {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        if (!n.single) return VALUE; // implicit intersection is not part of the subset
        return this.cell(n.range.sheet, n.range.r1, n.range.c1);
      case 'un': {
        const v = toNumber(this.scalar(n.a));
        return isErr(v) ? v : n.op === '-' ? -v : v;
      }
      case 'pct': {
        const v = toNumber(this.scalar(n.a));
        return isErr(v) ? v : v / 100;
      }
      case 'bin':
        return this.binary(n.op, this.scalar(n.a), this.scalar(n.b));
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === '&') return toText(a) + toText(b);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b);
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
    const x = toNumber(a);
    if (isErr(x)) return x;
    const y = toNumber(b);
    if (isErr(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? DIV0 : x / y;
    }
    throw new Error(`operator ${op}`);
  }

  /** Numbers of an aggregate's arguments: references skip text/booleans/blanks; literals coerce. */
  private numbers(args: Node[]): number[] | XlError {
    const out: number[] = [];
    for (const a of args) {
      if (a.k === 'ref') {
        for (const v of this.values(a.range)) {
          if (isErr(v)) return v;
          if (typeof v === 'number') out.push(v);
        }
      } else {
        const v = this.scalar(a);
        if (v === null) continue;
        const x = toNumber(v);
        if (isErr(x)) return x;
        out.push(x);
      }
    }
    return out;
  }

  private call(name: string, args: Node[]): Scalar {
    switch (name) {
      case 'SUM': {
        const xs = this.numbers(args);
        return isErr(xs) ? xs : xs.reduce((s, x) => s + x, 0);
      }
      case 'MIN':
      case 'MAX': {
        const xs = this.numbers(args);
        if (isErr(xs)) return xs;
        return xs.length === 0 ? 0 : name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
      }
      case 'IF': {
        const c = toBool(this.scalar(args[0]));
        if (isErr(c)) return c;
        if (c) return args[1] ? blankToZero(this.scalar(args[1])) : true;
        return args[2] ? blankToZero(this.scalar(args[2])) : false;
      }
      case 'IFERROR': {
        const v = this.scalar(args[0]);
        return isErr(v) ? blankToZero(this.scalar(args[1])) : blankToZero(v);
      }
      case 'ROUND': {
        const x = toNumber(this.scalar(args[0]));
        if (isErr(x)) return x;
        const d = toNumber(this.scalar(args[1]));
        if (isErr(d)) return d;
        const f = 10 ** Math.trunc(d);
        return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
      }
      case 'ABS': {
        const x = toNumber(this.scalar(args[0]));
        return isErr(x) ? x : Math.abs(x);
      }
      case 'N': {
        const v = this.scalar(args[0]);
        if (isErr(v)) return v;
        if (typeof v === 'number') return v;
        if (typeof v === 'boolean') return v ? 1 : 0;
        return 0;
      }
      case 'VALUE': {
        const v = this.scalar(args[0]);
        if (v === null) return 0;
        if (typeof v === 'boolean') return VALUE;
        return toNumber(v);
      }
    }
    throw new Error(`function ${name} is outside the evaluated subset`);
  }
}

function blankToZero(v: Scalar): Scalar {
  return v === null ? 0 : v;
}

/** Excel's text → number coercion (en/zh locale): spaces, thousands separators, (negatives), %. */
function parseText(s: string): number | null {
  let t = s.trim();
  if (t === '') return null;
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
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) || !/\d/.test(t)) return null;
  let n = Number(t.replace(/,/g, ''));
  if (neg) n = -n;
  return pct ? n / 100 : n;
}

function toNumber(v: Scalar): number | XlError {
  if (v === null) return 0;
  if (isErr(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = parseText(v);
  return n === null ? VALUE : n;
}

function toText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: Scalar): boolean | XlError {
  if (v === null) return false;
  if (isErr(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return VALUE;
}

/** Excel ordering: numbers < text < logicals; a blank takes the other side's type. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Public helpers for tests

/** Evaluate one formula (with or without '=') as if it stood on `sheet`. */
export function evaluate(wb: WorkbookSnapshot, formula: string, sheet = '', opts: EvalOptions = {}): Scalar {
  return new Evaluator(wb, opts).formula(formula, sheet);
}

/** The derived sheet as a SheetSnapshot (formula + cached value), to be added to a workbook. */
export function derivedSheetSnapshot(ds: DerivedSheet): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  ds.rows.forEach((row, r) =>
    row.forEach((dc, c) => {
      if (dc.formula === undefined && (dc.value === undefined || dc.value === null)) return;
      const v = dc.formula !== undefined ? (dc.cachedValue ?? null) : (dc.value ?? null);
      const cell: Cell = { v };
      if (dc.formula !== undefined) cell.f = dc.formula;
      (cells[r] ??= [])[c] = cell;
    }),
  );
  return { name: ds.name, cells, merges: [] };
}

export interface EvaluatedCell {
  row: number;
  col: number;
  /** The 指标 label of the row. */
  label: string;
  formula: string;
  cached: number | string | null | undefined;
  evaluated: Scalar;
}

/** Evaluate every formula of a derived sheet against the workbook (the sheet's own cells live). */
export function evaluateDerived(wb: WorkbookSnapshot, ds: DerivedSheet): EvaluatedCell[] {
  const full: WorkbookSnapshot = { name: wb.name, sheets: [...wb.sheets.filter((s) => s.name !== ds.name), derivedSheetSnapshot(ds)] };
  const ev = new Evaluator(full, { recompute: new Set([ds.name]) });
  const out: EvaluatedCell[] = [];
  ds.rows.forEach((row, r) =>
    row.forEach((dc, c) => {
      if (dc.formula === undefined) return;
      out.push({ row: r, col: c, label: String(row[0]?.value ?? ''), formula: dc.formula, cached: dc.cachedValue, evaluated: ev.formula(dc.formula, ds.name) });
    }),
  );
  return out;
}

/** Row index of the row whose 指标 label is `label`, searching after the first row whose A cell contains `section`. */
export function rowOf(ds: DerivedSheet, label: string, section?: string): number {
  let start = 0;
  if (section) {
    start = ds.rows.findIndex((r) => typeof r[0]?.value === 'string' && (r[0].value as string).includes(section));
    if (start < 0) throw new Error(`no section ${section}`);
  }
  for (let r = start; r < ds.rows.length; r++) if (ds.rows[r][0]?.value === label) return r;
  throw new Error(`no row labelled ${label}${section ? ` after ${section}` : ''}; labels: ${ds.rows.map((r) => r[0]?.value ?? '').join(' | ')}`);
}

/** The evaluated 数值 (column C) of a row found by rowOf. */
export function valueOf(cells: EvaluatedCell[], ds: DerivedSheet, label: string, section?: string): Scalar {
  const row = rowOf(ds, label, section);
  const hit = cells.find((c) => c.row === row && c.col === 2);
  if (!hit) throw new Error(`row ${label} has no formula`);
  return hit.evaluated;
}
