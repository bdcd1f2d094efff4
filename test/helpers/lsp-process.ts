// Stops a language server that runs as a child process of this Node and speaks JSON-RPC over
// its stdio: shared by the protocol tests' client (test/lsp/client.ts) and the benchmark's
// peer client (bench/peer-client.ts).
import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';

/**
 * Sends `shutdown` (waiting at most `graceMs` for its answer) and `exit`, waits up to
 * `graceMs` for the child to exit, else sends it `signal` through its handle; then disposes
 * the connection. A server that is already gone is not an error.
 */
export async function stopLspChild(connection: MessageConnection, child: ChildProcess, graceMs = 2000, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  try {
    await Promise.race([connection.sendRequest('shutdown', null), new Promise((r) => setTimeout(r, graceMs))]);
    await connection.sendNotification('exit', null);
  } catch {
    // already gone
  }
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill(signal);
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  connection.dispose();
}
