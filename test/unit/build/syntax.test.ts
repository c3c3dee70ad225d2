// Proof without the old webviews: every script the pages emit parses at its target level —
// ES5 for Internet Explorer 11 (the boot script and everything under legacy/, which is all the
// Trident path loads), ES2017 for the rest (EdgeHTML 18 and newer) — and no regular expression
// built from a string at run time (swc turns /(?<=…)/ into new RegExp("(?<=…)")) uses what the
// level lacks: lookbehind, named groups, the s flag, Unicode property escapes, or in ES5 the u flag.
import * as acorn from 'acorn';
import { bootAttributes, emittedScripts, ensureDist, read } from './dist';

type Level = 5 | 2017;
const levelOf = (file: string): Level => (file.startsWith('legacy/') ? 5 : 2017);

beforeAll(ensureDist, 600_000);

/** `RegExp("pattern", "flags")` / `new RegExp(…)` with literal arguments, anywhere in a script. */
function regexpCalls(ast: acorn.Node): { pattern: string; flags: string; pos: number }[] {
  const out: { pattern: string; flags: string; pos: number }[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const node = n as { type?: string; callee?: { type: string; name?: string }; arguments?: { type: string; value?: unknown }[]; start?: number };
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee?.type === 'Identifier' && node.callee.name === 'RegExp') {
      const [p, f] = node.arguments ?? [];
      if (p?.type === 'Literal' && typeof p.value === 'string') out.push({ pattern: p.value, flags: f?.type === 'Literal' && typeof f.value === 'string' ? f.value : '', pos: node.start ?? 0 });
    }
    for (const k of Object.keys(node)) if (k !== 'type') walk((node as Record<string, unknown>)[k]);
  };
  walk(ast);
  return out;
}

/** Checks a run-time pattern as if it were a literal, at the script's level. */
function patternError(pattern: string, flags: string, level: Level): string | null {
  const literal = `/${pattern.replace(/\\[\s\S]|\//g, (m) => (m === '/' ? '\\/' : m)).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}/${flags}`;
  try {
    acorn.parse(literal, { ecmaVersion: level });
    return null;
  } catch (e) {
    return `${literal.slice(0, 80)}: ${(e as Error).message}`;
  }
}

describe('emitted scripts parse at their target level', () => {
  const files = (): string[] => emittedScripts();

  it('the build emits the boot script, the plain pane and its core under legacy/, the full pane outside', () => {
    const all = files();
    expect(all.filter((f) => f.startsWith('legacy/') && !f.startsWith('legacy/chunks/')).map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['legacy/boot', 'legacy/legacy-engine', 'legacy/legacy-pane']);
    // What the plain pane loads on demand (jszip, for merges before ExcelApi 1.13) is ES5 as well.
    expect(all.some((f) => f.startsWith('legacy/chunks/'))).toBe(true);
    const boot = bootAttributes();
    expect(boot.src[0]).toMatch(/^legacy\/boot\.[0-9a-f]{8}\.js$/);
    expect(boot['data-legacy'].every((f) => f.startsWith('legacy/'))).toBe(true);
    expect(boot['data-pane'].length).toBeGreaterThan(0);
    expect(boot['data-pane'].some((f) => f.startsWith('legacy/'))).toBe(false);
    for (const f of [...boot.src, ...boot['data-legacy'], ...boot['data-pane']]) expect(all).toContain(f);
  });

  it.each([5, 2017] as Level[])('every script meant for ES%i parses at that level, its run-time regexps included', (level) => {
    const mine = files().filter((f) => levelOf(f) === level);
    expect(mine.length).toBeGreaterThan(level === 5 ? 2 : 3);
    const problems: string[] = [];
    for (const f of mine) {
      let ast: acorn.Node;
      try {
        ast = acorn.parse(read(f), { ecmaVersion: level, sourceType: 'script' });
      } catch (e) {
        problems.push(`${f}: ${(e as Error).message}`);
        continue;
      }
      for (const r of regexpCalls(ast)) {
        const err = patternError(r.pattern, r.flags, level);
        if (err) problems.push(`${f}@${r.pos}: ${err}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checks are real: ES2018 syntax and a lookbehind built at run time are caught', () => {
    expect(() => acorn.parse('const o = { ...a };', { ecmaVersion: 2017 })).toThrow();
    expect(() => acorn.parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(patternError('(?<=[。！？])', '', 2017)).not.toBeNull();
    expect(patternError('[\\u{10000}-\\u{10FFFF}]', 'u', 5)).not.toBeNull();
    expect(patternError('[\\u{10000}-\\u{10FFFF}]', 'u', 2017)).toBeNull();
    expect(patternError('a/b', 'g', 5)).toBeNull();
  });
});
