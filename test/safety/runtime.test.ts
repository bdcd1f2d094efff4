// Safety at run time: the built server (dist/server.js) and command line (bin/salastus.js →
// dist/cli.js) run under a watchdog preload (preload.ts, `node --import`) with
// `--disallow-code-generation-from-strings`, through a whole session. The watchdog writes a
// line to standard error for any connection, port, child process, vm or eval, worker on a
// foreign file, write to disk, or read outside the workspace's .salastus files, the
// configured registry file and the product's own install folder; the test asserts there is
// none, and first that the watchdog does catch each kind of violation.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT, TODAY } from '../lsp/client.ts';

const PRELOAD = join(ROOT, 'test', 'safety', 'preload.ts');
const EXAMPLES = join(ROOT, '..', 'shared', 'spec', 'examples');

interface Violation {
  kind: string;
  detail: string;
}

function violations(stderr: string): Violation[] {
  return stderr.split('\n').filter((l) => l.startsWith('SALASTUS-SAFETY {')).map((l) => JSON.parse(l.slice('SALASTUS-SAFETY '.length)) as Violation);
}

/** The workspace files the watchdog saw read, from every process and thread that exited. */
function seen(stderr: string): string[] {
  return [...new Set(stderr.split('\n').filter((l) => l.startsWith('SALASTUS-SAFETY-SEEN ')).flatMap((l) => JSON.parse(l.slice('SALASTUS-SAFETY-SEEN '.length)) as string[]))].sort();
}

function watchdogEnv(workspace: string[], extra: { files?: string[]; workers?: string[] } = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: `--import=${pathToFileURL(PRELOAD).href} --disallow-code-generation-from-strings`,
    SALASTUS_SAFETY_INSTALL: [join(ROOT, 'dist'), join(ROOT, 'bin'), join(ROOT, 'node_modules'), join(ROOT, 'package.json')].join(delimiter),
    SALASTUS_SAFETY_WORKSPACE: workspace.join(delimiter),
    SALASTUS_SAFETY_FILES: (extra.files ?? []).join(delimiter),
    SALASTUS_SAFETY_WORKERS: (extra.workers ?? []).join(delimiter),
  };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('safety at run time (watchdog preload)', function () {
  this.timeout(180_000);
  let dir: string;
  let ws: string;
  let outside: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-safety-'));
    ws = join(dir, 'ws');
    outside = join(dir, 'outside');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    mkdirSync(outside);
    cpSync(join(EXAMPLES, 'clean.salastus'), join(ws, 'clean.salastus'));
    cpSync(join(EXAMPLES, 'mistakes.salastus'), join(ws, 'sub', 'mistakes.salastus'));
    writeFileSync(join(ws, 'notes.txt'), 'not a salastus file');
    writeFileSync(join(outside, 'secret.salastus'), 'decision "OUT-1" { level: secret }\n');
    symlinkSync(join(outside, 'secret.salastus'), join(ws, 'link.salastus'));
    symlinkSync(outside, join(ws, 'linked-folder'));
    writeFileSync(join(outside, 'registry.json'), '{}\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the watchdog itself catches connections, processes, eval, foreign reads and writes', async () => {
    const script = [
      "const net = require('node:net'); const fs = require('node:fs'); const cp = require('node:child_process');",
      "net.connect(9, '127.0.0.1').on('error', () => {});",
      "try { cp.spawnSync('true'); } catch {}",
      `try { fs.readFileSync(${JSON.stringify(join(outside, 'secret.salastus'))}); } catch {}`,
      `try { fs.readFileSync(${JSON.stringify(join(ws, 'notes.txt'))}); } catch {}`,
      `try { fs.writeFileSync(${JSON.stringify(join(dir, 'w.txt'))}, 'x'); } catch {}`,
      "try { require('node:vm').runInThisContext('1'); } catch {}",
      "try { new Function('return 1')(); } catch (e) { console.error('codegen ' + e.constructor.name); }",
    ].join('\n');
    const r = await run(['-e', script], watchdogEnv([ws]));
    const kinds = violations(r.stderr).map((v) => v.kind);
    assert.ok(r.stderr.includes('SALASTUS-SAFETY-ARMED'), r.stderr);
    for (const k of ['net.connect', 'child_process.spawnSync', 'read', 'write', 'vm.runInThisContext']) assert.ok(kinds.includes(k), `${k} not caught: ${r.stderr}`);
    assert.deepEqual([...new Set(violations(r.stderr).filter((v) => v.kind === 'read').map((v) => v.detail))].sort(), [join(outside, 'secret.salastus'), join(ws, 'notes.txt')].sort());
    assert.match(r.stderr, /codegen EvalError/);
  });

  it('the language server, through a whole session, opens no connection, starts no process, evaluates nothing and reads only the workspace', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, watchdogEnv([ws]));
    let client: LspClient;
    try {
      client = await LspClient.start({ folder: ws, configuration: { today: TODAY } });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    try {
      const clean = pathToFileURL(join(ws, 'clean.salastus')).href;
      const mistakes = pathToFileURL(join(ws, 'sub', 'mistakes.salastus')).href;
      const published = await client.diagnostics(mistakes, (p) => p.diagnostics.length > 0, 20_000);
      const text = readFileSync(join(ws, 'sub', 'mistakes.salastus'), 'utf8');
      await client.open(mistakes, text);
      await client.edit(mistakes, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// edited\n' }]);
      await client.diagnostics(mistakes, (p) => p.version === client.version(mistakes));
      const position = client.positionOf(mistakes, 'top secret', 2);
      await client.request('textDocument/hover', { textDocument: { uri: mistakes }, position });
      await client.request('textDocument/completion', { textDocument: { uri: mistakes }, position });
      const ds = (await client.diagnostics(mistakes, (p) => p.version === client.version(mistakes))).diagnostics;
      await client.request('textDocument/codeAction', { textDocument: { uri: mistakes }, range: ds[0]!.range, context: { diagnostics: ds } });
      await client.request('textDocument/formatting', { textDocument: { uri: mistakes }, options: { tabSize: 2, insertSpaces: true } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri: clean } });
      await client.request('workspace/symbol', { query: 'A' });
      const idPos = client.positionOf(mistakes, '"A-1"', 1);
      await client.request('textDocument/definition', { textDocument: { uri: mistakes }, position: idPos });
      await client.request('textDocument/references', { textDocument: { uri: mistakes }, position: idPos, context: { includeDeclaration: true } });
      await client.request('textDocument/rename', { textDocument: { uri: mistakes }, position: idPos, newName: 'A-1-renamed' });
      await client.request('textDocument/codeLens', { textDocument: { uri: clean } });
      await client.request('textDocument/inlayHint', { textDocument: { uri: clean }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
      for (const command of ['salastus.checkWorkspace', 'salastus.explain', 'salastus.stamp']) {
        await client.request('workspace/executeCommand', { command, arguments: command === 'salastus.explain' ? ['§ 7 p 3'] : [{ uri: clean, position: { line: 3, character: 3 } }] }).catch(() => undefined);
      }
      // The client reports changes outside the workspace, through a symbolic link and to a non-.salastus file: none may be read.
      await client.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(join(outside, 'secret.salastus')).href, type: 2 },
          { uri: pathToFileURL(join(ws, 'link.salastus')).href, type: 2 },
          { uri: pathToFileURL(join(ws, 'linked-folder', 'secret.salastus')).href, type: 1 },
          { uri: pathToFileURL(join(ws, 'notes.txt')).href, type: 2 },
          { uri: pathToFileURL(join(ws, '..', 'outside', 'registry.json')).href, type: 2 },
        ],
      });
      await client.close(mistakes);
      await client.request('textDocument/documentSymbol', { textDocument: { uri: clean } });
      assert.ok(published.diagnostics.length > 0);
      assert.deepEqual(client.appliedEdits, [], 'workspace/applyEdit sent without being asked');
    } finally {
      await client.shutdown();
    }
    const stderr = client.stderr.join('');
    assert.ok(stderr.includes('SALASTUS-SAFETY-ARMED'), `the watchdog did not run in the server: ${stderr}`);
    assert.deepEqual(violations(stderr), [], stderr);
    // The watchdog saw the server read the workspace's files: its wrapping is where the reads go.
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen(client.stderr.join('')), [join(ws, 'clean.salastus'), join(ws, 'sub', 'mistakes.salastus')]);
    assert.ok(!client.logs.some((l) => / failed: /.test(l)), client.logs.join('\n'));
  });

  it('the command line, on threads and with a registry file, does the same', async () => {
    const registry = join(outside, 'registry.json');
    const env = { ...watchdogEnv([ws], { files: [registry], workers: [join(ROOT, 'dist', 'cli.js')] }), SALASTUS_THREADS_ALWAYS: '1' };
    const r = await run([join(ROOT, 'bin', 'salastus.js'), 'check', '--today', TODAY, '--jobs', '2', '--registry', registry, '--format', 'json', ws], env);
    assert.ok(r.stderr.includes('SALASTUS-SAFETY-ARMED'), r.stderr);
    assert.equal(r.code, 1, `exit ${r.code}: ${r.stderr}`);
    const reported = JSON.parse(r.stdout) as { file: string }[];
    assert.ok(reported.some((x) => x.file.endsWith('mistakes.salastus')));
    assert.ok(!reported.some((x) => x.file.includes('secret') || x.file.includes('link')), 'a file outside the workspace was checked');
    // The watchdog ran in the checking threads too (an ARMED line besides the main thread's), which started on the CLI's own bundle only.
    assert.ok((r.stderr.match(/SALASTUS-SAFETY-ARMED/g) ?? []).length >= 2, r.stderr);
    assert.deepEqual(violations(r.stderr), [], r.stderr);
    // Threads that are terminated print no exit line; those that do name only workspace files.
    const read = seen(r.stderr);
    assert.ok(read.length > 0 && read.every((f) => [join(ws, 'clean.salastus'), join(ws, 'sub', 'mistakes.salastus')].includes(f)), r.stderr);
  });
});
