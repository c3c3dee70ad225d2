// Entry point of the bundled CLI (dist/cli/juesuan.js).
import { main } from './main';
import { describeUnexpected } from './messages';
import { stripControl } from './sanitize';

// `juesuan check folder --json | head` closes the pipe early: stop quietly, not with EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(stripControl(describeUnexpected('juesuan', e)) + '\n');
    process.exitCode = 2;
  },
);
