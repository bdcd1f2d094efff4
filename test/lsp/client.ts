// A small LSP client for the protocol tests: starts the built server (dist/server.js) with
// this Node over stdio and speaks JSON-RPC to it; answers the server's requests
// (workspace/configuration — at once or after a delay —, client/(un)registerCapability,
// workspace/applyEdit, window/workDoneProgress/create, the refresh requests); collects
// published diagnostics and lets a test wait for the next ones of a document; keeps every
// message the server sent, in order (`received`).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams, Diagnostic, InitializeResult, Position, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime.ts';
import { stopLspChild } from '../helpers/lsp-process.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER = join(ROOT, 'dist', 'server.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'lsp');
/** Every protocol test checks against this day (`salastus.today`). */
export const TODAY = '2026-11-21';

let building: Promise<void> | undefined;

/** Builds dist/server.js with the project's build script when it is not there. */
export function ensureBuilt(): Promise<void> {
  if (existsSync(SERVER)) return Promise.resolve();
  building ??= (async () => {
    const { buildAll, BUNDLES } = await import('../../scripts/build.ts');
    await buildAll(BUNDLES.filter((b) => b.outfile === 'dist/server.js'));
  })();
  return building;
}

/** A copy of a fixture folder in a temporary folder: its path, a file's uri and text, and removal. */
export interface Fixture {
  dir: string;
  uri: (file: string) => string;
  text: (file: string) => string;
  dispose: () => void;
}

/** A copy of a fixture folder in a temporary folder (tests may change files on disk). */
export function copyFixture(name: string): Fixture {
  const dir = mkdtempSync(join(tmpdir(), `salastus-lsp-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return {
    dir,
    uri: (file) => pathToFileURL(join(dir, file)).href,
    text: (file) => readFileSync(join(dir, file), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface StartOptions {
  /** Workspace folder (a path). */
  folder?: string;
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** The answer to `workspace/configuration` for section `salastus` (null: the client has none). */
  configuration?: unknown;
  /** How long the client takes to answer `workspace/configuration` (a slow client). */
  configurationDelayMs?: number;
  /** Whether the client can show a progress the server creates (`window.workDoneProgress`); default true, as VS Code. */
  workDoneProgress?: boolean;
  /** Whether the server may ask the client to refresh code lenses and inlay hints; default true, as VS Code. */
  refreshSupport?: boolean;
  /** Whether the server may register the document symbols with the client (VS Code can); default false. */
  dynamicSymbols?: boolean;
}

/** A message from the server (a notification, or a request the client answered), in the order they came. */
export interface Received {
  method: string;
  params: unknown;
  /** performance.now() when it came. */
  at: number;
}

/** The value of a `$/progress` notification for a work done progress. */
export interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  message?: string;
  percentage?: number;
}

interface Waiter {
  uri: string;
  predicate: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  /** Every notification and request from the server, in order. */
  readonly received: Received[] = [];
  configuration: unknown = null;
  configurationDelayMs = 0;
  initializeResult: InitializeResult | undefined;
  private readonly docs = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  /** When the last notification was handed to the connection (after the client's own work on its copy of the text), performance.now(). */
  sentAt = 0;
  /** When each publication arrived (decoded), performance.now(). */
  readonly receivedAt = new WeakMap<PublishDiagnosticsParams, number>();

  private constructor(child: ChildProcess) {
    this.child = child;
    child.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const keep = (method: string, params: unknown): void => {
      this.received.push({ method, params, at: performance.now() });
    };
    this.connection.onNotification((method: string, params: unknown) => keep(method, params));
    this.connection.onUnhandledProgress((p) => keep('$/progress', p));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      keep('textDocument/publishDiagnostics', p);
      this.receivedAt.set(p, performance.now());
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.predicate(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      keep('window/logMessage', p);
      this.logs.push(p.message);
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      keep('window/showMessage', p);
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
      keep('workspace/configuration', p);
      // (A timer that does not keep the tests' process alive: a client that "never" answers waits long.)
      if (this.configurationDelayMs > 0) await new Promise((r) => setTimeout(r, this.configurationDelayMs).unref());
      return p.items.map(() => this.configuration);
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      keep('client/registerCapability', p);
      this.registrations.push(...p.registrations);
      return null;
    });
    for (const method of ['client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      this.connection.onRequest(method, (p: unknown) => {
        keep(method, p);
        return null;
      });
    }
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      keep('window/showMessageRequest', p);
      this.logs.push(p.message);
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      keep('workspace/applyEdit', p);
      this.appliedEdits.push(p.edit);
      return { applied: true };
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    await ensureBuilt();
    // With the flags the VS Code client gives it (server/src/lsp/runtime.ts).
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT });
    const client = new LspClient(child);
    client.configuration = options.configuration ?? null;
    client.configurationDelayMs = options.configurationDelayMs ?? 0;
    const folderUri = options.folder ? pathToFileURL(options.folder).href : null;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'salastus-test' },
      locale: options.locale ?? 'en',
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: 'ws' }] : null,
      initializationOptions: { today: TODAY, ...options.initializationOptions },
      capabilities: {
        window: { workDoneProgress: options.workDoneProgress ?? true },
        workspace: {
          codeLens: { refreshSupport: options.refreshSupport ?? true },
          inlayHint: { refreshSupport: options.refreshSupport ?? true },
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } }, isPreferredSupport: true },
          rename: { prepareSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true, dynamicRegistration: options.dynamicSymbols ?? false },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    this.sentAt = performance.now();
    return this.connection.sendNotification(method, params);
  }

  /** The next diagnostics published for `uri` (after this call) that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 8000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms (published: ${JSON.stringify(this.published.get(uri)?.map((p) => p.diagnostics.map((d) => d.code)) ?? [])}; stderr: ${this.stderr.join('')})`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams): void => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ uri, predicate, resolve: done });
    });
  }

  /** The latest diagnostics of `uri` if they satisfy `predicate`, else the next that do. */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const last = this.published.get(uri)?.at(-1);
    if (last && predicate(last)) return Promise.resolve(last);
    return this.nextDiagnostics(uri, predicate, timeoutMs);
  }

  /** The messages the server sent with this method, so far. */
  receivedOf(method: string): Received[] {
    return this.received.filter((r) => r.method === method);
  }

  /** The first message with this method (and satisfying `predicate`) the server sent at or after index `from` of `received`. */
  async nextReceived(method: string, from = 0, predicate: (r: Received) => boolean = () => true, timeoutMs = 8000): Promise<Received> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find((r) => r.method === method && predicate(r));
      if (found) return found;
      if (performance.now() > deadline) throw new Error(`no ${method} from the server within ${timeoutMs} ms (received: ${this.received.slice(from).map((r) => r.method).join(', ')})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The `$/progress` values of a work done progress, in order. */
  progressOf(token: unknown): ProgressValue[] {
    return this.receivedOf('$/progress').map((r) => r.params as { token: unknown; value: ProgressValue }).filter((p) => p.token === token).map((p) => p.value);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  async open(uri: string, text: string): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, 'salastus', 1, text));
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'salastus', version: 1, text } });
  }

  /** Replaces the whole text (one content change without range). */
  async change(uri: string, text: string): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, [{ text }], version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies edits as incremental content changes, last first. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const changes = sorted.map((e) => ({ range: e.range, text: e.newText }));
    TextDocument.update(doc, changes, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The position of the `nth` occurrence of `needle` (plus `delta` characters) in an open document. */
  positionOf(uri: string, needle: string, delta = 0, nth = 0): Position {
    const doc = this.docs.get(uri)!;
    const text = doc.getText();
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`'${needle}' not found in ${uri}`);
    }
    return doc.positionAt(at + delta);
  }

  /** Shuts the server down (shutdown, exit); SIGTERMs it if it has not exited within 2 s. */
  shutdown(): Promise<void> {
    return stopLspChild(this.connection, this.child, 2000, 'SIGTERM');
  }
}

/** The server and fixture copy of a suite, filled in by its `before` hook. */
export interface Server {
  client: LspClient;
  fx: Fixture;
}

/**
 * Registers the mocha hooks of a suite that talks to one server: `before` copies the fixture
 * `fixtureName`, starts the server with that copy as its workspace folder (and `options`) and
 * then runs `setup` (open files, wait for diagnostics); `after` shuts the server down and
 * removes the copy. The returned object's fields are set once `before` has run.
 */
export function useServer(fixtureName: string, options: StartOptions = {}, setup?: (server: Server) => void | Promise<void>): Server {
  const server = {} as Server;
  before(async () => {
    server.fx = copyFixture(fixtureName);
    server.client = await LspClient.start({ folder: server.fx.dir, ...options });
    await setup?.(server);
  });
  after(async () => {
    await server.client.shutdown();
    server.fx.dispose();
  });
  return server;
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'salastus', 0, text), edits);
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function lineOf(d: Diagnostic): number {
  return d.range.start.line + 1;
}

export function codesAndLines(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${lineOf(d)} ${String(d.code)}`);
}

export type { Range };
