// The VS Code extension: starts the bundled language server (dist/server.js) over IPC and
// adds four commands. Everything it shows comes from the server; the client only asks
// (`workspace/executeCommand`) and displays the answer in a read-only editor beside.
//
//   salastus.showStamp       → server `salastus.stamp`   [{ uri, position }] → Stamp | null (stamp-view.ts: a preview)
//   salastus.copyStamp       → server `salastus.stamp`   (stamp-view.ts: the stamp in the UI language, to the clipboard)
//   salastus.checkWorkspace  → server `salastus.checkWorkspace` [] → number of files; reveals Problems
//   salastus.explainBasis    → server `salastus.explain` [{ basis, lang }] → markdown | null
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest, LanguageClient, TransportKind,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime.ts';
import { MESSAGES, resolveLanguage, type Lang, type Messages } from './messages.ts';
import { registerStampView } from './stamp-view.ts';
import { registerCalendar } from './calendar.ts';

/** Commands this extension registers itself. */
const CLIENT_COMMANDS: readonly string[] = ['salastus.showStamp', 'salastus.copyStamp', 'salastus.checkWorkspace', 'salastus.explainBasis'];
/** Read-only documents that show a stamp or an explanation. */
const VIEW_SCHEME = 'salastus-view';

interface Settings {
  today: string;
  language: string;
  institutions: unknown[];
}

let client: LanguageClient | undefined;
let started: Promise<void> | undefined;

function settings(): Settings {
  const c = vscode.workspace.getConfiguration('salastus');
  return {
    today: c.get<string>('today', ''),
    language: c.get<string>('language', 'auto'),
    institutions: c.get<unknown[]>('institutions', []),
  };
}

function lang(): Lang {
  return resolveLanguage(settings().language, vscode.env.language);
}

function msg(): Messages {
  return MESSAGES[lang()];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Texts of the read-only views, by URI. */
class Views implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function executeOnServer(command: string, args: unknown[]): Promise<unknown> {
  if (!client || !started) throw new Error('the language server is not running');
  await started;
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

async function showView(views: Views, name: string, text: string): Promise<vscode.Uri> {
  const uri = views.set(name, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return uri;
}

async function checkWorkspace(): Promise<void> {
  const files = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: msg().checking },
    () => executeOnServer('salastus.checkWorkspace', []),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.setStatusBarMessage(msg().checked(typeof files === 'number' ? files : 0), 5000);
}

/** The legal basis under (or else first on) the cursor's line, to prefill the input box. */
function basisNearCursor(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'salastus') return '';
  const pos = editor.selection.active;
  const line = editor.document.lineAt(pos.line).text;
  const re = /(?:RSVS\s*)?§\s*\d+\s*(?:punkt|clause|p)\s*\.?\s*\d+(?:\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d+))?/giu;
  let first = '';
  for (const m of line.matchAll(re)) {
    first ||= m[0];
    if (m.index <= pos.character && pos.character <= m.index + m[0].length) return m[0];
  }
  return first;
}

async function explainBasis(views: Views): Promise<void> {
  const m = msg();
  const basis = await vscode.window.showInputBox({
    prompt: m.explainPrompt,
    placeHolder: '§ 7 p 3',
    value: basisNearCursor(),
    validateInput: (s) => (s.trim() ? undefined : m.explainEmpty),
  });
  if (!basis?.trim()) return;
  const markdown = await executeOnServer('salastus.explain', [{ basis: basis.trim(), lang: lang() }]);
  if (typeof markdown !== 'string') {
    void vscode.window.showWarningMessage(m.unknownBasis(basis.trim()));
    return;
  }
  const name = basis.trim().replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ');
  const uri = views.set(`${name}.md`, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No markdown preview (the built-in extension disabled): show the text itself.
    await showView(views, `${name}.md`, markdown);
  }
}

function command(id: string, run: (...args: unknown[]) => Promise<void>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      await run(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(msg().requestFailed(errorText(e)));
    }
  });
}

export function activate(context: vscode.ExtensionContext): void {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.salastus');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'salastus' },
      { scheme: 'untitled', language: 'salastus' },
    ],
    synchronize: { configurationSection: 'salastus', fileEvents: watcher },
    // VS Code has the snippets from snippets/salastus.json (generated from the server's own,
    // server/src/service/snippets.ts): the server leaves them out of completion.
    initializationOptions: { ...settings(), clientSnippets: true },
    diagnosticCollectionName: 'salastus',
  };
  client = new LanguageClient('salastus', 'Salastus', serverOptions, clientOptions);

  // The library registers a VS Code command for every command the server lists in
  // `executeCommandProvider` (e.g. `salastus.createMarking`, run by a code action). One the
  // extension registers itself would clash, so those are left out of that list.
  const commandFeature = client.getFeature(ExecuteCommandRequest.method);
  const register = commandFeature.register.bind(commandFeature);
  commandFeature.register = (data) => register({
    ...data,
    registerOptions: { ...data.registerOptions, commands: data.registerOptions.commands.filter((c) => !CLIENT_COMMANDS.includes(c)) },
  });

  const views = new Views();
  context.subscriptions.push(
    watcher,
    views,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    registerStampView({ request: executeOnServer, lang }),
    command('salastus.checkWorkspace', checkWorkspace),
    command('salastus.explainBasis', () => explainBasis(views)),
    // The Classification Calendar view and "Export calendar…" (client/src/calendar.ts).
    ...registerCalendar(async (params) => {
      if (!client || !started) throw new Error('the language server is not running');
      await started;
      return client.sendRequest('salastus/calendar', params);
    }, lang),
  );

  started = client.start();
  started.catch((e: unknown) => {
    void vscode.window.showErrorMessage(msg().serverFailed(errorText(e)));
  });
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  started = undefined;
  // A server that never started (or already died) has nothing to stop.
  if (c) await c.stop().catch(() => undefined);
}
