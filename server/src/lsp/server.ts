// The language server: a thin adapter from the Language Server Protocol to the language
// service (server/src/service) and the checker. It converts offsets ↔ positions with each
// document's LineIndex, our severities to LSP's, our two-language messages to the user's
// language; it reads the workspace's `.salastus` files (files.ts) and publishes
// diagnostics. No rule and no computation of the law lives here.
import {
  CodeActionKind, CodeLensRefreshRequest, CompletionItemKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType, FoldingRangeKind, InsertTextFormat, MarkupKind, MessageType, ResponseError, ErrorCodes, ShowMessageNotification,
  SymbolKind,
  TextDocumentSyncKind,
  type CodeAction as LspCodeAction, type CompletionItem as LspCompletionItem, type Connection,
  type Diagnostic as LspDiagnostic, type Disposable, type DocumentSymbol as LspDocumentSymbol, type InitializeParams, type InitializeResult,
  type Location as LspLocation, type Position, type Range, type TextEdit as LspTextEdit, type WorkDoneProgressServerReporter,
  type WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageserver/node';
import { LineIndex, type Span } from '../../../grammar/index.ts';
import type { Severity } from '../check/codes.ts';
import type { Diagnostic, Lang } from '../check/types.ts';
import { loadCatalogue } from '../law/catalogue.ts';
import { loadRegistry, type Registry } from '../law/registry.ts';
import {
  codeActions, codeLenses, completeList, createMarkingEdit, decisionById, definition, documentSymbols, explainBasisText,
  foldingRanges, format, formatCalendar, hover, inlayHints, jsonOf, prepareRename, references, rename, rowsOf, stampAt, t,
  windowMonths, workspaceCalendar, workspaceSymbols, Workspace,
  type CompletionKind, type DocumentSymbol, type ServiceDocument, type SymbolKind as OurSymbolKind, type WorkspaceEdit,
} from '../service/index.ts';
import { canonicalUri, insideFolders, listWorkspaceFiles, pathUri, readWorkspaceFile, realFolders, uriToPath, type Skipped } from './files.ts';
import { configurationSettings, DEFAULTS, readSettings, resolveLang, resolveRegistry, resolveToday, type Settings } from './settings.ts';

/** How long a burst of changes must pause before the document is checked and its diagnostics published. */
export const DEBOUNCE_MS = 150;
/** Changes closer together than this are a burst (key repeat, a client's batched edits); a change after a quiet spell is checked at once. */
export const BURST_MS = 50;

/**
 * The first check of the workspace (from `initialized` to its first diagnostics: reading the
 * files, the client's settings, the check) is shown as a progress (`window/workDoneProgress`)
 * when the workspace has more files than this — known before the first file is read, so the
 * progress is there from the start. On this machine 2,000 files (7 MB) take about 1 s, so
 * 200 files about 0.1 s; on a drafter's laptop, where a virus scanner opens every file read,
 * several times that —
 */
export const PROGRESS_FILES = 200;
/** — or when it has not ended after this long (large files, a slow disk, a client slow to send its settings). */
export const PROGRESS_AFTER_MS = 1000;
/** How long the first scan reads and parses files before it lets other messages through (and reports its progress). */
const SCAN_SLICE_MS = 20;
/**
 * How long the first check waits for the client's settings (`workspace/configuration`) once
 * the files are read; then it goes on with the initialization options, and applies the
 * settings when they come. (VS Code answers at once; a client that never does must not leave
 * the drafter with no diagnostics and features that never answer.)
 */
export const CONFIGURATION_WAIT_MS = 5000;

export const SERVER_COMMANDS = ['salastus.stamp', 'salastus.explain', 'salastus.checkWorkspace', 'salastus.createMarking'] as const;

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const COMPLETION_KIND: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  snippet: CompletionItemKind.Snippet,
  field: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
  constant: CompletionItemKind.EnumMember,
  text: CompletionItemKind.Text,
};

const SYMBOL_KIND: Readonly<Record<OurSymbolKind, SymbolKind>> = {
  act: SymbolKind.Namespace,
  decision: SymbolKind.Class,
  marking: SymbolKind.Struct,
  part: SymbolKind.Field,
  declassification: SymbolKind.Event,
  extension: SymbolKind.Event,
  correction: SymbolKind.Event,
  subclass: SymbolKind.Enum,
};

/** A callback to run after `ms`, which can be cancelled; 0: as soon as the pending I/O is handled (setTimeout(0) waits at least 1 ms). */
interface Pending {
  cancel(): void;
}

function later(ms: number, run: () => void): Pending {
  if (ms <= 0) {
    const h = setImmediate(run);
    return { cancel: () => clearImmediate(h) };
  }
  const h = setTimeout(run, ms);
  return { cancel: () => clearTimeout(h) };
}

/** The next turn of the event loop: what came in meanwhile is handled, what was sent is written out. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A piece of work the client shows as a progress (`window/workDoneProgress`), once asked to
 * (`show`): the client makes the token, then the progress begins with what was last reported;
 * `done` ends it (also when it ends before the client has answered). Without `create` (the
 * client cannot show one) nothing is sent.
 */
class Progress {
  private reporter: WorkDoneProgressServerReporter | undefined;
  private asked = false;
  private ended = false;
  private percentage = 0;
  private message = '';

  private readonly create: (() => Promise<WorkDoneProgressServerReporter>) | undefined;
  private readonly title: () => string;

  constructor(create: (() => Promise<WorkDoneProgressServerReporter>) | undefined, title: () => string) {
    this.create = create;
    this.title = title;
  }

  show(): void {
    if (this.asked || this.ended || !this.create) return;
    this.asked = true;
    this.create().then((reporter) => {
      this.reporter = reporter;
      if (this.ended) reporter.done();
      else reporter.begin(this.title(), this.percentage, this.message, false);
    }, () => undefined);
  }

  report(percentage: number, message: string): void {
    const p = Math.floor(percentage);
    if (p === this.percentage && message === this.message) return;
    this.percentage = p;
    this.message = message;
    if (!this.ended) this.reporter?.report(p, message);
  }

  done(): void {
    if (this.ended) return;
    this.ended = true;
    this.reporter?.done();
  }
}

function sameYmd(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function startServer(connection: Connection): void {
  const ws = new Workspace({ catalogue: loadCatalogue(), registry: loadRegistry(), today: resolveToday('').today });
  let locale: string | undefined;
  let initSettings: Settings = DEFAULTS;
  let settings: Settings = DEFAULTS;
  let lang: Lang = 'en';
  let institutionsKey = '';
  let folders: string[] = [];
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  let hasFolderEvents = false;
  let canShowProgress = false;
  let canRefreshCodeLenses = false;
  let canRefreshInlayHints = false;
  let canRegisterSymbols = false;
  /** The client has the language's snippets itself (the VS Code extension: snippets/salastus.json): completion leaves them out. */
  let clientSnippets = false;
  /**
   * The document symbols (Outline, breadcrumbs), registered with the client when it can take
   * a registration: LSP has no request to refresh them, but a client asks again for the
   * symbols of a provider registered anew (refreshViews).
   */
  let symbolRegistration: Promise<Disposable | undefined> = Promise.resolve(undefined);
  /**
   * Whether the settings are read and the workspace scanned for the first time. Until then
   * nothing is published (an open file's reference to a decision of another file would be
   * taken for unknown) and the features that read the workspace or speak the user's language
   * wait for `startup` (whenStarted).
   */
  let started = false;
  let markStarted: () => void = () => undefined;
  const startup = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let shownProblems = new Set<string>();
  /** The client's spelling of each document uri (canonical → as sent). */
  const clientUris = new Map<string, string>();
  const timers = new Map<string, Pending>();
  /** When each document last changed in the editor (performance.now()), to tell a burst from a single keystroke. */
  const lastChange = new Map<string, number>();
  /** Documents whose diagnostics wait to be published. */
  const toPublish = new Set<string>();
  const removedToClear = new Set<string>();

  const log = (message: string): void => connection.console.log(message);
  /** A document uri as the client spelled it (canonical uris are the service's). */
  const clientUri = (uri: string): string => clientUris.get(uri) ?? uri;

  /** Runs a handler so that an exception is logged and answered with `fallback`, never thrown. */
  function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await fn(...args);
      } catch (e) {
        connection.console.error(`salastus: ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };
  }

  /** `guard`, answering once the settings are in and no scan of the workspace is under way (`startup`, `scans`). */
  function whenStarted<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return guard(name, fallback, async (...args: A) => {
      await startup;
      while (scanning > 0) await scans;
      return fn(...args);
    });
  }

  function problem(message: string): void {
    log(message);
    if (shownProblems.has(message)) return;
    shownProblems.add(message);
    // A notification: a client that shows no messages cannot answer it with an error.
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  // ----- positions ------------------------------------------------------------------------

  function range(doc: { lines: ServiceDocument['lines'] }, span: Span): Range {
    return { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
  }

  /** The offset of a position, or undefined when the position is outside the document. */
  function offsetOf(doc: ServiceDocument, p: Position): number | undefined {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return undefined;
    if (p.line >= doc.lines.lineCount) return undefined;
    return doc.lines.offsetAt(p, doc.source);
  }

  /** The span of a range; a range reaching past the end of the document ends at its end. */
  function spanOf(doc: ServiceDocument, r: Range): Span | undefined {
    const valid = (p: Position): boolean => Number.isInteger(p?.line) && Number.isInteger(p?.character) && p.line >= 0 && p.character >= 0;
    if (!valid(r.start) || !valid(r.end)) return undefined;
    const start = doc.lines.offsetAt(r.start, doc.source);
    const end = doc.lines.offsetAt(r.end, doc.source);
    return { start, end: Math.max(start, end) };
  }

  function docOf(uri: string): ServiceDocument | undefined {
    return ws.get(canonicalUri(uri));
  }

  function lspEdit(edit: WorkspaceEdit): LspWorkspaceEdit {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [uri, edits] of Object.entries(edit)) {
      const doc = ws.get(uri);
      if (!doc) continue;
      changes[clientUri(uri)] = edits.map((e) => ({ range: range(doc, e.span), newText: e.newText }));
    }
    return { changes };
  }

  function lspLocation(uri: string, span: Span): LspLocation | undefined {
    const doc = ws.get(uri);
    return doc ? { uri: clientUri(uri), range: range(doc, span) } : undefined;
  }

  // ----- diagnostics ----------------------------------------------------------------------

  /**
   * A diagnostic as LSP has it. Its fixes stay here (code actions look them up by code and
   * range): every publication sends the whole list again, and the fixes would double it.
   */
  function toLsp(d: Diagnostic, doc: { lines: ServiceDocument['lines'] }): LspDiagnostic {
    return {
      range: range(doc, d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: `${settings.rulesBaseUrl}${d.code}.md` },
      source: 'salastus',
      message: d.message[lang],
    };
  }

  /** The real date moves on at midnight: keep "today" current unless the setting fixes it. */
  function refreshToday(): void {
    if (settings.today !== '') return;
    const { today } = resolveToday('');
    if (!sameYmd(today, ws.today)) ws.setOptions({ today });
  }

  /** Publishes the diagnostics of every document whose diagnostics may have changed and whose debounce has run out. */
  function publish(): void {
    if (!started || scanning > 0) return; // the changes wait in the workspace until the files are read
    refreshToday();
    const { changed, removed } = ws.drainChanges();
    for (const u of changed) toPublish.add(u);
    for (const u of removed) {
      toPublish.delete(u);
      removedToClear.add(u);
    }
    for (const u of [...removedToClear]) {
      if (timers.has(u)) continue;
      removedToClear.delete(u);
      if (ws.has(u)) continue;
      connection.sendDiagnostics({ uri: clientUri(u), diagnostics: [] }).catch(() => undefined);
      clientUris.delete(u);
    }
    for (const u of [...toPublish]) {
      if (timers.has(u)) continue; // its own debounce is still running
      toPublish.delete(u);
      const doc = ws.get(u);
      if (!doc) continue;
      const ds = ws.diagnostics(u).map((d) => toLsp(d, doc));
      connection.sendDiagnostics({ uri: clientUri(u), ...(doc.open ? { version: doc.version } : {}), diagnostics: ds }).catch(() => undefined);
    }
  }

  const safePublish = guard('publishing diagnostics', undefined, publish);

  /**
   * Checks and publishes `uri` (and what depends on it) after `delay`; for an edit (no
   * delay given): at once (the next turn of the event loop) after a quiet spell, so a single
   * keystroke waits for nothing but the check; within a burst (the previous edit, or the
   * end of the check that followed it, less than BURST_MS ago — edits that queued up during
   * a check — or its check still waiting), once no change has come for DEBOUNCE_MS.
   */
  function schedule(uri: string, delay?: number): void {
    const old = timers.get(uri);
    old?.cancel();
    if (delay === undefined) {
      const now = performance.now();
      const previous = lastChange.get(uri);
      lastChange.set(uri, now);
      delay = old !== undefined || (previous !== undefined && now - previous < BURST_MS) ? DEBOUNCE_MS : 0;
    } else {
      lastChange.delete(uri);
    }
    timers.set(uri, later(delay, () => {
      timers.delete(uri);
      void safePublish();
      if (lastChange.has(uri)) lastChange.set(uri, performance.now());
    }));
  }

  // ----- settings -------------------------------------------------------------------------

  async function loadSettings(): Promise<void> {
    let next = initSettings;
    if (canPullConfiguration) {
      try {
        const [section] = await connection.workspace.getConfiguration([{ section: 'salastus' }]) as unknown[];
        next = configurationSettings(section, initSettings);
      } catch (e) {
        log(`salastus: could not read the configuration: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    applySettings(next);
  }

  function applySettings(next: Settings): void {
    const langBefore = lang;
    const todayBefore = ws.today;
    const rulesBefore = settings.rulesBaseUrl;
    settings = next;
    lang = resolveLang(next.language, locale);
    const today = resolveToday(next.today);
    if (today.problem) problem(today.problem);
    let registry: Registry | undefined;
    const key = JSON.stringify(next.institutions ?? null);
    if (key !== institutionsKey) {
      institutionsKey = key;
      const r = resolveRegistry(next.institutions);
      if (r.problem) problem(r.problem);
      registry = r.registry;
    }
    ws.setOptions({ today: today.today, ...(registry ? { registry } : {}) });
    if (lang !== langBefore || rulesBefore !== next.rulesBaseUrl) ws.invalidateAll();
    // The diagnostics are published again by the caller; what the client asks for itself is refreshed here.
    if (lang !== langBefore || registry || !sameYmd(todayBefore, ws.today)) refreshViews(lang !== langBefore);
  }

  /**
   * Asks the client to ask again for the code lenses and inlay hints of its editors (when it
   * can be asked): they speak the user's language and read the date and the registry; and,
   * when the language changed, for the document symbols (when it can take a registration).
   * Not before the first scan: until then the client's requests wait for it, and are answered
   * with the settings it brings.
   */
  function refreshViews(languageChanged: boolean): void {
    if (!started) return;
    if (canRefreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
    if (languageChanged && canRegisterSymbols) registerSymbols();
  }

  /** Registers the document symbols with the client, first unregistering those registered before. */
  function registerSymbols(): void {
    symbolRegistration = symbolRegistration.then((before) => {
      before?.dispose();
      return connection.client.register(DocumentSymbolRequest.type, { documentSelector: null, label: 'Salastus' });
    }).catch(() => undefined);
  }

  // ----- workspace files ------------------------------------------------------------------

  /** Scans run one after another; nothing is published while one runs. */
  let scans: Promise<unknown> = Promise.resolve();
  let scanning = 0;

  /**
   * Reads (and parses) every `.salastus` file of the workspace folders, in slices of
   * SCAN_SLICE_MS between which other messages are handled and `progress` hears how far it
   * got; forgets the files read before that are gone. Nothing is published until it ends: a
   * reference to a file not yet read would be taken for unknown. Returns how many files it
   * read, and those it could not.
   */
  function scanWorkspace(progress?: Progress): Promise<{ files: number; skipped: Skipped[] }> {
    scanning++;
    const run = scans.then(() => scan(progress)).finally(() => {
      scanning--;
    });
    scans = run.catch(() => undefined);
    return run;
  }

  async function scan(progress: Progress | undefined): Promise<{ files: number; skipped: Skipped[] }> {
    const roots = [...folders];
    const before = ws.uris().filter((u) => ws.isOnDisk(u));
    const { paths, skipped } = listWorkspaceFiles(roots);
    if (paths.length > PROGRESS_FILES) progress?.show();
    const real = realFolders(roots);
    const found = new Set<string>();
    let slice = performance.now();
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const r = readWorkspaceFile(path, roots, real);
      if (r.ok) {
        const uri = canonicalUri(pathUri(path));
        found.add(uri);
        ws.setDisk(uri, r.text);
        ws.get(uri); // parsed in its slice, not all at once when the index is next asked for
      } else {
        skipped.push({ path, reason: r.reason });
      }
      if (performance.now() - slice >= SCAN_SLICE_MS) {
        progress?.report((90 * (i + 1)) / paths.length, t(lang, 'progress.read', i + 1, paths.length));
        await nextTurn();
        slice = performance.now();
      }
    }
    for (const uri of before) if (ws.isOnDisk(uri) && !found.has(uri)) ws.removeDisk(uri);
    return { files: found.size, skipped };
  }

  /** Shown once per file and reason: a drafter must know a file of the folder was not checked. */
  function reportSkipped(skipped: readonly Skipped[]): void {
    for (const f of skipped) problem(t(lang, 'scan.notChecked', f.path, f.reason.replace(/^not checked: /, '')));
  }

  /** A file changed on disk (or was created or deleted): read it again. */
  function refreshFile(uri: string, deleted: boolean): void {
    const path = uriToPath(uri);
    if (!path) return;
    if (deleted) {
      ws.removeDisk(uri);
      // A deleted folder takes its files with it.
      if (!path.endsWith('.salastus')) {
        for (const u of ws.uris()) {
          const p = uriToPath(u);
          if (p && ws.isOnDisk(u) && insideFolders(p, [path])) ws.removeDisk(u);
        }
      }
      return;
    }
    const r = readWorkspaceFile(path, folders);
    if (r.ok) ws.setDisk(uri, r.text);
    else if (path.endsWith('.salastus') && insideFolders(path, folders)) ws.removeDisk(uri);
  }

  // ----- lifecycle ------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = params.locale;
    initSettings = readSettings(params.initializationOptions, DEFAULTS);
    clientSnippets = (params.initializationOptions as { clientSnippets?: unknown } | undefined)?.clientSnippets === true;
    settings = initSettings;
    applySettings(initSettings);
    const c = params.capabilities;
    canPullConfiguration = !!c.workspace?.configuration;
    canRegisterConfiguration = !!c.workspace?.didChangeConfiguration?.dynamicRegistration;
    canRegisterWatchers = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hasFolderEvents = !!c.workspace?.workspaceFolders;
    canShowProgress = !!c.window?.workDoneProgress;
    canRefreshCodeLenses = !!c.workspace?.codeLens?.refreshSupport;
    canRefreshInlayHints = !!c.workspace?.inlayHint?.refreshSupport;
    canRegisterSymbols = !!c.textDocument?.documentSymbol?.dynamicRegistration;
    const wf = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = wf.map(uriToPath).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', '"'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        documentFormattingProvider: true,
        // Registered in `initialized` when the client can take it (registerSymbols).
        documentSymbolProvider: !canRegisterSymbols,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [...SERVER_COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'salastus', version: '0.1.0' },
    };
  });

  connection.onInitialized(guard('initialized', undefined, async () => {
    if (canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'salastus' }).catch(() => undefined);
    if (canRegisterWatchers) connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.salastus' }] }).catch(() => undefined);
    if (canRegisterSymbols) registerSymbols();
    if (hasFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(guard('workspace folders', undefined, async (e) => {
        const removedPaths = e.removed.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        folders = folders.filter((f) => !removedPaths.includes(f));
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p && !folders.includes(p)) folders.push(p);
        }
        reportSkipped((await scanWorkspace()).skipped);
        publish();
      }));
    }
    await firstCheck();
  }));

  /**
   * From `initialized` to the first diagnostics: the settings are asked for and the files read
   * meanwhile; then everything is checked and published. A progress is shown when the
   * workspace is large or this takes long (PROGRESS_FILES, PROGRESS_AFTER_MS).
   */
  async function firstCheck(): Promise<void> {
    const progress = new Progress(canShowProgress ? () => connection.window.createWorkDoneProgress() : undefined, () => t(lang, 'progress.title'));
    const slow = setTimeout(() => progress.show(), PROGRESS_AFTER_MS);
    try {
      let settingsRead = false;
      const settingsLoaded = loadSettings().finally(() => {
        settingsRead = true;
      });
      const { files, skipped } = await scanWorkspace(progress);
      if (!settingsRead) progress.report(90, t(lang, 'progress.settings'));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([settingsLoaded, new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CONFIGURATION_WAIT_MS);
      })]);
      clearTimeout(timer);
      if (!settingsRead) {
        log(`salastus: no settings from the client after ${CONFIGURATION_WAIT_MS} ms: checking with those given at start until they come`);
        void settingsLoaded.then(() => publish());
      }
      reportSkipped(skipped);
      log(`salastus: ${files} file${files === 1 ? '' : 's'} in ${folders.length} workspace folder${folders.length === 1 ? '' : 's'}`);
      progress.report(90, t(lang, 'progress.check', files));
      await nextTurn(); // the report goes out before the check holds the thread
    } catch (e) {
      // The server serves what it has.
      connection.console.error(`salastus: reading the workspace failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      started = true;
      markStarted();
      clearTimeout(slow);
    }
    try {
      ws.invalidateAll();
      publish();
    } finally {
      progress.done();
    }
  }

  connection.onShutdown(() => {
    for (const t of timers.values()) t.cancel();
    timers.clear();
  });

  connection.onDidChangeConfiguration(guard('configuration', undefined, async (params) => {
    shownProblems = new Set();
    if (canPullConfiguration) await loadSettings();
    else {
      const s = (params.settings as Record<string, unknown> | null)?.['salastus'];
      applySettings(configurationSettings(s, initSettings));
    }
    publish();
  }));

  connection.onDidChangeWatchedFiles(guard('watched files', undefined, (params) => {
    for (const change of params.changes) {
      const uri = canonicalUri(change.uri);
      refreshFile(uri, change.type === FileChangeType.Deleted);
      schedule(uri, 0);
    }
  }));

  // ----- open documents -------------------------------------------------------------------

  // Full sync on open, incremental changes after: each range is applied to the buffer's text
  // with its own line index (UTF-16 positions, clamped to the line as LSP says).
  connection.onDidOpenTextDocument(guard('open', undefined, (e) => {
    const { uri: sent, text, version } = e.textDocument;
    const uri = canonicalUri(sent);
    clientUris.set(uri, sent);
    ws.setOpen(uri, text, version);
    schedule(uri);
  }));

  connection.onDidChangeTextDocument(guard('change', undefined, (e) => {
    const sent = e.textDocument.uri;
    const uri = canonicalUri(sent);
    if (!ws.edit(uri, e.textDocument.version, e.contentChanges)) return; // a document the client never opened: nothing to apply it to
    clientUris.set(uri, sent);
    schedule(uri);
  }));

  connection.onDidCloseTextDocument(guard('close', undefined, (e) => {
    const uri = canonicalUri(e.textDocument.uri);
    // The file on disk, as it is now, takes the buffer's place.
    const path = uriToPath(uri);
    const r = path ? readWorkspaceFile(path, folders) : undefined;
    if (r?.ok) ws.setDisk(uri, r.text);
    else ws.removeDisk(uri);
    ws.close(uri);
    schedule(uri, 0);
  }));

  // ----- features -------------------------------------------------------------------------

  connection.onHover(whenStarted('hover', null, (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return null;
    const h = hover(ws, doc.uri, at, lang);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.span) } : null;
  }));

  connection.onCompletion(whenStarted('completion', [] as LspCompletionItem[] | { isIncomplete: boolean; items: LspCompletionItem[] }, (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return [];
    const list = completeList(ws, doc.uri, at, lang, { snippets: !clientSnippets });
    const items = list.items.map((it): LspCompletionItem => ({
      label: it.label,
      kind: COMPLETION_KIND[it.kind],
      ...(it.detail ? { detail: it.detail } : {}),
      ...(it.documentation ? { documentation: { kind: MarkupKind.Markdown, value: it.documentation } } : {}),
      textEdit: { range: range(doc, it.span), newText: it.insertText },
      insertTextFormat: it.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(it.sortText ? { sortText: it.sortText } : {}),
      ...(it.filterText ? { filterText: it.filterText } : {}),
      ...(it.preselect ? { preselect: true } : {}),
      ...(it.retrigger ? { command: { title: '', command: 'editor.action.triggerSuggest' } } : {}),
    }));
    // Some items were left out (too many decision ids): the editor asks again as the user types.
    return list.incomplete ? { isIncomplete: true, items } : items;
  }));

  connection.onCodeAction(whenStarted('code actions', [] as LspCodeAction[], (p) => {
    const doc = docOf(p.textDocument.uri);
    const span = doc && spanOf(doc, p.range);
    if (!doc || !span) return [];
    const given = p.context.diagnostics;
    const refs = given.map((d) => ({ code: d.code === undefined ? undefined : String(d.code), span: spanOf(doc, d.range) ?? { start: -1, end: -1 } }));
    return codeActions(ws, doc.uri, span, refs, lang, p.context.only).map((a): LspCodeAction => ({
      title: a.title,
      kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Refactor,
      ...(a.diagnostics.length ? { diagnostics: a.diagnostics.map((i) => given[i]!) } : {}),
      ...(a.isPreferred ? { isPreferred: true } : {}),
      edit: lspEdit(a.edit),
    }));
  }));

  connection.onDocumentFormatting(guard('formatting', [] as LspTextEdit[], (p) => {
    const doc = docOf(p.textDocument.uri);
    if (!doc) return [];
    return format(doc.text, doc.doc).map((e) => ({ range: range(doc, e.span), newText: e.newText }));
  }));

  connection.onDocumentSymbol(whenStarted('document symbols', [] as LspDocumentSymbol[], (p) => {
    const doc = docOf(p.textDocument.uri);
    if (!doc) return [];
    const convert = (s: DocumentSymbol): LspDocumentSymbol => ({
      name: s.name || ' ',
      ...(s.detail ? { detail: s.detail } : {}),
      kind: SYMBOL_KIND[s.kind],
      range: range(doc, s.span),
      selectionRange: range(doc, s.selectionSpan),
      children: s.children.map(convert),
    });
    return documentSymbols(doc, lang).map(convert);
  }));

  connection.onWorkspaceSymbol(whenStarted('workspace symbols', [], (p) => workspaceSymbols(ws.documents(), p.query).flatMap((s) => {
    const location = lspLocation(s.uri, s.span);
    return location ? [{ name: s.name, kind: SYMBOL_KIND[s.kind], location, ...(s.container ? { containerName: s.container } : {}) }] : [];
  })));

  connection.onFoldingRanges(guard('folding ranges', [], (p) => {
    const doc = docOf(p.textDocument.uri);
    if (!doc) return [];
    return foldingRanges(doc).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }));
  }));

  connection.onDefinition(whenStarted('definition', [] as LspLocation[], (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return [];
    return definition(ws, doc.uri, at).flatMap((l) => lspLocation(l.uri, l.span) ?? []);
  }));

  connection.onReferences(whenStarted('references', [] as LspLocation[], (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return [];
    return references(ws, doc.uri, at, p.context.includeDeclaration).flatMap((l) => lspLocation(l.uri, l.span) ?? []);
  }));

  connection.onPrepareRename(whenStarted('prepare rename', null, (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return null;
    const r = prepareRename(ws, doc.uri, at);
    return r ? { range: range(doc, r.span), placeholder: r.placeholder } : null;
  }));

  connection.onRenameRequest(whenStarted('rename', null, (p) => {
    const doc = docOf(p.textDocument.uri);
    const at = doc && offsetOf(doc, p.position);
    if (!doc || at === undefined) return null;
    const r = rename(ws, doc.uri, at, p.newName, lang);
    if ('error' in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return lspEdit(r.edit);
  }));

  connection.onCodeLens(whenStarted('code lens', [], (p) => {
    const doc = docOf(p.textDocument.uri);
    if (!doc) return [];
    return codeLenses(ws, doc.uri, lang).map((l) => ({
      range: range(doc, l.span),
      command: l.command
        ? { title: l.title, command: l.command.id, arguments: [{ uri: clientUri(doc.uri), position: doc.lines.positionAt(l.command.offset) }] }
        : { title: l.title, command: '' },
    }));
  }));

  connection.languages.inlayHint.on(whenStarted('inlay hints', [], (p) => {
    const doc = docOf(p.textDocument.uri);
    const span = doc && spanOf(doc, p.range);
    if (!doc || !span) return [];
    return inlayHints(ws, doc.uri, span, lang).map((h) => ({
      position: doc.lines.positionAt(h.offset),
      label: h.label.trimStart(),
      paddingLeft: true,
      ...(h.tooltip ? { tooltip: h.tooltip } : {}),
    }));
  }));

  // ----- commands -------------------------------------------------------------------------

  /** A command's arguments: one object (`[{ uri, position }]`) or positional (`[uri, position]`). */
  function argsOf(args: unknown[] | undefined, names: string[]): Record<string, unknown> {
    const first = args?.[0];
    if (typeof first === 'object' && first !== null && !Array.isArray(first)) return first as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    names.forEach((n, i) => { out[n] = args?.[i]; });
    return out;
  }

  connection.onExecuteCommand(whenStarted('command', null as unknown, async (p) => {
    switch (p.command) {
      case 'salastus.stamp': {
        const a = argsOf(p.arguments, ['uri', 'position']);
        if (typeof a['uri'] !== 'string') return null;
        const doc = docOf(a['uri']);
        const at = doc && offsetOf(doc, a['position'] as Position);
        if (!doc || at === undefined) return null;
        return stampAt(ws, doc.uri, at) ?? null;
      }
      case 'salastus.explain': {
        const a = argsOf(p.arguments, ['basis', 'lang']);
        if (typeof a['basis'] !== 'string') return null;
        const l: Lang = a['lang'] === 'et' || a['lang'] === 'en' ? a['lang'] : lang;
        return explainBasisText(a['basis'], ws.catalogue, l) ?? null;
      }
      case 'salastus.checkWorkspace': {
        reportSkipped((await scanWorkspace()).skipped);
        ws.invalidateAll();
        publish();
        return ws.uris().length;
      }
      case 'salastus.createMarking': {
        const a = argsOf(p.arguments, ['uri', 'decisionId']);
        if (typeof a['uri'] !== 'string' || typeof a['decisionId'] !== 'string') return false;
        const doc = docOf(a['uri']);
        const decision = doc && decisionById(doc, a['decisionId']);
        const edit = doc && decision && createMarkingEdit(ws, doc.uri, decision);
        if (!edit) return false;
        const result = await connection.workspace.applyEdit(lspEdit(edit));
        return result.applied;
      }
      default:
        return null;
    }
  }));

  // ----- the classification calendar (LANGUAGE.md § 13) -----------------------------------
  // `salastus/calendar` { months?, format? }: without `format`, the events as JSON (each as
  // `salastus calendar --format json` prints it, with the document's `uri` and `overdue`);
  // with `format: 'ics' | 'html'`, the text of that file. The service computes; this converts.
  let lastCalendar: { events: unknown; lang: Lang; format: string; result: unknown } | undefined;
  connection.onRequest('salastus/calendar', guard('calendar', null as unknown, (params: unknown) => {
    const p = (typeof params === 'object' && params !== null ? params : {}) as { months?: unknown; format?: unknown };
    const months = windowMonths(typeof p.months === 'number' ? p.months : undefined);
    const events = workspaceCalendar(ws, { months });
    const format = p.format === 'ics' || p.format === 'html' ? p.format : 'json';
    // The service keeps the events while nothing changes; so is their conversion, for the same language and form.
    if (lastCalendar?.events === events && lastCalendar.lang === lang && lastCalendar.format === format) return lastCalendar.result;
    const places = new Map<string, { lines: LineIndex; file: string }>();
    const rows = rowsOf(events, (uri) => {
      let place = places.get(uri);
      if (!place) {
        const path = uriToPath(uri);
        const folder = path ? folders.filter((f) => insideFolders(path, [f])).sort((a, b) => b.length - a.length)[0] : undefined;
        const file = path && folder ? path.slice(folder.length).replace(/^[\\/]+/, '') : path ?? uri;
        places.set(uri, place = { lines: ws.get(uri)!.lines, file });
      }
      return place;
    });
    const result = format === 'json'
      ? rows.map((r, i) => ({ ...jsonOf(r, lang), uri: clientUri(events[i]!.uri), overdue: r.overdue }))
      : formatCalendar(rows, format, { today: ws.today, months, lang, version: '0.1.0' });
    lastCalendar = { events, lang, format, result };
    return result;
  }));
}
