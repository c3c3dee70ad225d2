// Entry point of the bundled CLI (dist/cli/juesuan.js).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`juesuan: ${e.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
