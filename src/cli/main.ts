// juesuan — the command line for reviewers (SPEC §8). Node only: reads files, prints reports.
// Exit status: 0 no error finding, 1 an error finding, 2 input unreadable, output refused or a
// usage error. Every file is read and checked in a worker (see pool.ts); this thread only lists,
// prints and writes.
import { UsageError, USAGE, parseCommandLine, wantsHelp } from './args';
import { runCheck } from './check-command';
import type { CliIO, CliOptions } from './context';
import { HELP } from './help';
import { describeUnexpected, InputError } from './messages';
import { runNarrative } from './narrative-command';
import { OutputError } from './safe-write';
import { stripControl } from './sanitize';

export type { CliIO, CliOptions } from './context';
export { HELP } from './help';
export { bundledSamplePath } from './context';

const defaultIO: CliIO = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** Everything printed goes through here: no escape sequence from a file reaches the terminal. */
function terminalSafe(io: CliIO): CliIO {
  return { out: (s) => io.out(stripControl(s)), err: (s) => io.err(stripControl(s)) };
}

export async function main(argv: string[], rawIO: CliIO = defaultIO, opts: CliOptions = {}): Promise<number> {
  const io = terminalSafe(rawIO);
  if (wantsHelp(argv)) {
    io.out(HELP);
    return 0;
  }
  if (argv.length === 0) {
    io.err(HELP);
    return 2;
  }
  try {
    const parsed = parseCommandLine(argv);
    return parsed.command === 'check' ? await runCheck(parsed, io, opts) : await runNarrative(parsed, io, opts);
  } catch (e) {
    if (e instanceof UsageError) io.err(`${e.message}\n\n${USAGE}\n（juesuan --help 查看完整说明）`);
    else if (e instanceof InputError || e instanceof OutputError) io.err(e.message);
    else io.err(describeUnexpected('juesuan', e));
    return 2;
  }
}
