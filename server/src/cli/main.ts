// Entry point of the `salastus` command (bundled to dist/cli.js). The bundle is also what
// `check --jobs N` starts its checking threads from: in one of those, the command does not run.
import { isCheckThread } from './check-parallel.ts';
import { main } from './run.ts';

if (!isCheckThread()) {
  const terminal = { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true, columns: process.stdout.columns || process.stderr.columns, env: process.env };
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), terminal).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`salastus: ${String(e)}\n`); process.exitCode = 2; },
  );
}
