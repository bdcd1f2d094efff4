#!/usr/bin/env node
// `salastus-language-server`: runs the bundled language server, dist/server.js (built by
// `npm run build`). The transport options --stdio and --node-ipc pass through (the server
// refuses sockets and pipes); without one it talks over standard input and output.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, URL } from 'node:url';

const target = fileURLToPath(new URL('../dist/server.js', import.meta.url));
if (!existsSync(target)) {
  process.stderr.write(`salastus-language-server: ${target} does not exist; run \`npm run build\` first.\n`);
  process.exit(2);
}
if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe|port)(=|$)/.test(a))) process.argv.push('--stdio');
createRequire(import.meta.url)(target);
