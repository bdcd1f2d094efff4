// Entry point of the `salastus` command (bundled to dist/cli.js).
import { main } from './run.ts';

main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`salastus: ${String(e)}\n`); process.exitCode = 2; },
);
