// Entry point of the Salastus language server (bundled to dist/server.js). The transport
// (`--stdio`, `--node-ipc`, `--socket=…`, `--pipe=…`) is the one the client asks for on the
// command line, as vscode-languageserver's createConnection reads it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';

// Only the editor's pipes: the server opens no socket and no named pipe (docs/RELIABILITY.md).
const refused = process.argv.slice(2).find((a) => /^--(socket|pipe|port)(=|$)/.test(a));
if (refused) {
  process.stderr.write(`salastus-language-server: ${refused} is not supported: the server talks only over --stdio or --node-ipc.\n`);
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
// Whatever goes wrong is logged; the server keeps serving.
process.on('uncaughtException', (e) => connection.console.error(`salastus: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`salastus: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
startServer(connection);
connection.listen();
