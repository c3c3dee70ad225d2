// webpack loader: rewrites regular expressions that the pane's oldest browsers cannot compile into
// equivalent older syntax, as Babel's regexpu plugins do. swc, which compiles everything else,
// turns such a literal into `new RegExp("…", flags)`: valid syntax, but a SyntaxError at run time
// in EdgeHTML 18 (no `s` flag, no Unicode property escapes) and in IE11 / Duktape (no `u` flag).
//   the dotAll flag /…/s                 → `.` written as [\s\S]   (both builds)
//   Unicode property escapes /\p{L}/u   → explicit ranges          (both builds)
//   the u flag itself                    → surrogate pairs          (option es5: the IE11 build)
// A library that builds such a regex from string literals (docx: new RegExp("…(.*)$", "is")) is
// treated as if it had written the literal. Lookbehind has no equivalent and is not rewritten:
// test/unit/build/syntax.test.ts reports it.
// Runs before swc, on TypeScript or JavaScript; sources without such a regex pass through.
const babel = require('@babel/core');

const MAY_NEED = /\\p\{|\/[dgimsuy]*[su][dgimsuy]*\b|RegExp\(/;

/** new RegExp("pattern", "flags") with literal strings and an s or u flag → /pattern/flags. */
function literalRegExps({ types: t }) {
  const rewrite = (path) => {
    const { callee, arguments: args } = path.node;
    if (!t.isIdentifier(callee, { name: 'RegExp' }) || path.scope.hasBinding('RegExp', { noGlobals: true })) return;
    if (args.length !== 2 || !t.isStringLiteral(args[0]) || !t.isStringLiteral(args[1]) || !/[su]/.test(args[1].value)) return;
    const pattern = args[0].value.replace(/\\[\s\S]|\//g, (m) => (m === '/' ? '\\/' : m)).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    path.replaceWith(t.regExpLiteral(pattern, args[1].value));
  };
  return { visitor: { NewExpression: rewrite, CallExpression: rewrite } };
}

module.exports = function es5RegexLoader(source) {
  if (!MAY_NEED.test(source)) return source;
  const { es5 = false } = this.getOptions ? this.getOptions() : {};
  const file = this.resourcePath;
  const ts = /\.tsx?$/.test(file);
  const plugins = [literalRegExps, require.resolve('@babel/plugin-transform-dotall-regex'), require.resolve('@babel/plugin-transform-unicode-property-regex')];
  if (es5) plugins.push(require.resolve('@babel/plugin-transform-unicode-regex'));
  const callback = this.async();
  babel
    .transformAsync(source, {
      filename: file,
      babelrc: false,
      configFile: false,
      sourceType: 'unambiguous',
      retainLines: true,
      compact: false,
      parserOpts: { plugins: ts ? ['typescript', ...(/x$/.test(file) ? ['jsx'] : [])] : /\.jsx$/.test(file) ? ['jsx'] : [] },
      generatorOpts: { jsescOption: { minimal: true } },
      plugins,
    })
    .then((r) => callback(null, r.code), callback);
};
