#!/usr/bin/env node
// `salastus`: runs the bundled command line, dist/cli.js (built by `npm run build`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';

const target = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(target)) {
  process.stderr.write(`salastus: ${target} does not exist; run \`npm run build\` first.\n`);
  process.exit(2);
}
createRequire(import.meta.url)(target);
