#!/usr/bin/env node
// Runs the bundled CLI; builds it first when the bundle is missing (e.g. scripts were skipped at install).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'cli', 'juesuan.js');
if (!existsSync(bundle)) {
  require('child_process').execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
require(bundle);
