// A minimal LSP client for yaml-language-server (the benchmark's peer): starts its node
// entry with --stdio as a child process of this Node, speaks JSON-RPC to it with
// vscode-jsonrpc (as test/lsp/client.ts does with our server), configures `yaml.schemas`,
// and times didOpen → first publishDiagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { stopLspChild } from '../test/helpers/lsp-process.ts';

/** The package's node entry (bin/yaml-language-server), found through its package.json. */
export function yamlServerEntry(): string {
  const pkg = createRequire(import.meta.url).resolve('yaml-language-server/package.json');
  return join(dirname(pkg), 'bin', 'yaml-language-server');
}

export class PeerClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  private readonly waiters = new Map<string, (p: PublishDiagnosticsParams) => void>();
  private settings: Record<string, unknown>;

  private constructor(child: ChildProcess, settings: Record<string, unknown>) {
    this.child = child;
    this.settings = settings;
    child.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const w = this.waiters.get(p.uri);
      if (w) w(p);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section ? (this.settings[i.section] ?? null) : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.listen();
  }

  /** Starts the server, initialises it and sends the settings (schemas associated by `yaml.schemas`). */
  static async start(settings: Record<string, unknown>): Promise<PeerClient> {
    const child = spawn(process.execPath, [yamlServerEntry(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const c = new PeerClient(child, settings);
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: false } },
      },
    });
    await c.connection.sendNotification('initialized', {});
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return c;
  }

  /** Opens `text` as `uri`; resolves with the milliseconds to the first diagnostics that satisfy `predicate`, and those diagnostics. */
  async timeOpen(uri: string, text: string, predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 120_000): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
    const got = new Promise<{ ms: number; params: PublishDiagnosticsParams }>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(uri);
        reject(new Error(`yaml-language-server: no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      this.waiters.set(uri, (p) => {
        if (!predicate(p)) return;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        this.waiters.delete(uri);
        resolve({ ms, params: p });
      });
    });
    const t0 = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return got;
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down; kills it (SIGKILL, by its pid, through the handle) if it does not exit. */
  shutdown(): Promise<void> {
    return stopLspChild(this.connection, this.child, 2000, 'SIGKILL');
  }
}
