// Hostile files: empty, only a BOM, CRLF and lone-CR line endings, tabs, a 10 MB single
// line, 100,000 nested braces, 100,000 blocks, invalid UTF-8, a binary file renamed
// .salastus, a NUL byte. Each goes through the command line (main() in-process, reading the
// file from disk through io/decode.ts) and through the built language server process
// (scanned from the workspace folder, and the text files opened as editor buffers). Each
// gets diagnostics or a plain "not checked: …" notice, never a crash or a hang: every file
// has a time bound, and the time taken is printed. Where a file has diagnostics, the text
// under each range must be the text the same diagnostic covers in the LF version of the
// file (CRLF, lone CR and tabs must not shift a range by a character).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { parseDocument } from '../../grammar/index.ts';
import { checkWorkspace } from '../../server/src/check/checker.ts';
import { main } from '../../server/src/cli/run.ts';
import { checkOptions } from '../fuzz/harness.ts';
import { LspClient } from '../lsp/client.ts';

const TODAY = '2026-11-21';
const MISTAKES = readFileSync(new URL('../../../shared/spec/examples/mistakes.salastus', import.meta.url), 'utf8').replace(/\r\n?/g, '\n');

interface Hostile {
  name: string;
  bytes: Buffer;
  /** 'text': checked, with diagnostics compared against `twin`; 'notice': "not checked: …". */
  kind: 'text' | 'notice';
  /** The LF text whose diagnostics (code and text under the range) this file must have. */
  twin?: string;
  /** Open it in the editor too (small files only). */
  open: boolean;
}

function block(i: number): string {
  return `decision "D-${i}" { originator: "Ministry of Defence" level: secret basis: § 7 p 3 classified: 2026-03-01 term: 15 years }`;
}

function hostileFiles(): Hostile[] {
  const oneLine: string[] = [];
  let len = 0;
  for (let i = 0; len < 10 * 1024 * 1024; i++) {
    const b = block(i);
    oneLine.push(b);
    len += b.length + 1;
  }
  const many = Array.from({ length: 100_000 }, (_, i) => block(i).replace(/ (?=[a-z]+: )/g, '\n  ').replace(/ }$/, '\n}')).join('\n\n');
  const tabs = MISTAKES.replace(/^ {2}/gm, '\t').replace(/: /g, ':\t');
  const binary = Buffer.alloc(4096);
  binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  for (let i = 8; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  const invalid = Buffer.concat([Buffer.from(MISTAKES.slice(0, 300)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(MISTAKES.slice(300))]);
  const nulAt = MISTAKES.indexOf('level: top secret');
  const nul = `${MISTAKES.slice(0, nulAt)}\u0000${MISTAKES.slice(nulAt)}`;
  return [
    { name: 'empty', bytes: Buffer.alloc(0), kind: 'text', twin: '', open: true },
    { name: 'only-bom', bytes: Buffer.from([0xef, 0xbb, 0xbf]), kind: 'text', twin: '', open: true },
    { name: 'bom-mistakes', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MISTAKES)]), kind: 'text', twin: MISTAKES, open: true },
    { name: 'crlf', bytes: Buffer.from(MISTAKES.replace(/\n/g, '\r\n')), kind: 'text', twin: MISTAKES, open: true },
    { name: 'lone-cr', bytes: Buffer.from(MISTAKES.replace(/\n/g, '\r')), kind: 'text', twin: MISTAKES, open: true },
    { name: 'mixed-eol', bytes: Buffer.from(MISTAKES.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('')), kind: 'text', twin: `${MISTAKES}\n`, open: true },
    { name: 'tabs', bytes: Buffer.from(tabs), kind: 'text', twin: MISTAKES, open: true },
    { name: 'nul-byte', bytes: Buffer.from(nul), kind: 'text', open: true },
    { name: 'nested-braces', bytes: Buffer.from('{'.repeat(100_000)), kind: 'text', open: true },
    { name: 'one-line-10mb', bytes: Buffer.from(oneLine.join(' ')), kind: 'text', open: false },
    { name: 'blocks-100k', bytes: Buffer.from(`${many}\n`), kind: 'text', open: false },
    { name: 'invalid-utf8', bytes: invalid, kind: 'notice', open: false },
    { name: 'binary', bytes: binary, kind: 'notice', open: false },
  ];
}

/** Offsets of the starts of lines, breaking at CRLF, CR and LF (as LSP does). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

/** The text under a line/character range, computed independently of the product's LineIndex. */
function under(text: string, starts: number[], r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(starts[r.start.line]! + r.start.character, starts[r.end.line]! + r.end.character);
}

/** What a file's diagnostics must look like: code and the text under the range, white space collapsed. */
function gist(code: string, text: string): string {
  return `${code} ${JSON.stringify(text.replace(/\s+/g, ' '))}`;
}

function expectedGists(twin: string): string[] {
  const doc = parseDocument(twin);
  const ds = checkWorkspace([{ uri: 'file:///twin.salastus', text: twin, doc }], checkOptions()).get('file:///twin.salastus') ?? [];
  return ds.map((d) => gist(d.code, twin.slice(d.span.start, d.span.end))).sort();
}

/** Generous, for a loaded two-core machine: 3 s plus 4 ms per KiB. */
function boundMs(bytes: number): number {
  return 3000 + 4 * (bytes / 1024);
}

interface CliReport {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

describe('hostile files', function () {
  this.timeout(600_000);
  let dir: string;
  let files: Hostile[];
  const times: string[] = [];

  /** The two large files in a folder of their own, so the small ones' editor round trips are not slowed by re-indexing 200,000 blocks. */
  const pathOf = (f: Hostile): string => join(dir, f.open || f.kind === 'notice' ? 'small' : 'big', `${f.name}.salastus`);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-hostile-'));
    files = hostileFiles();
    mkdirSync(join(dir, 'small'));
    mkdirSync(join(dir, 'big'));
    for (const f of files) writeFileSync(pathOf(f), f.bytes);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`hostile: ${times.join('; ')}`);
  });

  it('the command line checks each file or says plainly why not, in time, with ranges on the right characters', async () => {
    for (const f of files) {
      const path = pathOf(f);
      let out = '';
      let err = '';
      const t0 = performance.now();
      const code = await main(['check', '--today', TODAY, '--format', 'json', '--jobs', '1', path], (s) => (out += s), (s) => (err += s));
      const ms = performance.now() - t0;
      times.push(`cli ${f.name} (${(f.bytes.length / 1024).toFixed(0)} KiB) ${ms.toFixed(0)} ms`);
      assert.ok(ms < boundMs(f.bytes.length), `${f.name}: ${ms.toFixed(0)} ms, bound ${boundMs(f.bytes.length).toFixed(0)} ms`);
      assert.equal(err, '', `${f.name}: stderr ${err}`);
      assert.ok(code === 0 || code === 1, `${f.name}: exit ${code}`);
      const reports = JSON.parse(out) as CliReport[];
      assert.equal(code, reports.some((r) => r.severity === 'error') ? 1 : 0);
      if (f.kind === 'notice') {
        assert.equal(reports.length, 1, `${f.name}: ${out.slice(0, 500)}`);
        assert.match(reports[0]!.message, /^not checked: /);
        continue;
      }
      const text = new TextDecoder('utf-8', { fatal: true }).decode(f.bytes); // drops the BOM, as the CLI does
      const starts = lineStarts(text);
      for (const r of reports) {
        assert.ok(r.range.start.line < starts.length && r.range.end.line < starts.length, `${f.name}: ${JSON.stringify(r.range)} beyond the last line`);
        const s = starts[r.range.start.line]! + r.range.start.character;
        const e = starts[r.range.end.line]! + r.range.end.character;
        assert.ok(s <= e && e <= text.length, `${f.name}: ${JSON.stringify(r.range)} outside the text`);
      }
      if (f.twin !== undefined) {
        assert.deepEqual(reports.map((r) => gist(r.code, under(text, starts, r.range))).sort(), expectedGists(f.twin), `${f.name}: ranges moved`);
      }
      if (f.name === 'crlf' || f.name === 'lone-cr') {
        assert.ok(reports.some((r) => r.code === 'level-exceeds-basis' && under(text, starts, r.range) === 'top secret'));
      }
      if (f.name === 'nested-braces' || f.name === 'nul-byte') assert.ok(reports.some((r) => r.code === 'syntax-error'), `${f.name}: no syntax error`);
      if (f.name === 'one-line-10mb' || f.name === 'blocks-100k') assert.ok(reports.length >= 80_000, `${f.name}: ${reports.length} diagnostics`);
    }
  });

  it('the language server reads the 10 MB line and the 100,000 blocks from the workspace, publishes them in time and still answers', async () => {
    const bigFiles = files.filter((f) => !f.open && f.kind === 'text');
    const bytes = bigFiles.reduce((a, f) => a + f.bytes.length, 0);
    const t0 = performance.now();
    const client = await LspClient.start({ folder: join(dir, 'big'), configuration: { today: TODAY } });
    try {
      for (const f of bigFiles) {
        const p = await client.diagnostics(pathToFileURL(pathOf(f)).href, () => true, 300_000);
        assert.ok(p.diagnostics.length >= 80_000, `${f.name}: ${p.diagnostics.length} diagnostics`);
      }
      const ms = performance.now() - t0;
      times.push(`lsp start + scan + publish of ${bigFiles.map((f) => f.name).join(' and ')} (${(bytes / 1048576).toFixed(1)} MB) ${ms.toFixed(0)} ms`);
      assert.ok(ms < 3 * boundMs(bytes), `${ms.toFixed(0)} ms, bound ${(3 * boundMs(bytes)).toFixed(0)} ms`);
      const t1 = performance.now();
      const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri: pathToFileURL(pathOf(bigFiles[0]!)).href }, position: { line: 0, character: 60 } });
      times.push(`lsp hover in the 10 MB line ${(performance.now() - t1).toFixed(0)} ms`);
      assert.ok(hover !== undefined);
      assert.equal(client.child.exitCode, null, 'the server exited');
      assert.ok(!client.logs.some((l) => / failed: /.test(l)), `a handler failed: ${client.logs.filter((l) => / failed: /.test(l)).join('\n')}`);
    } finally {
      await client.shutdown();
    }
  });

  it('the language server names the files it will not check, checks the others as files and as open buffers, with ranges on the right characters', async () => {
    const t0 = performance.now();
    const client = await LspClient.start({ folder: join(dir, 'small'), configuration: { today: TODAY } });
    try {
      const uriOf = (f: Hostile): string => pathToFileURL(pathOf(f)).href;
      const small = files.filter((f) => f.open);
      await Promise.all(small.map((f) => client.diagnostics(uriOf(f), () => true, 60_000)));
      times.push(`lsp start + scan of ${small.length + 2} small files ${(performance.now() - t0).toFixed(0)} ms`);
      for (const f of files.filter((x) => x.kind === 'notice')) {
        // Logged and shown to the user (window/showMessage), once per file.
        const notices = client.logs.filter((l) => l.includes(`${f.name}.salastus`) && /^Salastus did not check .*: (this is a binary file|the file is not valid UTF-8)/.test(l));
        assert.ok(notices.length >= 1, `${f.name}: no "did not check" notice in ${JSON.stringify(client.logs)}`);
        assert.equal(client.published.get(uriOf(f)), undefined, `${f.name}: diagnostics published for a file not checked`);
      }
      // As editor buffers: each published range covers the same text as in the LF twin.
      for (const f of small) {
        const uri = `untitled:hostile-${f.name}.salastus`;
        const text = new TextDecoder('utf-8').decode(f.bytes);
        const t1 = performance.now();
        const next = client.nextDiagnostics(uri, () => true, 60_000);
        await client.open(uri, text);
        const p = await next;
        const ms = performance.now() - t1;
        times.push(`lsp open ${f.name} ${ms.toFixed(0)} ms`);
        assert.ok(ms < 10_000, `${f.name}: ${ms.toFixed(0)} ms`);
        const doc = TextDocument.create(uri, 'salastus', 1, text);
        if (f.twin !== undefined) {
          // The workspace holds copies of the same blocks on disk: their ids are duplicates here, and only here.
          const own = p.diagnostics.filter((d: LspDiagnostic) => d.code !== 'id-duplicate');
          assert.deepEqual(own.map((d: LspDiagnostic) => gist(String(d.code), doc.getText(d.range))).sort(), expectedGists(f.twin), `${f.name}: LSP ranges moved`);
        }
        if (f.name === 'nested-braces' || f.name === 'nul-byte') assert.ok(p.diagnostics.some((d) => d.code === 'syntax-error'));
        await client.close(uri);
      }
      // Still answering after all of it.
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(files.find((f) => f.name === 'crlf')!) } });
      assert.ok(Array.isArray(symbols) && symbols.length > 0);
      assert.equal(client.child.exitCode, null, 'the server exited');
      assert.ok(!client.logs.some((l) => / failed: /.test(l)), `a handler failed: ${client.logs.filter((l) => / failed: /.test(l)).join('\n')}`);
    } finally {
      await client.shutdown();
    }
  });
});
