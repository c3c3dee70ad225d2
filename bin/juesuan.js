#!/usr/bin/env node
// Runs the bundled CLI; builds it first when the bundle or its check worker is missing (e.g. scripts
// were skipped at install).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const dist = join(__dirname, '..', 'dist', 'cli');
if (!existsSync(join(dist, 'juesuan.js')) || !existsSync(join(dist, 'check-worker.js'))) {
  require('child_process').execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
require(join(dist, 'juesuan.js'));
