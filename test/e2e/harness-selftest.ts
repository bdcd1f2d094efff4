// Self-test of the e2e harness against VS Code's built-in language features
// (JSON, TypeScript), with no extension of ours. A script, not mocha:
//
//   scripts/e2e-setup.sh && node_modules/.bin/node test/e2e/harness-selftest.ts
//
// Options: --skip-probe   skip the session with the throwaway probe .vsix
//          --skip-signal  skip the SIGINT teardown check
// Prints PASS/FAIL per helper and timings; exits 1 if anything failed.
// Screenshots: test/e2e/screenshots/selftest-*.png
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Workbench, pollUntil, waitGroupGone, withWorkbench, withTimeout } from './harness.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);

// ------------------------------------------------------------------ fixtures

function makeWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'salastus-e2e-selftest-ws-'));
  const files: Record<string, string> = {
    // Line 5: missing comma after `[1, 2` -> "Expected comma" at 5:3.
    'bad.json': '{\n  "name": "demo",\n  "version": 1,\n  "items": [1, 2\n  "broken": true\n}\n',
    'schema.json': JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        alpha: { type: 'string', description: 'The alpha property of the self-test schema.' },
        beta: { type: 'number', description: 'The beta property.' },
        gamma: { type: 'boolean', description: 'The gamma property.' },
        nested: { type: 'object', properties: { inner: { type: 'number' } } },
      },
    }, null, 2) + '\n',
    'data.json': '{\n  "$schema": "./schema.json",\n  "alpha": "first",\n  "nested": {\n    "inner": 1\n  }\n}\n',
    // Line 3: `greting` is misspelled -> TS 2552 with a "Change spelling" quick fix.
    'main.ts': 'const greeting: string = "hi";\nexport function greet(name: string): string {\n  return greting + name;\n}\nconsole.log(greet("x"));\n',
    'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "target": "es2022", "module": "es2022" }\n}\n',
    'notes.txt': 'hello world\nsecond line\n',
    'probe/sample.probe': 'fine line\nthis line is BAD\n',
    'probe/late.probe': 'first line\nsecond line\nthis line is LATE\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    fs.writeFileSync(path.join(ws, name), text);
  }
  return ws;
}

/**
 * A throwaway extension (not ours) to prove .vsix install, activation detection,
 * user settings and --locale: hover shows vscode.env.language and a setting;
 * lines with BAD get a diagnostic. Ctrl+Alt+Shift+L (command e2eProbe.addLens) puts a code
 * lens above the line with LATE, as a language server's lens arrives after the text.
 */
function buildProbeVsix(dir: string): string {
  const ext = path.join(dir, 'probe-ext');
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify({
    name: 'e2e-probe', displayName: 'E2E probe', publisher: 'salastus-e2e', version: '0.0.1', license: 'MIT',
    engines: { vscode: '^1.90.0' }, main: './extension.js', activationEvents: ['onLanguage:e2eprobe'],
    contributes: {
      languages: [{ id: 'e2eprobe', aliases: ['E2E Probe'], extensions: ['.probe'] }],
      configuration: { properties: { 'e2eProbe.greeting': { type: 'string', default: 'default-greeting' } } },
      commands: [{ command: 'e2eProbe.addLens', title: 'E2E probe: add a lens' }],
      keybindings: [{ command: 'e2eProbe.addLens', key: 'ctrl+alt+shift+l', when: 'editorLangId == e2eprobe' }],
    },
  }, null, 2));
  fs.writeFileSync(path.join(ext, 'extension.js'), `const vscode = require('vscode');
exports.activate = (context) => {
  const diags = vscode.languages.createDiagnosticCollection('e2eprobe');
  const check = (doc) => {
    if (doc.languageId !== 'e2eprobe') return;
    const out = [];
    doc.getText().split('\\n').forEach((line, i) => {
      const c = line.indexOf('BAD');
      if (c >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, c, i, c + 3), 'probe: BAD found', vscode.DiagnosticSeverity.Warning);
        d.source = 'e2eprobe';
        out.push(d);
      }
    });
    diags.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(diags,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.languages.registerHoverProvider('e2eprobe', { provideHover(doc, pos) {
      const greeting = vscode.workspace.getConfiguration('e2eProbe').get('greeting');
      return new vscode.Hover('probe-hover language=' + vscode.env.language + ' greeting=' + greeting + ' word=' + doc.getText(doc.getWordRangeAtPosition(pos)));
    } }));
  let lens = false;
  const lensesChanged = new vscode.EventEmitter();
  context.subscriptions.push(lensesChanged,
    vscode.languages.registerCodeLensProvider('e2eprobe', {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses(doc) {
        const line = doc.getText().split('\\n').findIndex((l) => l.includes('LATE'));
        return lens && line >= 0 ? [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: 'probe lens', command: '' })] : [];
      },
    }),
    vscode.commands.registerCommand('e2eProbe.addLens', () => { lens = true; lensesChanged.fire(); }));
};
exports.deactivate = () => {};
`);
  fs.writeFileSync(path.join(ext, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(ext, 'README.md'), '# E2E probe\nThrowaway extension of the e2e harness self-test.\n');
  const vsix = path.join(dir, 'e2e-probe.vsix');
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: ext, encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stdout}\n${r.stderr}`);
  return vsix;
}

// -------------------------------------------------------------------- checks

interface Result { name: string; ok: boolean; ms: number; detail: string }
const results: Result[] = [];

async function check(name: string, fn: () => Promise<string | void>): Promise<boolean> {
  const t0 = Date.now();
  let ok = true;
  let detail: string;
  try {
    detail = (await withTimeout(name, 90_000, fn())) ?? '';
  } catch (e) {
    ok = false;
    detail = e instanceof Error ? e.message : String(e);
  }
  const ms = Date.now() - t0;
  results.push({ name, ok, ms, detail });
  const oneLine = detail.replace(/\s+/g, ' ').slice(0, 220);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name} (${ms} ms)${oneLine ? ` - ${oneLine}` : ''}`);
  return ok;
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

const timings: Record<string, number> = {};

async function mainSession(ws: string): Promise<void> {
  const t0 = Date.now();
  let session: Workbench | undefined;
  await withWorkbench({ workspace: ws, name: 'selftest' }, async (wb) => {
    session = wb;
    timings['code-server start-to-ready (/healthz)'] = wb.timings.codeServerReadyMs;
    timings['workbench load + extension host ready'] = wb.timings.workbenchReadyMs;
    timings['start() total'] = Date.now() - t0;
    await wb.screenshot('selftest-01-start');

    await check('openFile (Ctrl+P) bad.json', async () => {
      await wb.openFile('bad.json');
      const text = await wb.visibleEditorText();
      assert(text.includes('"broken": true'), `editor text: ${text}`);
      return 'tab active, .view-lines rendered';
    });

    await check('problems (Ctrl+Shift+M): JSON syntax error with its line', async () => {
      const ps = await wb.waitForProblems((list) => list.some((p) => p.file === 'bad.json' && p.line === 5));
      const p = ps.find((x) => x.file === 'bad.json' && x.line === 5);
      assert(p && /Expected comma/.test(p.message) && p.column === 3 && p.severity === 'error' && p.source === 'json',
        `unexpected: ${JSON.stringify(ps)}`);
      await wb.screenshot('selftest-02-problems');
      return ps.map((x) => `${x.severity} ${x.file}:${x.line}:${x.column} ${x.message} [${x.source} ${x.code}]`).join('; ');
    });

    await check('gotoLine (Ctrl+G) + cursor (status bar)', async () => {
      await wb.gotoLine(4, 5);
      const c = await wb.cursor();
      assert(c.line === 4 && c.column === 5, JSON.stringify(c));
      return 'Ln 4, Col 5';
    });

    await check('quickFixes (Ctrl+.) where none exist -> []', async () => {
      const q = await wb.quickFixes({ line: 2, column: 4 });
      assert(q.length === 0, JSON.stringify(q));
      await wb.press('Escape');
      return '"No code actions available" recognised';
    });

    await check('hoverOn: JSON schema description', async () => {
      await wb.openFile('data.json');
      const h = await wb.hoverOn('"alpha"', { offset: 2 });
      await wb.screenshot('selftest-03-hover-json');
      await wb.hideHover();
      assert(h.includes('The alpha property of the self-test schema.'), `hover: ${JSON.stringify(h)}`);
      return JSON.stringify(h);
    });

    await check('hoverOn via keyboard (Ctrl+K Ctrl+I)', async () => {
      const h = await wb.hoverOn('"alpha"', { offset: 2, via: 'keyboard' });
      await wb.hideHover();
      assert(h.includes('The alpha property'), `hover: ${JSON.stringify(h)}`);
      return JSON.stringify(h);
    });

    await check('completions (Ctrl+Space) in JSON from the schema', async () => {
      const labels = await wb.completions(wb.positionOf('"alpha"'));
      await wb.screenshot('selftest-04-completion');
      await wb.press('Escape');
      assert(labels.includes('beta') && labels.includes('gamma'), JSON.stringify(labels));
      return JSON.stringify(labels);
    });

    await check('outline (Outline view) of data.json', async () => {
      const o = await wb.outline();
      await wb.screenshot('selftest-05-outline');
      const find = (l: string) => o.find((e) => e.label === l);
      assert(find('alpha')?.depth === 1 && find('nested')?.depth === 1 && find('inner')?.depth === 2, JSON.stringify(o));
      return o.map((e) => `${'  '.repeat(e.depth - 1)}${e.label}${e.kind ? `(${e.kind})` : ''}`).join(', ');
    });

    await check('openFile + problems: TypeScript diagnostic', async () => {
      await wb.openFile('main.ts');
      const ps = await wb.waitForProblems((list) => list.some((p) => p.file === 'main.ts' && p.line === 3), 60_000);
      const p = ps.find((x) => x.file === 'main.ts' && x.line === 3);
      assert(p && p.message.includes("Cannot find name 'greting'") && p.column === 10 && p.source === 'ts', JSON.stringify(ps));
      return `${p.file}:${p.line}:${p.column} ${p.message}`;
    });

    await check('hoverAt (mouse) in TypeScript', async () => {
      const h = await wb.hoverOn('greet', { occurrence: 2 });
      await wb.screenshot('selftest-06-hover-ts');
      await wb.hideHover();
      assert(h.includes('function greet(name: string): string'), JSON.stringify(h));
      return JSON.stringify(h);
    });

    await check('quickFixes (Ctrl+.) + applyQuickFix by title', async () => {
      const q = await wb.quickFixes(wb.positionOf('greting'));
      await wb.screenshot('selftest-07-quickfix');
      assert(q.includes("Change spelling to 'greeting'"), JSON.stringify(q));
      await wb.applyQuickFix("Change spelling to 'greeting'");
      const text = await wb.visibleEditorText();
      assert(text.includes('return greeting + name;'), text);
      return JSON.stringify(q);
    });

    await check('rename (F2) + save (Ctrl+S) + readFile', async () => {
      const ok = await wb.rename('salutation', wb.positionOf('greeting'));
      assert(ok, 'rename box did not open');
      await wb.save();
      const disk = wb.readFile('main.ts');
      assert(disk.includes('const salutation: string') && disk.includes('return salutation + name;') && !disk.includes('greeting'), disk);
      await wb.screenshot('selftest-08-renamed');
      return 'both occurrences renamed on disk';
    });

    await check('runCommand (Command Palette) by title', async () => {
      await wb.openFile('notes.txt');
      await wb.gotoLine(1, 2);
      await wb.runCommand('Transform to Uppercase');
      await wb.save();
      const disk = wb.readFile('notes.txt');
      assert(disk.startsWith('HELLO world'), JSON.stringify(disk));
      return '"Transform to Uppercase" changed the word at the cursor';
    });

    await check('runCommand with an unknown title fails cleanly', async () => {
      let threw = false;
      await wb.runCommand('No Such Command 12345').catch(() => { threw = true; });
      assert(threw, 'no error');
      assert(!(await wb.page.locator('.quick-input-widget').isVisible()), 'palette left open');
      return 'threw, palette closed';
    });
    await wb.screenshot('selftest-09-end');
  });
  timings['main session total'] = Date.now() - t0;
  if (session) timings['teardown (close)'] = session.timings.closeMs;
}

async function probeSession(ws: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salastus-e2e-probe-'));
  try {
    let vsix = '';
    const ok = await check('probe .vsix built with vsce', async () => {
      vsix = buildProbeVsix(dir);
      return path.basename(vsix);
    });
    if (!ok) return;
    const t0 = Date.now();
    await withWorkbench({
      workspace: ws, name: 'probe', vsix, locale: 'et',
      userSettings: { 'e2eProbe.greeting': 'tere', 'workbench.colorTheme': 'Default Dark Modern' },
    }, async (wb) => {
      timings['install .vsix (--install-extension)'] = wb.timings.installVsixMs;
      await check('userSettings applied (dark theme)', async () => {
        assert(await wb.page.locator('.monaco-workbench.vs-dark').count(), 'workbench is not dark');
        return '.monaco-workbench.vs-dark';
      });
      await check('vsix installed + waitForExtensionActivation', async () => {
        await wb.openFile('probe/sample.probe');
        await wb.waitForExtensionActivation('salastus-e2e.e2e-probe');
        return 'activation seen in remoteexthost.log';
      });
      await check('problems from an extension (subfolder file)', async () => {
        const ps = await wb.waitForProblems((l) => l.some((p) => p.source === 'e2eprobe'));
        const p = ps.find((x) => x.source === 'e2eprobe');
        assert(p && p.file === path.join('probe', 'sample.probe') && p.line === 2 && p.column === 14 && p.severity === 'warning', JSON.stringify(ps));
        return `${p.severity} ${p.file}:${p.line}:${p.column} ${p.message}`;
      });
      await check('extension hover sees setting + --locale', async () => {
        const h = await wb.hoverOn('BAD');
        await wb.screenshot('selftest-10-probe-hover');
        assert(h.includes('greeting=tere') && h.includes('word=BAD'), JSON.stringify(h));
        return JSON.stringify(h);
      });
      await check('a hover that does not show what is expected fails saying what the widget showed', async () => {
        let message = '';
        await wb.hoverOn('BAD', { expect: 'no such text', waitMs: 2000 }).catch((e: unknown) => { message = e instanceof Error ? e.message : String(e); });
        await wb.hideHover();
        assert(/in 2 tries: 1\) the widget showed "[^;]*word=BAD"; 2\) the widget showed "[^;]*word=BAD"$/.test(message), message);
        return message;
      });
      await check('hoverOn survives a code lens inserted above the line between measuring and hovering', async () => {
        await wb.openFile('probe/late.probe');
        assert((await wb.codeLenses()).length === 0, 'a lens before the key');
        const h = await wb.hoverOn('LATE', {
          expect: 'word=LATE',
          afterMeasure: async () => {
            await wb.press('Control+Alt+Shift+L');
            await pollUntil('the probe lens', 10_000, async () => ((await wb.codeLenses()).includes('probe lens') ? true : undefined));
          },
        });
        await wb.hideHover();
        assert(h.includes('word=LATE'), JSON.stringify(h));
        return JSON.stringify(h);
      });
    });
    timings['probe session total'] = Date.now() - t0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a child that starts a workbench and blocks; sends it SIGINT; checks nothing is left. */
async function signalCheck(ws: string): Promise<void> {
  await check('teardown on SIGINT (child process)', async () => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--signal-child', ws], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const ready = await withTimeout('child workbench ready', 120_000, new Promise<{ codeServer: number; chromium: number; tempDir: string }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^READY (.*)$/m.exec(out);
        if (m) resolve(JSON.parse(m[1]) as { codeServer: number; chromium: number; tempDir: string });
      });
      child.on('exit', (c) => reject(new Error(`child exited early (${c}): ${out}`)));
    }));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    child.kill('SIGINT');
    const code = await withTimeout('child exit after SIGINT', 20_000, exited);
    // SIGKILLed processes need a moment to be gone (and reaped).
    assert(await waitGroupGone(ready.codeServer, 5000), `code-server group ${ready.codeServer} still alive`);
    assert(await waitGroupGone(ready.chromium, 5000), `chromium group ${ready.chromium} still alive`);
    assert(!fs.existsSync(ready.tempDir), `${ready.tempDir} not removed`);
    return `exit code ${code}; groups ${ready.codeServer}, ${ready.chromium} gone; temp dir removed`;
  });
}

async function signalChild(ws: string): Promise<void> {
  const wb = await Workbench.start({ workspace: ws, verbose: false });
  console.log(`READY ${JSON.stringify({ ...wb.pids, tempDir: wb.tempDir })}`);
  setInterval(() => undefined, 1000); // wait for the signal
}

// ---------------------------------------------------------------------- main

if (args[0] === '--signal-child') {
  await signalChild(args[1]);
} else {
  const tAll = Date.now();
  const ws = makeWorkspace();
  try {
    await mainSession(ws).catch((e: unknown) => {
      results.push({ name: 'main session', ok: false, ms: 0, detail: e instanceof Error ? e.message : String(e) });
      console.log(`FAIL main session - ${e instanceof Error ? e.message : String(e)}`);
    });
    if (!args.includes('--skip-probe')) {
      await probeSession(ws).catch((e: unknown) => {
        results.push({ name: 'probe session', ok: false, ms: 0, detail: String(e) });
        console.log(`FAIL probe session - ${e instanceof Error ? e.message : String(e)}`);
      });
    }
    if (!args.includes('--skip-signal')) await signalCheck(ws);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  timings['selftest total'] = Date.now() - tAll;
  console.log('\nTimings (ms):');
  for (const [k, v] of Object.entries(timings)) console.log(`  ${k}: ${v}`);
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length}/${results.length} passed${failed.length ? `; FAILED: ${failed.map((f) => f.name).join(', ')}` : ''}`);
  process.exitCode = failed.length ? 1 : 0;
}
